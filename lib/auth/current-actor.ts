import { cookies } from 'next/headers';
import { cache } from 'react';
import { db } from '../db';
import type { Actor } from './actor';
import { readerOfRender } from './cached-reader';
import { actorFromCookies, actorOfUser } from './session';

/**
 * The signed-in user of the current request (server components, server actions), checked
 * against the database on every request; null for a visitor or a revoked session.
 * A reader's cached variant of a page has no cookies: there the reader is the one its address
 * names, whose session proxy.ts checked before sending the request there (lib/cache/reader-pages.ts).
 * Memoised per request, so a page and its layout ask the database once.
 */
export async function getActor(): Promise<Actor | null> {
  const reader = readerOfRender();
  return reader ? actorOfReader(reader) : actorOfCookies();
}

const actorOfCookies = cache(async (): Promise<Actor | null> => actorFromCookies(db, await cookies()));
const actorOfReader = cache(async (userId: string): Promise<Actor | null> => actorOfUser(db, userId));
