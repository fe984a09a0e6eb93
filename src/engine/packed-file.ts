// A file of many values, each serialised on its own with the SHA-256 digest
// of its bytes, behind a sealed header that says where each one is: a reader
// decodes only the values it needs (and checks only their digests), and a
// writer carries the values that did not change over byte for byte, without
// decoding them. Used by the incremental corpus stage (src/engine/incremental.ts).
//
//   64 hex digits   SHA-256 of the header's bytes
//   8 hex digits    the header's length in bytes
//   header          v8-serialised: the caller's, which holds the PieceRefs
//   pieces          one after the other
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
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
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function isPieceRef(v: unknown): v is PieceRef {
  const p = v as Partial<PieceRef> | undefined;
  return !!p && typeof p === 'object' && Number.isInteger(p.at) && Number.isInteger(p.length) && p.at! >= 0 && p.length! >= 0 && typeof p.digest === 'string';
}

export class PackedReader {
  private constructor(
    readonly header: unknown,
    private readonly pieces: Buffer,
  ) {}

  /** The packed file at `path`: undefined when there is none, PackDamaged when its header is not intact. */
  static open(path: string): PackedReader | undefined {
    let bytes: Buffer;
    try {
      // Only a regular file: a FIFO put in the cache folder would block the read forever.
      if (!statSync(path).isFile()) return undefined;
      bytes = readFileSync(path);
    } catch {
      return undefined;
    }
    const size = Number.parseInt(bytes.subarray(DIGEST_HEX, DIGEST_HEX + LENGTH_HEX).toString('latin1'), 16);
    const start = DIGEST_HEX + LENGTH_HEX;
    if (!Number.isInteger(size) || size < 0 || start + size > bytes.length) throw new PackDamaged('header length');
    const header = bytes.subarray(start, start + size);
    if (sha256(header) !== bytes.subarray(0, DIGEST_HEX).toString('latin1')) throw new PackDamaged('header digest');
    try {
      return new PackedReader(deserialize(header), bytes.subarray(start + size));
    } catch {
      throw new PackDamaged('header');
    }
  }

  /** The bytes of a piece, checked against its digest. */
  bytes(ref: PieceRef): Buffer {
    if (ref.at + ref.length > this.pieces.length) throw new PackDamaged('piece out of bounds');
    const b = this.pieces.subarray(ref.at, ref.at + ref.length);
    if (sha256(b) !== ref.digest) throw new PackDamaged('piece digest');
    return b;
  }

  /**
   * The bytes of a piece without checking them, for a writer to carry over
   * with their digest: damage is found by whoever decodes the piece.
   */
  raw(ref: PieceRef): Buffer {
    if (ref.at + ref.length > this.pieces.length) throw new PackDamaged('piece out of bounds');
    return this.pieces.subarray(ref.at, ref.at + ref.length);
  }

  /** The value of a piece. */
  value(ref: PieceRef): unknown {
    const b = this.bytes(ref);
    try {
      return deserialize(b);
    } catch {
      throw new PackDamaged('piece');
    }
  }
}

export class PackedWriter {
  private readonly chunks: Buffer[] = [];
  private size = 0;

  /** Adds a value; its reference goes into the header. */
  add(value: unknown): PieceRef {
    const b = serialize(value);
    return this.addBytes(b, sha256(b));
  }

  /** Adds bytes as they are (text the reader takes as bytes, not a serialised value). */
  addRaw(bytes: Buffer): PieceRef {
    return this.addBytes(bytes, sha256(bytes));
  }

  /** Adds a piece of another packed file as it was, with its digest (PackedReader.raw). */
  addBytes(bytes: Buffer, digest: string): PieceRef {
    const ref = { at: this.size, length: bytes.length, digest };
    this.chunks.push(bytes);
    this.size += bytes.length;
    return ref;
  }

  /** The whole file, header first, as the buffers to write one after the other (not copied into one). */
  finish(header: unknown): Buffer[] {
    const h = serialize(header);
    const head = Buffer.from(`${sha256(h)}${h.length.toString(16).padStart(LENGTH_HEX, '0')}`, 'latin1');
    return [head, h, ...this.chunks];
  }
}

