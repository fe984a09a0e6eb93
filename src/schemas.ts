import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { packagePath } from './paths.js';

const cache = new Map<string, ValidateFunction>();

/** Compiled validator for a schema shipped under schemas/ (compiled once per process). */
export function schemaValidator(name: string): ValidateFunction {
  let v = cache.get(name);
  if (!v) {
    const schema = JSON.parse(readFileSync(packagePath('schemas', name), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    v = ajv.compile(schema);
    cache.set(name, v);
  }
  return v;
}
