// File-system failures as one-line reasons ("permission denied", "read-only
// file system"), and a mkdir -p that cannot loop: Node's recursive mkdir spins
// forever on paths such as /proc/x, where mkdir keeps answering ENOENT.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOTDIR: 'not a directory (a file is in the way)',
  EISDIR: 'is a directory',
  EEXIST: 'already exists',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENAMETOOLONG: 'file name too long',
  ELOOP: 'too many symbolic links',
};

/** A short reason for a failed file-system call, without the stack or the syscall. */
export function fsReason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e && typeof e.code === 'string' && REASONS[e.code]) return REASONS[e.code]!;
  return err instanceof Error ? err.message : String(err);
}

function fsError(code: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${path}`), { code, path });
}

/** Creates `dir` and its missing parents one at a time; throws an errno error when one cannot be made. */
export function ensureDir(dir: string): void {
  const missing: string[] = [];
  let d = resolve(dir);
  while (!existsSync(d)) {
    missing.push(d);
    const parent = dirname(d);
    if (parent === d) break;
    d = parent;
  }
  if (existsSync(d) && !statSync(d).isDirectory()) throw fsError('ENOTDIR', d);
  for (const m of missing.reverse()) mkdirSync(m);
}
