import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en.json';
import ja from '@/lib/i18n/messages/ja.json';
import uk from '@/lib/i18n/messages/uk.json';

// The admin outbox names each email's kind in the reader's language (outbox.kinds.*). Every kind
// the product queues must have that label, or the page falls back to the raw key.

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'generated') return [];
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

const queuedKinds = new Set(
  sourceFiles(path.resolve('lib')).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/queueEmail\(\w+,\s*\{\s*kind:\s*'([a-z-]+)'/g)].map((m) => m[1])),
);

describe('email kinds in the outbox', () => {
  it('finds the kinds the product queues', () => {
    expect(queuedKinds).toContain('introduction');
    expect(queuedKinds.size).toBeGreaterThanOrEqual(7);
  });

  for (const [locale, messages] of Object.entries({ en, ja, uk })) {
    it(`labels every kind in ${locale}`, () => {
      const labels = (messages.outbox as { kinds?: Record<string, string> }).kinds ?? {};
      expect([...queuedKinds].filter((kind) => !labels[kind])).toEqual([]);
    });
  }
});
