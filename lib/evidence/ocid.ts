// Which OCDS record a need's identifier stands for.

/** Prozorro's OCID prefix: tender UA-2017-10-31-002726-a is record ocds-be6bcu-UA-2017-10-31-002726-a. */
export const PROZORRO_OCID_PREFIX = 'ocds-be6bcu-';

export type EvidenceSourceName = 'PROZORRO' | 'DREAM';

/** The OCID to ask the source for. DREAM's prefix is not ours to guess: its project id is asked as is. */
export function ocidFor(source: EvidenceSourceName, identifier: string): string {
  return source === 'PROZORRO' ? `${PROZORRO_OCID_PREFIX}${identifier}` : identifier;
}

/** Whether a record's OCID is the one of the need's identifier (any publisher prefix for DREAM). */
export function ocidMatches(source: EvidenceSourceName, identifier: string): (ocid: string) => boolean {
  return source === 'PROZORRO' ? (ocid) => ocid === ocidFor(source, identifier) : (ocid) => ocid === identifier || ocid.endsWith(`-${identifier}`);
}
