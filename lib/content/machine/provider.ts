import type { Locale } from '../../generated/prisma/enums';
import type { GlossaryDictionary } from './glossary';

// What a machine-translation service must do for Kakehashi. DeepL is the one shipped
// (./deepl.ts); another is one more implementation chosen in ./configured.ts.

export type TranslateRequest = {
  text: string;
  from: Locale;
  to: Locale;
  /** The provider's id of the glossary made by createGlossary, when there is one. */
  glossaryId: string | null;
};

export type MachineProvider = {
  /** Stored with each translation (TextTranslation.provider) and names its glossaries. */
  readonly name: string;
  translate(request: TranslateRequest): Promise<string>;
  /** Creates one glossary holding every language pair's terms; returns its id at the provider. */
  createGlossary(name: string, dictionaries: GlossaryDictionary[]): Promise<string>;
};

/** The provider refused for load (HTTP 429, quota): the job should be retried later, with back-off. */
export class ProviderBusyError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ProviderBusyError';
  }
}
