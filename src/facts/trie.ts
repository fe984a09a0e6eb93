// A longest-match word scanner. The fact extractor looks for a few hundred
// literal words (attributes, qualifiers, grammar words) in a sentence; a trie
// walks the sentence once, where a regex alternation of that many words would
// try every word at every position. Root children sit in a flat table so the
// common case — a character that starts no word — costs one array read.

export interface TrieHit<T> {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly payload: T;
}

export class Trie<T> {
  private readonly root = new Int32Array(65536);
  private readonly kids: Array<Map<number, number> | undefined> = [undefined];
  private readonly payloads: Array<T | undefined> = [undefined];

  constructor(words: Iterable<readonly [string, T]>) {
    for (const [word, payload] of words) this.add(word, payload);
  }

  /** Adds a word; a word added twice keeps its first payload. */
  private add(word: string, payload: T): void {
    if (word.length === 0) return;
    const first = word.charCodeAt(0);
    let node = this.root[first]!;
    if (node === 0) {
      node = this.newNode();
      this.root[first] = node;
    }
    for (let i = 1; i < word.length; i++) {
      const c = word.charCodeAt(i);
      let map = this.kids[node];
      if (!map) {
        map = new Map();
        this.kids[node] = map;
      }
      let next = map.get(c);
      if (next === undefined) {
        next = this.newNode();
        map.set(c, next);
      }
      node = next;
    }
    if (this.payloads[node] === undefined) this.payloads[node] = payload;
  }

  private newNode(): number {
    this.kids.push(undefined);
    this.payloads.push(undefined);
    return this.kids.length - 1;
  }

  /** The longest word starting at `at`, or undefined. */
  longestAt(text: string, at: number): TrieHit<T> | undefined {
    let node = this.root[text.charCodeAt(at)]!;
    if (node === 0) return undefined;
    let best = -1;
    let payload: T | undefined;
    let j = at + 1;
    for (;;) {
      const p = this.payloads[node];
      if (p !== undefined) {
        best = j;
        payload = p;
      }
      if (j >= text.length) break;
      const next = this.kids[node]?.get(text.charCodeAt(j));
      if (next === undefined) break;
      node = next;
      j++;
    }
    return best < 0 ? undefined : { start: at, end: best, text: text.slice(at, best), payload: payload as T };
  }

  /** Every word in `text`, left to right, longest first at each position, without overlaps. */
  scan(text: string, from = 0, to = text.length): TrieHit<T>[] {
    const out: TrieHit<T>[] = [];
    let i = from;
    while (i < to) {
      if (this.root[text.charCodeAt(i)] === 0) {
        i++;
        continue;
      }
      const hit = this.longestAt(text, i);
      if (hit && hit.end <= to) {
        out.push(hit);
        i = hit.end;
      } else i++;
    }
    return out;
  }

  /** True when some word occurs in `text` (stops at the first). */
  occursIn(text: string): boolean {
    for (let i = 0; i < text.length; i++) {
      if (this.root[text.charCodeAt(i)] !== 0 && this.longestAt(text, i)) return true;
    }
    return false;
  }
}
