// Data files a config points at (cues, pageStructure) and registry files: any
// problem with one is a failure of the run (exit 2) in one line naming the file
// (and line), never an internal error. Their loaders live with their stages; this
// checks what every YAML data file must be before a loader sees it.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { packagePath } from '../paths.js';
import { registryFiles } from '../registry/load.js';
import { fsReason } from '../fs-errors.js';
import { LocatedYaml, formatProblem } from '../yaml/located.js';
import { RunFailure } from './failure.js';

const display = (cwd: string, path: string) => relative(cwd, path) || path;

/** The YAML mapping at `path`, or a RunFailure saying what is wrong with the file. */
function readMapping(kind: string, path: string, cwd: string): Record<string, unknown> {
  const shown = display(cwd, path);
  if (!existsSync(path)) throw new RunFailure(`invalid ${kind} file ${shown}: not found`);
  if (!statSync(path).isFile()) throw new RunFailure(`invalid ${kind} file ${shown}: not a regular file`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new RunFailure(`invalid ${kind} file ${shown}: ${fsReason(err)}`);
  }
  const doc = new LocatedYaml(shown, text);
  if (doc.problems.length) throw new RunFailure(`invalid ${kind} file ${formatProblem(doc.problems[0]!)}`);
  const value = doc.value ?? {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new RunFailure(`invalid ${kind} file ${shown}: expected a mapping of lists`);
  return value as Record<string, unknown>;
}

/** Whatever `load` throws, as one line naming the file (its message often starts with the absolute path). */
function loadNamed<T>(kind: string, path: string, cwd: string, load: () => T): T {
  try {
    return load();
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).split('\n')[0]!.replace(`${path}: `, '');
    throw new RunFailure(`invalid ${kind} file ${display(cwd, path)}: ${message}`);
  }
}

/**
 * A cues file replaces data/cues.yaml as a whole, so it needs every list the
 * bundled file has (read from that file, so new lists need no change here).
 */
export function loadCuesFile<T>(path: string, cwd: string, load: (path: string) => T): T {
  const data = readMapping('cues', path, cwd);
  const bundled = readMapping('cues', packagePath('data', 'cues.yaml'), cwd);
  for (const key of Object.keys(bundled)) {
    const list = data[key];
    if (list === undefined) throw new RunFailure(`invalid cues file ${display(cwd, path)}: missing list "${key}" (a cues file replaces data/cues.yaml and needs all its lists)`);
    if (!Array.isArray(list) || list.some((w) => typeof w !== 'string')) {
      throw new RunFailure(`invalid cues file ${display(cwd, path)}: "${key}" must be a list of strings`);
    }
  }
  return loadNamed('cues', path, cwd, () => load(path));
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
    if (!statSync(f).isFile()) throw new RunFailure(`invalid registry: ${display(cwd, f)}: not a regular file`);
  }
}
