import type { DecisionAction, MatchStatus } from '../generated/prisma/enums';

// The pipeline a match moves along: suggested → shortlisted → introduced → agreed, with a
// decline possible before agreement. Undo steps back over the latest decision, except an
// introduction: its emails are already with both parties, so it is declined, not unsaid.

export type ForwardAction = Exclude<DecisionAction, 'UNDO'>;

const ALLOWED_FROM: Record<ForwardAction, readonly MatchStatus[]> = {
  SHORTLIST: ['SUGGESTED'],
  INTRODUCE: ['SUGGESTED', 'SHORTLISTED'],
  DECLINE: ['SUGGESTED', 'SHORTLISTED', 'INTRODUCED'],
  AGREE: ['INTRODUCED'],
};

const TARGET: Record<ForwardAction, MatchStatus> = {
  SHORTLIST: 'SHORTLISTED',
  INTRODUCE: 'INTRODUCED',
  DECLINE: 'DECLINED',
  AGREE: 'AGREED',
};

export type LastDecision = { action: DecisionAction; fromStatus: MatchStatus; toStatus: MatchStatus } | null;

export type Transition = { ok: true; to: MatchStatus } | { ok: false; reason: 'notAllowedFromStatus' | 'nothingToUndo' | 'introductionCannotBeUndone' };

export function nextStatus(action: DecisionAction, current: MatchStatus, last: LastDecision): Transition {
  if (action !== 'UNDO') {
    return ALLOWED_FROM[action].includes(current) ? { ok: true, to: TARGET[action] } : { ok: false, reason: 'notAllowedFromStatus' };
  }
  if (!last || last.toStatus !== current || last.action === 'UNDO') return { ok: false, reason: 'nothingToUndo' };
  if (last.action === 'INTRODUCE') return { ok: false, reason: 'introductionCannotBeUndone' };
  return { ok: true, to: last.fromStatus };
}

/** The actions a facilitator is offered for a match in this state. */
export function availableActions(current: MatchStatus, last: LastDecision): DecisionAction[] {
  const forward = (Object.keys(ALLOWED_FROM) as ForwardAction[]).filter((action) => ALLOWED_FROM[action].includes(current));
  return nextStatus('UNDO', current, last).ok ? [...forward, 'UNDO'] : forward;
}
