import { describe, expect, it } from 'vitest';
import type { SitePeriod } from '../../../lib/matching';
import { readSiteStatus } from '../../../lib/matching/site-security';

// The list's dates are Kyiv calendar days and a period's end date is its last day in force
// (docs/decisions/012), as the SQL roll-up reads them: the engine must agree at any instant.

const february: SitePeriod = { status: 'ACTIVE_HOSTILITIES', isWholeHromada: true, start: new Date('2025-02-01T00:00:00Z'), end: new Date('2025-02-28T00:00:00Z') };
const statusAt = (instant: string) => readSiteStatus([february], new Date(instant)).status;

describe('a site status on the list’s calendar day (Kyiv)', () => {
  it('holds from 00:00 in Kyiv on the start day (22:00Z the day before, in winter)', () => {
    expect(statusAt('2025-01-31T21:59:59Z')).toBe('NONE');
    expect(statusAt('2025-01-31T22:00:00Z')).toBe('ACTIVE_HOSTILITIES');
    expect(statusAt('2025-02-01T10:00:00Z')).toBe('ACTIVE_HOSTILITIES');
  });

  it('holds all through the end day, at 10:00Z and until 24:00 in Kyiv', () => {
    expect(statusAt('2025-02-27T22:00:00Z')).toBe('ACTIVE_HOSTILITIES');
    expect(statusAt('2025-02-28T10:00:00Z')).toBe('ACTIVE_HOSTILITIES');
    expect(statusAt('2025-02-28T21:59:59Z')).toBe('ACTIVE_HOSTILITIES');
    expect(readSiteStatus([february], new Date('2025-02-28T22:00:00Z'))).toMatchObject({ status: 'NONE', recentlyEndedOn: february.end });
  });

  it('follows summer time: 00:00 in Kyiv is 21:00Z', () => {
    const july: SitePeriod = { ...february, start: new Date('2025-07-01T00:00:00Z'), end: new Date('2025-07-31T00:00:00Z') };
    expect(readSiteStatus([july], new Date('2025-06-30T20:59:59Z')).status).toBe('NONE');
    expect(readSiteStatus([july], new Date('2025-06-30T21:00:00Z')).status).toBe('ACTIVE_HOSTILITIES');
    expect(readSiteStatus([july], new Date('2025-07-31T20:59:59Z')).status).toBe('ACTIVE_HOSTILITIES');
    expect(readSiteStatus([july], new Date('2025-07-31T21:00:00Z')).status).toBe('NONE');
  });

  it('reads a day given as UTC midnight (what kyivDay returns) as that day', () => {
    expect(statusAt('2025-02-01T00:00:00Z')).toBe('ACTIVE_HOSTILITIES');
    expect(statusAt('2025-02-28T00:00:00Z')).toBe('ACTIVE_HOSTILITIES');
    expect(statusAt('2025-03-01T00:00:00Z')).toBe('NONE');
  });
});
