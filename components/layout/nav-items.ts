import type { Actor } from '@/lib/auth/actor';

export type NavItem = { href: string; labelKey: string };
export type NavGroup = { labelKey: string; items: NavItem[] };

/**
 * What each role reaches from the header: its own pages as links, staff pages grouped into
 * menus so the bar never wraps at 1280 px in any language.
 */
export function navFor(actor: Actor | null): { own: NavItem[]; groups: NavGroup[] } {
  if (!actor) return { own: [], groups: [] };
  const own: NavItem[] = [];
  const groups: NavGroup[] = [];
  if (actor.role === 'COMPANY_REP') {
    own.push({ href: '/company/recommended', labelKey: 'recommended' }, { href: '/company/profile', labelKey: 'profile' });
  }
  if (actor.role === 'MUNICIPALITY_REP') own.push({ href: '/municipality/needs', labelKey: 'ourNeeds' });
  if (actor.role === 'FACILITATOR' || actor.role === 'ADMIN') {
    groups.push({
      labelKey: 'facilitation',
      items: [
        { href: '/facilitator/dashboard', labelKey: 'dashboard' },
        { href: '/facilitator/matches', labelKey: 'queue' },
        { href: '/facilitator/policy', labelKey: 'policy' },
        { href: '/facilitator/verifications', labelKey: 'verifications' },
        { href: '/facilitator/translations', labelKey: 'translations' },
      ],
    });
  }
  if (actor.role === 'ADMIN') {
    groups.push({ labelKey: 'administration', items: [{ href: '/admin/users', labelKey: 'users' }, { href: '/admin/outbox', labelKey: 'outbox' }] });
  }
  return { own, groups };
}
