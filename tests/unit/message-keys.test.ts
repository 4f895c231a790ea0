import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import messages from '../../lib/i18n/messages/en.json';
import { ERROR_STATUS } from '../../lib/errors';

// Every message key the schemas and the server can return has a text in the catalogue, so no
// user ever sees "validation.corporateNumberTaken" instead of a sentence.

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const full = path.join(directory, entry);
    if (entry === 'generated') return [];
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(entry) ? [full] : [];
  });
}

const lookup = (key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
const sources = ['lib', 'components', 'app'].flatMap((dir) => sourceFiles(path.resolve(dir))).map((file) => readFileSync(file, 'utf8'));

describe('message catalogue', () => {
  it('has a text for every validation key used in code', () => {
    const keys = new Set(sources.flatMap((source) => [...source.matchAll(/'(validation\.[A-Za-z]+)'/g)].map((match) => match[1])));
    expect(keys.size).toBeGreaterThan(10);
    for (const key of keys) expect(typeof lookup(key), key).toBe('string');
  });

  it('has a text for every error code and every named refusal reason', () => {
    for (const code of Object.keys(ERROR_STATUS)) expect(typeof lookup(`errors.${code}`), code).toBe('string');
    const reasons = new Set(sources.flatMap((source) => [...source.matchAll(/reason: '([A-Za-z]+)'/g)].map((match) => match[1])));
    expect(reasons.size).toBeGreaterThan(3);
    for (const reason of reasons) expect(typeof lookup(`errors.${reason}`), reason).toBe('string');
  });
});
