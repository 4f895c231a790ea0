import type { ComponentProps, ReactNode } from 'react';
import { cn } from './cn';

export function Label({ className, ...props }: ComponentProps<'label'>) {
  return <label className={cn('font-semibold', className)} {...props} />;
}

/** A label, a control, a hint and an error stacked with even spacing. */
export function Field({ className, ...props }: ComponentProps<'div'>) {
  return <div className={cn('grid min-w-0 gap-1', className)} {...props} />;
}

export function FieldHint({ className, ...props }: ComponentProps<'p'>) {
  return <p className={cn('m-0 text-sm text-muted', className)} {...props} />;
}

export function FieldError({ className, ...props }: ComponentProps<'p'>) {
  return <p role="alert" className={cn('m-0 text-sm font-semibold text-danger', className)} {...props} />;
}

/** A group of fields (fieldset with a legend), one column on phones. */
export function FieldGroup({ legend, className, children, ...props }: ComponentProps<'fieldset'> & { legend?: ReactNode }) {
  return (
    <fieldset className={cn('grid min-w-0 gap-4 rounded-lg border border-line bg-paper p-4 sm:p-5', className)} {...props}>
      {legend ? <legend className="px-1 font-bold">{legend}</legend> : null}
      {children}
    </fieldset>
  );
}

/**
 * A form laid out as one column; `width` caps it for short forms. POST by default, so a form
 * submitted before hydration never puts its fields in the URL (tests/unit/form-methods.test.ts).
 */
export function FormStack({ width = 'md', className, ...props }: ComponentProps<'form'> & { width?: 'sm' | 'md' | 'lg' }) {
  const max = { sm: 'max-w-md', md: 'max-w-2xl', lg: 'max-w-4xl' }[width];
  return <form method="post" className={cn('grid min-w-0 gap-4 [&>button]:justify-self-start', max, className)} {...props} />;
}
