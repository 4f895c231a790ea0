import type { Db } from '../db';
import { createLimiter, type Limiter } from '../security/rate-limit';

// Messages per author in a window: plenty for a conversation, too few for a script flooding the
// other side's inboxes (each message emails them). Keyed by the author: only they are slowed.

export const MESSAGE_LIMIT = { perAuthor: 20, windowSeconds: 600 };

const perDb = new WeakMap<Db, Limiter>();

export function messageLimiter(db: Db): Limiter {
  let limiter = perDb.get(db);
  if (!limiter) {
    limiter = createLimiter(db, 'introduction-message:author', MESSAGE_LIMIT.perAuthor, MESSAGE_LIMIT.windowSeconds);
    perDb.set(db, limiter);
  }
  return limiter;
}
