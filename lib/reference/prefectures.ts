import type { Db } from '../db';

export const listPrefectures = (db: Db) =>
  db.prefecture.findMany({ orderBy: { code: 'asc' }, select: { code: true, nameJa: true, nameEn: true } });
