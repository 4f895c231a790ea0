import { describe, expect, it } from 'vitest';
import { safeReturnPath } from '../../lib/auth/return-path';

// Each of these was, or could be, turned into another site by a browser or the client router.
const ATTACKS = [
  'https://evil.example',
  '//evil.example',
  '/\\evil.example',
  '/..//evil.com',
  '/%2e%2e//evil.example',
  '/%2E%2E//evil.example',
  '/./..//evil.example/path?x=1',
  '/en//evil.example',
  '/ja/..//evil.example',
  '/a/../..//evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  '/account\r\nSet-Cookie: x=1',
  '/account\u0000',
  '/\\\\evil.example',
  'javascript:alert(1)',
  '',
  ' /account',
];

describe('return path after sign-in', () => {
  it('keeps same-site paths with their query and fragment, without the locale', () => {
    expect(safeReturnPath('/admin/users')).toBe('/admin/users');
    expect(safeReturnPath('/uk/company/profile?tab=2#contacts')).toBe('/company/profile?tab=2#contacts');
    expect(safeReturnPath('/en')).toBe('/');
    expect(safeReturnPath('/english-lessons')).toBe('/english-lessons');
  });

  it('normalises dot segments that stay on the site', () => {
    expect(safeReturnPath('/company/../needs')).toBe('/needs');
    expect(safeReturnPath('/..')).toBe('/');
  });

  it.each(ATTACKS)('sends %j to the fallback', (attack) => {
    expect(safeReturnPath(attack)).toBe('/start');
  });

  it('refuses values that are not strings or are absurdly long', () => {
    for (const value of [undefined, null, 42, ['/x'], { href: '/x' }, `/${'a'.repeat(5000)}`]) {
      expect(safeReturnPath(value)).toBe('/start');
    }
  });

  it('percent-encodes characters a Location header cannot carry', () => {
    const path = safeReturnPath('/needs/Київ?q=東京');
    expect(path).toBe('/needs/%D0%9A%D0%B8%D1%97%D0%B2?q=%E6%9D%B1%E4%BA%AC');
    expect(/^[\x21-\x7e]+$/.test(path)).toBe(true);
  });

  it('never returns a protocol-relative or foreign URL, whatever the input', () => {
    const samples = ['/a//b', '/..///x', '/%2f/evil', '/%5c/evil', '/en/%2e%2e/%2e%2e//x', '/?next=//evil', '/#//evil'];
    for (const sample of samples) {
      const path = safeReturnPath(sample);
      expect(path.startsWith('/')).toBe(true);
      expect(path.startsWith('//')).toBe(false);
      expect(new URL(path, 'https://kakehashi.example').origin).toBe('https://kakehashi.example');
    }
  });
});
