// The one loader of data files (data/*.yaml, data/gazetteer.json and the files
// a config or a rule's options point at): read, parse, check against a JSON
// Schema, and name every problem as file:line:col, as the registry does. A
// module that owns a data file gives its schema and gets the typed value back;
// what it compiles from the value is its own business.
import { readFileSync } from 'node:fs';
import type { ValidateFunction } from 'ajv';
import { fsReason } from './fs-errors.js';
import { compileSchema, schemaText, schemaValidator } from './schemas.js';
import { bundledDataName, snapshotKey, snapshotOr } from './data-snapshot.js';
import { formatProblem, LocatedYaml, type YamlProblem } from './yaml/located.js';

/** A data file that cannot be used: its problems, each at file:line:col; the message is the first. */
export class DataFileError extends Error {
  constructor(readonly problems: readonly YamlProblem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}

export interface DataFileOptions {
  /** How the file is named in problems (default: its path). */
  readonly display?: string;
  /** A missing or empty document reads as this value (default: an empty mapping). */
  readonly empty?: unknown;
  /** Top-level keys the file must have (checked after the schema, so a schema can be shared with options that need none). */
  readonly required?: readonly string[];
  /** Top-level keys dropped before the check and from the value (a file's `version`). */
  readonly omit?: readonly string[];
}

/**
 * The value of the YAML or JSON file at `path`, checked against `schema` (a
 * shipped schema's file name under schemas/, or a schema object). JSON is read
 * with JSON.parse and placed with the YAML reader only when it has a problem,
 * so a large generated file costs one parse.
 */
export function loadDataFile<T>(path: string, schema: string | object, options: DataFileOptions = {}): T {
  const shown = options.display ?? path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new DataFileError([{ file: shown, line: 1, column: 1, message: `cannot be read: ${fsReason(err)}` }]);
  }
  // A bundled file read and checked by the build, unchanged since: its stored value (src/data-snapshot.ts).
  // (JSON is read with one JSON.parse either way.)
  const bundled = /\.json$/i.test(path) ? undefined : bundledDataName(path);
  if (bundled) {
    const key = snapshotKey(['data-file', text, typeof schema === 'string' ? schemaText(schema) : JSON.stringify(schema), JSON.stringify(options)]);
    return snapshotOr(bundled, key, () => parsedAndChecked<T>(path, text, schema, options));
  }
  return parsedAndChecked<T>(path, text, schema, options);
}

function parsedAndChecked<T>(path: string, text: string, schema: string | object, options: DataFileOptions): T {
  const shown = options.display ?? path;
  const validate = typeof schema === 'string' ? schemaValidator(schema) : compileSchema(schema);
  if (/\.json$/i.test(path)) {
    let value: unknown;
    try {
      value = JSON.parse(text) as unknown;
    } catch {
      value = undefined;
    }
    if (value !== undefined && validate(value)) return value as T;
  }
  return checked<T>(new LocatedYaml(shown, text), validate, options);
}

function checked<T>(doc: LocatedYaml, validate: ValidateFunction, options: DataFileOptions): T {
  if (doc.problems.length) throw new DataFileError(doc.problems);
  let value = doc.value ?? options.empty ?? {};
  if (options.omit && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const rest: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const key of options.omit) delete rest[key];
    value = rest;
  }
  if (!validate(value)) throw new DataFileError(doc.schemaProblems(validate, value));
  const missing = (options.required ?? []).filter((key) => !(key in (value as object)));
  if (missing.length) throw new DataFileError(missing.map((key) => doc.problemAt([], `missing required key "${key}"`)));
  return value as T;
}
