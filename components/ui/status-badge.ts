import { badgeVariants, type BadgeTone } from './badge';

/**
 * The badge tone of each status the product shows, so a status has one colour everywhere.
 * `badgeClass('need', need.status)` → classes for a <span>.
 */
const TONES = {
  need: { DRAFT: 'neutral', OPEN: 'success', CLOSED: 'purple' },
  match: { SUGGESTED: 'neutral', SHORTLISTED: 'warning', INTRODUCED: 'info', AGREED: 'success', DECLINED: 'danger' },
  verification: { VERIFIED: 'success', UNVERIFIED: 'warning', REJECTED: 'danger' },
  hostility: {
    NONE: 'success',
    POSSIBLE_HOSTILITIES: 'warning',
    ACTIVE_HOSTILITIES_WITH_STATE_SERVICES: 'orange',
    ACTIVE_HOSTILITIES: 'danger',
    TEMPORARILY_OCCUPIED: 'purple',
  },
} satisfies Record<string, Record<string, BadgeTone>>;

export function badgeClass(kind: keyof typeof TONES, status: string): string {
  const tone = (TONES[kind] as Record<string, BadgeTone>)[status] ?? 'neutral';
  return badgeVariants({ tone });
}
