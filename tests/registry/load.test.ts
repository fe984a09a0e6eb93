import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { demoClaim } from '../helpers/demo-registry.js';
import { loadRegistry } from '../../src/registry/load.js';
import { selfTest } from '../../src/engine/selftest.js';
import { loadCues } from '../../src/extract/cues.js';

const root = resolve(import.meta.dirname, '..', '..');

describe('bundled registry', () => {
  const loaded = loadRegistry(resolve(root, 'claims'), root);

  it('is valid', () => {
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
  });

  it('reads every claim’s own examples as the claim says', () => {
    if (!loaded.ok) throw new Error('registry invalid');
    const report = selfTest(loaded.registry, loadCues());
    const failures = report.failures.map((f) => `${f.file}:${f.line} ${f.claimId} ${f.example.kind}: ${f.example.text} — ${f.got}`);
    expect(failures).toEqual([]);
    expect(report.examples).toBeGreaterThan(0);
  });

  it('gives every claim at least three supporting and three contradicting examples', () => {
    if (!loaded.ok) throw new Error('registry invalid');
    const thin = loaded.registry.claims
      .filter((c) => c.claim.examples.supports.length < 3 || c.claim.examples.contradicts.length < 3)
      .map((c) => c.claim.id);
    expect(thin).toEqual([]);
  });
});

describe('the lexicon', () => {
  // A one-claim registry of its own, with its own lexicon beside it.
  const claim = (phrase: string, extra = '') => demoClaim({ all: '{account}', any: '{stop}', kept: phrase, gone: '{gone}', extra });
  const lexicon = `concepts:
  account: { means: 账户, words: [账户余额] }
  stop: { means: 停缴, words: [停缴] }
  kept: { means: 保留, words: [保留], opposite: gone }
  gone: { means: 清零, words: [清零], opposite: kept }
  spare: { means: 无人使用, words: [备用] }
`;
  const write = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-lexicon-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  };

  it('expands {concept} references, and warns about a concept no claim uses', () => {
    const dir = write({ 'lexicon.yaml': lexicon, 'demo.yaml': claim('{kept}') });
    const loaded = loadRegistry(dir, dir);
    if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('; '));
    expect(selfTest(loaded.registry, loadCues()).failures).toEqual([]);
    expect(loaded.registry.warnings.map((w) => `${w.file}:${w.line} ${w.message}`)).toEqual(['lexicon.yaml:6 concept "spare" is not used by any claim']);
  });

  it('reports an unknown concept at the pattern that uses it', () => {
    const dir = write({ 'lexicon.yaml': lexicon, 'demo.yaml': claim('{kept-forever}') });
    const loaded = loadRegistry(dir, dir);
    expect(loaded.ok ? [] : loaded.problems.map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([
      'demo.yaml:15 unknown concept {kept-forever}: not defined in the lexicon (lexicon.yaml)',
    ]);
  });

  it('rejects a phrasing two opposite concepts share', () => {
    const dir = write({ 'lexicon.yaml': lexicon.replace('words: [保留]', 'words: [保留, 清零]'), 'demo.yaml': claim('{kept}') });
    const loaded = loadRegistry(dir, dir);
    expect(loaded.ok ? [] : loaded.problems.map((p) => p.message)).toEqual(['“清零” is also a phrasing of the opposite concept "gone"']);
  });

  it('warns about an exception without a source', () => {
    const extra = `    exceptions:\n      - { id: abroad, label: 出国定居, when: ['出国'] }\n`;
    const dir = write({ 'lexicon.yaml': lexicon.replace(/ {2}spare.*\n/, ''), 'demo.yaml': claim('{kept}', extra) });
    const loaded = loadRegistry(dir, dir);
    if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('; '));
    expect(loaded.registry.warnings.map((w) => w.message)).toEqual([
      'exception "abroad" has no source: cite its document, or mark it `confidence: medium` with a note saying why none was found',
    ]);
  });

  it('still reports an exception marked unverified, saying it was marked', () => {
    const extra = `    exceptions:\n      - { id: abroad, label: 出国定居, when: ['出国'], confidence: low, notes: only city handbooks say so }\n`;
    const dir = write({ 'lexicon.yaml': lexicon.replace(/ {2}spare.*\n/, ''), 'demo.yaml': claim('{kept}', extra) });
    const loaded = loadRegistry(dir, dir);
    if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('; '));
    expect(loaded.registry.warnings.map((w) => w.message)).toEqual(['exception "abroad" has no source (marked confidence low: unverified)']);
  });

  it('warns when an alternative of the subject pattern has no two-character word, which switches the scan gate off', () => {
    // 那8年 / 这十年 hold only one-character literals (那, 这, 年) around a number.
    const demo = demoClaim({ all: '{account}|(?:那|这)[0-9]+年', any: '{stop}', kept: '{kept}', gone: '{gone}' });
    const dir = write({ 'lexicon.yaml': lexicon.replace(/ {2}spare.*\n/, ''), 'demo.yaml': demo });
    const loaded = loadRegistry(dir, dir);
    if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('; '));
    expect(loaded.registry.scanGate).toBeUndefined();
    expect(loaded.registry.warnings.map((w) => w.message)).toEqual([
      'claim "demo.balance": an alternative of its first context.all pattern holds no fixed word of two or more characters, so sentences can no longer be skipped before the regexes run (every check is slower); give each alternative such a word',
    ]);
  });

  it('rejects an exception confidence outside high, medium and low', () => {
    const extra = `    exceptions:\n      - { id: abroad, label: 出国定居, when: ['出国'], confidence: unsure }\n`;
    const dir = write({ 'lexicon.yaml': lexicon.replace(/ {2}spare.*\n/, ''), 'demo.yaml': claim('{kept}', extra) });
    const loaded = loadRegistry(dir, dir);
    expect(loaded.ok).toBe(false);
  });
});

describe('patterns that would hang or break the registry', () => {
  const one = (phrase: string) => demoClaim({ all: '账户余额', kept: '保留', gone: phrase });
  const problems = (phrase: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-hazard-'));
    writeFileSync(join(dir, 'demo.yaml'), one(phrase));
    const loaded = loadRegistry(dir, dir);
    return loaded.ok ? [] : loaded.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`);
  };

  it('rejects nested unbounded quantifiers at the phrase, before anything runs', () => {
    expect(problems('清零|(余+)+$')).toEqual([expect.stringMatching(/^demo\.yaml:15:\d+ nested unbounded quantifiers \(“余\+” inside “\(余\+\)\+”\)/)]);
    expect(problems('清零|(.*)*额$')).toEqual([expect.stringMatching(/^demo\.yaml:15:\d+ nested unbounded quantifiers/)]);
    // Bounded repetition inside a star is fine.
    expect(problems('清零|(?:(?![不没])[^，]){0,20}?清空')).toEqual([]);
  });

  it('rejects a named group, which would clash once phrases are joined', () => {
    expect(problems('(?<v>清零)')).toEqual([expect.stringMatching(/^demo\.yaml:15:\d+ named group \(\?<v>…\) is not allowed/)]);
  });
});
