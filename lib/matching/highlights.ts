import { polarityOf } from './polarity';
import { CRITERIA, type Criterion, type ScoreEntry } from './types';

// What a recommendation card says in three lines instead of a nine-row table (issue 13: the
// recommendations page was 5,857 px tall, and municipalities saw only the three reasons that are
// the same for every company). The full table stays one click away; these choose what to show.

type Entries = readonly ScoreEntry[];

/** A criterion the policy weighs nothing has no points to show ("0 / 0"): it is left out. */
export const weighedEntries = (entries: Entries): ScoreEntry[] => entries.filter((entry) => entry.maxPoints > 0);

const share = (entry: ScoreEntry) => entry.points / entry.maxPoints;
const order = (criterion: Criterion) => CRITERIA.indexOf(criterion);

/** The pair's strongest reasons: weighed, not against the pair, most points first. */
export function topReasons(entries: Entries, limit = 3): ScoreEntry[] {
  return weighedEntries(entries)
    .filter((entry) => entry.points > 0 && polarityOf(entry.reason.code) !== 'against')
    .sort((a, b) => b.points - a.points || order(a.criterion) - order(b.criterion))
    .slice(0, limit);
}

/**
 * The criteria on which every match of a list says the same thing with the same points: they
 * tell the matches apart in nothing, so the list states them once. Fewer than two matches share
 * nothing worth stating.
 */
export function sharedCriteria(lists: readonly Entries[]): Criterion[] {
  if (lists.length < 2) return [];
  const [first, ...rest] = lists;
  return weighedEntries(first)
    .filter((entry) =>
      rest.every((entries) => {
        const other = entries.find((candidate) => candidate.criterion === entry.criterion);
        return other !== undefined && other.points === entry.points && other.maxPoints === entry.maxPoints && other.reason.code === entry.reason.code;
      }),
    )
    .map((entry) => entry.criterion);
}

export type Highlight = { entry: ScoreEntry; stance: 'strength' | 'weakness' };

/**
 * What sets one match apart from the others on its list: the criteria where its share of the
 * weight differs from theirs on average, the largest difference in points first, each marked as a
 * strength or a weakness. Alone on its list, a match is described by its top reasons instead.
 */
export function distinguishingReasons(entries: Entries, others: readonly Entries[], limit = 3): Highlight[] {
  if (others.length === 0) return topReasons(entries, limit).map((entry) => ({ entry, stance: 'strength' }));
  const shared = new Set(sharedCriteria([entries, ...others]));
  return weighedEntries(entries)
    .filter((entry) => !shared.has(entry.criterion))
    .map((entry) => {
      const peers = others
        .map((list) => list.find((candidate) => candidate.criterion === entry.criterion))
        .filter((peer): peer is ScoreEntry => peer !== undefined && peer.maxPoints > 0);
      const average = peers.length === 0 ? share(entry) : peers.reduce((sum, peer) => sum + share(peer), 0) / peers.length;
      return { entry, difference: (share(entry) - average) * entry.maxPoints };
    })
    .filter(({ difference }) => Math.abs(difference) >= 0.5)
    .sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference) || order(a.entry.criterion) - order(b.entry.criterion))
    .slice(0, limit)
    .map(({ entry, difference }) => ({ entry, stance: difference > 0 ? 'strength' : 'weakness' }));
}
