// The build's standalone validators (scripts/build-validators.ts) must judge
// documents as the validators compiled at run time do.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { RUNTIME_SCHEMAS, standaloneCode } from '../src/schemas.js';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

const documents: Record<string, unknown[]> = {
  'config.schema.json': [{ corpus: ['**/*.md'] }, { corpus: 5 }, { rules: { 'stale-year': 'loud' } }, { unknown: true }],
  'lexicon.schema.json': [{}, { concepts: 3 }, { concepts: { x: { words: [1] } } }],
  'registry.schema.json': [{ claims: [] }, { claims: [{ id: 'x' }] }, { version: 'one', claims: {} }],
  'gazetteer.schema.json': [
    { source: 's', version: '1', places: [['110000', '北京市', 'province']] },
    { source: 's', version: '1', places: [['110000', '北京市', 'town']] },
    { source: 's', places: [] },
  ],
  'region-aliases.schema.json': [{ suffixes: ['市'] }, { suffixes: '市' }, { former: [{ names: ['x'] }] }],
  'fact-keys.schema.json': [
    { attributes: {}, qualifiers: {}, grades: {}, entities: { suffixes: [] }, addresses: { roadSuffixes: [] }, grammar: { fillers: [], changeTo: [], changeFrom: [], breaks: [], joiners: [] } },
    { attributes: { x: { value: 'quantity' } } },
  ],
  'messages.schema.json': [
    { locale: 'en', messages: { 'note.x': 'Hello {name}', 'label.y': { one: 'one file', other: '{count} files' } } },
    { locale: 'fr', messages: { 'note.x': 'Bonjour' } },
    { locale: 'zh', messages: { 'no-dot': '无' } },
    { locale: 'en', messages: { 'note.x': { one: 'only one' } } },
  ],
};

describe('standalone schema validators', () => {
  for (const name of RUNTIME_SCHEMAS) {
    it(`${name}: the same verdicts and errors as a compiled validator`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'claimlint-validators-'));
      const file = join(dir, 'v.cjs');
      // Written beside the project so the code's require('ajv/dist/runtime/…') resolves as in dist/.
      writeFileSync(file, standaloneCode(name).replace(/require\("ajv\//g, `require(${JSON.stringify(join(root, 'node_modules', 'ajv'))}+"/`));
      const standalone = require(file) as ValidateFunction;
      const compiled = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(root, 'schemas', name), 'utf8')) as object);
      let invalid = 0;
      for (const doc of documents[name]!) {
        const ok = compiled(doc);
        expect(standalone(doc)).toBe(ok);
        expect(standalone.errors ?? null).toEqual(compiled.errors ?? null);
        if (!ok) invalid++;
      }
      expect(invalid).toBeGreaterThan(0);
    });
  }
});
