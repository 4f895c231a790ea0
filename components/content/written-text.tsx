'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { markerKey } from '../../lib/content/marker';
import type { Readable } from '../../lib/content/types';
import { cn } from '../ui/cn';
import { MarkerText, WrittenMarker } from './marker-text';

type Props = {
  value: Readable;
  /** `block` for descriptions and notes (keeps line breaks), `inline` for titles and short texts. */
  variant?: 'block' | 'inline';
  /**
   * Inside a link or button the toggle would nest one control in another: `toggle={false}`
   * shows the text and its marker only, and the original is one click away on the page linked
   * (or use WrittenLink, which puts the marker after the link).
   */
  toggle?: boolean;
  /** The element holding the text itself (a heading stays a heading; the marker sits after it). */
  as?: 'div' | 'p' | 'span' | 'h1' | 'h2' | 'h3' | 'blockquote';
  className?: string;
};

/**
 * A text someone wrote, in the reader's language when there is a translation: with `lang`, a
 * marker saying who translated it (or that it is not translated yet) and the original one click
 * away. A button, not a hover, so it works on phones.
 */
export function WrittenText({ value, variant = 'block', toggle = true, as, className }: Props) {
  const t = useTranslations('content');
  const reader = useLocale();
  const [showOriginal, setShowOriginal] = useState(false);
  const textId = useId();
  const shown = showOriginal ? value.original : value;
  const Text = as ?? (variant === 'block' ? 'div' : 'span');
  const Wrapper = variant === 'block' ? 'div' : 'span';
  const keepBreaks = variant === 'block' && !as?.startsWith('h') && 'whitespace-pre-wrap';
  if (!markerKey(value, reader)) {
    return <Text lang={value.language} className={cn(keepBreaks, className)}>{value.text}</Text>;
  }
  return (
    <Wrapper className={variant === 'block' ? 'block' : 'inline'} data-written-text="">
      <Text id={textId} lang={shown.language} className={cn(keepBreaks, className)}>{shown.text}</Text>
      <span className={cn('flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-muted', variant === 'inline' && 'ms-2 inline-flex')}>
        {showOriginal
          ? <MarkerText>{t('showingOriginal', { language: value.original.language })}</MarkerText>
          : <WrittenMarker value={value} />}
        {toggle && value.translation ? (
          <button
            type="button"
            className="min-h-6 text-accent underline underline-offset-2"
            aria-controls={textId}
            onClick={() => setShowOriginal((current) => !current)}
          >
            {showOriginal ? t('showTranslation') : t('showOriginal')}
          </button>
        ) : null}
      </span>
    </Wrapper>
  );
}
