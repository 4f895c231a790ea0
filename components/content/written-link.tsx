import { Link } from '@/lib/i18n/navigation';
import type { Readable } from '@/lib/content/types';
import { WrittenMarker } from './written-text';

/**
 * A link named by a text someone wrote (a need's title in a list): the text in the reader's
 * language, and its marker after the link, not inside it. The original is on the page linked.
 */
export function WrittenLink({ href, value, className }: { href: string; value: Readable; className?: string }) {
  return (
    <>
      <Link href={href} lang={value.language} className={className}>{value.text}</Link>
      <WrittenMarker value={value} className="ms-1.5 align-middle" />
    </>
  );
}
