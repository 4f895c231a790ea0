import { useLocale, useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';
import { markerKey } from '@/lib/content/marker';
import type { Readable } from '@/lib/content/types';
import { MarkerText } from './marker-text';

/**
 * A link named by a text someone wrote (a need's title in a list): the text in the reader's
 * language, and its marker after the link, not inside it. The original is on the page linked.
 * The marker is written here, on the server, as WrittenMarker would write it: handed to a client
 * component, every title of a list went into the page's payload twice more (the original and the
 * translation with it).
 */
export function WrittenLink({ href, value, className }: { href: string; value: Readable; className?: string }) {
  const t = useTranslations('content');
  const key = markerKey(value, useLocale());
  return (
    <>
      <Link href={href} lang={value.language} className={className}>{value.text}</Link>
      {key ? (
        <MarkerText className="ms-1.5 align-middle">
          {t(key, { language: value.original.language })}
          {value.translation?.outdated ? <span className="text-warning"> · {t('outdated')}</span> : null}
        </MarkerText>
      ) : null}
    </>
  );
}
