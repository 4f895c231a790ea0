import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// A form submitted before hydration (slow network, script error, JavaScript off) is sent by the
// browser as written. Without method="post" that is a GET with every field, passwords
// included, in the URL: into history, logs and Referer headers. So every form says how it is
// sent; GET only for search forms, which carry nothing secret.

const ROOT = path.resolve(import.meta.dirname, '../..');

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const full = path.join(directory, entry);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.tsx$/.test(entry) ? [full] : [];
  });
}

const forms = ['components', 'app'].flatMap((directory) =>
  sourceFiles(path.join(ROOT, directory)).flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    return [...source.matchAll(/<form\b[^>]*>/g)].map((match) => ({
      where: `${path.relative(ROOT, file)}: ${match[0].slice(0, 80)}`,
      tag: match[0],
      hasSecret: /type="password"|type=\{?['"]password/.test(source),
    }));
  }),
);

describe('forms before hydration', () => {
  it('finds the forms (the scan itself works)', () => {
    expect(forms.length).toBeGreaterThan(10);
    expect(forms.some((form) => form.where.includes('sign-in-form.tsx'))).toBe(true);
  });

  it.each(forms.map((form) => [form.where, form] as const))('%s is sent by POST, or is a search form', (_where, form) => {
    const isPost = /\bmethod="post"/i.test(form.tag) || /\baction=\{/.test(form.tag);
    const isSearch = /\bmethod="get"/i.test(form.tag) && /\brole="search"/.test(form.tag);
    expect(isPost || isSearch).toBe(true);
    if (form.hasSecret) expect(/\bmethod="post"/i.test(form.tag)).toBe(true);
  });
});
