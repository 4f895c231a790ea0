import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import recordPackageSchema from './ocds-schema/record-package-schema.json';
import releasePackageSchema from './ocds-schema/release-package-schema.json';
import releaseSchema from './ocds-schema/release-schema.json';
import versionedReleaseSchema from './ocds-schema/versioned-release-validation-schema.json';

// Reads a tender's facts from a package in Open Contracting (OCDS 1.1) form, as Prozorro and
// DREAM publish them. Pure: the caller brings the parsed JSON and stores the result.
//
// The package is checked against the published schema. Real Prozorro packages carry faults in
// their metadata (an extension URL ending in "<Paste>"): those are kept as warnings. A fault in
// the releases or records themselves makes the package unusable as evidence.

export type EvidenceParty = { name: string; id: string | null };

export type EvidenceFacts = {
  ocid: string;
  tenderStatus: string | null;
  procurementMethod: string | null;
  procurementMethodDetails: string | null;
  valueAmount: number | null;
  valueCurrency: string | null;
  numberOfTenderers: number | null;
  buyerName: string | null;
  buyerId: string | null;
  funders: EvidenceParty[];
  monitoring: EvidenceParty[];
  publishedDate: Date | null;
  releaseDate: Date | null;
  /** The release the facts were read from (a record's compiled release, or the latest release). */
  release: Record<string, unknown>;
};

export type ReadOutcome =
  | { ok: true; facts: EvidenceFacts; warnings: string[] }
  | { ok: false; detail: string; warnings: string[] };

/**
 * The State Audit Service of Ukraine (Держаудитслужба), by its EDRPOU code: the body that
 * monitors procurements. A release that names it as a party records its monitoring.
 */
export const STATE_AUDIT_SERVICE_EDRPOU = '40165856';

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
for (const schema of [releaseSchema, versionedReleaseSchema, releasePackageSchema, recordPackageSchema]) ajv.addSchema(schema);
const validateReleasePackage = ajv.getSchema(releasePackageSchema.id)!;
const validateRecordPackage = ajv.getSchema(recordPackageSchema.id)!;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
const number = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
/** What the evidence columns hold (Decimal(18, 2), integer); a larger figure is not a real tender's. */
const bounded = (value: number | null, max: number) => (value !== null && Math.abs(value) < max ? value : null);
const date = (value: unknown): Date | null => {
  const parsed = typeof value === 'string' ? new Date(value) : null;
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed : null;
};

/**
 * The facts of the release about `matchesOcid` in a release or record package.
 * `matchesOcid` says which OCID the need's identifier stands for.
 */
export function readOcdsPackage(input: unknown, matchesOcid: (ocid: string) => boolean): ReadOutcome {
  // PostgreSQL stores no NUL character, in text or in jsonb; a published string may hold one.
  const pkg: unknown = input === undefined ? undefined : JSON.parse(JSON.stringify(input).replaceAll('\\u0000', ''));
  if (!isObject(pkg)) return { ok: false, detail: 'not a JSON object', warnings: [] };
  const isRecordPackage = Array.isArray(pkg.records);
  if (!isRecordPackage && !Array.isArray(pkg.releases)) {
    return { ok: false, detail: 'neither a release package nor a record package', warnings: [] };
  }
  const validate = isRecordPackage ? validateRecordPackage : validateReleasePackage;
  validate(pkg);
  const errors = (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? error.keyword}`);
  const blocking = errors.filter((error) => /^\/(releases|records)\//.test(error));
  const warnings = errors.filter((error) => !blocking.includes(error)).slice(0, 20);
  if (blocking.length > 0) return { ok: false, detail: `OCDS schema: ${blocking.slice(0, 5).join('; ')}`, warnings };

  const release = isRecordPackage ? fromRecords(pkg.records as unknown[], matchesOcid) : latest(pkg.releases as unknown[], matchesOcid);
  if (!release) return { ok: false, detail: 'no release for this tender in the package', warnings };
  return { ok: true, facts: factsOf(release, date(pkg.publishedDate)), warnings };
}

function fromRecords(records: unknown[], matchesOcid: (ocid: string) => boolean): Json | null {
  const record = records.find((item) => isObject(item) && typeof item.ocid === 'string' && matchesOcid(item.ocid));
  if (!isObject(record)) return null;
  if (isObject(record.compiledRelease)) return record.compiledRelease;
  // Without a compiled release, only releases embedded whole (not linked by URL) can be read.
  return latest(Array.isArray(record.releases) ? record.releases : [], matchesOcid);
}

/** Merges the releases about the tender, oldest first, so that later ones win field by field. */
function latest(releases: unknown[], matchesOcid: (ocid: string) => boolean): Json | null {
  const about = releases
    .filter((item): item is Json => isObject(item) && typeof item.ocid === 'string' && matchesOcid(item.ocid))
    .sort((a, b) => String(a.date).localeCompare(String(b.date)));
  if (about.length === 0) return null;
  const merged: Json = {};
  const parties = new Map<string, unknown>();
  for (const release of about) {
    for (const [key, value] of Object.entries(release)) {
      if (key === 'parties' && Array.isArray(value)) {
        for (const party of value) if (isObject(party)) parties.set(String(party.id ?? party.name), party);
      } else if (isObject(value) && isObject(merged[key])) {
        merged[key] = { ...(merged[key] as Json), ...value };
      } else {
        merged[key] = value;
      }
    }
  }
  if (parties.size > 0) merged.parties = [...parties.values()];
  return merged;
}

function factsOf(release: Json, publishedDate: Date | null): EvidenceFacts {
  const tender = isObject(release.tender) ? release.tender : {};
  const value = isObject(tender.value) ? tender.value : {};
  const parties = (Array.isArray(release.parties) ? release.parties : []).filter(isObject);
  const withRole = (role: string) => parties.filter((party) => Array.isArray(party.roles) && party.roles.includes(role));
  const buyer = isObject(release.buyer) ? release.buyer : withRole('buyer')[0] ?? {};
  const auditors = parties.filter((party) => {
    const identifier = isObject(party.identifier) ? party.identifier : {};
    return identifier.id === STATE_AUDIT_SERVICE_EDRPOU || String(party.id ?? '').endsWith(`-${STATE_AUDIT_SERVICE_EDRPOU}`);
  });
  return {
    ocid: String(release.ocid),
    tenderStatus: text(tender.status),
    procurementMethod: text(tender.procurementMethod),
    // Prozorro names its procedure (aboveThresholdUA, reporting…) in its procurementMethodType extension.
    procurementMethodDetails: text(tender.procurementMethodDetails) ?? text(tender.procurementMethodType),
    valueAmount: bounded(number(value.amount), 1e15),
    valueCurrency: text(value.currency),
    numberOfTenderers: bounded(number(tender.numberOfTenderers) ?? countBids(release.bids), 2 ** 31),
    buyerName: text(buyer.name),
    buyerId: text(buyer.id),
    funders: withRole('funder').map(partyOf),
    monitoring: auditors.map(partyOf),
    publishedDate,
    releaseDate: date(release.date),
    release,
  };
}

/** The bids extension lists each bid in `details`; withdrawn or invalid ones do not count. */
function countBids(bids: unknown): number | null {
  if (!isObject(bids) || !Array.isArray(bids.details)) return null;
  return bids.details.filter((bid) => isObject(bid) && bid.status !== 'withdrawn' && bid.status !== 'disqualified').length;
}

function partyOf(party: Json): EvidenceParty {
  const identifier = isObject(party.identifier) ? party.identifier : {};
  const scheme = text(identifier.scheme);
  const id = text(identifier.id);
  return { name: text(party.name) ?? text(identifier.legalName) ?? '?', id: id ? (scheme ? `${scheme}-${id}` : id) : text(party.id) };
}
