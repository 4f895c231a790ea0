import { z } from 'zod';
import type { StatusChange } from './roll-forward';

// The order form's input, shared by the admin page's form and lib/hostility-list/load-edition.ts.

export const MAX_TABLE_LENGTH = 2_000_000;

export const hostilityListSchema = z
  .object({
    kind: z.enum(['EDITION', 'AMENDMENT']),
    orderNumber: z.string().trim().min(1, 'validation.required').max(40, 'validation.tooLong'),
    orderDate: z.iso.date('validation.invalid'),
    source: z.string().trim().min(1, 'validation.required').max(300, 'validation.tooLong'),
    hostilityTable: z.string().min(1, 'validation.required').max(MAX_TABLE_LENGTH, 'validation.tooLong'),
  })
  .strict();
export const applyHostilityListSchema = hostilityListSchema.extend({ checksum: z.string().regex(/^[0-9a-f]{64}$/, 'validation.invalid') }).strict();

export type HostilityListInput = z.infer<typeof hostilityListSchema>;

export type HostilityListPreview = {
  checksum: string;
  day: string;
  rowsRead: number;
  periods: { added: number; changed: number; removed: number; unchanged: number };
  changes: StatusChange[];
  needsAffected: number;
  storedMatchesAffected: number;
};

