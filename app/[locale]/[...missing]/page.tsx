import { notFound } from 'next/navigation';

// Any path under a locale that no page has: the translated not-found page (next to this
// folder), with status 404, rather than Next's untranslated default. proxy.ts also sends
// malformed paths here.
export default function MissingPage() {
  notFound();
}
