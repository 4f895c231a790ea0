import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary } from '@zxcvbn-ts/language-en';

// New passwords are judged by zxcvbn against bundled lists of common passwords and words (no
// network, no breach service), and against what is known about the person: their email, name
// and organisation. Shared by the forms and the server through lib/auth/schemas.ts.

/** zxcvbn's 0–4 score; 3 means "safely unguessable: moderate protection from offline attacks". */
export const PASSWORD_MIN_SCORE = 3;

export type PasswordVerdict = 'validation.passwordTooWeak' | 'validation.passwordContainsPersonalInfo';

// Building the ranked dictionaries takes a moment, so it happens on the first judgement, once.
let factory: ZxcvbnFactory | undefined;
const zxcvbn = () =>
  (factory ??= new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...englishDictionary },
    graphs: adjacencyGraphs,
  }));

/**
 * The words a password must not be built from: each input whole, and its parts — for an email
 * the local part and its pieces (not the domain: "gmail" says little about the person), for a
 * name or organisation each word of three letters or more.
 */
export function personalWords(inputs: ReadonlyArray<string | null | undefined>): string[] {
  const words = new Set<string>();
  for (const input of inputs) {
    const text = input?.normalize('NFKC').trim().toLowerCase();
    if (!text) continue;
    words.add(text);
    const [local, domain] = text.split('@');
    if (domain !== undefined) words.add(local);
    for (const part of local.split(/[\s._\-+,()&]+/u)) if ([...part].length >= 3) words.add(part);
  }
  return [...words];
}

// Built from the person's own words with a little around them ("Naniwa Power Systems 2026!").
const MIN_OWN_LETTERS = 8;
function isMostlyPersonal(password: string, words: string[]): boolean {
  const lower = password.normalize('NFKC').toLowerCase();
  let rest = lower;
  for (const word of [...words].sort((a, b) => b.length - a.length)) rest = rest.split(word).join(' ');
  return rest !== lower && [...rest.replace(/[\s\p{P}\p{S}\p{N}]/gu, '')].length < MIN_OWN_LETTERS;
}

/** Null when the password is strong enough; otherwise the catalogue key that says what to do. */
export function judgePassword(password: string, userInputs: ReadonlyArray<string | null | undefined> = []): PasswordVerdict | null {
  const words = personalWords(userInputs);
  if (isMostlyPersonal(password, words)) return 'validation.passwordContainsPersonalInfo';
  const result = zxcvbn().check(password, words);
  if (result.score >= PASSWORD_MIN_SCORE) return null;
  const usesPersonalWords = result.sequence.some((match) => match.pattern === 'dictionary' && match.dictionaryName === 'userInputs');
  return usesPersonalWords ? 'validation.passwordContainsPersonalInfo' : 'validation.passwordTooWeak';
}
