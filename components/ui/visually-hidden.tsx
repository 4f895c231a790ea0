import type { ComponentProps } from 'react';

/** Read by screen readers, not shown (Tailwind's `sr-only`). */
export function VisuallyHidden(props: ComponentProps<'span'>) {
  return <span className="sr-only" {...props} />;
}
