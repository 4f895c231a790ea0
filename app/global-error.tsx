'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';

type Text = { title: string; body: string; retry: string; home: string };

// The root layout itself failed (it reads the session, so a database that drops mid-request
// lands here): no layout, no next-intl, so the words come straight from the catalogue of the
// address's language, loaded only now (importing the catalogues here would put all three in
// every page's JavaScript).
export default function GlobalError({ retry }: { error: Error & { digest?: string }; retry: () => void }) {
  const segment = usePathname()?.split('/')[1];
  const locale = segment === 'ja' || segment === 'uk' ? segment : 'en';
  const [t, setText] = useState<Text | null>(null);
  useEffect(() => {
    void import(`../lib/i18n/messages/${locale}.json`).then((messages: { default: { unavailable: Text } }) => setText(messages.default.unavailable));
  }, [locale]);
  return (
    <html lang={locale}>
      <body>
        <main id="main" role="alert">
          {t && (
            <>
              <h1>{t.title}</h1>
              <p>{t.body}</p>
              <p>
                <button type="button" onClick={() => retry()}>{t.retry}</button> · <a href={`/${locale}`}>{t.home}</a>
              </p>
            </>
          )}
        </main>
      </body>
    </html>
  );
}
