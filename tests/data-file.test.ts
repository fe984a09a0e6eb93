// The one data-file loader: YAML or JSON, checked against a schema, every
// problem at file:line:col; and the bundled data files pass their schemas.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFileError, loadDataFile } from '../src/data-file.js';
import { packagePath } from '../src/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'claimlint-data-file-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['words'],
  properties: { words: { type: 'array', items: { type: 'string' } }, window: { type: 'integer' } },
};
const problemsOf = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(DataFileError);
    return (e as DataFileError).problems.map((p) => `${p.line}:${p.column} ${p.message}`);
  }
  throw new Error('expected a DataFileError');
};

describe('loadDataFile', () => {
  it('returns the checked value', () => {
    const path = write('ok.yaml', 'words: [最新, 现行]\nwindow: 3\n');
    expect(loadDataFile(path, schema)).toEqual({ words: ['最新', '现行'], window: 3 });
  });

  it('places a schema problem at its line and column, with the name given', () => {
    const path = write('bad.yaml', 'words:\n  - 最新\n  - 7\nwindow: three\nextra: 1\n');
    const problems = problemsOf(() => loadDataFile(path, schema, { display: 'data/bad.yaml' }));
    expect(problems).toContain('3:5 "words.1" must be string');
    expect(problems).toContain('4:9 "window" must be integer');
    expect(problems).toContain('5:1 unknown key "extra"');
    expect(() => loadDataFile(path, schema, { display: 'data/bad.yaml' })).toThrow(/^data\/bad\.yaml:\d+:\d+: /);
  });

  it('leaves out the keys named (a version) and requires the keys named', () => {
    const path = write('rule.yaml', 'version: 1\nwindow: 3\n');
    expect(problemsOf(() => loadDataFile(path, schema))).toEqual(['1:1 missing required key "words"', '1:1 unknown key "version"']);
    expect(problemsOf(() => loadDataFile(path, { ...schema, required: [] }, { omit: ['version'], required: ['words', 'window'] }))).toEqual([
      '1:1 missing required key "words"',
    ]);
    expect(loadDataFile(write('rule2.yaml', 'version: 1\nwords: [a]\n'), schema, { omit: ['version'] })).toEqual({ words: ['a'] });
  });

  it('places a YAML syntax problem and a missing file', () => {
    const path = write('syntax.yaml', 'words: [a, b\nwindow: 1\n');
    expect(problemsOf(() => loadDataFile(path, schema))[0]).toMatch(/^\d+:\d+ /);
    expect(problemsOf(() => loadDataFile(join(dir, 'absent.yaml'), schema))[0]).toMatch(/^1:1 cannot be read/);
  });

  it('reads JSON, and places its problems too', () => {
    expect(loadDataFile(write('ok.json', '{"words": ["a"]}'), schema)).toEqual({ words: ['a'] });
    const path = write('bad.json', '{\n  "words": ["a",\n    5]\n}\n');
    expect(problemsOf(() => loadDataFile(path, schema))).toEqual(['3:5 "words.1" must be string']);
  });

  it('the bundled gazetteer, region aliases and fact keys pass their schemas', () => {
    expect(() => loadDataFile(packagePath('data', 'gazetteer.json'), 'gazetteer.schema.json')).not.toThrow();
    expect(() => loadDataFile(packagePath('data', 'region-aliases.yaml'), 'region-aliases.schema.json')).not.toThrow();
    expect(() => loadDataFile(packagePath('data', 'fact-keys.yaml'), 'fact-keys.schema.json')).not.toThrow();
  });

  it('a gazetteer entry with an unknown level is refused at its place', () => {
    const path = write('gazetteer.json', '{"source": "s", "version": "1",\n "places": [["110000", "北京市", "town"]]}');
    expect(problemsOf(() => loadDataFile(path, 'gazetteer.schema.json'))).toEqual([expect.stringMatching(/^2:\d+ "places\.0\.2" must be one of "province", "prefecture", "county"$/)]);
  });
});
