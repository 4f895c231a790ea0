import type { Locale } from '../generated/prisma/enums';
import { translatorFor, type RenderedNotice } from './render';

// The body of a notice email and of a digest: a plain-text part, and a simple HTML part that
// mail clients show well — inline styles only, one column, no remote images, no scripts.

export type EmailItem = RenderedNotice & { url: string; when?: Date };

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

export function layoutEmail(locale: Locale, input: { greeting: string; intro: string; items: EmailItem[]; preferencesUrl: string; unsubscribeUrl: string; unsubscribeLabel: string }) {
  const { t, format } = translatorFor(locale);
  const when = (item: EmailItem) => (item.when ? format.dateTime(item.when, { dateStyle: 'medium', timeStyle: 'short' }) : '');
  const reasonsTitle = t('notifications.email.reasons');
  const footer = t('notifications.email.footer');
  const preferences = t('notifications.email.preferences');
  const signature = t('notifications.email.signature');

  const textItems = input.items.map((item) =>
    [
      `• ${item.title}${item.when ? ` (${when(item)})` : ''}`,
      item.body && `  ${item.body}`,
      ...item.quoted.map((line) => `  ${line}`),
      item.reasons.length ? `  ${reasonsTitle}\n${item.reasons.map((reason) => `   - ${reason}`).join('\n')}` : '',
      `  ${item.url}`,
    ].filter(Boolean).join('\n'),
  );
  const text = [input.greeting, '', input.intro, '', textItems.join('\n\n'), '', signature, '', '--', footer, `${preferences}: ${input.preferencesUrl}`, `${input.unsubscribeLabel}: ${input.unsubscribeUrl}`].join('\n');

  const htmlItems = input.items
    .map(
      (item) => `<tr><td style="padding:12px 0;border-top:1px solid #e5e7eb">
<p style="margin:0 0 4px;font-weight:bold"><a href="${escapeHtml(item.url)}" style="color:#1d4ed8">${escapeHtml(item.title)}</a></p>
${item.when ? `<p style="margin:0 0 4px;color:#6b7280;font-size:13px">${escapeHtml(when(item))}</p>` : ''}
${item.body ? `<p style="margin:0 0 4px">${escapeHtml(item.body)}</p>` : ''}
${item.quoted.map((line) => `<p style="margin:0 0 4px;color:#4b5563;font-size:13px">${escapeHtml(line)}</p>`).join('')}
${item.reasons.length ? `<p style="margin:8px 0 2px;color:#374151">${escapeHtml(reasonsTitle)}</p><ul style="margin:0;padding-left:20px">${item.reasons.map((reason) => `<li>${escapeHtml(reason)}</li>`).join('')}</ul>` : ''}
</td></tr>`,
    )
    .join('\n');
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>
<body style="margin:0;padding:16px;background:#ffffff;color:#111827;font-family:Arial,'Noto Sans JP','Hiragino Sans',sans-serif;font-size:15px;line-height:1.5">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;margin:0 auto">
<tr><td><p style="margin:0 0 12px">${escapeHtml(input.greeting)}</p><p style="margin:0 0 12px">${escapeHtml(input.intro)}</p></td></tr>
${htmlItems}
<tr><td style="padding-top:16px;border-top:1px solid #e5e7eb"><p style="margin:0 0 8px">${escapeHtml(signature)}</p>
<p style="margin:0;color:#6b7280;font-size:12px">${escapeHtml(footer)}<br><a href="${escapeHtml(input.preferencesUrl)}" style="color:#6b7280">${escapeHtml(preferences)}</a> · <a href="${escapeHtml(input.unsubscribeUrl)}" style="color:#6b7280">${escapeHtml(input.unsubscribeLabel)}</a></p></td></tr>
</table></body></html>`;
  return { text, html };
}
