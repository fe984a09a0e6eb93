// Files a run keeps to skip work next time (the compiled registry, the
// bundle's compiled code), sealed with the SHA-256 digest of their payload:
// 64 hex digits, then the payload. They are an optimisation and never a
// reason to fail: a file that is missing, cut short, edited or does not match
// its digest reads as absent, and a folder that cannot be created or written
// is left as it is.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The payload of the sealed file at `path`, or undefined (none, or not intact). */
export function readSealed(path: string): Buffer | undefined {
  try {
    const bytes = readFileSync(path);
    if (bytes.length < 64) return undefined;
    const digest = bytes.subarray(0, 64).toString('latin1');
    const payload = bytes.subarray(64);
    return createHash('sha256').update(payload).digest('hex') === digest ? payload : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes `payload` sealed as `dir/name` (whole or not at all: written beside
 * it and renamed), then removes the oldest `.bin` files of the folder past
 * `keep` (this one included); silently does nothing where it cannot.
 */
export function writeSealed(dir: string, name: string, payload: Uint8Array, keep: number): void {
  try {
    const digest = createHash('sha256').update(payload).digest('hex');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, name);
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.concat([Buffer.from(digest, 'latin1'), payload]));
    renameSync(tmp, path);
    prune(dir, path, keep);
  } catch {
    // Unwritable (a read-only install, a full disk): the next run does the work again.
  }
}

function prune(dir: string, written: string, keep: number): void {
  const entries = readdirSync(dir)
    .filter((f) => f.endsWith('.bin'))
    .map((f) => join(dir, f))
    .filter((f) => f !== written)
    .map((f) => ({ f, t: statSync(f, { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
    .sort((a, b) => b.t - a.t);
  for (const { f } of entries.slice(keep - 1)) rmSync(f, { force: true });
}
