// The literal guards of registry and cue patterns against the real scraped
// pages in ../shared/samples (acceptance suite).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guardedPatterns, literalMismatches, registryExamples } from '../helpers/literal-soundness.js';
import { samplesDir } from '../helpers/acceptance.js';

describe('soundness over the bundled registry and cues, on the real scraped samples', () => {
  it('never rules out a sentence a pattern matches', () => {
    const texts: string[] = [];
    for (const f of readdirSync(samplesDir)) texts.push(...readFileSync(join(samplesDir, f), 'utf8').split(/(?<=[。！？\n])/));
    const { wrong, matches } = literalMismatches(guardedPatterns(), [...texts, ...registryExamples()]);
    expect(wrong).toEqual([]);
    expect(matches).toBeGreaterThan(500);
  });
});
