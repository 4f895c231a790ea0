import { cva, type VariantProps } from 'class-variance-authority';
import type { ComponentProps } from 'react';
import { cn } from './cn';

/** A callout: information beside the content, or the outcome of an action (success / error). */
export const alertVariants = cva('my-3 rounded-md border px-3 py-2.5 [&>:first-child]:mt-0 [&>:last-child]:mb-0', {
  variants: {
    tone: {
      info: 'border-0 border-l-4 border-accent bg-wash',
      success: 'border-[#a9d8b6] bg-success-wash text-success',
      error: 'border-[#f3b8b3] bg-danger-wash text-danger',
      warning: 'border-[#e8d28a] bg-warning-wash text-warning',
    },
  },
  defaultVariants: { tone: 'info' },
});

export function Alert({ className, tone, ...props }: ComponentProps<'div'> & VariantProps<typeof alertVariants>) {
  return <div className={cn(alertVariants({ tone }), className)} {...props} />;
}
