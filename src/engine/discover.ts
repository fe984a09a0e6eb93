import { msg, type Message } from '../i18n/message.js';
import { lstatSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import fg from 'fast-glob';
import micromatch from 'micromatch';
import type { ArticleFormat } from '../types.js';
import { DEFAULT_IGNORE, type Config } from '../config/config.js';
import { extensionList, formatOfName, INPUT_FORMATS } from '../parse/formats.js';

export { formatOfName } from '../parse/formats.js';
import { fsReason } from '../fs-errors.js';
import { pushAll } from '../arrays.js';
import { RunFailure } from '../failure.js';
import { globProblem } from './glob-safety.js';

export interface DiscoveredFile {
  readonly absolute: string;
  /** Relative to the working directory, forward slashes: what reports show. */
  readonly display: string;
  readonly format: ArticleFormat;
}

export interface Discovery {
  readonly files: readonly DiscoveredFile[];
  /** Human notes: files skipped and why (rendered in the run's language). */
  readonly notes: readonly Message[];
  /** Paths named on the command line that do not exist (or are dangling links), each with its reason. */
  readonly missing: readonly Message[];
  /** Files left out by the config's ignore globs (a run whose every named file is ignored is not a failure). */
  readonly ignored: number;
}



/** A POSIX path that path.resolve would change: doubled or trailing slash, a . or .. segment. */
const NOT_NORMALISED = /\/\/|\/\.\.?(?:\/|$)|.\/$/;
/** Each folder paths are shown relative to, resolved once, with a slash (the ignore globs' folder and the run's cwd alternate). */
const resolvedPrefixes = new Map<string, string>();

export function displayPath(cwd: string, absolute: string): string {
  // Fast path for the common case, a normalised path inside cwd: what path.relative
  // returns then is the part after cwd, without resolving both paths for every file.
  if (sep === '/' && cwd.charCodeAt(0) === 47 && absolute.charCodeAt(0) === 47 && !NOT_NORMALISED.test(absolute)) {
    let prefix = resolvedPrefixes.get(cwd);
    if (prefix === undefined) {
      const r = resolve(cwd);
      prefix = r === '/' ? '' : `${r}/`;
      resolvedPrefixes.set(cwd, prefix);
    }
    if (prefix && absolute.length > prefix.length && absolute.startsWith(prefix)) return absolute.slice(prefix.length);
  }
  return (relative(cwd, absolute) || absolute).split(sep).join('/');
}

/** What a directory entry or a named path is, as discovery treats it. */
type Kind = 'file' | 'directory' | 'special' | 'broken-link' | 'missing';

/** Follows a link (stat); a loop of links or a dangling one is a broken link, never a hang. */
function kindOf(abs: string): { kind: Kind; real?: string; what?: string } {
  let st;
  try {
    st = statSync(abs);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      // A path that lstat finds but stat does not is a dangling link.
      try {
        if (lstatSync(abs).isSymbolicLink()) return { kind: 'broken-link', what: 'a link to nothing' };
      } catch {
        /* missing */
      }
      return { kind: 'missing' };
    }
    return { kind: 'broken-link', what: fsReason(err) };
  }
  if (st.isDirectory()) return { kind: 'directory' };
  if (!st.isFile()) return { kind: 'special', what: specialKind(st) };
  let real = abs;
  try {
    real = realpathSync(abs);
  } catch {
    /* keep the path as named */
  }
  return { kind: 'file', real };
}

/** What a non-regular file is, for the message that skips it. */
export function specialKind(st: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * Finds the articles to read: named files, directories (walked for the
 * endings of the format table) and globs; with no paths, the config's corpus globs.
 *
 * Links: a link to a file is read like the file, whether it is named or met in
 * a walk; a link to a directory is entered only when named (a walk does not
 * follow it, so a link back to a parent cannot loop). A file reached by several
 * paths (a directory given twice, a link beside its target) is read once,
 * under the path that sorts first. FIFOs, sockets and devices with an article's
 * extension are kept as files: reading skips them with a warning, never opening
 * one for a blocking read. The config's `ignore` globs apply to every path,
 * named or walked, relative to the config's folder.
 */
export async function discover(paths: readonly string[], config: Config, cwd: string): Promise<Discovery> {
  const byReal = new Map<string, DiscoveredFile>();
  const notes: Message[] = [];
  const missing: Message[] = [];
  const problems: string[] = [];
  let ignored = 0;
  const ignoredNamed: string[] = [];
  // Files the config asks to read in a format whatever their extension (`text: [...]`).
  const byConfig = new Map<string, ArticleFormat>();
  for (const f of INPUT_FORMATS) {
    const globs = f.configKey ? config[f.configKey] : [];
    if (globs.length === 0) continue;
    for (const abs of await fg([...globs], { cwd: config.base, absolute: true, onlyFiles: true })) if (!byConfig.has(abs)) byConfig.set(abs, f.id);
  }
  const endings = extensionList();
  const isIgnored = ignoreMatcher(config);
  const skippedNames = new Set<string>();
  // Keyed by path (and the other path): sorted by it at the end, each said once.
  const duplicates = new Map<string, Message>();
  const linkNotes = new Map<string, Message>();

  const add = (abs: string, explicit: boolean, real: string) => {
    const format = formatOfName(abs) ?? byConfig.get(abs) ?? byConfig.get(real);
    if (!format) {
      if (explicit) notes.push(msg('note.skipped-explicit', { file: displayPath(cwd, abs), endings }));
      else skippedNames.add(real);
      return;
    }
    if (isIgnored(abs)) {
      ignored++;
      if (explicit) ignoredNamed.push(displayPath(cwd, abs));
      return;
    }
    const file: DiscoveredFile = { absolute: abs, display: displayPath(cwd, abs), format };
    const seen = byReal.get(real);
    if (seen) {
      if (seen.display === file.display) return;
      // The file under its own name when that is one of the paths, else the path that sorts first.
      const seenFirst = seen.absolute === real || (file.absolute !== real && seen.display < file.display);
      const [keep, drop] = seenFirst ? [seen, file] : [file, seen];
      duplicates.set(`${drop.display}\u0000${keep.display}`, msg('note.duplicate', { file: drop.display, same: keep.display }));
      byReal.set(real, keep);
      return;
    }
    byReal.set(real, file);
  };

  /** An entry met in a walk or a glob: regular files, links to files, and special files. */
  const addEntry = (entry: { path: string; dirent: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean } }) => {
    const abs = entry.path;
    if (entry.dirent.isDirectory()) return;
    if (entry.dirent.isFile()) {
      add(abs, false, abs);
      return;
    }
    const k = kindOf(abs);
    if (k.kind === 'file') add(abs, false, k.real!);
    else if (k.kind === 'special') add(abs, false, abs);
    else if (k.kind === 'directory') {
      // Only a link reaches here (directories returned above): not entered, so no cycle.
      if (entry.dirent.isSymbolicLink()) linkNotes.set(displayPath(cwd, abs), msg('note.dir-link', { file: displayPath(cwd, abs) }));
    } else if (formatOfName(abs)) linkNotes.set(displayPath(cwd, abs), msg('note.skipped-special', { file: displayPath(cwd, abs), reason: k.what ?? msg('note.cannot-read') }));
  };

  const walk = async (pattern: string | readonly string[], base: string, ignore: readonly string[]) => {
    const entries = await fg(typeof pattern === 'string' ? pattern : [...pattern], {
      cwd: base,
      absolute: true,
      onlyFiles: false,
      objectMode: true,
      dot: false,
      ignore: [...ignore],
      followSymbolicLinks: false,
      suppressErrors: true,
    });
    for (const e of entries) addEntry(e);
    return entries.length;
  };

  if (paths.length === 0) {
    for (const g of config.corpus) {
      const problem = globProblem(g);
      if (problem) problems.push(`${g}: ${problem}`);
    }
    if (!problems.length) await walk(config.corpus, config.base, config.ignore);
  }
  const walked = new Set<string>();
  for (const p of paths) {
    const abs = resolve(cwd, p);
    const k = kindOf(abs);
    if (k.kind === 'directory') {
      if (walked.has(abs)) continue;
      walked.add(abs);
      await walk('**/*', abs, DEFAULT_IGNORE);
    } else if (k.kind === 'file') {
      add(abs, true, k.real!);
    } else if (k.kind === 'special') {
      // Named explicitly, whatever its name: reading it is skipped with a warning.
      const format = formatOfName(abs) ?? 'text';
      if (isIgnored(abs)) {
        ignored++;
        ignoredNamed.push(displayPath(cwd, abs));
      } else if (!byReal.has(abs)) byReal.set(abs, { absolute: abs, display: displayPath(cwd, abs), format });
    } else if (k.kind === 'broken-link') {
      missing.push(msg('error.missing-path', { file: p, reason: k.what ?? msg('note.cannot-read') }));
    } else if (fg.isDynamicPattern(p)) {
      const problem = globProblem(p);
      if (problem) {
        problems.push(`${p}: ${problem}`);
        continue;
      }
      const matched = await walk(p.split(sep).join('/'), cwd, DEFAULT_IGNORE);
      if (matched === 0) notes.push(msg('note.no-match', { pattern: p }));
    } else {
      missing.push(msg('error.no-such-file', { file: p }));
    }
  }
  if (problems.length) throw new RunFailure(msg('error.invalid-glob', { problem: problems[0]! }), problems);
  const skipped = skippedNames.size;
  if (skipped) notes.push(msg('note.skipped-count', { count: skipped, endings }));
  for (const n of ignoredNamed) notes.push(msg('note.ignored', { file: n }));
  const byKey = (a: [string, Message], b: [string, Message]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  pushAll(notes, [...linkNotes].sort(byKey).map(([, m]) => m));
  pushAll(notes, [...duplicates].sort(byKey).map(([, m]) => m));
  const files = [...byReal.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  return { files, notes, missing, ignored };
}

/**
 * The config's ignore globs as a test of an absolute path, matched relative to
 * the config's folder as the corpus globs are; paths outside it are never ignored.
 */
function ignoreMatcher(config: Config): (abs: string) => boolean {
  if (config.ignore.length === 0) return () => false;
  const matchers = config.ignore.map((g) => micromatch.matcher(g, { dot: true }));
  return (abs) => {
    // displayPath: path.relative without resolving both paths for each of 10,000 files (it gives the
    // path itself, which is absolute, for the folder itself: not ignored, as path.relative's '' was).
    const rel = displayPath(config.base, abs);
    if (rel === '' || rel.startsWith('../') || rel === '..' || isAbsolute(rel)) return false;
    return matchers.some((m) => m(rel));
  };
}

/** What a run asks discovery for: its paths, the stdin text's name, and whether the corpus globs are context. */
export interface RunDiscoveryOptions {
  readonly cwd: string;
  readonly paths: readonly string[];
  readonly stdin?: { readonly name: string };
  readonly withCorpus?: boolean;
}

/**
 * The files a run reads: the paths other than `-`, plus the stdin text under its
 * name. It replaces a discovered file of the same name (an editor's unsaved
 * buffer), and with only `-` nothing else is read (no fallback to the corpus globs).
 */
export async function discoverRun(options: RunDiscoveryOptions, config: Config): Promise<Discovery & { stdinFile?: DiscoveredFile }> {
  const paths = options.paths.filter((p) => p !== '-');
  if (!options.stdin) return options.withCorpus && paths.length ? withCorpus(await discover(paths, config, options.cwd), config, options.cwd) : discover(paths, config, options.cwd);
  const found = paths.length ? await discover(paths, config, options.cwd) : { files: [], notes: [], missing: [], ignored: 0 };
  const absolute = resolve(options.cwd, options.stdin.name);
  const stdinFile: DiscoveredFile = { absolute, display: displayPath(options.cwd, absolute), format: formatOfName(absolute) ?? 'markdown' };
  const files = [...found.files.filter((f) => f.absolute !== absolute), stdinFile].sort(byDisplay);
  return { ...found, files, stdinFile };
}

/** The named files plus the corpus globs' files, each once, sorted as discovery sorts them. */
async function withCorpus(named: Discovery, config: Config, cwd: string): Promise<Discovery> {
  const corpus = await discover([], config, cwd);
  const byPath = new Map(corpus.files.map((f) => [f.absolute, f]));
  for (const f of named.files) byPath.set(f.absolute, f);
  const files = [...byPath.values()].sort(byDisplay);
  return { files, notes: [...named.notes, ...corpus.notes], missing: named.missing, ignored: named.ignored };
}

function byDisplay(a: DiscoveredFile, b: DiscoveredFile): number {
  return a.display < b.display ? -1 : a.display > b.display ? 1 : 0;
}
