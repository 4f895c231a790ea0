'use client';

import { useTranslations } from 'next-intl';
import type { ActionResult } from '@/lib/actions/run';
import type { EditableText } from '@/lib/content/translation-editor';
import { TranslationForm } from './translation-form';

/**
 * "Add or edit a translation": per language, one form per text of the subject. Folded by
 * default so the page reads as before for those who do not translate.
 */
export function TranslationEditor({ texts, action }: { texts: EditableText[]; action: (input: unknown) => Promise<ActionResult<unknown>> }) {
  const t = useTranslations('content');
  const locales = [...new Set(texts.flatMap((text) => text.slots.map((slot) => slot.locale)))];
  if (texts.length === 0) return null;
  return (
    <details className="my-4 rounded-lg border border-line bg-paper p-4">
      <summary className="cursor-pointer font-bold">{t('editor.title')}</summary>
      <p className="text-sm text-muted">{t('editor.hint')}</p>
      <div className="grid gap-4 md:grid-cols-2">
        {locales.map((locale) => (
          <fieldset key={locale} className="grid min-w-0 gap-4 rounded-md border border-line p-3">
            <legend className="px-1 font-semibold">{t('editor.into', { language: locale })}</legend>
            {texts.map((text) => {
              const slot = text.slots.find((candidate) => candidate.locale === locale);
              return slot ? (
                <TranslationForm key={text.written.field} written={text.written} slot={slot} multiLine={text.multiLine} label={t(`field.${text.written.field}`)} action={action} />
              ) : null;
            })}
          </fieldset>
        ))}
      </div>
    </details>
  );
}
