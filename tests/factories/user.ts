import { hash } from '@node-rs/argon2';
import type { Db } from '../../lib/db';
import type { Prisma } from '../../lib/generated/prisma/client';
import { uniqueSuffix } from './sequence';

export type UserInput = Prisma.UserUncheckedCreateInput;

export async function buildUser(
  overrides: Partial<UserInput> & { password?: string } = {},
): Promise<UserInput> {
  const { password = 'correct horse battery staple', ...rest } = overrides;
  const suffix = uniqueSuffix();
  return {
    email: `user-${suffix}@example.test`,
    name: `Test User ${suffix}`,
    passwordHash: await hash(password),
    role: 'FACILITATOR',
    ...rest,
  };
}

export const createUser = async (
  db: Db,
  overrides: Partial<UserInput> & { password?: string } = {},
) => db.user.create({ data: await buildUser(overrides) });
