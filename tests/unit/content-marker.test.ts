import { describe, expect, it } from 'vitest';
import { markerKey } from '../../lib/content/marker';
import type { Readable } from '../../lib/content/types';

// The marker a reader sees says who made the text shown, or that it is not translated yet; a
// text in the reader's own language as written carries none.

const readable = (translation: Readable['translation'], original = { text: 'Насоси', language: 'uk' as const }): Readable =>
  ({ text: translation ? 'ポンプ' : original.text, language: translation ? 'ja' : original.language, original, translation });

describe('markerKey', () => {
  it('names the origin of a translation', () => {
    expect(markerKey(readable({ origin: 'MACHINE', provider: 'deepl', outdated: false }), 'ja')).toBe('byMachine');
    expect(markerKey(readable({ origin: 'AUTHOR', provider: null, outdated: true }), 'ja')).toBe('byAuthor');
    expect(markerKey(readable({ origin: 'FACILITATOR', provider: null, outdated: false }), 'ja')).toBe('byFacilitator');
  });
  it('says a foreign text is not translated yet, and says nothing of the reader’s own language or an empty text', () => {
    expect(markerKey(readable(null), 'ja')).toBe('notTranslated');
    expect(markerKey(readable(null), 'uk')).toBeNull();
    expect(markerKey(readable(null, { text: '', language: 'uk' }), 'ja')).toBeNull();
  });
});
