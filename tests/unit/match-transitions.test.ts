import { describe, expect, it } from 'vitest';
import { availableActions, nextStatus } from '../../lib/match-decisions/transitions';

describe('match pipeline', () => {
  it('moves suggested → shortlisted → introduced → agreed', () => {
    expect(nextStatus('SHORTLIST', 'SUGGESTED', null)).toEqual({ ok: true, to: 'SHORTLISTED' });
    expect(nextStatus('INTRODUCE', 'SHORTLISTED', null)).toEqual({ ok: true, to: 'INTRODUCED' });
    expect(nextStatus('AGREE', 'INTRODUCED', null)).toEqual({ ok: true, to: 'AGREED' });
  });

  it('refuses steps out of order', () => {
    expect(nextStatus('AGREE', 'SUGGESTED', null)).toEqual({ ok: false, reason: 'notAllowedFromStatus' });
    expect(nextStatus('SHORTLIST', 'DECLINED', null)).toEqual({ ok: false, reason: 'notAllowedFromStatus' });
    expect(nextStatus('DECLINE', 'AGREED', null)).toEqual({ ok: false, reason: 'notAllowedFromStatus' });
  });

  it('undoes the latest decision back to where it started, but never an introduction or an undo', () => {
    expect(nextStatus('UNDO', 'DECLINED', { action: 'DECLINE', fromStatus: 'SHORTLISTED', toStatus: 'DECLINED' })).toEqual({ ok: true, to: 'SHORTLISTED' });
    expect(nextStatus('UNDO', 'INTRODUCED', { action: 'INTRODUCE', fromStatus: 'SUGGESTED', toStatus: 'INTRODUCED' })).toEqual({ ok: false, reason: 'introductionCannotBeUndone' });
    expect(nextStatus('UNDO', 'SHORTLISTED', { action: 'UNDO', fromStatus: 'DECLINED', toStatus: 'SHORTLISTED' })).toEqual({ ok: false, reason: 'nothingToUndo' });
    expect(nextStatus('UNDO', 'SUGGESTED', null)).toEqual({ ok: false, reason: 'nothingToUndo' });
  });

  it('offers exactly the allowed actions', () => {
    expect(availableActions('SUGGESTED', null)).toEqual(['SHORTLIST', 'INTRODUCE', 'DECLINE']);
    expect(availableActions('SHORTLISTED', { action: 'SHORTLIST', fromStatus: 'SUGGESTED', toStatus: 'SHORTLISTED' })).toEqual(['INTRODUCE', 'DECLINE', 'UNDO']);
    expect(availableActions('AGREED', { action: 'AGREE', fromStatus: 'INTRODUCED', toStatus: 'AGREED' })).toEqual(['UNDO']);
  });
});
