'use client';

import { useTranslations } from 'next-intl';
import { useId, type ReactNode } from 'react';
import type { ProfileCompleteness } from '@/lib/companies/profile-completeness';
import { Button } from '../ui/button';
import { Progress } from '../ui/progress';

/**
 * Stays at the bottom of the screen while the profile is filled in: how complete it is, the
 * outcome of the last save, and the save button, so saving never needs a scroll.
 */
export function ProfileSaveBar({ completeness, isSubmitting, children }: { completeness: ProfileCompleteness; isSubmitting: boolean; children: ReactNode }) {
  const t = useTranslations();
  const id = useId();
  const missing = completeness.total - completeness.filled;
  return (
    <div className="sticky bottom-0 z-10 grid gap-2 border-t border-line bg-paper py-3 shadow-[0_-4px_8px_-6px_rgb(0_0_0/0.2)]" data-testid="profile-save-bar">
      <div className="grid gap-1">
        <p id={`${id}-label`} className="m-0 text-sm">
          <span className="font-semibold">{t('profile.completeness', { percent: completeness.percent })}</span>{' '}
          <span className="text-muted">{t('profile.missing', { count: missing })}</span>
        </p>
        <Progress max={100} value={completeness.percent} aria-labelledby={`${id}-label`} />
      </div>
      {children}
      <Button type="submit" busy={isSubmitting} className="justify-self-start">
        {isSubmitting ? t('common.saving') : t('profile.save')}
      </Button>
    </div>
  );
}
