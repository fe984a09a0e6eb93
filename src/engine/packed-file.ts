// A store of many values, each serialised on its own with the SHA-256 digest
// of its bytes, behind a sealed header that says where each one is: a reader
// reads and decodes only the values it needs (and checks only their digests),
// and a writer keeps the values that did not change where they are. Used by
// the incremental corpus stage (src/engine/incremental.ts).
//
// Two files:
//   <name>.bin     64 hex digits (SHA-256 of the header's bytes), 8 hex digits
//                  (its length), the header: v8-serialised { live, value },
//                  `value` the caller's (it holds the PieceRefs)
//   <name>.pieces  the pieces, one after the other
//
// A writer appends the new pieces to the pieces file and then replaces the
// header (written beside it and renamed): the old header's pieces stay where
// they were, so a run killed in between leaves a store that reads as before.
// Once more than half of the pieces file is pieces no header names any more,
// the writer writes it anew instead. Whatever goes wrong — a piece file cut
// short, two runs appending at once, bytes damaged on disk — shows as a piece
// whose bytes do not match its digest: PackDamaged, never a wrong value.
import * as crypto from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync, writeSync, writevSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';

/** Where a value lies among the pieces, and the digest of its bytes. */
export interface PieceRef {
  readonly at: number;
  readonly length: number;
  readonly digest: string;
}

/** A header or piece that is not what was written (cut short, edited, damaged on disk). */
export class PackDamaged extends Error {
  constructor(what: string) {
    super(`packed file damaged: ${what}`);
  }
}

const DIGEST_HEX = 64;
const LENGTH_HEX = 8;
/**
 * Pieces that lie this close together are read in one call. Small: a warm run
 * reads one kind of piece of every file (its report), and a larger gap read
 * the other kinds lying between them too (the whole pieces file, 114 MB for
 * 10,000 files, where the reports are 32 MB).
 */
const READ_GAP = 1 << 16;
const EMPTY = Buffer.alloc(0);
/**
 * SHA-256 in hex. crypto.hash (Node 20.12 and later) digests in one call: a warm
 * run checks some 20,000 small pieces, and a Hash object for each cost it
 * about 70 ms.
 */
const sha256: (bytes: Uint8Array) => string =
  typeof crypto.hash === 'function' ? (bytes) => crypto.hash('sha256', bytes, 'hex') : (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');

const DIGEST_BYTES = 32;

/**
 * A piece reference whose digest lies as bytes in a stored column
 * (src/engine/state-files.ts): it is checked and copied as bytes, and made
 * hex only when a piece is checked (`digest`): a warm run takes some 20,000
 * of them from the columns, most only to copy into the next header.
 */
export class PieceAt implements PieceRef {
  constructor(
    readonly at: number,
    readonly length: number,
    private readonly digests: Buffer,
    private readonly offset: number,
  ) {}

  get digest(): string {
    return this.digests.toString('hex', this.offset, this.offset + DIGEST_BYTES);
  }

  /** Copies the digest's bytes into `to` at `at`. */
  copyDigest(to: Buffer, at: number): void {
    this.digests.copy(to, at, this.offset, this.offset + DIGEST_BYTES);
  }
}

const EMPTY_DIGEST = sha256(EMPTY);

export function isPieceRef(v: unknown): v is PieceRef {
  const p = v as Partial<PieceRef> | undefined;
  return !!p && typeof p === 'object' && Number.isInteger(p.at) && Number.isInteger(p.length) && p.at! >= 0 && p.length! >= 0 && typeof p.digest === 'string';
}

export const piecesPathOf = (headerPath: string) => headerPath.replace(/\.bin$/, '') + '.pieces';

export class PackedReader {
  /**
   * Pieces read so far, by offset (empty pieces, which share an offset with
   * the next one, are never read): a reader reads each once, and keeps them
   * for a writer that writes the file anew. A piece asked for with another
   * length than the one read at its offset is read again.
   */
  private readonly read = new Map<number, Buffer>();
  /** The pieces read whose digest matched. */
  private readonly checked = new WeakSet<Buffer>();

  private constructor(
    readonly value: unknown,
    /** Bytes of pieces the header names. */
    readonly live: number,
    private readonly piecesPath: string,
    /** The pieces file's size when the header was read. */
    readonly size: number,
  ) {}

  /** The store whose header is `path`: undefined when there is none, PackDamaged when its header is not intact. */
  static open(path: string): PackedReader | undefined {
    let bytes: Buffer;
    let size: number;
    try {
      // Only regular files: a FIFO put in the cache folder would block the read forever.
      if (!statSync(path).isFile()) return undefined;
      bytes = readFileSync(path);
      const pieces = statSync(piecesPathOf(path), { throwIfNoEntry: false });
      if (!pieces?.isFile()) throw new PackDamaged('no pieces file');
      size = pieces.size;
    } catch (err) {
      if (err instanceof PackDamaged) throw err;
      return undefined;
    }
    const length = Number.parseInt(bytes.subarray(DIGEST_HEX, DIGEST_HEX + LENGTH_HEX).toString('latin1'), 16);
    const start = DIGEST_HEX + LENGTH_HEX;
    if (!Number.isInteger(length) || length < 0 || start + length !== bytes.length) throw new PackDamaged('header length');
    const header = bytes.subarray(start);
    if (sha256(header) !== bytes.subarray(0, DIGEST_HEX).toString('latin1')) throw new PackDamaged('header digest');
    let envelope: { live?: unknown; value?: unknown };
    try {
      envelope = deserialize(header) as typeof envelope;
    } catch {
      throw new PackDamaged('header');
    }
    if (!envelope || typeof envelope !== 'object' || !Number.isInteger(envelope.live)) throw new PackDamaged('header');
    return new PackedReader(envelope.value, envelope.live as number, piecesPathOf(path), size);
  }

  /** Reads the pieces named (those not read yet), neighbours in one call. */
  prefetch(refs: Iterable<PieceRef>): void {
    const wanted = [...refs].filter((r) => r.length > 0 && this.read.get(r.at)?.length !== r.length).sort((a, b) => a.at - b.at);
    if (wanted.length === 0) return;
    let fd: number;
    try {
      fd = openSync(this.piecesPath, 'r');
    } catch {
      throw new PackDamaged('pieces file');
    }
    try {
      for (let i = 0; i < wanted.length; ) {
        let j = i;
        let end = wanted[i]!.at + wanted[i]!.length;
        while (j + 1 < wanted.length && wanted[j + 1]!.at <= end + READ_GAP) {
          j++;
          end = Math.max(end, wanted[j]!.at + wanted[j]!.length);
        }
        const from = wanted[i]!.at;
        const chunk = Buffer.allocUnsafe(end - from);
        let got = 0;
        while (got < chunk.length) {
          const n = readSync(fd, chunk, got, chunk.length - got, from + got);
          if (n === 0) throw new PackDamaged('pieces file cut short');
          got += n;
        }
        for (let k = i; k <= j; k++) this.read.set(wanted[k]!.at, chunk.subarray(wanted[k]!.at - from, wanted[k]!.at - from + wanted[k]!.length));
        i = j + 1;
      }
    } finally {
      closeSync(fd);
    }
  }

  /** The bytes of a piece, checked against its digest. */
  bytes(ref: PieceRef): Buffer {
    const b = this.raw(ref);
    if (b.length > 0 && !this.checked.has(b)) {
      if (sha256(b) !== ref.digest) throw new PackDamaged('piece digest');
      this.checked.add(b);
    }
    if (b.length === 0 && ref.digest !== EMPTY_DIGEST) throw new PackDamaged('piece digest');
    return b;
  }

  /**
   * The bytes of a piece without checking them, for a writer that writes the
   * file anew to carry over with their digest: damage is found by whoever
   * decodes the piece.
   */
  raw(ref: PieceRef): Buffer {
    if (ref.length === 0) return EMPTY;
    if (this.read.get(ref.at)?.length !== ref.length) this.prefetch([ref]);
    return this.read.get(ref.at)!;
  }

  /** The value of a piece. */
  decoded(ref: PieceRef): unknown {
    const b = this.bytes(ref);
    try {
      return deserialize(b);
    } catch {
      throw new PackDamaged('piece');
    }
  }
}

/** What a writer leaves: the header, and the pieces to append (or to write as the whole pieces file). */
export interface PackedOutput {
  readonly header: Buffer[];
  readonly pieces: Buffer[];
  readonly append: boolean;
}

export class PackedWriter {
  private readonly chunks: Buffer[] = [];
  private size: number;
  private live = 0;
  /** Appending to the pieces file the last header named, or writing it anew. */
  private readonly append: boolean;

  /** A writer for the store `from` was read from (appending while at most half of it is dead), or for a new one. */
  constructor(private readonly from?: PackedReader) {
    this.append = !!from && from.size - from.live <= from.live;
    this.size = this.append ? from!.size : 0;
  }

  /** Whether carried pieces stay where they are (else they are copied, and best read together first: PackedReader.prefetch). */
  get appending(): boolean {
    return this.append;
  }

  /** Adds a value; its reference goes into the header. */
  add(value: unknown): PieceRef {
    return this.addRaw(serialize(value));
  }

  /** Adds bytes as they are (text the reader takes as bytes, not a serialised value). */
  addRaw(bytes: Buffer): PieceRef {
    return this.put(bytes, sha256(bytes));
  }

  /** A piece of the store read from, kept: where it is when appending, else copied with its digest. */
  carry(ref: PieceRef): PieceRef {
    if (this.append) {
      this.live += ref.length;
      return ref;
    }
    return this.put(this.from!.raw(ref), ref.digest);
  }

  /** A piece of the store read from, kept where it is while appending (the caller copies its reference): counted as live. */
  keptInPlace(length: number): void {
    if (!this.append) throw new Error('PackedWriter: a piece kept in place by a writer that writes the file anew');
    this.live += length;
  }

  private put(bytes: Buffer, digest: string): PieceRef {
    const ref = { at: this.size, length: bytes.length, digest };
    this.chunks.push(bytes);
    this.size += bytes.length;
    this.live += bytes.length;
    return ref;
  }

  finish(value: unknown): PackedOutput {
    const h = serialize({ live: this.live, value });
    const head = Buffer.from(`${sha256(h)}${h.length.toString(16).padStart(LENGTH_HEX, '0')}`, 'latin1');
    return { header: [head, h], pieces: this.chunks, append: this.append };
  }
}

/** Writes a store: the pieces (appended, or the whole file written beside it and renamed), then the header (beside it and renamed). */
export function savePacked(path: string, out: PackedOutput): void {
  const pieces = piecesPathOf(path);
  if (out.append) {
    const fd = openSync(pieces, 'a');
    try {
      writeBuffers(fd, out.pieces);
    } finally {
      closeSync(fd);
    }
  } else {
    writeAtomically(pieces, out.pieces);
  }
  writeAtomically(path, out.header);
}

function writeAtomically(path: string, buffers: readonly Buffer[]): void {
  const tmp = `${path}.${process.pid}.tmp`;
  if (buffers.length === 1) writeFileSync(tmp, buffers[0]!);
  else {
    const fd = openSync(tmp, 'w');
    try {
      writeBuffers(fd, buffers);
    } finally {
      closeSync(fd);
    }
  }
  renameSync(tmp, path);
}

/** Gathered writes, a thousand buffers a call (the usual IOV_MAX), finishing any that a call wrote in part. */
function writeBuffers(fd: number, buffers: readonly Buffer[]): void {
  for (let i = 0; i < buffers.length; i += 1024) {
    const batch = buffers.slice(i, i + 1024);
    let written = writevSync(fd, batch);
    for (const b of batch) {
      if (written >= b.length) {
        written -= b.length;
        continue;
      }
      for (let at = written; at < b.length; ) at += writeSync(fd, b, at);
      written = 0;
    }
  }
}
