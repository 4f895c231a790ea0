import { getTranslations } from 'next-intl/server';
import type { ActionResult } from '@/lib/actions/run';
import type { listIntroductionMessages } from '@/lib/conversations/view';
import { DateTime } from '@/components/time/when';
import { MessageForm } from './message-form';

type Message = Awaited<ReturnType<typeof listIntroductionMessages>>[number];

/** The two sides' conversation on an introduction, oldest first, each message in the reader's language where it can be. */
export async function Conversation({ introductionId, messages, action }: { introductionId: string; messages: Message[]; action: (input: unknown) => Promise<ActionResult<unknown>> }) {
  const t = await getTranslations('conversation');
  return (
    <section aria-labelledby="conversation">
      <h2 id="conversation">{t('title')}</h2>
      <p className="max-w-3xl text-sm text-muted">{t('intro')}</p>
      {messages.length === 0 ? <p className="text-muted">{t('empty')}</p> : (
        <ol className="m-0 mb-4 grid list-none gap-3 p-0" data-testid="messages">
          {messages.map((message) => (
            <li key={message.id} className={`max-w-3xl rounded-lg border border-line px-4 py-3 ${message.isOwn ? 'bg-accent-wash' : 'bg-paper'}`} data-testid="message">
              <p className="m-0 text-sm text-muted">
                <strong className="text-ink">{message.isOwn ? t('you') : t('by', { name: message.authorName, side: t(`sides.${message.side}`) })}</strong> · <DateTime value={message.createdAt} />
              </p>
              <div className="mt-1 whitespace-pre-wrap break-words" lang={message.language}>{message.body}</div>
            </li>
          ))}
        </ol>
      )}
      <MessageForm introductionId={introductionId} action={action} />
    </section>
  );
}
