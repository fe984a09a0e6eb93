// Build step (after tsc): each schema a run validates with, compiled once into
// standalone code under dist/validators/ (src/schemas.ts loads it).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { RUNTIME_SCHEMAS, standaloneCode, standalonePath } from '../src/schemas.js';

for (const name of RUNTIME_SCHEMAS) {
  const path = standalonePath(name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, standaloneCode(name));
}
console.log(`${RUNTIME_SCHEMAS.length} schema validators written to dist/validators/`);
