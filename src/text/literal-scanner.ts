// One left-to-right pass over a sentence that finds which of many word lists
// occur in it (an Aho–Corasick automaton). The registry adds the exact strings
// and needed strings of its patterns (src/registry/literals.ts) as lists; the
// extractor scans each sentence once and then asks per list, which is far
// cheaper than running every claim's regexes on every sentence.

export class LiteralScanner {
  private readonly lists: (readonly string[])[] = [];
  private readonly ids = new Map<string, number>();
  private table?: Automaton;
  private trie?: Trie;

  /** Registers a list of non-empty strings; the same list gets the same id. */
  add(strings: readonly string[]): number {
    if (this.table || this.trie) throw new Error('LiteralScanner: add after the first scan');
    if (strings.length === 0 || strings.some((s) => s.length === 0)) throw new Error('LiteralScanner: lists need non-empty strings');
    const key = [...new Set(strings)].sort().join('\u0000');
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.lists.length;
      this.lists.push([...strings]);
      this.ids.set(key, id);
    }
    return id;
  }

  /** The strings of list `id`. */
  strings(id: number): readonly string[] {
    return this.lists[id]!;
  }

  /**
   * The same lists and their trie (a few hundred KB of typed arrays) without
   * the automaton's dense table, to store: the table is tens of megabytes and
   * is built row by row as texts reach its states.
   */
  withoutTable(): LiteralScanner {
    const copy = new LiteralScanner();
    for (const list of this.lists) copy.lists.push(list);
    for (const [key, id] of this.ids) copy.ids.set(key, id);
    copy.trie = this.trie ?? buildTrie(this.lists);
    return copy;
  }

  /** Number of lists registered. */
  get size(): number {
    return this.lists.length;
  }

  /** Finds which lists occur in `text`; `hits` answers for this text until its next scan. */
  scan(text: string, hits: ScanHits): void {
    const t = (this.table ??= new Automaton((this.trie ??= buildTrie(this.lists))));
    const stamp = hits.next(this.lists.length);
    const found = hits.found;
    const lastStart = hits.lastStart;
    const { alphabet, width, next, built, outFrom, outTo } = t;
    let { outList, outLength } = t;
    let row = 0;
    for (let i = 0, n = text.length; i < n; i++) {
      // Column 0 (a character no string contains) leads back to the root from every state.
      const at = row + alphabet[text.charCodeAt(i)]!;
      const to = next[at]!;
      if (to >= 0) {
        row = to;
        continue;
      }
      // A state where some list's string ends, or one whose row is not built yet (marked by a negative entry).
      row = ~to;
      const state = row / width;
      if (built[state] === 0) {
        t.build(state);
        ({ outList, outLength } = t);
      }
      const end = outTo[state]!;
      let k = outFrom[state]!;
      if (k === end) {
        // No string ends there: the entry leads straight to the row from now on.
        next[at] = row;
        continue;
      }
      for (; k < end; k++) {
        const id = outList[k]!;
        const start = i + 1 - outLength[k]!;
        // A long string ending later can start earlier: keep the latest start.
        if (found[id] !== stamp || lastStart[id]! < start) lastStart[id] = start;
        found[id] = stamp;
      }
    }
  }
}

/** Which lists the last text scanned into this object contains. */
export class ScanHits {
  found = new Uint32Array(0);
  /** Where the last occurrence (by start) of a string of each found list starts. */
  lastStart = new Int32Array(0);
  stamp = 0;

  /** Starts a new text: a fresh stamp, so nothing is cleared. */
  next(size: number): number {
    if (this.found.length < size) {
      this.found = new Uint32Array(size);
      this.lastStart = new Int32Array(size);
    }
    if (this.stamp === 0xffffffff) {
      this.found.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }

  /** Takes over what `other` found (as if its text had been scanned into this object). */
  copy(other: ScanHits): void {
    if (this.found.length !== other.found.length) {
      this.found = new Uint32Array(other.found.length);
      this.lastStart = new Int32Array(other.found.length);
    }
    this.found.set(other.found);
    this.lastStart.set(other.lastStart);
    this.stamp = other.stamp;
  }

  /** Whether a string of list `id` occurred in the last text scanned into this object. */
  has(id: number): boolean {
    return this.found[id] === this.stamp;
  }

  /** Whether a string of list `id` occurs at or after `from` in that text. */
  hasFrom(id: number, from: number): boolean {
    return this.found[id] === this.stamp && this.lastStart[id]! >= from;
  }
}

/**
 * The Aho–Corasick automaton as a dense table, built lazily: a state's row is
 * built the first time a text reaches it, so a run over one small file builds
 * the few hundred rows its sentences visit rather than all of them (the whole
 * table is about 26 MB for the bundled registry and took most of a small
 * run's start-up to fill).
 */
class Automaton {
  /** Code unit → column (0: in no string). */
  readonly alphabet: Uint16Array;
  readonly width: number;
  /**
   * next[state * width + column]: the row (state * width) after reading that
   * character, bitwise negated when some list's string ends there or the
   * target's row is not built yet. Rows are stored premultiplied so the loop
   * needs no multiplication. A dense table measured faster than sparse
   * children with failure links, even with the other stages running between
   * sentences. Unbuilt rows are never read: an entry leading to one is
   * negative until the row is built.
   */
  readonly next: Int32Array;
  /** Whether a state's row (and its failure state, depth and outputs) is built. */
  readonly built: Uint8Array;
  /**
   * Lists ending at each built state, suffixes included:
   * outList[outFrom[s] .. outTo[s]) (empty: none), with outLength[k] the
   * length of the shortest string of that list ending there. The two arrays
   * grow as rows are built.
   */
  readonly outFrom: Int32Array;
  readonly outTo: Int32Array;
  outList = new Int32Array(1024);
  outLength = new Int32Array(1024);
  private outCount = 0;
  private readonly trie: Trie;
  private readonly depth: Int32Array;
  /** Failure state, set for every state a built row leads to. */
  private readonly fail: Int32Array;
  /** Whether a string ends at the state or at one of its suffixes; set with `fail`. */
  private readonly ending: Uint8Array;

  constructor(trie: Trie) {
    const { width, states } = trie;
    this.alphabet = trie.alphabet;
    this.width = width;
    this.trie = trie;
    // Zero-filled and untouched until rows are built (column 0 of every row stays 0, the root).
    this.next = new Int32Array(states * width);
    this.built = new Uint8Array(states);
    this.fail = new Int32Array(states);
    this.depth = new Int32Array(states);
    this.ending = new Uint8Array(states);
    this.outFrom = new Int32Array(states);
    this.outTo = new Int32Array(states);
    this.build(0);
  }

  /** Builds the row of `s` (and first those of the failure states it copies), its failure links and outputs. */
  build(s: number): void {
    if (this.built[s]) return;
    const { width, next, fail, depth, ending } = this;
    const { firstChild, sibling, column, endStart } = this.trie;
    const f = fail[s]!;
    if (s !== 0) {
      // Missing transitions follow the failure state's (built first: it is shallower).
      this.build(f);
      next.copyWithin(s * width, f * width, f * width + width);
    }
    for (let child = firstChild[s]!; child >= 0; child = sibling[child]!) {
      const c = column[child]!;
      if (s !== 0) {
        const v = next[f * width + c]!;
        fail[child] = (v < 0 ? ~v : v) / width;
      }
      depth[child] = depth[s]! + 1;
      ending[child] = endStart[child]! < endStart[child + 1]! || ending[fail[child]!] ? 1 : 0;
      next[s * width + c] = ~(child * width);
    }
    if (ending[s]) {
      // The lists found here: its own and, through the failure state (whose
      // lists are complete), those of its suffixes, each with the length of
      // its shortest string ending here.
      const ids = Array.from(this.trie.endList.subarray(this.trie.endStart[s], this.trie.endStart[s + 1]));
      const lengths = ids.map(() => depth[s]!);
      for (let k = this.outFrom[f]!; k < this.outTo[f]!; k++) {
        const id = this.outList[k]!;
        const j = ids.indexOf(id);
        if (j < 0) {
          ids.push(id);
          lengths.push(this.outLength[k]!);
        } else {
          lengths[j] = this.outLength[k]!;
        }
      }
      if (this.outCount + ids.length > this.outList.length) {
        const size = Math.max(2 * this.outList.length, this.outCount + ids.length);
        const list = new Int32Array(size);
        const length = new Int32Array(size);
        list.set(this.outList);
        length.set(this.outLength);
        this.outList = list;
        this.outLength = length;
      }
      this.outFrom[s] = this.outCount;
      this.outList.set(ids, this.outCount);
      this.outLength.set(lengths, this.outCount);
      this.outCount += ids.length;
      this.outTo[s] = this.outCount;
    }
    this.built[s] = 1;
  }
}

/**
 * The trie of all lists' strings, in typed arrays (stored with the compiled
 * registry, so a run does not rebuild it): each state's first child and next
 * sibling, the column leading into it, and the lists it completes,
 * endList[endStart[s] .. endStart[s + 1]).
 */
export interface Trie {
  readonly alphabet: Uint16Array;
  readonly width: number;
  readonly states: number;
  readonly firstChild: Int32Array;
  readonly sibling: Int32Array;
  readonly column: Int32Array;
  readonly endStart: Int32Array;
  readonly endList: Int32Array;
}

function buildTrie(lists: readonly (readonly string[])[]): Trie {
  const alphabet = new Uint16Array(0x10000);
  let width = 1;
  let chars = 0;
  for (const list of lists) {
    for (const s of list) {
      chars += s.length;
      for (let i = 0; i < s.length; i++) {
        const code = s.charCodeAt(i);
        if (alphabet[code] === 0) alphabet[code] = width++;
      }
    }
  }
  if (width > 0xffff) throw new Error('LiteralScanner: too many distinct characters');
  const most = chars + 1;
  const firstChild = new Int32Array(most).fill(-1);
  const sibling = new Int32Array(most).fill(-1);
  const column = new Int32Array(most);
  const childOf = new Map<number, number>();
  const ends: number[][] = [];
  let states = 1;
  lists.forEach((list, id) => {
    for (const s of list) {
      let state = 0;
      for (let i = 0; i < s.length; i++) {
        const c = alphabet[s.charCodeAt(i)]!;
        const key = state * width + c;
        let child = childOf.get(key);
        if (child === undefined) {
          child = states++;
          childOf.set(key, child);
          column[child] = c;
          sibling[child] = firstChild[state]!;
          firstChild[state] = child;
        }
        state = child;
      }
      const at = (ends[state] ??= []);
      if (!at.includes(id)) at.push(id);
    }
  });
  if (states * width > 0x7fffffff) throw new Error('LiteralScanner: automaton too large');
  const endStart = new Int32Array(states + 1);
  const endList: number[] = [];
  for (let s = 0; s < states; s++) {
    endStart[s] = endList.length;
    for (const id of ends[s] ?? []) endList.push(id);
  }
  endStart[states] = endList.length;
  return { alphabet, width, states, firstChild: firstChild.slice(0, states), sibling: sibling.slice(0, states), column: column.slice(0, states), endStart, endList: Int32Array.from(endList) };
}
