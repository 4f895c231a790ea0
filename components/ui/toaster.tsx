'use client';

import { useTranslations } from 'next-intl';
import { Toaster as Sonner } from 'sonner';

/**
 * Mounted once in the layout. Anywhere in a client component: `import { toast } from 'sonner'`
 * then `toast.success(t('…'))` or `toast.error(t('…'))` with a translated text.
 */
export function Toaster() {
  const t = useTranslations('common');
  return (
    <Sonner
      position="top-center"
      closeButton
      richColors
      containerAriaLabel={t('notifications')}
      toastOptions={{ closeButtonAriaLabel: t('close'), classNames: { toast: 'font-sans' } }}
    />
  );
}
