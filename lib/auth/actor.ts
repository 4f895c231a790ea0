import { AppError } from '../errors';
import type { Role } from '../generated/prisma/enums';

/** Who is acting: every lib function that reads or changes private data takes one. */
export type Actor = {
  userId: string;
  role: Role;
  companyId: string | null;
  municipalityId: string | null;
};

export function assertRole(actor: Actor | null, roles: readonly Role[]): asserts actor is Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!roles.includes(actor.role)) throw new AppError('FORBIDDEN', `${actor.role} may not do this`);
}
