import { statSync } from 'node:fs';
import { extname, relative, resolve, sep } from 'node:path';
import fg from 'fast-glob';
import type { ArticleFormat } from '../types.js';
import type { Config } from '../config/config.js';

export interface DiscoveredFile {
  readonly absolute: string;
  /** Relative to the working directory, forward slashes: what reports show. */
  readonly display: string;
  readonly format: ArticleFormat;
}

export interface Discovery {
  readonly files: readonly DiscoveredFile[];
  /** Human notes: files skipped and why. */
  readonly notes: readonly string[];
  /** Paths named on the command line that do not exist. */
  readonly missing: readonly string[];
}

const FORMATS: Readonly<Record<string, ArticleFormat>> = { '.md': 'markdown', '.markdown': 'markdown', '.txt': 'text' };

/** The format a file name's extension gives it, if any. */
export function formatOfName(name: string): ArticleFormat | undefined {
  return FORMATS[extname(name).toLowerCase()];
}

/** A POSIX path that path.resolve would change: doubled or trailing slash, a . or .. segment. */
const NOT_NORMALISED = /\/\/|\/\.\.?(?:\/|$)|.\/$/;
let resolvedCwd: { cwd: string; prefix: string } | undefined;

export function displayPath(cwd: string, absolute: string): string {
  // Fast path for the common case, a normalised path inside cwd: what path.relative
  // returns then is the part after cwd, without resolving both paths for every file.
  if (sep === '/' && cwd.charCodeAt(0) === 47 && absolute.charCodeAt(0) === 47 && !NOT_NORMALISED.test(absolute)) {
    if (resolvedCwd?.cwd !== cwd) {
      const r = resolve(cwd);
      resolvedCwd = { cwd, prefix: r === '/' ? '' : `${r}/` };
    }
    const prefix = resolvedCwd.prefix;
    if (prefix && absolute.length > prefix.length && absolute.startsWith(prefix)) return absolute.slice(prefix.length);
  }
  return (relative(cwd, absolute) || absolute).split(sep).join('/');
}

/**
 * Finds the articles to read: named files, directories (walked for .md,
 * .markdown, .txt) and globs; with no paths, the config's corpus globs.
 */
export async function discover(paths: readonly string[], config: Config, cwd: string): Promise<Discovery> {
  const found = new Map<string, DiscoveredFile>();
  const notes: string[] = [];
  const missing: string[] = [];
  // Files the config asks to read as plain-text pages whatever their extension.
  const textByConfig = new Set(config.text.length ? await fg([...config.text], { cwd: config.base, absolute: true, onlyFiles: true }) : []);
  const isTextByConfig = (abs: string) => textByConfig.has(abs);
  let skipped = 0;
  const add = (abs: string, explicit: boolean) => {
    const format = FORMATS[extname(abs).toLowerCase()] ?? (isTextByConfig(abs) ? 'text' : undefined);
    if (!format) {
      if (explicit) notes.push(`${displayPath(cwd, abs)}: skipped (not .md, .markdown or .txt; list it under "text" in the config to read it as a page)`);
      else skipped++;
      return;
    }
    found.set(abs, { absolute: abs, display: displayPath(cwd, abs), format });
  };

  const globOptions = { absolute: true, onlyFiles: true, dot: false, ignore: [...config.ignore], followSymbolicLinks: false };
  if (paths.length === 0) {
    for (const abs of await fg([...config.corpus], { ...globOptions, cwd: config.base })) add(abs, false);
  }
  for (const p of paths) {
    const abs = resolve(cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) {
      for (const f of await fg('**/*', { ...globOptions, cwd: abs })) add(f, false);
    } else if (st?.isFile()) {
      add(abs, true);
    } else if (fg.isDynamicPattern(p)) {
      const matches = await fg(p.split(sep).join('/'), { ...globOptions, cwd });
      if (matches.length === 0) notes.push(`${p}: the pattern matched no files`);
      for (const f of matches) add(f, false);
    } else {
      missing.push(p);
    }
  }
  if (skipped) notes.push(`skipped ${skipped} file${skipped === 1 ? '' : 's'} that are not .md, .markdown or .txt`);
  const files = [...found.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  return { files, notes, missing };
}
