import type { ComponentProps } from 'react';
import { cn } from './cn';

/** A native <progress>, styled: announced with its label (pass aria-label or aria-labelledby). */
export function Progress({ className, ...props }: ComponentProps<'progress'>) {
  return (
    <progress
      className={cn(
        'h-2.5 w-full appearance-none overflow-hidden rounded-full bg-line [&::-webkit-progress-bar]:bg-line [&::-webkit-progress-value]:bg-accent [&::-moz-progress-bar]:bg-accent',
        className,
      )}
      {...props}
    />
  );
}
