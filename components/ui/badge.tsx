import { cva, type VariantProps } from 'class-variance-authority';
import type { ComponentProps } from 'react';
import { cn } from './cn';

/**
 * A short status label. From `lg` up it never wraps; on phones a long one (Ukrainian hostility
 * statuses) wraps between words, never inside one. Tones map to the tokens in
 * app/globals.css, all AA on their wash.
 */
// The base look is the `badge` utility in app/globals.css (one class, not nine, in every badge's HTML and payload).
export const badgeVariants = cva('badge', {
  variants: {
    tone: {
      neutral: 'bg-[#eceff4] text-[#2b3445]',
      info: 'bg-accent-wash text-[#123e7a]',
      success: 'bg-success-wash text-success',
      warning: 'bg-warning-wash text-warning',
      danger: 'bg-[#ffd6d6] text-[#8a1111]',
      purple: 'bg-hostility-occupied-wash text-hostility-occupied',
      orange: 'bg-hostility-services-wash text-hostility-services',
    },
  },
  defaultVariants: { tone: 'neutral' },
});

export type BadgeTone = NonNullable<VariantProps<typeof badgeVariants>['tone']>;

export function Badge({ className, tone, ...props }: ComponentProps<'span'> & VariantProps<typeof badgeVariants>) {
  return <span className={cn(badgeVariants({ tone }), className)} {...props} />;
}
