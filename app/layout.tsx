import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Kakehashi 架け橋', template: '%s · Kakehashi 架け橋' },
  description:
    'Kakehashi connects Japanese small and mid-sized companies with Ukrainian hromadas that need help rebuilding.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">Skip to content</a>
        <header className="site-header">
          <Link href="/" className="brand">
            <span lang="ja">架け橋</span> Kakehashi
          </Link>
          <nav aria-label="Main">
            <Link href="/needs">Needs</Link>
            <Link href="/companies">Companies</Link>
          </nav>
        </header>
        <main id="main">{children}</main>
        <footer className="site-footer">
          Reference data: KATOTTG (16 May 2025), the official list of territories of hostilities and
          occupation (Order No. 376, as amended), OCHA COD-AB. Company names marked [demo] are fictional.
        </footer>
      </body>
    </html>
  );
}
