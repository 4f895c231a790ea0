import { DeepLClient, GlossaryEntries, QuotaExceededError, TooManyRequestsError, type TargetLanguageCode } from 'deepl-node';
import type { Locale } from '../../generated/prisma/enums';
import type { GlossaryDictionary } from './glossary';
import { ProviderBusyError, type MachineProvider } from './provider';

// DeepL through its official Node client. The client's own retries are off: a 429 fails the job,
// and pg-boss retries it with back-off (lib/jobs/queue.ts), so no worker sits in a sleep holding
// a job while DeepL is overloaded, and the wait survives a restart.

export type DeepLConfig = { authKey: string; serverUrl?: string };

// DeepL wants a regional variant for English targets; the platform writes British English.
const TARGET: Record<Locale, TargetLanguageCode> = { ja: 'ja', uk: 'uk', en: 'en-GB' };

export function deeplProvider(config: DeepLConfig): MachineProvider {
  const client = new DeepLClient(config.authKey, {
    ...(config.serverUrl ? { serverUrl: config.serverUrl } : {}),
    maxRetries: 0,
    minTimeout: 10_000,
    appInfo: { appName: 'kakehashi', appVersion: '1' },
  });
  return {
    name: 'deepl',
    async translate({ text, from, to, glossaryId }) {
      try {
        const result = await client.translateText(text, from, TARGET[to], {
          ...(glossaryId ? { glossary: glossaryId } : {}),
          // Line breaks in a description are paragraphs; keep them where the author put them.
          preserveFormatting: true,
        });
        return result.text;
      } catch (error) {
        throw busyOr(error);
      }
    },
    async createGlossary(name, dictionaries: GlossaryDictionary[]) {
      try {
        const info = await client.createMultilingualGlossary(
          name,
          dictionaries.map((dictionary) => ({
            sourceLangCode: dictionary.from,
            targetLangCode: dictionary.to,
            entries: new GlossaryEntries({ entries: Object.fromEntries(dictionary.terms.map((term) => [term.source, term.target])) }),
          })),
        );
        return info.glossaryId;
      } catch (error) {
        throw busyOr(error);
      }
    },
  };
}

function busyOr(error: unknown): unknown {
  if (error instanceof TooManyRequestsError || error instanceof QuotaExceededError) {
    return new ProviderBusyError(`DeepL: ${error.message}`, { cause: error });
  }
  return error;
}
