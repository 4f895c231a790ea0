'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { Button } from '@/components/ui/button';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/actions/run';
import { Locale, type DecisionAction } from '@/lib/generated/prisma/enums';
import { DECLINE_REASONS, decideOnMatchSchema } from '@/lib/match-decisions/schemas';
import { FormMessage } from '../forms/form-message';
import { applyServerErrors } from '../forms/server-errors';
import { SelectField, TextAreaField } from '../forms/text-field';

type Values = z.input<typeof decideOnMatchSchema>;

/**
 * The match card's decision: one button per allowed action, a note, and a reason when
 * declining. The version shown travels with it; if a colleague decided first, the server says
 * so and the page shows their decision.
 */
export function DecisionForm({ matchId, version, actions, action }: {
  matchId: string;
  version: number;
  actions: DecisionAction[];
  action: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const form = useForm<Values>({ resolver: zodResolver(decideOnMatchSchema) });
  const { errors, isSubmitting } = form.formState;
  const [chosen, setChosen] = useState<DecisionAction | null>(null);

  // The match, the version on screen and the chosen action join the typed fields, so the shared
  // schema checks the whole decision (a decline without a reason) before it is sent.
  const submitWith = (decision: DecisionAction) => () => {
    setChosen(decision);
    form.setValue('matchId', matchId);
    form.setValue('version', version);
    form.setValue('action', decision);
    return form.handleSubmit(async (values) => {
      const result = await action({ ...values, reason: decision === 'DECLINE' ? values.reason : undefined });
      if (!result.ok) {
        applyServerErrors(form, result.error);
        // A colleague's decision won: show it, keep this note in the field and the message.
        if (result.error.code === 'CONFLICT') router.refresh();
        return;
      }
      form.reset({ note: '', noteLanguage: values.noteLanguage });
      toast.success(t('card.recorded'));
      router.refresh();
    })();
  };

  return (
    <form method="post" className="grid min-w-0 max-w-2xl gap-4 [&>fieldset]:grid [&>fieldset]:gap-4 [&>fieldset]:rounded-lg [&>fieldset]:border [&>fieldset]:border-line [&>fieldset]:bg-paper [&>fieldset]:p-4 sm:[&>fieldset]:p-5 [&>fieldset>legend]:px-1 [&>fieldset>legend]:font-bold [&>button]:justify-self-start" noValidate onSubmit={(event) => event.preventDefault()} aria-busy={isSubmitting}>
      <TextAreaField label={t('card.note')} hint={t('card.noteHint')} error={errors.note} {...form.register('note')} />
      {/* An introduction's note is emailed to both sides: its language lets each read it translated. */}
      <SelectField label={t('content.writtenIn')} error={errors.noteLanguage} defaultValue={locale} {...form.register('noteLanguage')}>
        {Object.values(Locale).map((code) => <option key={code} value={code} lang={code}>{t(`locales.${code}`)}</option>)}
      </SelectField>
      {actions.includes('DECLINE') ? (
        <SelectField label={t('card.declineReason')} error={errors.reason} defaultValue="" {...form.register('reason', { setValueAs: (v) => (v === '' ? undefined : v) })}>
          <option value="">{t('card.declineReasonPlaceholder')}</option>
          {DECLINE_REASONS.map((reason) => <option key={reason} value={reason}>{t(`declineReason.${reason}`)}</option>)}
        </SelectField>
      ) : null}
      <FormMessage error={errors.root?.server?.message} />
      <p className="flex flex-wrap items-center gap-3">
        {actions.map((decision) => (
          <Button
            key={decision}
            variant={decision === 'INTRODUCE' ? 'primary' : 'secondary'}
            disabled={isSubmitting && chosen !== decision}
            busy={isSubmitting && chosen === decision}
            onClick={submitWith(decision)}
          >
            {t(`decisionAction.${decision}`)}
          </Button>
        ))}
      </p>
      {actions.includes('INTRODUCE') ? <p className="m-0 text-sm text-muted">{t('card.introduceHint')}</p> : null}
    </form>
  );
}
