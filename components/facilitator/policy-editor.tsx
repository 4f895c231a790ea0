'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/actions/run';
import type { PolicyPreview, PreviewRow, RelevanceSummary } from '@/lib/match-store/policy-preview';
import { TOTAL_WEIGHT, updatePolicyInputSchema, type MatchingPolicy, type UpdatePolicyInput } from '@/lib/matching/policy';
import { CRITERIA } from '@/lib/matching/types';
import { FormMessage } from '../forms/form-message';
import { applyServerErrors } from '../forms/server-errors';
import { SelectField, TextField } from '../forms/text-field';
import { Button } from '@/components/ui/button';
import { tableClass, numericClass } from '@/components/ui/table';

type Values = z.input<typeof updatePolicyInputSchema>;
type NeedOption = { id: string; title: string; hromada: string };
const HARD = ['capability', 'security', 'integrity', 'stage', 'scale'] as const;

/** Weights and hard constraints, a live total, and a preview on one need before saving. */
export function PolicyEditor({ version, policy, needs, save, preview }: {
  version: number;
  policy: MatchingPolicy;
  needs: NeedOption[];
  save: (input: unknown) => Promise<ActionResult<unknown>>;
  preview: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations();
  const router = useRouter();
  const form = useForm<Values>({
    resolver: zodResolver(updatePolicyInputSchema),
    defaultValues: { expectedVersion: version, weights: policy.weights, hardConstraints: policy.hardConstraints },
  });
  const { errors, isSubmitting, isSubmitSuccessful } = form.formState;
  const watched = useWatch({ control: form.control, name: 'weights' });
  const total = CRITERIA.reduce((sum, criterion) => sum + (Number(watched?.[criterion] ?? policy.weights[criterion]) || 0), 0);
  const [needId, setNeedId] = useState(needs[0]?.id ?? '');
  const [previewResult, setPreviewResult] = useState<PolicyPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | undefined>();
  const [isPreviewing, startPreview] = useTransition();

  const onSave = form.handleSubmit(async (values) => {
    const result = await save(values satisfies UpdatePolicyInput);
    if (!result.ok) return applyServerErrors(form, result.error);
    router.refresh();
  });

  const onPreview = () =>
    startPreview(async () => {
      setPreviewError(undefined);
      const values = form.getValues();
      const result = await preview({ needId, weights: values.weights, hardConstraints: values.hardConstraints });
      if (result.ok) setPreviewResult(result.data as PolicyPreview);
      else setPreviewError(result.error.fieldErrors ? 'policy.previewInvalid' : result.error.messageKey);
    });

  return (
    <>
      <form method="post" onSubmit={onSave} noValidate className="grid min-w-0 max-w-4xl gap-4 [&>fieldset]:grid [&>fieldset]:gap-4 [&>fieldset]:rounded-lg [&>fieldset]:border [&>fieldset]:border-line [&>fieldset]:bg-paper [&>fieldset]:p-4 sm:[&>fieldset]:p-5 [&>fieldset>legend]:px-1 [&>fieldset>legend]:font-bold [&>button]:justify-self-start" aria-busy={isSubmitting}>
        <input type="hidden" value={version} {...form.register('expectedVersion', { valueAsNumber: true })} />
        <fieldset>
          <legend>{t('policy.weights')}</legend>
          <div className="grid gap-4 sm:grid-cols-[repeat(auto-fill,minmax(16rem,1fr))]">
            {CRITERIA.map((criterion) => (
              <TextField
                key={criterion}
                label={t(`criterion.${criterion}`)}
                hint={t(`criterionHint.${criterion}`)}
                type="number"
                min={0}
                max={TOTAL_WEIGHT}
                inputMode="numeric"
                defaultValue={policy.weights[criterion]}
                error={errors.weights?.[criterion]}
                {...form.register(`weights.${criterion}`, { valueAsNumber: true })}
              />
            ))}
          </div>
          <p role="status" className={total === TOTAL_WEIGHT ? 'font-bold text-success' : 'font-bold text-danger'} data-testid="weights-total">
            {t('policy.total', { total, target: TOTAL_WEIGHT })}
          </p>
          {errors.weights?.root?.message || errors.weights?.message ? (
            <p className="m-0 text-sm font-semibold text-danger" role="alert">{t('policy.mustAddUp')}</p>
          ) : null}
        </fieldset>
        <fieldset>
          <legend>{t('policy.hardConstraints')}</legend>
          <p className="m-0 text-sm text-muted">{t('policy.hardConstraintsHint')}</p>
          {HARD.map((constraint) => (
            <label key={constraint} className="flex items-baseline gap-2">
              <input type="checkbox" defaultChecked={policy.hardConstraints[constraint]} {...form.register(`hardConstraints.${constraint}`)} />
              {t(`policy.hard.${constraint}`)}
            </label>
          ))}
        </fieldset>
        <TextField label={t('policy.note')} hint={t('policy.noteHint')} error={errors.note} {...form.register('note')} />
        <FormMessage error={errors.root?.server?.message} success={isSubmitSuccessful ? t('policy.saved') : undefined} />
        <p className="flex flex-wrap items-center gap-3">
          <Button type="submit" busy={isSubmitting}>
            {isSubmitting ? t('common.saving') : t('policy.save')}
          </Button>
        </p>
      </form>

      <section aria-labelledby="preview" className="policy-preview">
        <h2 id="preview">{t('policy.preview')}</h2>
        <p>{t('policy.previewIntro')}</p>
        <div className="flex flex-wrap items-end gap-4">
          <SelectField label={t('policy.previewNeed')} value={needId} onChange={(event) => setNeedId(event.target.value)}>
            {needs.map((need) => <option key={need.id} value={need.id}>{need.title} — {need.hromada}</option>)}
          </SelectField>
          <Button type="button" variant="secondary" onClick={onPreview} disabled={!needId} busy={isPreviewing}>
            {isPreviewing ? t('policy.previewing') : t('policy.runPreview')}
          </Button>
        </div>
        <FormMessage error={previewError} />
        {previewResult ? (
          <div className="grid gap-6 md:grid-cols-2" data-testid="policy-preview">
            <PreviewList caption={t('policy.currentRanking', { version: previewResult.currentVersion })} rows={previewResult.current} />
            <PreviewList caption={t('policy.proposedRanking')} rows={previewResult.proposed} showMovement />
          </div>
        ) : null}
        {previewResult ? <RelevanceTable version={previewResult.currentVersion} {...previewResult.relevance} /> : null}
      </section>
    </>
  );
}

function PreviewList({ caption, rows, showMovement = false }: { caption: string; rows: PreviewRow[]; showMovement?: boolean }) {
  const t = useTranslations('policy');
  return (
    <table className={tableClass}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className={numericClass}>#</th>
          <th scope="col">{t('company')}</th>
          <th scope="col" className={numericClass}>{t('score')}</th>
          {showMovement ? <th scope="col">{t('change')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.companyId}>
            <td data-label="#" className={numericClass}>{row.rank}</td>
            <td data-label={t('company')}>{row.legalNameEn} <span lang="ja" className="text-sm text-muted">{row.legalNameJa}</span></td>
            <td data-label={t('score')} className={numericClass}>{row.score}</td>
            {showMovement ? <td data-label={t('change')}>{movement(t, row)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Both policies measured on the judged set, so a change of weights is seen to help or hurt. */
function RelevanceTable({ version, current, proposed }: { version: number; current: RelevanceSummary; proposed: RelevanceSummary }) {
  const t = useTranslations('policy');
  const figure = (value: number) => value.toFixed(3);
  const rows = [
    { key: 'precisionAt5', label: t('precisionAt5') },
    { key: 'ndcgAt10', label: t('ndcgAt10') },
  ] as const;
  return (
    <table className={tableClass} data-testid="policy-relevance">
      <caption>{t('relevance')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('metric')}</th>
          <th scope="col" className={numericClass}>{t('currentRanking', { version })}</th>
          <th scope="col" className={numericClass}>{t('proposedRanking')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ key, label }) => (
          <tr key={key}>
            <th data-label={t('metric')} scope="row">{label}</th>
            <td className={numericClass}>{figure(current[key])}</td>
            <td data-label={t('proposedRanking')} className={numericClass}>{figure(proposed[key])}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr><td colSpan={3} className="m-0 text-sm text-muted">{t('relevanceIntro', { pairs: current.pairs, needs: current.needs })}</td></tr>
      </tfoot>
    </table>
  );
}

function movement(t: ReturnType<typeof useTranslations<'policy'>>, row: PreviewRow): string {
  if (row.otherRank === null) return t('newInTop');
  if (row.otherRank === row.rank) return t('unchanged');
  return row.otherRank > row.rank ? t('up', { places: row.otherRank - row.rank }) : t('down', { places: row.rank - row.otherRank });
}
