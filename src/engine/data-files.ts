// Data files a config points at (cues, pageStructure) and registry files: any
// problem with one is a failure of the run (exit 2) in one line naming the file
// (and line), never an internal error. Their loaders live with their stages; this
// checks what every YAML data file must be before a loader sees it.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { packagePath } from '../paths.js';
import { registryFiles } from '../registry/load.js';
import { fsReasonRef } from '../fs-errors.js';
import { LocatedYaml, problemRef } from '../yaml/located.js';
import { msg } from '../i18n/message.js';
import { RunFailure } from '../failure.js';
import { backtrackingHazard } from '../registry/pattern-safety.js';
import { expandClauseEnd } from '../text/clause-end.js';

const display = (cwd: string, path: string) => relative(cwd, path) || path;

/** The YAML mapping at `path`, or a RunFailure saying what is wrong with the file. */
function readMapping(kind: string, path: string, cwd: string): Record<string, unknown> {
  return readLocated(kind, path, cwd).value;
}

/** The mapping with its document, to place a problem found later at its line. */
function readLocated(kind: string, path: string, cwd: string): { value: Record<string, unknown>; doc: LocatedYaml } {
  const shown = display(cwd, path);
  if (!existsSync(path)) throw new RunFailure(msg('error.data-file', { kind, problem: msg('data-file.not-found', { file: shown }) }));
  if (!statSync(path).isFile()) throw new RunFailure(msg('error.data-file', { kind, problem: msg('data-file.not-regular', { file: shown }) }));
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new RunFailure(msg('error.data-file', { kind, problem: msg('data-file.reason', { file: shown, reason: fsReasonRef(err) }) }));
  }
  const doc = new LocatedYaml(shown, text);
  if (doc.problems.length) throw new RunFailure(msg('error.data-file', { kind, problem: problemRef(doc.problems[0]!) }));
  const value = doc.value ?? {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new RunFailure(msg('error.data-file', { kind, problem: msg('data-file.not-mapping', { file: shown }) }));
  return { value: value as Record<string, unknown>, doc };
}

/** Whatever `load` throws, as one line naming the file (its message often starts with the absolute path). */
function loadNamed<T>(kind: string, path: string, cwd: string, load: () => T): T {
  try {
    return load();
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).split('\n')[0]!.replace(`${path}: `, '');
    throw new RunFailure(msg('error.data-file', { kind, problem: msg('data-file.reason', { file: display(cwd, path), reason: message }) }));
  }
}

/**
 * A cues file replaces data/cues.yaml as a whole, so it needs every list the
 * bundled file has (read from that file, so new lists need no change here).
 */
export function loadCuesFile<T extends object>(path: string, cwd: string, load: (path: string) => T): T {
  const { value: data, doc } = readLocated('cues', path, cwd);
  const bundled = readMapping('cues', packagePath('data', 'cues.yaml'), cwd);
  for (const key of Object.keys(bundled)) {
    const list = data[key];
    if (list === undefined) throw new RunFailure(msg('error.data-file', { kind: 'cues', problem: msg('data-file.missing-list', { file: display(cwd, path), key }) }));
    if (!Array.isArray(list) || list.some((w) => typeof w !== 'string')) {
      throw new RunFailure(msg('error.data-file', { kind: 'cues', problem: msg('data-file.not-strings', { file: display(cwd, path), key }) }));
    }
  }
  const cues = loadNamed('cues', path, cwd, () => load(path));
  checkCuePatterns(cues, data, doc, display(cwd, path));
  return cues;
}

/**
 * The compiled cue expressions, checked for catastrophic backtracking as the
 * registry's patterns are (a cue is tried on every sentence, so one bad pattern
 * hangs every file). Word lists are escaped when compiled and cannot trip this;
 * a hazard is placed at the list entry that carries it.
 */
function checkCuePatterns(cues: object, data: Record<string, unknown>, doc: LocatedYaml, shown: string): void {
  for (const re of Object.values(cues)) {
    if (!(re instanceof RegExp)) continue;
    const hazard = backtrackingHazard(re.source, re.flags);
    if (!hazard) continue;
    for (const [key, list] of Object.entries(data)) {
      if (!Array.isArray(list)) continue;
      for (let i = 0; i < list.length; i++) {
        const entry = typeof list[i] === 'string' ? expandClauseEnd(list[i] as string) : undefined;
        const own = entry !== undefined ? backtrackingHazard(entry, re.flags) : undefined;
        if (own && re.source.includes(entry!)) throw new RunFailure(msg('error.data-file', { kind: 'cues', problem: problemRef(doc.problemAt([key, i], msg('config.glob', { key, index: i, reason: own }))) }));
      }
    }
    throw new RunFailure(msg('error.data-file', { kind: 'cues', problem: msg('data-file.reason', { file: shown, reason: hazard }) }));
  }
}

/** A page-structure file: every key optional (defaults fill the rest), checked by its loader. */
export function loadPageStructureFile<T>(path: string, cwd: string, load: (path: string) => T): T {
  readMapping('pageStructure', path, cwd);
  return loadNamed('pageStructure', path, cwd, () => load(path));
}

/** Registry entries that are not files (a directory named x.yaml) are named before the loader reads them. */
export function checkRegistryFiles(location: string, cwd: string): void {
  let files: string[];
  try {
    files = registryFiles(location);
  } catch {
    return; // a missing location is the loader's own, located, problem
  }
  for (const f of files) {
    if (!statSync(f).isFile()) throw new RunFailure(msg('error.invalid-registry', { problem: msg('data-file.not-regular', { file: display(cwd, f) }) }));
  }
}
