import { createHash } from 'node:crypto';

/**
 * SHA-256 (hex) of the original a translation was made from. When the original changes, the
 * stored digest no longer matches and the translation is shown as out of date. The facilitator
 * queue computes the same digest in SQL (encode(sha256(convert_to(text, 'UTF8')), 'hex')).
 */
export function digestOriginal(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
