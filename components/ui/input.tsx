import type { ComponentProps } from 'react';
import { cn } from './cn';

/** Shared look of text inputs, selects and text areas. */
export const controlClass =
  'block w-full min-w-0 max-w-full rounded-md border border-line-strong bg-paper px-3 py-2 text-base text-ink ' +
  'placeholder:text-muted disabled:opacity-60 aria-invalid:border-danger aria-invalid:ring-1 aria-invalid:ring-danger';

export function Input({ className, ...props }: ComponentProps<'input'>) {
  return <input className={cn(controlClass, className)} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<'textarea'>) {
  return <textarea className={cn(controlClass, 'min-h-24 resize-y', className)} {...props} />;
}

/** A native select, styled: the platform's own picker is the best one on phones. */
export function Select({ className, ...props }: ComponentProps<'select'>) {
  return <select className={cn(controlClass, 'pr-8', className)} {...props} />;
}
