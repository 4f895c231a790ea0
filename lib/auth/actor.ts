import { AppError } from '../errors';
import type { Role } from '../generated/prisma/enums';

/** Who is acting: every lib function that reads or changes private data takes one. */
export type Actor = {
  userId: string;
  role: Role;
  companyId: string | null;
  municipalityId: string | null;
};

export const ALL_ROLES = ['COMPANY_REP', 'MUNICIPALITY_REP', 'FACILITATOR', 'ADMIN'] as const satisfies readonly Role[];
export const STAFF_ROLES = ['FACILITATOR', 'ADMIN'] as const satisfies readonly Role[];

/** The one entry point for "someone must be signed in". */
export function requireUser(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
}

/** The one entry point for "someone with one of these roles". */
export function requireRole(actor: Actor | null, roles: readonly Role[]): asserts actor is Actor {
  requireUser(actor);
  if (!roles.includes(actor.role)) throw new AppError('FORBIDDEN', `${actor.role} may not do this`);
}

/** For sign-up and similar: a signed-in person must not create a second account. */
export function requireAnonymous(actor: Actor | null): void {
  if (actor) throw new AppError('FORBIDDEN', 'Already signed in');
}

export const isStaff = (actor: Actor): boolean => (STAFF_ROLES as readonly Role[]).includes(actor.role);
