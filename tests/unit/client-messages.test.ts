import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../lib/i18n/messages/en.json';
import { FORM_NAMESPACES, LAYOUT_NAMESPACES, pickMessages } from '../../lib/i18n/client-messages';

// The browser gets only the catalogue sections handed to it (lib/i18n/client-messages.ts). A
// client component reading a section it was not given shows the raw key instead of a sentence,
// and nothing else would notice: this test reads every client component's translations and
// every place a server file renders one, and fails when a section read is not handed over.

const ROOT = path.resolve(import.meta.dirname, '../..');
const NAMESPACES = new Set(Object.keys(en));

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const full = path.join(directory, entry);
    if (entry === 'generated') return [];
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(entry) ? [full] : [];
  });
}

const files = ['app', 'components', 'lib'].flatMap((dir) => sourceFiles(path.join(ROOT, dir)));
const source = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));
const relative = (file: string) => path.relative(ROOT, file);

function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/') ? path.join(ROOT, specifier.slice(2)) : specifier.startsWith('.') ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  return [`${base}.tsx`, `${base}.ts`, `${base}/index.tsx`, `${base}/index.ts`].find((candidate) => source.has(candidate)) ?? null;
}

/** Modules this one loads at run time (type-only imports load nothing). */
function importsOf(file: string): string[] {
  return [...source.get(file)!.matchAll(/^(import|export)\s+(?!type\s)[^;]*?from\s+'([^']+)'/gms)]
    .map((match) => resolveImport(file, match[2]))
    .filter((target): target is string => target !== null);
}

const isClientEntry = (file: string) => /^\s*'use client'/.test(source.get(file)!);

/** Every module that runs in the browser: 'use client' files and whatever they import. */
const clientModules = new Set<string>();
for (const entry of files.filter(isClientEntry)) {
  const stack = [entry];
  while (stack.length) {
    const file = stack.pop()!;
    if (clientModules.has(file)) continue;
    clientModules.add(file);
    stack.push(...importsOf(file));
  }
}

/**
 * Translations whose key is not written in the call: the sections they may reach. Forms show
 * schema and server messages by key (validation.tooShort, errors.FORBIDDEN).
 */
const DYNAMIC_KEYS: Record<string, readonly string[]> = {
  'components/forms/text-field.tsx': FORM_NAMESPACES,
  'components/admin/hostility-list-form.tsx': FORM_NAMESPACES, // a row's field error
  'components/facilitator/policy-editor.tsx': ['policy'], // movement(t, row) with the 'policy' translator
};

/** A key whose section is a variable (options(codes, 'sector')): every section the file names. */
const namedIn = (text: string) => [...text.matchAll(/'([A-Za-z]+)'/g)].map((match) => match[1]).filter((name) => NAMESPACES.has(name));

/** The catalogue sections one module reads in the browser. */
function sectionsReadBy(file: string): Set<string> {
  const text = source.get(file)!;
  const sections = new Set<string>();
  for (const match of text.matchAll(/useTranslations\(\s*'([^']+)'\s*\)/g)) sections.add(match[1].split('.')[0]);
  const roots = [...text.matchAll(/const\s+(\w+)\s*=\s*useTranslations\(\s*\)/g)].map((match) => match[1]);
  for (const name of roots) {
    // policy-editor.tsx names both translators `t`, in different functions: a written key that
    // is no section's name then belongs to the one with a namespace.
    const alsoNamespaced = new RegExp(`const\\s+${name}\\s*=\\s*useTranslations\\(\\s*'`).test(text);
    // Every use of a whole-catalogue translator: a call with a written key ('sector.IT',
    // `sector.${code}`) names its section; anything else must be declared in DYNAMIC_KEYS.
    // A call, or the translator handed on as an argument (a word inside a class name is neither).
    const uses = new RegExp(`(?<![\\w.-])${name}(?:(\\.(?:rich|markup|has|raw))?(\\()\\s*(['\`]?)([A-Za-z]*)|(?=\\s*[,)}]))`, 'g');
    for (const use of text.matchAll(uses)) {
      const [, , call, quote, section] = use;
      const before = text.slice(Math.max(0, use.index - 20), use.index);
      const argument = call ? text.slice(use.index, text.indexOf(')', use.index)) : '';
      if (call && quote && NAMESPACES.has(section)) sections.add(section);
      else if (call && quote && alsoNamespaced) continue;
      else if (call && quote === '`' && section === '') namedIn(text).forEach((s) => sections.add(s)); // t(`${namespace}.${code}`)
      else if (!call && /translateKey\(\s*$/.test(before)) FORM_NAMESPACES.forEach((s) => sections.add(s));
      else if (call && !quote && /\?/.test(argument) && /'[A-Za-z]+\./.test(argument)) {
        // t(condition ? 'a.b' : 'c.d'): both written keys
        for (const key of argument.matchAll(/'([A-Za-z]+)\./g)) sections.add(key[1]);
      } else if (!DYNAMIC_KEYS[relative(file)]) {
        throw new Error(`${relative(file)}: "${text.slice(use.index, use.index + 40)}" reads a key this test cannot see; list it in DYNAMIC_KEYS`);
      }
    }
  }
  for (const section of DYNAMIC_KEYS[relative(file)] ?? []) sections.add(section);
  if (/useMessages\(/.test(text)) throw new Error(`${relative(file)} reads the whole catalogue (useMessages): hand it its sections instead`);
  return sections;
}

/** What a client component and the client modules it imports read. */
function sectionsReadUnder(entry: string): Set<string> {
  const seen = new Set<string>();
  const sections = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const section of sectionsReadBy(file)) sections.add(section);
    stack.push(...importsOf(file));
  }
  return sections;
}

/** The sections a server file hands over with <ClientMessages namespaces={[…]}>. */
function sectionsHandedBy(file: string): Set<string> {
  const sections = new Set<string>(LAYOUT_NAMESPACES);
  for (const match of source.get(file)!.matchAll(/<ClientMessages\s+namespaces=\{\[([^\]]*)\]\}/g)) {
    for (const item of match[1].split(',').map((part) => part.trim()).filter(Boolean)) {
      if (item === '...FORM_NAMESPACES') FORM_NAMESPACES.forEach((section) => sections.add(section));
      else if (/^'[A-Za-z]+'$/.test(item)) sections.add(item.slice(1, -1));
      else throw new Error(`${relative(file)}: write ClientMessages' sections as literals or ...FORM_NAMESPACES, not ${item}`);
    }
  }
  return sections;
}

describe('messages handed to client components', () => {
  it('finds the client components and what they read', () => {
    expect(clientModules.size).toBeGreaterThan(30);
    expect(sectionsReadUnder(path.join(ROOT, 'components/facilitator/decision-form.tsx'))).toEqual(
      new Set(['card', 'declineReason', 'decisionAction', 'content', 'locales', 'errors', 'validation']),
    );
  });

  it('hands every server file that renders a client component the sections it reads', () => {
    const missing: string[] = [];
    for (const file of files.filter((f) => !clientModules.has(f))) {
      const handed = sectionsHandedBy(file);
      for (const target of importsOf(file).filter((f) => isClientEntry(f))) {
        const absent = [...sectionsReadUnder(target)].filter((section) => !handed.has(section));
        if (absent.length) missing.push(`${relative(file)} renders ${relative(target)} without ${absent.join(', ')}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('names only sections that exist', () => {
    for (const section of [...LAYOUT_NAMESPACES, ...FORM_NAMESPACES]) expect(NAMESPACES.has(section), section).toBe(true);
    for (const file of files) {
      for (const section of sectionsHandedBy(file)) expect(NAMESPACES.has(section), `${relative(file)}: ${section}`).toBe(true);
    }
  });

  it('picks the sections named and nothing else', () => {
    const picked = pickMessages(en, ['common', 'nav', 'noSuchSection']);
    expect(Object.keys(picked)).toEqual(['common', 'nav']);
    expect(picked.nav).toBe(en.nav);
  });
});

describe('the layout', () => {
  it('hands the browser the layout sections only', () => {
    const layout = path.join(ROOT, 'app/[locale]/layout.tsx');
    expect(existsSync(layout)).toBe(true);
    expect(source.get(layout)).toMatch(/<NextIntlClientProvider messages=\{pickMessages\(messages, LAYOUT_NAMESPACES\)\}>/);
  });
});
