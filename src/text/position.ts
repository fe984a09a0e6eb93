import type { Position, Span } from '../types.js';

/**
 * Maps UTF-16 offsets to 1-based line/column. Built once per file; lookups are
 * a binary search over line starts. CR, LF and CRLF all end a line, so CRLF
 * files keep exact positions.
 */
export class LineIndex {
  private readonly starts: ArrayLike<number>;
  private readonly length: number;

  constructor(private readonly text: string) {
    this.length = text.length;
    const starts = [0];
    if (text.indexOf('\r') === -1) {
      // LF only (the usual case): the native indexOf finds line breaks faster than a character loop.
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  /**
   * The same index without the text (line starts only): what positions of a
   * file's findings need after its analysis, so the text can be let go.
   * `lineText` is then empty.
   */
  detached(): LineIndex {
    const d = Object.create(LineIndex.prototype) as Record<'text' | 'starts' | 'length', unknown>;
    d.text = '';
    d.starts = Int32Array.from(this.starts);
    d.length = this.length;
    return d as unknown as LineIndex;
  }

  /**
   * The line starts and the text's length as bytes (no text): 4 bytes of the
   * length, then 4 per line start, in the machine's byte order. What the
   * incremental corpus stage stores of a file's lines: a warm run reads the
   * lines of thousands of files, and decoding each as a v8-serialised object
   * cost several times reading these.
   */
  startsBytes(): Buffer {
    const out = new Int32Array(this.starts.length + 1);
    out[0] = this.length;
    for (let i = 0; i < this.starts.length; i++) out[i + 1] = this.starts[i]!;
    return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
  }

  /** The detached index whose startsBytes() are `bytes`; undefined when they are not such bytes. */
  static fromStartsBytes(bytes: Uint8Array): LineIndex | undefined {
    if (bytes.length < 8 || bytes.length % 4 !== 0) return undefined;
    const all = new Int32Array(bytes.length / 4);
    new Uint8Array(all.buffer).set(bytes);
    const length = all[0]!;
    const starts = all.subarray(1);
    if (length < 0 || starts[0] !== 0) return undefined;
    for (let i = 1; i < starts.length; i++) if (starts[i]! < starts[i - 1]! || starts[i]! > length) return undefined;
    const d = Object.create(LineIndex.prototype) as Record<'text' | 'starts' | 'length', unknown>;
    d.text = '';
    d.starts = starts;
    d.length = length;
    return d as unknown as LineIndex;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo]! + 1 };
  }

  /** Start and end positions of a span; the end column is exclusive, as in SARIF. */
  range(span: Span): { start: Position; end: Position } {
    return { start: this.position(span.start), end: this.position(span.end) };
  }

  /** Offset of the first character of a 1-based line. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))]!;
  }

  /** Text of a 1-based line without its line break. */
  lineText(line: number): string {
    const start = this.lineStart(line);
    const next = line < this.starts.length ? this.starts[line]! : this.text.length;
    return this.text.slice(start, next).replace(/\r?\n$|\r$/, '');
  }
}
