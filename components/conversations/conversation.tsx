import { getTranslations } from 'next-intl/server';
import { TranslationEditor } from '@/components/content/translation-editor';
import { WrittenText } from '@/components/content/written-text';
import { DateTime } from '@/components/time/when';
import type { ActionResult } from '@/lib/actions/run';
import type { EditableText } from '@/lib/content/translation-editor';
import type { listIntroductionMessages } from '@/lib/conversations/view';
import { MessageForm } from './message-form';
import { FORM_NAMESPACES } from '@/lib/i18n/client-messages';
import { ClientMessages } from '@/components/i18n/client-messages';

type Message = Awaited<ReturnType<typeof listIntroductionMessages>>[number];
type Action = (input: unknown) => Promise<ActionResult<unknown>>;

/**
 * The two sides' conversation on an introduction, oldest first: each message in the reader's
 * language where a translation exists (marked, the original one click away); under a message
 * its author's side and facilitators may add translations.
 */
export async function Conversation({ introductionId, messages, editors, postAction, translateAction }: {
  introductionId: string;
  messages: Message[];
  editors: Map<string, EditableText[] | null>;
  postAction: Action;
  translateAction: Action;
}) {
  const t = await getTranslations('conversation');
  return (
    <section aria-labelledby="conversation">
      <h2 id="conversation">{t('title')}</h2>
      <p className="max-w-3xl text-sm text-muted">{t('intro')}</p>
      {messages.length === 0 ? <p className="text-muted">{t('empty')}</p> : (
        <ol className="m-0 mb-4 grid list-none gap-3 p-0" data-testid="messages">
          {messages.map((message) => {
            const editor = editors.get(message.id);
            return (
              <li key={message.id} className={`max-w-3xl min-w-0 rounded-lg border border-line px-4 py-3 ${message.isOwn ? 'bg-wash' : 'bg-paper'}`} data-testid="message">
                <p className="m-0 text-sm text-muted">
                  <strong className="text-ink">{message.isOwn ? t('you') : t('by', { name: message.authorName, side: t(`sides.${message.side}`) })}</strong> · <DateTime value={message.createdAt} />
                </p>
                <WrittenText value={message.readable} className="mt-1 break-words" />
                {editor ? <ClientMessages namespaces={[...FORM_NAMESPACES, 'conversation']}><TranslationEditor texts={editor} action={translateAction} /></ClientMessages> : null}
              </li>
            );
          })}
        </ol>
      )}
      <ClientMessages namespaces={[...FORM_NAMESPACES, 'conversation']}><MessageForm introductionId={introductionId} action={postAction} /></ClientMessages>
    </section>
  );
}
