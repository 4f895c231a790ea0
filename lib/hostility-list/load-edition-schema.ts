import { z } from 'zod';
import { limit } from '../validation-message';
import { MAX_BODY_BYTES } from '../security/http-policy';
import type { StatusChange } from './roll-forward';

// The order's input, shared by the admin page's form and lib/hostility-list/load-edition.ts; the
// command line (npm run hostility:load) takes the same fields with a larger table.

/** A table read from disk by the command line: a full edition with room to spare. */
export const MAX_TABLE_LENGTH = 2_000_000;

/**
 * What the admin form can send: a server action's body stops at MAX_BODY_BYTES (proxy.ts,
 * next.config.js), less room for the other fields. A full edition is larger; it goes through
 * `npm run hostility:load`.
 */
export const MAX_FORM_TABLE_BYTES = MAX_BODY_BYTES - 8 * 1024;

/** The table's size as the action sends it: UTF-8 of its JSON (Cyrillic, newlines and quotes take two bytes). */
export const sentBytes = (text: string): number => new TextEncoder().encode(JSON.stringify(text)).length;

/** The order as the command line gives it. */
export const hostilityListSchema = z
  .object({
    kind: z.enum(['EDITION', 'AMENDMENT']),
    orderNumber: z.string().trim().min(1, 'validation.required').max(40, limit('validation.tooLong')),
    orderDate: z.iso.date('validation.invalid'),
    source: z.string().trim().min(1, 'validation.required').max(300, limit('validation.tooLong')),
    hostilityTable: z.string().min(1, 'validation.required').max(MAX_TABLE_LENGTH, limit('validation.tooLong')),
  })
  .strict();
const checksum = z.string().regex(/^[0-9a-f]{64}$/, 'validation.invalid');
export const applyHostilityListSchema = hostilityListSchema.extend({ checksum }).strict();

/** The order as the admin form sends it, within what a request can carry. */
export const hostilityListFormSchema = hostilityListSchema.extend({
  hostilityTable: hostilityListSchema.shape.hostilityTable.refine((table) => sentBytes(table) <= MAX_FORM_TABLE_BYTES, 'validation.hostilityTableTooLarge'),
}).strict();
export const applyHostilityListFormSchema = hostilityListFormSchema.extend({ checksum }).strict();

export type HostilityListInput = z.infer<typeof hostilityListSchema>;

export type HostilityListPreview = {
  checksum: string;
  day: string;
  rowsRead: number;
  periods: { added: number; changed: number; removed: number; unchanged: number };
  changes: StatusChange[];
  needsAffected: number;
  storedMatchesAffected: number;
  /**
   * The order in force when this one is dated before it: the list will go on citing that one
   * (lib/hostility-list/list-in-force.ts), which the ADMIN should know before applying.
   */
  olderThan: { orderNumber: string; orderDate: string } | null;
};

