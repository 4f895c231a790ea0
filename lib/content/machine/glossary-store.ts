import { createHash } from 'node:crypto';
import type { Db } from '../../db';
import { logError } from '../../logging/log';
import { glossaryDictionaries, type Catalogues, type GlossaryDictionary } from './glossary';
import { ProviderBusyError, type MachineProvider } from './provider';

// A provider's glossary is made once per content (the digest of its terms) and its id kept in
// PostgreSQL, so every instance and every restart reuses it; a changed catalogue term makes a new
// one. A transaction-scoped advisory lock lets one instance create it while others wait, rather
// than each creating its own copy at the provider.

/** Names the glossary's content: a changed catalogue term makes a new glossary at the provider. */
export function glossaryDigest(dictionaries: GlossaryDictionary[]): string {
  return createHash('sha256').update(JSON.stringify(dictionaries)).digest('hex');
}

/** The provider's id for the current glossary, created on first use; null when it could not be made. */
export async function glossaryIdFor(db: Db, provider: MachineProvider, catalogues?: Catalogues): Promise<string | null> {
  const dictionaries = glossaryDictionaries(catalogues);
  if (dictionaries.length === 0) return null;
  const digest = glossaryDigest(dictionaries);
  const stored = await db.machineGlossary.findUnique({ where: { provider_digest: { provider: provider.name, digest } }, select: { glossaryId: true } });
  if (stored) return stored.glossaryId;
  try {
    return await db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`machine-glossary:${provider.name}`}))`;
        const created = await tx.machineGlossary.findUnique({ where: { provider_digest: { provider: provider.name, digest } }, select: { glossaryId: true } });
        if (created) return created.glossaryId;
        const glossaryId = await provider.createGlossary(`kakehashi-${digest.slice(0, 12)}`, dictionaries);
        await tx.machineGlossary.create({ data: { provider: provider.name, digest, glossaryId } });
        return glossaryId;
      },
      { timeout: 60_000, maxWait: 60_000 },
    );
  } catch (error) {
    if (error instanceof ProviderBusyError) throw error;
    // A glossary the provider refuses (a language pair it does not take) must not stop
    // translation: the texts are translated without it, and the error is logged.
    logError('machine-translation glossary', error);
    return null;
  }
}
