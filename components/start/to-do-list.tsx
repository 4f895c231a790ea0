import { CircleAlert } from 'lucide-react';
import { getLocale, getTranslations } from 'next-intl/server';
import { readForReaderByKey } from '@/lib/content/read-for-reader';
import { writtenKey } from '@/lib/content/types';
import type { Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { Link } from '@/lib/i18n/link';
import type { AppLocale } from '@/lib/i18n/routing';
import { listToDo, type ToDoItem } from '@/lib/platform/to-do';
import { WrittenLink } from '../content/written-link';

/** The top of each role's start page: what waits for the reader, each with a link to do it. */
export async function ToDoList({ actor }: { actor: Actor }) {
  const [items, t, locale] = await Promise.all([listToDo(db, actor), getTranslations('toDo'), getLocale() as Promise<AppLocale>]);
  // The entries' titles in the reader's language, one query for the list.
  const written = items.flatMap((item) => ('entries' in item ? item.entries ?? [] : []).flatMap((entry) => (entry.written ? [entry.written] : [])));
  const titles = await readForReaderByKey(db, written, locale);
  return (
    <section aria-labelledby="to-do" className="my-4 rounded-lg border border-line bg-paper p-4 sm:p-5" data-testid="to-do">
      <h2 id="to-do" className="mt-0 mb-2 text-lg font-bold">{t('title')}</h2>
      {items.length === 0 ? <p className="m-0 text-muted">{t('nothing')}</p> : (
        <ul className="m-0 grid list-none gap-2 p-0">
          {items.map((item) => (
            <li key={item.kind} data-kind={item.kind} className="flex min-w-0 gap-2">
              <CircleAlert className="mt-1 size-4 shrink-0 text-accent" aria-hidden="true" />
              <div className="min-w-0">
                <Link href={item.href}>{label(t, item)}</Link>
                {'entries' in item && item.entries?.length ? (
                  <ul className="mt-1 mb-0 grid gap-1 pl-5 text-sm">
                    {item.entries.map((entry) => {
                      const title = entry.written ? titles.get(writtenKey(entry.written)) : undefined;
                      return <li key={entry.id}>{title ? <WrittenLink href={entry.href} value={title} /> : <Link href={entry.href}>{entry.title}</Link>}</li>;
                    })}
                  </ul>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

function label(t: Translate, item: ToDoItem): string {
  if (item.kind === 'incompleteProfile') return t('incompleteProfile', { parts: item.missing.map((part) => t(`profilePart.${part}`)).join(t('listSeparator')) });
  return t(item.kind, { count: item.count });
}
