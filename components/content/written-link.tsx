import { Link } from '@/lib/i18n/link';
import type { Readable } from '@/lib/content/types';
import { WrittenMarker } from './marker-text';

/**
 * A link named by a text someone wrote (a need's title in a list): the text in the reader's
 * language, and its marker after the link, not inside it. The original is on the page linked.
 * The marker is written here, on the server: handed to a client component, every title of a list
 * went into the page's payload twice more (the original and the translation with it).
 */
export function WrittenLink({ href, value, className }: { href: string; value: Readable; className?: string }) {
  return (
    <>
      <Link href={href} lang={value.language} className={className}>{value.text}</Link>
      <WrittenMarker value={value} className="ms-1.5 align-middle" />
    </>
  );
}
