import { cookies } from 'next/headers';
import { cache } from 'react';
import { db } from '../db';
import type { Actor } from './actor';
import { actorFromCookies } from './session';

/**
 * The signed-in user of the current request (server components, server actions), checked
 * against the database on every request; null for a visitor or a revoked session.
 * Memoised per request, so a page and its layout ask the database once.
 */
export const getActor = cache(async (): Promise<Actor | null> => actorFromCookies(db, await cookies()));
