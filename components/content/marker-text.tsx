import { useLocale, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { markerKey } from '../../lib/content/marker';
import type { Readable } from '../../lib/content/types';
import { cn } from '../ui/cn';

/**
 * The marker's look: the "languages" icon and its words. No directive, so a server component
 * (WrittenLink) renders it without a client component, and WrittenText in the browser.
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

/** Who made the text shown, or that it is not translated yet; nothing when it is the reader's own language. */
export function WrittenMarker({ value, className }: { value: Readable; className?: string }) {
  const t = useTranslations('content');
  const reader = useLocale();
  const key = markerKey(value, reader);
  if (!key) return null;
  return (
    <MarkerText className={className}>
      {t(key, { language: value.original.language })}
      {value.translation?.outdated ? <span className="text-warning"> · {t('outdated')}</span> : null}
    </MarkerText>
  );
}
