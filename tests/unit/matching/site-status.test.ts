import { describe, expect, it } from 'vitest';
import { readSiteStatus, SEVERITY, TOLERANCE } from '../../../lib/matching';
import { period } from './builders';

// Reading the official list on a given day: which period is in force, how severe, whole or
// partial, and whether a period ended within the year.

const on = (day: string) => new Date(day);

describe('reading a site status', () => {
  it('an unlisted site', () => {
    expect(readSiteStatus([], on('2026-01-01'))).toEqual({ status: 'NONE', severity: 0, isWholeHromada: false, effectiveSeverity: 0, recentlyEndedOn: null });
  });

  it('orders statuses by severity, and risk appetites by the worst site they accept', () => {
    expect(SEVERITY).toEqual({ NONE: 0, POSSIBLE_HOSTILITIES: 1, ACTIVE_HOSTILITIES_WITH_STATE_SERVICES: 2, ACTIVE_HOSTILITIES: 3, TEMPORARILY_OCCUPIED: 4 });
    expect(TOLERANCE).toEqual({ AFTER_CEASEFIRE_ONLY: 0, NO_HOSTILITIES: 0, POSSIBLE_HOSTILITIES: 1, ACTIVE_HOSTILITIES: 3 });
  });

  it('a period is in force from its first to its last day, both included', () => {
    const periods = [period('ACTIVE_HOSTILITIES', '2024-03-01', '2024-06-30')];
    expect(readSiteStatus(periods, on('2024-02-29')).severity).toBe(0);
    expect(readSiteStatus(periods, on('2024-03-01'))).toMatchObject({ status: 'ACTIVE_HOSTILITIES', severity: 3, isWholeHromada: true, effectiveSeverity: 3, recentlyEndedOn: null });
    expect(readSiteStatus(periods, on('2024-06-30')).severity).toBe(3);
    expect(readSiteStatus(periods, on('2024-07-01'))).toMatchObject({ severity: 0, recentlyEndedOn: on('2024-06-30') });
    expect(readSiteStatus([period('POSSIBLE_HOSTILITIES', '2024-03-01')], on('2030-01-01')).severity).toBe(1);
  });

  it('remembers a period that ended within 365 days, the latest of them', () => {
    const ended = [period('ACTIVE_HOSTILITIES', '2023-01-01', '2024-06-30'), period('POSSIBLE_HOSTILITIES', '2023-01-01', '2024-05-31')];
    expect(readSiteStatus(ended, on('2025-05-01')).recentlyEndedOn).toEqual(on('2024-06-30'));
    expect(readSiteStatus([...ended].reverse(), on('2025-05-01')).recentlyEndedOn).toEqual(on('2024-06-30'));
    expect(readSiteStatus(ended, on('2025-06-30')).recentlyEndedOn).toEqual(on('2024-06-30'));
    expect(readSiteStatus(ended, on('2025-07-01')).recentlyEndedOn).toBeNull();
    expect(readSiteStatus([period('POSSIBLE_HOSTILITIES', '2023-01-01', '2024-05-31')], on('2025-05-31')).recentlyEndedOn).toEqual(on('2024-05-31'));
    expect(readSiteStatus([period('POSSIBLE_HOSTILITIES', '2023-01-01', '2024-05-31')], on('2025-06-01')).recentlyEndedOn).toBeNull();
  });

  it('a period not yet begun is neither in force nor history', () => {
    expect(readSiteStatus([period('ACTIVE_HOSTILITIES', '2027-01-01', '2027-02-01')], on('2026-01-01'))).toMatchObject({ severity: 0, recentlyEndedOn: null });
  });

  it('the most severe period in force decides, and whether it covers the whole hromada', () => {
    const mixed = [period('POSSIBLE_HOSTILITIES', '2022-01-01'), period('ACTIVE_HOSTILITIES', '2022-01-01', null, false)];
    expect(readSiteStatus(mixed, on('2024-01-01'))).toMatchObject({ status: 'ACTIVE_HOSTILITIES', severity: 3, isWholeHromada: false, effectiveSeverity: 2 });
    expect(readSiteStatus([...mixed].reverse(), on('2024-01-01'))).toMatchObject({ severity: 3, isWholeHromada: false, effectiveSeverity: 2 });
    const sameSeverity = [period('ACTIVE_HOSTILITIES', '2022-01-01', null, false), period('ACTIVE_HOSTILITIES', '2022-01-01', null, true)];
    expect(readSiteStatus(sameSeverity, on('2024-01-01'))).toMatchObject({ isWholeHromada: true, effectiveSeverity: 3 });
    expect(readSiteStatus([...sameSeverity].reverse(), on('2024-01-01'))).toMatchObject({ isWholeHromada: true, effectiveSeverity: 3 });
  });

  it('listed settlements only: one step less severe for the hromada', () => {
    expect(readSiteStatus([period('POSSIBLE_HOSTILITIES', '2022-01-01', null, false)], on('2024-01-01')))
      .toEqual({ status: 'POSSIBLE_HOSTILITIES', severity: 1, isWholeHromada: false, effectiveSeverity: 0, recentlyEndedOn: null });
    expect(readSiteStatus([period('TEMPORARILY_OCCUPIED', '2022-01-01', null, false)], on('2024-01-01'))).toMatchObject({ severity: 4, effectiveSeverity: 3 });
  });

  it('a "none" period covers nothing', () => {
    expect(readSiteStatus([period('NONE', '2022-01-01', null, true)], on('2024-01-01')))
      .toEqual({ status: 'NONE', severity: 0, isWholeHromada: false, effectiveSeverity: 0, recentlyEndedOn: null });
  });
});
