// The quantity pre-check against the real scraped pages in ../shared/samples
// (acceptance suite): on every line and sentence, the fast path and the full
// scan find the same quantities.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findQuantities, scanQuantities } from '../../src/extract/quantity.js';
import { samplesDir } from '../helpers/acceptance.js';

describe('mayHoldQuantity on the real scraped samples', () => {
  it('changes nothing findQuantities finds', () => {
    const texts: string[] = [];
    for (const f of readdirSync(samplesDir)) texts.push(...readFileSync(join(samplesDir, f), 'utf8').split(/\n|。/));
    const wrong = texts.filter((t) => JSON.stringify(findQuantities(t, 7)) !== JSON.stringify(scanQuantities(t, 7)));
    expect(wrong).toEqual([]);
    // The pages hold quantities (so the comparison means something).
    expect(texts.filter((t) => scanQuantities(t).length > 0).length).toBeGreaterThan(20);
  });
});
