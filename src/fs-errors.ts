// File-system failures as one-line reasons ("permission denied", "read-only
// file system"), and a mkdir -p that cannot loop: Node's recursive mkdir spins
// forever on paths such as /proc/x, where mkdir keeps answering ENOENT.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { render } from './i18n/catalogue.js';
import { msg, type Message } from './i18n/message.js';

/** The file-system error codes with a reason of their own in the catalogue (`fs.enoent`…). */
export const KNOWN_CODES: ReadonlySet<string> = new Set(['ENOENT', 'EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EISDIR', 'EEXIST', 'ENOSPC', 'EDQUOT', 'ENAMETOOLONG', 'ELOOP']);

/** A failed file-system call's reason as a catalogue message (rendered in the run's language), or Node's own text. */
export function fsReasonRef(err: unknown): Message | string {
  const e = err as NodeJS.ErrnoException;
  if (e && typeof e.code === 'string' && KNOWN_CODES.has(e.code)) return msg(`fs.${e.code.toLowerCase()}`);
  return err instanceof Error ? err.message : String(err);
}

/** A short reason for a failed file-system call, without the stack or the syscall (English). */
export function fsReason(err: unknown): string {
  const r = fsReasonRef(err);
  return typeof r === 'string' ? r : render('en', r);
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
