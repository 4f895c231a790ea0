import type { Locale } from '../generated/prisma/enums';
import type { Readable } from './types';

/**
 * The catalogue key (section `content`) of the marker a reader sees next to a text: who
 * translated it, or that it is not translated yet. Null when it is in the reader's own language
 * as written. One definition for WrittenText and for places that render plain strings (the map).
 */
export function markerKey(value: Readable, reader: Locale | string): 'byMachine' | 'byAuthor' | 'byFacilitator' | 'notTranslated' | null {
  if (value.original.language === reader || value.original.text === '') return null;
  switch (value.translation?.origin) {
    case 'MACHINE': return 'byMachine';
    case 'AUTHOR': return 'byAuthor';
    case 'FACILITATOR': return 'byFacilitator';
    default: return 'notTranslated';
  }
}
