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

/**
 * Many bounded heaps side by side in typed arrays — one per need, or one per company, in a
 * rebuild — over members named by index, so that the hot loop allocates nothing and reads no
 * object per pair. Same order as TopK: score descending, then the member's rank ascending, where
 * `rankOf[member]` is the member's position in id order (the tie-break by id, without strings).
 */
export class TopKLists {
  readonly scores: Int32Array;
  readonly members: Int32Array;
  readonly sizes: Int32Array;

  constructor(
    readonly lists: number,
    readonly k: number,
    private readonly rankOf: Int32Array,
  ) {
    this.scores = new Int32Array(lists * k);
    this.members = new Int32Array(lists * k);
    this.sizes = new Int32Array(lists);
  }

  /** Whether `member` with this score would enter `list` now. */
  admits(list: number, score: number, member: number): boolean {
    const { k } = this;
    if (this.sizes[list] < k) return true;
    const root = list * k;
    const floor = this.scores[root];
    return score > floor || (score === floor && this.rankOf[member] < this.rankOf[this.members[root]]);
  }

  offer(list: number, score: number, member: number): void {
    const { k, scores, members } = this;
    if (k <= 0) return;
    const base = list * k;
    const size = this.sizes[list];
    if (size < k) {
      scores[base + size] = score;
      members[base + size] = member;
      this.sizes[list] = size + 1;
      this.up(base, size);
    } else if (this.worse(scores[base], members[base], score, member)) {
      scores[base] = score;
      members[base] = member;
      this.down(base, k);
    }
  }

  /** The list's floor: its worst score once full, -1 while it has room. */
  floor(list: number): number {
    return this.sizes[list] >= this.k ? this.scores[list * this.k] : -1;
  }

  /** The list's last member once full (lowest score, then highest id: the heap's root), -1 while it has room. */
  lastMember(list: number): number {
    return this.sizes[list] >= this.k ? this.members[list * this.k] : -1;
  }

  /** The list's members, best first. */
  sorted(list: number): { score: number; member: number }[] {
    const base = list * this.k;
    const items = [];
    for (let i = 0; i < this.sizes[list]; i += 1) items.push({ score: this.scores[base + i], member: this.members[base + i] });
    return items.sort((a, b) => b.score - a.score || this.rankOf[a.member] - this.rankOf[b.member]);
  }

  private worse(scoreA: number, memberA: number, scoreB: number, memberB: number): boolean {
    return scoreA < scoreB || (scoreA === scoreB && this.rankOf[memberA] > this.rankOf[memberB]);
  }

  private swap(i: number, j: number): void {
    const { scores, members } = this;
    const s = scores[i];
    scores[i] = scores[j];
    scores[j] = s;
    const m = members[i];
    members[i] = members[j];
    members[j] = m;
  }

  private up(base: number, i: number): void {
    const { scores, members } = this;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(scores[base + i], members[base + i], scores[base + parent], members[base + parent])) break;
      this.swap(base + i, base + parent);
      i = parent;
    }
  }

  private down(base: number, size: number): void {
    const { scores, members } = this;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < size && this.worse(scores[base + left], members[base + left], scores[base + smallest], members[base + smallest])) smallest = left;
      if (right < size && this.worse(scores[base + right], members[base + right], scores[base + smallest], members[base + smallest])) smallest = right;
      if (smallest === i) return;
      this.swap(base + i, base + smallest);
      i = smallest;
    }
  }
}

/** Each id's position in id order (the order of TopK's tie-break and of PostgreSQL's uuid). */
export function ranksById(ids: readonly string[]): Int32Array {
  const order = ids.map((_, i) => i).sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
  const rank = new Int32Array(ids.length);
  order.forEach((index, position) => {
    rank[index] = position;
  });
  return rank;
}
