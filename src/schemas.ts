// Schema validators. Compiling a schema with ajv costs a small run a good part
// of its start-up, so the build writes each shipped schema's validator as
// standalone code (scripts/build-validators.ts), named by the digest of the
// schema text; a run loads that when it matches and compiles otherwise.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { packagePath } from './paths.js';

const require = createRequire(import.meta.url);
const cache = new Map<string, ValidateFunction>();

/** The options every validator is compiled with, at build time and at run time alike. */
const OPTIONS = { allErrors: true, strict: false } as const;

/** The schemas runs validate with (the SARIF schema is for tests only). */
export const RUNTIME_SCHEMAS = ['registry.schema.json', 'lexicon.schema.json', 'config.schema.json'] as const;

function schemaText(name: string): string {
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

function compile(text: string): ValidateFunction {
  const { Ajv } = require('ajv') as typeof import('ajv');
  const ajv = new Ajv(OPTIONS);
  return ajv.compile(JSON.parse(text) as object);
}

/** Standalone code of a schema's validator (a CommonJS module), for the build. */
export function standaloneCode(name: string): string {
  const { Ajv } = require('ajv') as typeof import('ajv');
  const standalone = (require('ajv/dist/standalone') as { default: (ajv: unknown, validate: ValidateFunction) => string }).default;
  const ajv = new Ajv({ ...OPTIONS, code: { source: true } });
  return standalone(ajv, ajv.compile(JSON.parse(schemaText(name)) as object));
}
