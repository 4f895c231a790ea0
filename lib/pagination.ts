import { z } from 'zod';

export const PAGE_SIZE = 25;
export const MAX_PAGE = 10_000;

/** `?page=` from a URL: a positive integer, anything else means the first page. */
export const pageSchema = z.coerce.number().int().min(1).max(MAX_PAGE).catch(1);

export type Page<T> = { items: T[]; total: number; page: number; pageCount: number };

export const pageWindow = (page: number, pageSize = PAGE_SIZE) => ({
  skip: (page - 1) * pageSize,
  take: pageSize,
});

export function toPage<T>(items: T[], total: number, page: number, pageSize = PAGE_SIZE): Page<T> {
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
