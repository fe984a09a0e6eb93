// The literal guards of registry and cue patterns against the real scraped
// pages in ../shared/samples (acceptance suite).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { patternLiterals } from '../../src/registry/literals.js';
import { loadRegistry } from '../../src/registry/load.js';
import { loadCues } from '../../src/extract/cues.js';
import { repoRoot as root } from '../helpers/cli.js';
import { samplesDir } from '../helpers/acceptance.js';

describe('soundness over the bundled registry and cues, on the real scraped samples', () => {
  // Every pattern the extractor guards, against real sentences: a matching
  // sentence must have every needed list, and an exact list must agree with the regex.
  const loaded = loadRegistry(resolve(root, 'claims'), root);
  if (!loaded.ok) throw new Error('registry invalid');
  const cues = loadCues();
  const patterns: RegExp[] = [];
  for (const c of loaded.registry.claims) {
    patterns.push(...c.all, ...c.values.map((v) => v.phrases));
    for (const p of [...(c.claim.context.any ?? []), ...(c.claim.context.none ?? [])]) patterns.push(new RegExp(p, 'u'));
  }
  for (const [name, re] of Object.entries(cues)) if (name !== 'guards') patterns.push(re as RegExp);
  const texts: string[] = [];
  for (const f of readdirSync(samplesDir)) texts.push(...readFileSync(join(samplesDir, f), 'utf8').split(/(?<=[。！？\n])/));
  for (const c of loaded.registry.claims) texts.push(...c.claim.examples.supports, ...c.claim.examples.contradicts, ...c.claim.examples.unrelated);

  it('never rules out a sentence a pattern matches', () => {
    const wrong: string[] = [];
    let matches = 0;
    for (const re of patterns) {
      const { exact, needs: lists } = patternLiterals(re.source, re.flags);
      const test = new RegExp(re.source, re.flags.replace('g', ''));
      for (const t of texts) {
        const m = test.test(t);
        if (m) matches++;
        if (exact && m !== exact.some((s) => t.includes(s))) wrong.push(`exact ${re.source.slice(0, 40)}: ${t}`);
        if (m) for (const n of lists) if (!n.some((s) => t.includes(s))) wrong.push(`needs ${re.source.slice(0, 40)}: ${t}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(matches).toBeGreaterThan(500);
  });
});
