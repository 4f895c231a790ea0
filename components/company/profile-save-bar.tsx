'use client';

import { useTranslations } from 'next-intl';
import { useId, type ReactNode } from 'react';
import type { ProfileCompleteness } from '@/lib/companies/profile-completeness';

/**
 * Stays at the bottom of the screen while the profile is filled in: how complete it is, the
 * outcome of the last save, and the save button, so saving never needs a scroll.
 */
export function ProfileSaveBar({ completeness, isSubmitting, children }: { completeness: ProfileCompleteness; isSubmitting: boolean; children: ReactNode }) {
  const t = useTranslations();
  const id = useId();
  const missing = completeness.total - completeness.filled;
  return (
    <div className="sticky bottom-0 z-10 flex flex-wrap items-center gap-3 border-t bg-white py-3" data-testid="profile-save-bar">
      <div className="grow">
        <label htmlFor={`${id}-meter`}>{t('profile.completeness', { percent: completeness.percent })}</label>{' '}
        <meter id={`${id}-meter`} min={0} max={100} low={50} high={99} optimum={100} value={completeness.percent} />{' '}
        <span className="field-hint">{t('profile.missing', { count: missing })}</span>
      </div>
      {children}
      <button type="submit" className="button primary" disabled={isSubmitting} aria-busy={isSubmitting}>
        {isSubmitting ? t('common.saving') : t('profile.save')}
      </button>
    </div>
  );
}
