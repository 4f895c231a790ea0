import type { Db } from '../db';
import type { Prisma } from '../generated/prisma/client';

// Who hears about an organisation: its active people; for facilitation: active staff.

type Client = Db | Prisma.TransactionClient;

export async function recipientsOfCompany(client: Client, companyId: string): Promise<string[]> {
  const users = await client.user.findMany({ where: { companyId, role: 'COMPANY_REP', disabledAt: null }, select: { id: true } });
  return users.map((user) => user.id);
}

export async function recipientsOfMunicipality(client: Client, municipalityId: string): Promise<string[]> {
  const users = await client.user.findMany({ where: { municipalityId, role: 'MUNICIPALITY_REP', disabledAt: null }, select: { id: true } });
  return users.map((user) => user.id);
}

/** Facilitators (administrators keep the platform, they do not facilitate). */
export async function staffRecipients(client: Client): Promise<string[]> {
  const users = await client.user.findMany({ where: { role: 'FACILITATOR', disabledAt: null }, select: { id: true } });
  return users.map((user) => user.id);
}
