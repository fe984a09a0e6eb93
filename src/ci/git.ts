import { msg } from '../i18n/message.js';
import { execFileSync } from 'node:child_process';
import { relative, resolve, sep } from 'node:path';
import { RunFailure } from '../failure.js';

/** Changed files (paths as reports show them) and, per file, the changed line numbers. */
export interface ChangeSet {
  readonly files: ReadonlySet<string>;
  /** Lines added or modified on the new side; absent for a file whose lines are unknown (all count). */
  readonly lines: ReadonlyMap<string, ReadonlySet<number>>;
  readonly description: string;
}

function git(args: readonly string[], cwd: string): string {
  return execFileSync('git', [...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
}

function gitError(err: unknown): string {
  const e = err as { stderr?: string; message?: string };
  return (e.stderr || e.message || String(err)).trim().split('\n')[0]!;
}

/**
 * Files changed between the merge base of REF and the working tree (committed,
 * staged and unstaged changes alike), with their changed lines.
 */
export function changedSince(ref: string, cwd: string): ChangeSet {
  let top: string;
  try {
    top = git(['rev-parse', '--show-toplevel'], cwd).trim();
  } catch {
    throw new RunFailure(msg('error.git-repository'));
  }
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd);
  } catch {
    const shallow = safe(() => git(['rev-parse', '--is-shallow-repository'], cwd).trim() === 'true');
    throw new RunFailure(msg('error.git-not-commit', { ref, shallow: shallow ? msg('error.git-shallow') : '' }));
  }
  let base: string;
  try {
    base = git(['merge-base', ref, 'HEAD'], cwd).trim();
  } catch (err) {
    throw new RunFailure(msg('error.git-merge-base', { ref, reason: gitError(err) }));
  }
  const diff = git(['diff', '--unified=0', '--no-color', '--no-ext-diff', '--diff-filter=ACMR', '--relative', base, '--'], cwd);
  const parsed = parseUnifiedDiff(diff);
  // git prints paths relative to cwd with --relative; reports show them relative to cwd too.
  const files = new Set<string>();
  const lines = new Map<string, Set<number>>();
  for (const [path, changed] of parsed) {
    const shown = relative(cwd, resolve(cwd, path)).split(sep).join('/');
    files.add(shown);
    lines.set(shown, changed);
  }
  // Untracked new files are changes too.
  for (const path of git(['ls-files', '--others', '--exclude-standard'], cwd).split('\n').filter(Boolean)) {
    files.add(path);
  }
  void top;
  return { files, lines, description: `changed since ${ref} (merge base ${base.slice(0, 12)})` };
}

/**
 * The top level of the git work tree holding `cwd`, or undefined outside one
 * (or without git). Built from `--show-cdup` (the way up from cwd) rather than
 * `--show-toplevel`, which resolves symlinks: the root keeps the spelling of
 * cwd, so paths relative to one are relative to the other.
 */
export function repositoryRoot(cwd: string): string | undefined {
  const up = safe(() => git(['rev-parse', '--show-cdup'], cwd).trim());
  return up === undefined ? undefined : resolve(cwd, up);
}

function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

/** Parses `git diff --unified=0` into new-side line numbers per file (a file renamed unchanged: an empty set). */
export function parseUnifiedDiff(diff: string): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  let current: Set<number> | undefined;
  for (const line of diff.split('\n')) {
    // A file renamed (or copied) without a change to its text has no +++ line and
    // no hunk, only these headers: it is a changed file all the same, with no changed lines.
    const moved = /^(?:rename|copy) to (.+)$/.exec(line);
    if (moved) {
      const path = unquote(moved[1]!);
      if (!out.has(path)) out.set(path, new Set());
      current = undefined;
      continue;
    }
    if (line.startsWith('+++ ')) {
      const path = line.slice(4).trim();
      if (path === '/dev/null') {
        current = undefined;
        continue;
      }
      const clean = unquote(path).replace(/^b\//, '');
      current = new Set();
      out.set(clean, current);
    } else if (line.startsWith('@@') && current) {
      const m = /\+(\d+)(?:,(\d+))?/.exec(line);
      if (!m) continue;
      const start = Number(m[1]);
      const count = m[2] === undefined ? 1 : Number(m[2]);
      for (let i = 0; i < count; i++) current.add(start + i);
    }
  }
  return out;
}

/** git quotes paths with non-ASCII bytes as C strings ("\346\226\207.md"). */
function unquote(path: string): string {
  if (!path.startsWith('"')) return path;
  const body = path.slice(1, -1);
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\') {
      const n = body[i + 1]!;
      if (/[0-7]/.test(n)) {
        bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
        i += 3;
      } else {
        bytes.push({ n: 10, t: 9, '"': 34, '\\': 92 }[n] ?? n.charCodeAt(0));
        i += 1;
      }
    } else {
      bytes.push(...Buffer.from(c, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** `--files-from FILE|-`: one path per line, blank lines and # comments ignored. */
export function filesFrom(text: string, cwd: string): ChangeSet {
  const files = new Set(
    text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
      .map((p) => relative(cwd, resolve(cwd, p)).split(sep).join('/')),
  );
  return { files, lines: new Map(), description: `${files.size} listed file${files.size === 1 ? '' : 's'}` };
}
