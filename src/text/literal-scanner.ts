// One left-to-right pass over a sentence that finds which of many word lists
// occur in it (an Aho–Corasick automaton). The registry adds the exact strings
// and needed strings of its patterns (src/registry/literals.ts) as lists; the
// extractor scans each sentence once and then asks per list, which is far
// cheaper than running every claim's regexes on every sentence.

export class LiteralScanner {
  private readonly lists: (readonly string[])[] = [];
  private readonly ids = new Map<string, number>();
  private table?: Automaton;

  /** Registers a list of non-empty strings; the same list gets the same id. */
  add(strings: readonly string[]): number {
    if (this.table) throw new Error('LiteralScanner: add after the first scan');
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
   * The same lists without the automaton, to store: the dense table is tens of
   * megabytes and rebuilding it costs about what reading it back would.
   */
  withoutTable(): LiteralScanner {
    const copy = new LiteralScanner();
    for (const list of this.lists) copy.lists.push(list);
    for (const [key, id] of this.ids) copy.ids.set(key, id);
    return copy;
  }

  /** Number of lists registered. */
  get size(): number {
    return this.lists.length;
  }

  /** Finds which lists occur in `text`; `hits` answers for this text until its next scan. */
  scan(text: string, hits: ScanHits): void {
    const t = (this.table ??= build(this.lists));
    const stamp = hits.next(this.lists.length);
    const found = hits.found;
    const lastStart = hits.lastStart;
    const { alphabet, width, next, outStart, outList, outLength } = t;
    let row = 0;
    for (let i = 0, n = text.length; i < n; i++) {
      // Column 0 (a character no string contains) leads back to the root from every state.
      const to = next[row + alphabet[text.charCodeAt(i)]!]!;
      if (to >= 0) {
        row = to;
        continue;
      }
      // A state where some list's string ends (marked by a negative entry).
      row = ~to;
      const state = row / width;
      for (let k = outStart[state]!, end = outStart[state + 1]!; k < end; k++) {
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

interface Automaton {
  /** Code unit → column (0: in no string). */
  readonly alphabet: Uint16Array;
  readonly width: number;
  /**
   * next[state * width + column]: the row (state * width) after reading that
   * character, bitwise negated when some list's string ends there. Rows are
   * stored premultiplied so the loop needs no multiplication. A dense table
   * (about 5 MB for the bundled registry) measured faster than sparse
   * children with failure links, even with the other stages running between
   * sentences.
   */
  readonly next: Int32Array;
  /** Lists ending at each state, suffixes included: outList[outStart[s] .. outStart[s + 1]). */
  readonly outStart: Int32Array;
  readonly outList: Int32Array;
  /** outLength[k]: length of the shortest string of list outList[k] ending at that state. */
  readonly outLength: Int32Array;
}

function build(lists: readonly (readonly string[])[]): Automaton {
  const alphabet = new Uint16Array(0x10000);
  let width = 1;
  for (const list of lists) {
    for (const s of list) {
      for (let i = 0; i < s.length; i++) {
        const code = s.charCodeAt(i);
        if (alphabet[code] === 0) alphabet[code] = width++;
      }
    }
  }
  if (width > 0xffff) throw new Error('LiteralScanner: too many distinct characters');
  // The trie: children per state, and the lists each state completes.
  const children: Map<number, number>[] = [new Map()];
  const ends: number[][] = [[]];
  lists.forEach((list, id) => {
    for (const s of list) {
      let state = 0;
      for (let i = 0; i < s.length; i++) {
        const c = alphabet[s.charCodeAt(i)]!;
        let child = children[state]!.get(c);
        if (child === undefined) {
          child = children.length;
          children.push(new Map());
          ends.push([]);
          children[state]!.set(c, child);
        }
        state = child;
      }
      if (!ends[state]!.includes(id)) ends[state]!.push(id);
    }
  });
  const states = children.length;
  if (states * width > 0x7fffffff) throw new Error('LiteralScanner: automaton too large');
  // Entries are written final: the target's row (state * width), negated
  // when a string ends at the target. Column 0 stays 0 (the root) in every row.
  const next = new Int32Array(states * width);
  const fail = new Int32Array(states);
  const depth = new Int32Array(states);
  const ending = new Uint8Array(states);
  const entry = (state: number) => (ending[state] ? ~(state * width) : state * width);
  const stateOf = (v: number) => (v < 0 ? ~v : v) / width;
  // Breadth first, so a state's failure state is complete before the state itself.
  const queue: number[] = [];
  for (const [c, child] of children[0]!) {
    depth[child] = 1;
    ending[child] = ends[child]!.length > 0 ? 1 : 0;
    next[c] = entry(child);
    queue.push(child);
  }
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q]!;
    const f = fail[s]!;
    // Missing transitions follow the failure state's.
    next.copyWithin(s * width, f * width, f * width + width);
    for (const [c, child] of children[s]!) {
      fail[child] = stateOf(next[f * width + c]!);
      depth[child] = depth[s]! + 1;
      ending[child] = ends[child]!.length > 0 || ending[fail[child]!] ? 1 : 0;
      next[s * width + c] = entry(child);
      queue.push(child);
    }
  }
  // The lists found at each state: its own and, through failure links, those
  // of its suffixes, each with the length of its shortest string ending here
  // (the suffix chain runs from longest to shortest).
  const outStart = new Int32Array(states + 1);
  const flat: number[] = [];
  const lengths: number[] = [];
  for (let s = 0; s < states; s++) {
    outStart[s] = flat.length;
    if (!ending[s]) continue;
    const from = flat.length;
    for (let t = s; t !== 0; t = fail[t]!) {
      for (const id of ends[t]!) {
        const k = flat.indexOf(id, from);
        if (k < 0) {
          flat.push(id);
          lengths.push(depth[t]!);
        } else {
          lengths[k] = depth[t]!;
        }
      }
    }
  }
  outStart[states] = flat.length;
  return { alphabet, width, next, outStart, outList: Int32Array.from(flat), outLength: Int32Array.from(lengths) };
}
