import { getTranslations } from 'next-intl/server';
import { NoticePreferencesForm } from '@/components/notifications/notice-preferences-form';
import { actorForPage } from '@/lib/auth/page-guard';
import { db } from '@/lib/db';
import { titled } from '@/lib/i18n/page-title';
import { getOwnNoticePreferences } from '@/lib/notifications/centre';
import { setNoticePreferencesAction } from '../actions';
import { FORM_NAMESPACES } from '@/lib/i18n/client-messages';
import { ClientMessages } from '@/components/i18n/client-messages';

export const generateMetadata = titled('notifications.preferences');

export default async function NoticePreferencesPage() {
  const actor = await actorForPage('/notifications/preferences');
  const [preferences, t] = await Promise.all([getOwnNoticePreferences(db, actor), getTranslations('notifications.preferences')]);
  return (
    <section className="max-w-2xl">
      <h1>{t('title')}</h1>
      <p>{t('lead')}</p>
      <ClientMessages namespaces={[...FORM_NAMESPACES, 'notifications']}><NoticePreferencesForm kinds={preferences.kinds} scoreThreshold={preferences.scoreThreshold} action={setNoticePreferencesAction} /></ClientMessages>
    </section>
  );
}
