// The run's stages (src/engine/run.ts): fact records are read only when a
// corpus rule compares them, and skipping them changes no other finding.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { check } from '../../src/engine/run.js';
import { factsNeeded } from '../../src/engine/setup.js';

const asOf = '2026-11-22';

const root = resolve(import.meta.dirname, '..', '..');
// Two bundled articles that give the same fact different values: a corpus conflict of fact records.
const paths = ['corpus/conflict-foshan-outpatient-2025.md', 'corpus/conflict-foshan-outpatient-faq.md'];

/** A config file of its own (its registry the bundled one), for a run over the two articles. */
function withConfig(config: string) {
  const dir = mkdtempSync(join(tmpdir(), 'claimlint-stages-'));
  const configPath = join(dir, 'claimlint.config.yaml');
  writeFileSync(configPath, `registry: ${JSON.stringify(join(root, 'claims'))}\n${config}`);
  return { cwd: root, paths, asOf, configPath };
}

describe('run stages', () => {
  it('read facts only when corpus-conflict compares them', async () => {
    const on = await check(withConfig(''));
    const off = await check(withConfig('rules:\n  corpus-conflict: off\n'));
    const noFacts = await check(withConfig('rules:\n  corpus-conflict:\n    options: { facts: false }\n'));
    const forced = await check({ ...withConfig('rules:\n  corpus-conflict: off\n'), facts: true });
    expect(on.analyses.some((a) => a.facts.length > 0)).toBe(true);
    expect(off.analyses.every((a) => a.facts.length === 0)).toBe(true);
    expect(noFacts.analyses.every((a) => a.facts.length === 0)).toBe(true);
    expect(forced.analyses.map((a) => a.facts.length)).toEqual(on.analyses.map((a) => a.facts.length));
    // Without the facts, every finding but corpus-conflict's is the same.
    const others = (o: typeof on) => JSON.stringify(o.result.findings.filter((f) => f.ruleId !== 'corpus-conflict'));
    expect(on.result.findings.some((f) => f.ruleId === 'corpus-conflict')).toBe(true);
    expect(others(off)).toBe(others(on));
    expect(JSON.stringify(noFacts.result.findings.filter((f) => f.ruleId !== 'corpus-conflict'))).toBe(others(on));
  });

  it('factsNeeded follows the rule setting and its facts option', () => {
    expect(factsNeeded(new Map())).toBe(true);
    expect(factsNeeded(new Map([['corpus-conflict', { enabled: false, options: {} }]]))).toBe(false);
    expect(factsNeeded(new Map([['corpus-conflict', { enabled: true, options: { facts: false } }]]))).toBe(false);
    expect(factsNeeded(new Map([['corpus-conflict', { enabled: true, options: { registryClaims: false } }]]))).toBe(true);
  });
});
