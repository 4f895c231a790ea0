import type { ReactNode } from 'react';
import { cn } from '../ui/cn';

/**
 * The marker's look: the "languages" icon and its words. No hooks and no directive, so a server
 * component (WrittenLink) renders it without a client component, and WrittenText in the browser.
 * The icon is a CSS mask (app/globals.css `icon-languages`), not an inline SVG: a list of 25
 * translated titles carried 25 copies of the SVG in its HTML.
 */
export function MarkerText({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <span className={cn('inline-flex items-center gap-1 text-sm text-muted', className)} data-content-marker="">
      <span aria-hidden="true" className="icon-languages" />
      <span>{children}</span>
    </span>
  );
}
