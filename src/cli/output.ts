import { msg } from '../i18n/message.js';
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { RunFailure } from '../failure.js';
import { ensureDir, fsReasonRef } from '../fs-errors.js';

/** Where a command writes: stdout for the report, stderr for everything else. */
export interface Io {
  readonly cwd: string;
  readonly stdout: (s: string) => void;
  /**
   * Bytes to stdout as they are (a report's stored UTF-8 pieces); without it they are decoded and passed to `stdout`.
   * True when the write is done with `b` (written, not queued): the caller may then fill it again.
   */
  readonly stdoutBytes?: (b: Uint8Array) => boolean | void;
  readonly stderr: (s: string) => void;
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly readStdin: () => string;
  /** Stdin as bytes, for `check -` (decoded like a file: BOM, GB18030); the text read as UTF-8 when absent. */
  readonly readStdinBytes?: () => Uint8Array;
}

export function processIo(): Io {
  return {
    cwd: process.cwd(),
    stdout: (s) => process.stdout.write(s),
    stdoutBytes: (b) => {
      process.stdout.write(b);
      // A file or a pipe on Linux takes the bytes at once; a write that had to wait is queued, and holds `b`.
      return process.stdout.writableLength === 0;
    },
    stderr: (s) => process.stderr.write(s),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
    readStdin: () => readFileSync(0, 'utf8'),
    readStdinBytes: () => readFileSync(0),
  };
}

export function writeReport(io: Io, file: string | undefined, text: string | Iterable<string | Uint8Array>): void {
  // A report in pieces (src/formatters/json.ts jsonChunks) is written piece by piece and ends with its own newline.
  if (typeof text !== 'string') {
    writePieces(io, file, text);
    return;
  }
  const body = text === '' || text.endsWith('\n') ? text : `${text}\n`;
  if (!file) {
    io.stdout(body);
    return;
  }
  const path = resolve(io.cwd, file);
  // Missing directories are created (as ESLint's -o does); anything else that
  // stops the write is the run's failure, named with the file, never a crash.
  try {
    ensureDir(dirname(path));
    writeFileSync(path, body);
  } catch (err) {
    throw new RunFailure(msg('error.cannot-write', { file, reason: fsReasonRef(err) }));
  }
}

/** writeReport for a report in pieces: each written as it is made, so the whole report is never one string. */
function writePieces(io: Io, file: string | undefined, pieces: Iterable<string | Uint8Array>): void {
  if (!file) {
    if (io.stdoutBytes) {
      writeBatched(io.stdoutBytes, pieces);
      return;
    }
    for (const piece of pieces) io.stdout(typeof piece === 'string' ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength).toString('utf8'));
    return;
  }
  let fd: number | undefined;
  try {
    const path = resolve(io.cwd, file);
    ensureDir(dirname(path));
    fd = openSync(path, 'w');
    for (const piece of pieces) {
      const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    }
  } catch (err) {
    throw new RunFailure(msg('error.cannot-write', { file, reason: fsReasonRef(err) }));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Bytes gathered into one write to stdout: a warm run's report is tens of thousands of small pieces. */
const BATCH_BYTES = 1 << 20;

/**
 * Pieces written to stdout in batches of about BATCH_BYTES: each write to
 * process.stdout goes through the stream machinery and a system call of its
 * own, which cost a warm pull-request run about 0.2 s for 20,000 pieces. The
 * pieces are copied into one buffer, which is filled again once a write is
 * done with it (a warm run's 23 MB report had been 23 buffers of 1 MB made by
 * concatenation, and 10,000 more for the separators between findings).
 */
function writeBatched(write: (b: Uint8Array) => boolean | void, pieces: Iterable<string | Uint8Array>): void {
  let batch = Buffer.allocUnsafe(BATCH_BYTES);
  let size = 0;
  const flush = () => {
    if (size === 0) return;
    const done = write(batch.subarray(0, size));
    if (done !== true) batch = Buffer.allocUnsafe(BATCH_BYTES);
    size = 0;
  };
  for (const piece of pieces) {
    if (piece.length === 0) continue;
    if (typeof piece === 'string') {
      // At most 3 bytes of UTF-8 a UTF-16 unit.
      if (size + 3 * piece.length > BATCH_BYTES) flush();
      if (3 * piece.length > BATCH_BYTES) {
        write(Buffer.from(piece, 'utf8'));
        continue;
      }
      size += batch.write(piece, size, 'utf8');
      continue;
    }
    if (size + piece.length > BATCH_BYTES) flush();
    if (piece.length > BATCH_BYTES) {
      write(piece);
      continue;
    }
    batch.set(piece, size);
    size += piece.length;
  }
  flush();
}
