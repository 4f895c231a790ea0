import { getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { Link } from '@/lib/i18n/navigation';
import { listToDo, type ToDoItem } from '@/lib/platform/to-do';

/** The top of each role's start page: what waits for the reader, each with a link to do it. */
export async function ToDoList({ actor }: { actor: Actor }) {
  const [items, t] = await Promise.all([listToDo(db, actor), getTranslations('toDo')]);
  return (
    <section aria-labelledby="to-do" className="to-do" data-testid="to-do">
      <h2 id="to-do">{t('title')}</h2>
      {items.length === 0 ? <p className="empty">{t('nothing')}</p> : (
        <ul>
          {items.map((item) => (
            <li key={item.kind} data-kind={item.kind}>
              <Link href={item.href}>{label(t, item)}</Link>
              {'entries' in item && item.entries?.length ? (
                <ul>{item.entries.map((entry) => <li key={entry.id}><Link href={entry.href}>{entry.title}</Link></li>)}</ul>
              ) : null}
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
