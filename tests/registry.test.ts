import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadRegistry } from '../src/registry/load.js';
import { selfTest } from '../src/registry/selftest.js';
import { loadCues } from '../src/extract/cues.js';

const root = resolve(import.meta.dirname, '..');

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
