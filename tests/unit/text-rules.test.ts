import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../lib/errors';
import { isMalformedPath, notFoundPathFor } from '../../lib/http/malformed-path';
import { unreadableQueryResponse } from '../../lib/http/route-response';
import { escapeLikePattern } from '../../lib/reference/search-hromadas';
import { findInvalidText, isCleanText, MULTI_LINE_FIELDS, parseInput } from '../../lib/validation';

describe('clean text', () => {
  it('accepts what people type, in every script', () => {
    for (const text of ['Hanako Yamada', '大阪市', 'Олена Коваленко', '100% _real_ \\ text', '😀 emoji', '']) expect(isCleanText(text), text).toBe(true);
  });
  it('refuses NUL, other control characters, lone surrogates and U+FFFD', () => {
    for (const text of ['a\u0000b', '\u0007', '\u001B[31m', '\u007F', '\u0085', 'x\uD800', '\uDC00y', '\uDE00\uD83D', 'bad \uFFFD decoding']) {
      expect(isCleanText(text), JSON.stringify(text)).toBe(false);
    }
  });
  it('allows tab and line breaks only in multi-line text', () => {
    for (const text of ['two\nlines', 'crlf\r\n', 'a\tb']) {
      expect(isCleanText(text)).toBe(false);
      expect(isCleanText(text, { multiLine: true })).toBe(true);
    }
  });
});

describe('findInvalidText', () => {
  it('names each field holding unclean text, however deep, keys included', () => {
    expect(findInvalidText({ name: 'a\u0000', company: { cityEn: 'ok', cityJa: '\uD800' }, list: ['fine', 'x\u0007'], ['k\u0000ey']: 1 })).toEqual({
      name: 'validation.invalidCharacters',
      'company.cityJa': 'validation.invalidCharacters',
      'list.1': 'validation.invalidCharacters',
      _form: 'validation.invalidCharacters',
    });
  });
  it('lets line breaks through in the textarea fields only', () => {
    expect(findInvalidText({ need: { description: 'a\nb', title: 'a\nb' }, note: 'a\r\nb' })).toEqual({ 'need.title': 'validation.invalidCharacters' });
  });
  it('refuses nesting deeper than any form, without walking it', () => {
    let deep: unknown = 'x';
    for (let level = 0; level < 10_000; level++) deep = [deep];
    expect(Object.values(findInvalidText({ deep }))).toEqual(['validation.invalid']);
  });
});

describe('parseInput', () => {
  const schema = z.object({ name: z.string().min(1, { error: 'validation.required' }), age: z.number({ error: 'validation.number' }) }).strict();

  it('refuses unclean text that the schema alone would accept, naming the field', () => {
    try {
      parseInput(schema, { name: 'Ha\u0000nako', age: 30 });
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error) && error.code).toBe('VALIDATION');
      expect(isAppError(error) && error.details?.fieldErrors).toEqual({ name: 'validation.invalidCharacters' });
    }
  });
  it('reports the schema’s own errors alongside', () => {
    try {
      parseInput(schema, { name: '\uFFFD', age: 'x' });
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error) && error.details?.fieldErrors).toEqual({ name: 'validation.invalidCharacters', age: 'validation.number' });
    }
  });
  it('passes clean input through', () => {
    expect(parseInput(schema, { name: 'Hanako', age: 30 })).toEqual({ name: 'Hanako', age: 30 });
  });
});

describe('multi-line fields', () => {
  // The forms' textareas: a field registered on a TextAreaField must be allowed its line breaks.
  const files = (directory: string): string[] =>
    readdirSync(directory).flatMap((entry) => {
      const full = path.join(directory, entry);
      return statSync(full).isDirectory() ? files(full) : full.endsWith('.tsx') ? [full] : [];
    });

  it('lists every field a form shows as a textarea', () => {
    const textareas = files(path.resolve('components')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/<TextAreaField[^>]*?register\('(\w+)'\)/g)].map((match) => match[1]),
    );
    expect(textareas.length).toBeGreaterThan(0);
    for (const field of textareas) expect(MULTI_LINE_FIELDS.has(field), field).toBe(true);
  });
});

describe('route query strings', () => {
  it('refuses NUL and broken percent-encoding with 400 and a message key', async () => {
    for (const query of ['q=a%00b', 'q=%FF', 'q=%ED%A0%80', 'x%01=1']) {
      const response = unreadableQueryResponse(new URLSearchParams(query));
      expect(response?.status, query).toBe(400);
      expect(await response?.json()).toMatchObject({ error: { code: 'VALIDATION', messageKey: 'errors.invalidCharacters' } });
    }
  });
  it('lets ordinary queries through, "%" and "_" included', () => {
    for (const query of ['q=Kyiv', 'q=%D0%9A%D0%B8%D1%97%D0%B2', 'q=100%25_', 'q=%', '']) expect(unreadableQueryResponse(new URLSearchParams(query)), query).toBeNull();
  });
});

describe('malformed paths', () => {
  it('recognises a path that does not decode to clean text', () => {
    for (const pathname of ['/en/needs/%FF', '/en/needs/%E0%A4%A', '/uk/%', '/en/needs/%00', '/api/auth/%C0']) expect(isMalformedPath(pathname), pathname).toBe(true);
  });
  it('leaves ordinary and well-encoded paths alone', () => {
    for (const pathname of ['/', '/en/needs', '/uk/needs/6f1c2c1e-0000-4000-8000-000000000000', '/ja/%E5%A4%A7%E9%98%AA', '/en/100%25']) {
      expect(isMalformedPath(pathname), pathname).toBe(false);
    }
  });
  it('sends it to the not-found page in the path’s locale, or the default one', () => {
    expect(notFoundPathFor('/uk/needs/%FF', ['ja', 'uk', 'en'], 'en')).toBe('/uk/not-found');
    expect(notFoundPathFor('/%FF', ['ja', 'uk', 'en'], 'en')).toBe('/en/not-found');
    expect(notFoundPathFor('/xx/%FF', ['ja', 'uk', 'en'], 'en')).toBe('/en/not-found');
  });
});

describe('LIKE patterns', () => {
  it('escapes the wildcards and the escape character', () => {
    expect(escapeLikePattern('100%_a\\b')).toBe('100\\%\\_a\\\\b');
    expect(escapeLikePattern('Київ')).toBe('Київ');
  });
});
