import { cva, type VariantProps } from 'class-variance-authority';
import { Loader2 } from 'lucide-react';
import { Slot } from 'radix-ui';
import type { ComponentProps } from 'react';
import { cn } from './cn';

/** Shared by <Button> and links that look like buttons: `<Link className={buttonVariants()}>`. */
export const buttonVariants = cva(
  'inline-flex max-w-full items-center justify-center gap-2 rounded-md border font-semibold no-underline transition-colors ' +
    'text-center leading-snug disabled:cursor-not-allowed disabled:opacity-60 aria-busy:cursor-progress [&_svg]:size-4 [&_svg]:shrink-0',
  {
    variants: {
      variant: {
        primary: 'border-accent bg-accent text-accent-ink hover:bg-accent-hover hover:text-accent-ink',
        secondary: 'border-accent bg-paper text-accent hover:bg-accent-wash hover:text-accent',
        ghost: 'border-transparent bg-transparent text-ink hover:bg-wash hover:text-ink',
        danger: 'border-danger bg-danger text-white hover:bg-danger/90 hover:text-white',
        link: 'border-transparent bg-transparent p-0 text-accent underline hover:text-accent-hover',
      },
      size: {
        md: 'min-h-10 px-4 py-2 text-base',
        sm: 'min-h-8 px-3 py-1 text-sm',
        lg: 'min-h-12 px-5 py-2.5 text-lg',
        icon: 'size-10 p-0',
      },
    },
    compoundVariants: [{ variant: 'link', className: 'min-h-0 px-0 py-0' }],
    defaultVariants: { variant: 'primary', size: 'md' },
  },
);

export type ButtonProps = ComponentProps<'button'> &
  VariantProps<typeof buttonVariants> & {
    /** Renders the child (a link) with the button's look. */
    asChild?: boolean;
    /** An action is running: shows a spinner, sets aria-busy and disables the button. */
    busy?: boolean;
  };

export function Button({ className, variant, size, asChild = false, busy = false, disabled, children, type, ...props }: ButtonProps) {
  if (asChild) {
    return <Slot.Root className={cn(buttonVariants({ variant, size }), className)} {...props}>{children}</Slot.Root>;
  }
  return (
    <button
      type={type ?? 'button'}
      className={cn(buttonVariants({ variant, size }), className)}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      {...props}
    >
      {busy ? <Loader2 className="animate-spin" aria-hidden="true" /> : null}
      {children}
    </button>
  );
}
