// Keeping the k best of a stream without sorting all of it: a bounded min-heap ordered by score,
// ties broken by id so that the same inputs always give the same ranking. The order — score
// descending, then id ascending — is the one order of every list: the SQL that trims stored lists
// (lib/match-store/write.ts, ORDER BY score DESC, id) and the reads (queries.ts) use it too.
// Ids are lowercase UUIDs, whose string order is PostgreSQL's uuid order (byte by byte).

export type Ranked = { score: number; id: string };

const worse = (a: Ranked, b: Ranked) => a.score < b.score || (a.score === b.score && a.id > b.id);

export class TopK<T extends Ranked> {
  private readonly heap: T[] = [];

  constructor(readonly k: number) {}

  /** Whether an item with this score and id would enter now. */
  admits(score: number, id: string): boolean {
    if (this.heap.length < this.k) return true;
    const floor = this.heap[0];
    return score > floor.score || (score === floor.score && id < floor.id);
  }

  offer(item: T): void {
    if (this.k <= 0) return;
    const { heap } = this;
    if (heap.length < this.k) {
      heap.push(item);
      this.up(heap.length - 1);
    } else if (worse(heap[0], item)) {
      heap[0] = item;
      this.down(0);
    }
  }

  get size(): number {
    return this.heap.length;
  }

  /** Best first. */
  sorted(): T[] {
    return [...this.heap].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  private up(i: number): void {
    const { heap } = this;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(heap[i], heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  }

  private down(i: number): void {
    const { heap } = this;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && worse(heap[left], heap[smallest])) smallest = left;
      if (right < heap.length && worse(heap[right], heap[smallest])) smallest = right;
      if (smallest === i) return;
      [heap[i], heap[smallest]] = [heap[smallest], heap[i]];
      i = smallest;
    }
  }
}
