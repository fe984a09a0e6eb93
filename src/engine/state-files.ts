// The per-file part of the incremental state's header (src/engine/incremental.ts),
// stored as columns: typed arrays and byte strings, one row per file, instead
// of an object per file with an object per piece. A warm run reads the header
// of every file (10,000 files: 10,000 file objects, 40,000 piece references and
// some 100,000 strings as objects), and decoding them, then keeping them alive
// through the run, cost it about 0.1 s of deserialising and garbage collection,
// and writing them back as much. Columns decode as a few buffers; a row is
// read where it is needed, and the rows of files a run leaves alone are copied
// column to column into the next header.
import { PieceAt, type PieceRef } from './packed-file.js';

/** The pieces every file has, in the order of their columns. */
export const PIECE_KINDS = ['findings', 'lines', 'corpus', 'report'] as const;
export type PieceKind = (typeof PIECE_KINDS)[number];
const KINDS = PIECE_KINDS.length;
const KIND_INDEX: Readonly<Record<PieceKind, number>> = { findings: 0, lines: 1, corpus: 2, report: 3 };
/** A piece's digest: SHA-256, stored as bytes (hex in a PieceRef). */
const PIECE_DIGEST = 32;
/** A file's digest of its records in a group: SHA-1, stored as bytes (base64 in a StoredFile). */
const GROUP_DIGEST = 20;
const HEX64 = /^[0-9a-f]{64}$/;
const BASE64_SHA1 = /^[A-Za-z0-9+/]{27}=$/;

/** The columns as stored (v8-serialised inside the header). */
export interface FileColumns {
  readonly names: readonly string[];
  readonly entries: readonly string[];
  readonly claims: Uint32Array;
  /** Errors, warnings and infos among the finished findings: 3 per file. */
  readonly counts: Uint32Array;
  /** Row i's groups are groupIds[groupStarts[i] .. groupStarts[i + 1]). */
  readonly groupStarts: Uint32Array;
  /** Indices into the header's groups. */
  readonly groupIds: Uint32Array;
  /** GROUP_DIGEST bytes per entry of groupIds. */
  readonly groupDigests: Uint8Array;
  /** Offset and length of each piece: 2 per kind, KINDS kinds per file. */
  readonly pieces: Float64Array;
  /** PIECE_DIGEST bytes per piece. */
  readonly pieceDigests: Uint8Array;
}

/** A file's row as the incremental stage reads it. */
export interface StoredFile {
  readonly name: string;
  readonly entry: string;
  readonly claims: number;
  readonly groups: readonly number[];
  readonly digests: readonly string[];
  readonly findings: PieceRef;
  readonly lines: PieceRef;
  readonly corpus: PieceRef;
  readonly report: PieceRef;
  readonly counts: readonly [number, number, number];
}

const bytesOf = (a: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** Whether `v` is a consistent set of columns whose group indices are below `groups`. */
export function isFileColumns(v: unknown, groups: number): v is FileColumns {
  const c = v as Partial<FileColumns> | undefined;
  if (!c || typeof c !== 'object') return false;
  const { names, entries, claims, counts, groupStarts, groupIds, groupDigests, pieces, pieceDigests } = c;
  if (!Array.isArray(names) || !Array.isArray(entries) || !(claims instanceof Uint32Array) || !(counts instanceof Uint32Array)) return false;
  if (!(groupStarts instanceof Uint32Array) || !(groupIds instanceof Uint32Array) || !(groupDigests instanceof Uint8Array)) return false;
  if (!(pieces instanceof Float64Array) || !(pieceDigests instanceof Uint8Array)) return false;
  const n = names.length;
  if (entries.length !== n || claims.length !== n || counts.length !== 3 * n || groupStarts.length !== n + 1) return false;
  if (pieces.length !== 2 * KINDS * n || pieceDigests.length !== PIECE_DIGEST * KINDS * n) return false;
  if (groupStarts[0] !== 0 || groupStarts[n] !== groupIds.length || groupDigests.length !== GROUP_DIGEST * groupIds.length) return false;
  for (let i = 0; i < n; i++) {
    if (typeof names[i] !== 'string' || typeof entries[i] !== 'string' || groupStarts[i]! > groupStarts[i + 1]!) return false;
  }
  for (let k = 0; k < groupIds.length; k++) if (groupIds[k]! >= groups) return false;
  for (let k = 0; k < pieces.length; k++) if (!Number.isInteger(pieces[k]) || pieces[k]! < 0) return false;
  return true;
}

/** Rows of stored columns, by index or by file name. */
export class StoredFiles {
  private readonly index: Map<string, number>;
  private readonly digestBytes: Buffer;
  private readonly groupBytes: Buffer;

  constructor(readonly columns: FileColumns) {
    this.index = new Map(columns.names.map((n, i) => [n, i]));
    this.digestBytes = bytesOf(columns.pieceDigests);
    this.groupBytes = bytesOf(columns.groupDigests);
  }

  get size(): number {
    return this.columns.names.length;
  }

  indexOf(name: string): number | undefined {
    return this.index.get(name);
  }

  name(i: number): string {
    return this.columns.names[i]!;
  }

  entry(i: number): string {
    return this.columns.entries[i]!;
  }

  claims(i: number): number {
    return this.columns.claims[i]!;
  }

  counts(i: number): [number, number, number] {
    const c = this.columns.counts;
    return [c[3 * i]!, c[3 * i + 1]!, c[3 * i + 2]!];
  }

  groups(i: number): number[] {
    return Array.from(this.columns.groupIds.subarray(this.columns.groupStarts[i], this.columns.groupStarts[i + 1]));
  }

  /** The digest of row i's records in its k-th group. */
  digest(i: number, k: number): string {
    const at = (this.columns.groupStarts[i]! + k) * GROUP_DIGEST;
    return this.groupBytes.toString('base64', at, at + GROUP_DIGEST);
  }

  ref(i: number, kind: PieceKind): PieceRef {
    const slot = i * KINDS + KIND_INDEX[kind];
    return new PieceAt(this.columns.pieces[2 * slot]!, this.columns.pieces[2 * slot + 1]!, this.digestBytes, slot * PIECE_DIGEST);
  }

  /** The bytes of row i's pieces together. */
  pieceBytes(i: number): number {
    let n = 0;
    for (let k = 0; k < KINDS; k++) n += this.columns.pieces[2 * (i * KINDS + k) + 1]!;
    return n;
  }

  /** Row i as one object (for the few files a run looks at closely). */
  row(i: number): StoredFile {
    const groups = this.groups(i);
    return {
      name: this.name(i),
      entry: this.entry(i),
      claims: this.claims(i),
      groups,
      digests: groups.map((_, k) => this.digest(i, k)),
      findings: this.ref(i, 'findings'),
      lines: this.ref(i, 'lines'),
      corpus: this.ref(i, 'corpus'),
      report: this.ref(i, 'report'),
      counts: this.counts(i),
    };
  }

  /** One piece of the file `name` (undefined: not stored), without the rest of its row: a warm run looks up thousands. */
  refOf(name: string, kind: PieceKind): PieceRef | undefined {
    const i = this.index.get(name);
    return i === undefined ? undefined : this.ref(i, kind);
  }

  get(name: string): StoredFile | undefined {
    const i = this.index.get(name);
    return i === undefined ? undefined : this.row(i);
  }
}

/** Builds the columns row by row; `rows` is the number of rows that will be added. */
export class FileColumnsWriter {
  private readonly names: string[] = [];
  private readonly entries: string[] = [];
  private readonly claims: Uint32Array;
  private readonly counts: Uint32Array;
  private readonly groupStarts: Uint32Array;
  private readonly groupIds: number[] = [];
  /**
   * Group digests as bytes, GROUP_DIGEST per entry of groupIds, in a buffer
   * grown as needed: a copied row's are copied bytes (not a view per digest:
   * 10,000 rows have some 50,000 of them, and as views they were most of
   * what writing the header allocated).
   */
  private groupDigests = Buffer.alloc(0);
  private readonly pieces: Float64Array;
  private readonly pieceDigests: Buffer;
  private row = 0;

  constructor(private readonly rows: number) {
    this.claims = new Uint32Array(rows);
    this.counts = new Uint32Array(3 * rows);
    this.groupStarts = new Uint32Array(rows + 1);
    this.pieces = new Float64Array(2 * KINDS * rows);
    this.pieceDigests = Buffer.alloc(PIECE_DIGEST * KINDS * rows);
  }

  /** Adds a row from its values. */
  add(f: StoredFile): void {
    const i = this.start(f.name, f.entry, f.claims, f.counts);
    f.groups.forEach((g, k) => {
      const d = f.digests[k]!;
      if (!BASE64_SHA1.test(d)) throw new Error(`state: a group digest that is not base64 SHA-1: ${d}`);
      this.groupIds.push(g);
      this.digestRoom(1).write(d, (this.groupIds.length - 1) * GROUP_DIGEST, GROUP_DIGEST, 'base64');
    });
    PIECE_KINDS.forEach((kind, k) => this.setPiece(i * KINDS + k, f[kind]));
    this.finishRow();
  }

  /**
   * Adds row `i` of `from` as it is, its groups renumbered by `remap` (-1: a
   * group no longer stored, left out), and its pieces by `piece` (a piece
   * carried by a writer that copies it gets another place; undefined: where it was).
   */
  copy(from: StoredFiles, i: number, remap: Int32Array, piece?: (ref: PieceRef) => PieceRef): void {
    const c = from.columns;
    const row = this.start(c.names[i]!, c.entries[i]!, c.claims[i]!, [c.counts[3 * i]!, c.counts[3 * i + 1]!, c.counts[3 * i + 2]!]);
    const digests = this.digestRoom(c.groupStarts[i + 1]! - c.groupStarts[i]!);
    for (let k = c.groupStarts[i]!; k < c.groupStarts[i + 1]!; k++) {
      const g = remap[c.groupIds[k]!]!;
      if (g < 0) continue;
      this.groupIds.push(g);
      digests.set(c.groupDigests.subarray(k * GROUP_DIGEST, (k + 1) * GROUP_DIGEST), (this.groupIds.length - 1) * GROUP_DIGEST);
    }
    for (let k = 0; k < KINDS; k++) {
      const to = row * KINDS + k;
      if (piece) this.setPiece(to, piece(from.ref(i, PIECE_KINDS[k]!)));
      else {
        const src = i * KINDS + k;
        this.pieces[2 * to] = c.pieces[2 * src]!;
        this.pieces[2 * to + 1] = c.pieces[2 * src + 1]!;
        this.pieceDigests.set(c.pieceDigests.subarray(src * PIECE_DIGEST, (src + 1) * PIECE_DIGEST), to * PIECE_DIGEST);
      }
    }
    this.finishRow();
  }

  finish(): FileColumns {
    if (this.row !== this.rows) throw new Error(`state: ${this.row} rows written of ${this.rows}`);
    // A copy of its own: v8 serialises a view's whole buffer, and the grown one has room to spare.
    const groupDigests = Uint8Array.prototype.slice.call(this.groupDigests, 0, GROUP_DIGEST * this.groupIds.length);
    return {
      names: this.names,
      entries: this.entries,
      claims: this.claims,
      counts: this.counts,
      groupStarts: this.groupStarts,
      groupIds: Uint32Array.from(this.groupIds),
      groupDigests: new Uint8Array(groupDigests.buffer, groupDigests.byteOffset, groupDigests.byteLength),
      pieces: this.pieces,
      pieceDigests: new Uint8Array(this.pieceDigests.buffer, this.pieceDigests.byteOffset, this.pieceDigests.byteLength),
    };
  }

  private start(name: string, entry: string, claims: number, counts: readonly [number, number, number]): number {
    if (this.row >= this.rows) throw new Error('state: more rows than announced');
    const i = this.row;
    this.names.push(name);
    this.entries.push(entry);
    this.claims[i] = claims;
    this.counts.set(counts, 3 * i);
    return i;
  }

  /** The digests' buffer, with room for `more` digests past those of groupIds. */
  private digestRoom(more: number): Buffer {
    const need = GROUP_DIGEST * (this.groupIds.length + more);
    if (need > this.groupDigests.length) {
      const grown = Buffer.alloc(Math.max(need, 2 * this.groupDigests.length, 1 << 12));
      this.groupDigests.copy(grown);
      this.groupDigests = grown;
    }
    return this.groupDigests;
  }

  private finishRow(): void {
    this.row++;
    this.groupStarts[this.row] = this.groupIds.length;
  }

  private setPiece(slot: number, ref: PieceRef): void {
    this.pieces[2 * slot] = ref.at;
    this.pieces[2 * slot + 1] = ref.length;
    if (ref instanceof PieceAt) return ref.copyDigest(this.pieceDigests, slot * PIECE_DIGEST);
    if (!HEX64.test(ref.digest)) throw new Error('state: a piece digest that is not hex SHA-256');
    this.pieceDigests.write(ref.digest, slot * PIECE_DIGEST, PIECE_DIGEST, 'hex');
  }
}
