// Schema validators, all from one ajv instance. Compiling a schema with ajv
// costs a small run a good part of its start-up, so the build writes each
// shipped schema's validator as standalone code (scripts/build-validators.ts),
// named by the digest of the schema text; a run loads that when it matches and
// compiles otherwise. Schemas written in code (a rule's options) are compiled
// by compileSchema, once per schema object.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv as AjvInstance, ErrorObject, ValidateFunction } from 'ajv';
import { packagePath } from './paths.js';

const require = createRequire(import.meta.url);
const cache = new Map<string, ValidateFunction>();

/** The options every validator is compiled with, at build time and at run time alike. */
const OPTIONS = { allErrors: true, strict: false } as const;

let instance: AjvInstance | undefined;

/**
 * The one ajv instance (loaded on first use: a run whose shipped validators
 * are all built never loads ajv). It keeps each validator's source so the
 * build can write it out as standalone code.
 */
function ajv(): AjvInstance {
  if (!instance) {
    const { Ajv } = require('ajv') as typeof import('ajv');
    instance = new Ajv({ ...OPTIONS, code: { source: true } });
  }
  return instance;
}

const bySchema = new WeakMap<object, ValidateFunction>();

/** Validator of a schema written in code (a rule's options, a data file's shape), compiled once per schema object. */
export function compileSchema(schema: object): ValidateFunction {
  let v = bySchema.get(schema);
  if (!v) {
    v = ajv().compile(schema);
    bySchema.set(schema, v);
  }
  return v;
}

/** ajv's errors as one line (`data.minAge must be integer, …`), with `dataVar` naming the document. */
export function schemaErrorsText(errors: readonly ErrorObject[] | null | undefined, dataVar: string): string {
  return ajv().errorsText(errors as ErrorObject[] | null | undefined, { dataVar });
}

/** The schemas runs validate with (the SARIF schema is for tests only). */
export const RUNTIME_SCHEMAS = [
  'registry.schema.json',
  'lexicon.schema.json',
  'config.schema.json',
  'gazetteer.schema.json',
  'region-aliases.schema.json',
  'fact-keys.schema.json',
  'messages.schema.json',
] as const;

/** The text of a schema shipped under schemas/. */
export function schemaText(name: string): string {
  return readFileSync(packagePath('schemas', name), 'utf8');
}

/** Where the build puts the standalone validator of this schema text. */
export function standalonePath(name: string, text = schemaText(name)): string {
  const digest = createHash('sha256').update(text).digest('hex').slice(0, 16);
  return packagePath('dist', 'validators', `${name.replace(/\.json$/, '')}-${digest}.cjs`);
}

/** Compiled validator for a schema shipped under schemas/ (once per process). */
export function schemaValidator(name: string): ValidateFunction {
  let v = cache.get(name);
  if (!v) {
    const text = schemaText(name);
    const built = standalonePath(name, text);
    v = existsSync(built) ? (require(built) as ValidateFunction) : compile(text);
    cache.set(name, v);
  }
  return v;
}

/** The shipped schema's validator from the one instance (compiled once: ajv refuses a second schema with the same $id). */
function compile(text: string): ValidateFunction {
  const schema = JSON.parse(text) as { $id?: string };
  return (schema.$id ? ajv().getSchema(schema.$id) : undefined) ?? ajv().compile(schema);
}

/** Standalone code of a schema's validator (a CommonJS module), for the build. */
export function standaloneCode(name: string): string {
  const standalone = (require('ajv/dist/standalone') as { default: (ajv: unknown, validate: ValidateFunction) => string }).default;
  return standalone(ajv(), compile(schemaText(name)));
}
