// Run stage 3, read: a file's bytes, or why they cannot be read. Bytes are
// read when their file's turn comes (never every file's at once), except
// where the cache needs them first to key its entries.
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { msg } from '../i18n/message.js';
import { SkippedInput } from './analyze.js';
import { specialKind, type DiscoveredFile } from './discover.js';

/** One file of the run, with its bytes once they are read. */
export interface RunInput {
  readonly file: DiscoveredFile;
  bytes?: Uint8Array | Error;
  /** The cache's entry key (path and content hash), when a cache is used and the file could be read. */
  key?: string;
  /** The key came from the cache's index (the file's stat unchanged), not from bytes read: a miss reads them and keys them anew. */
  fromIndex?: boolean;
}

/** Reads a file of the run: the stdin text for the stdin file, else the file on disk. */
export type ByteReader = (f: DiscoveredFile) => Uint8Array | Error;

export function byteReader(maxFileBytes: number, stdin?: { readonly file: DiscoveredFile; readonly bytes: Uint8Array }): ByteReader {
  return (f) => (stdin && f === stdin.file ? stdin.bytes : readBytes(f, maxFileBytes));
}

/** The input's bytes, read now if they were not read before; let go of afterwards, as a file's analysis needs them only once. */
export function takeBytes(input: RunInput, read: ByteReader): Uint8Array | Error {
  const bytes = input.bytes ?? read(input.file);
  input.bytes = undefined;
  return bytes;
}

/**
 * The file's bytes, or why they cannot be read. One open and an fstat on the
 * descriptor instead of a stat by path and then readFileSync (which opens and
 * stats again): the size limit and the file's type are checked on what was
 * opened, so a file swapped after discovery cannot slip past them.
 */
export function readBytes(f: DiscoveredFile, max: number): Uint8Array | Error {
  let fd: number | undefined;
  try {
    // Non-blocking: opening a FIFO for reading would otherwise wait for a writer
    // forever (a file swapped for one after discovery). On a regular file the flag changes nothing.
    fd = openSync(f.absolute, constants.O_RDONLY | constants.O_NONBLOCK);
    const st = fstatSync(fd);
    if (st.isDirectory()) return new Error('is a directory');
    if (!st.isFile()) return new SkippedInput(msg('input.not-regular', { kind: specialKind(st) }));
    const size = st.size;
    if (size > max) return new SkippedInput(msg('input.too-large', { size, max }));
    // Size 0 may be a file that does not report its size: readFileSync reads until the end.
    if (size === 0) return readFileSync(fd);
    const bytes = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, null);
      if (n === 0) break;
      read += n;
    }
    return read < size ? bytes.subarray(0, read) : bytes;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return new Error(e.code === 'EACCES' ? 'permission denied' : e.code === 'EISDIR' ? 'is a directory' : e.message);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
