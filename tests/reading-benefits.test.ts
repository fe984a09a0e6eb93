import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadRegistry } from '../src/registry/load.js';
import { loadCues } from '../src/extract/cues.js';
import { extractClaims } from '../src/extract/claims.js';
import type { Registry } from '../src/registry/types.js';

// Reading classes met on the benefits/access/resident claims (issues 8 and 15):
// each case is a sentence written for the class, its expectation read off the sentence.
const root = resolve(import.meta.dirname, '..');
const loaded = loadRegistry(resolve(root, 'claims'), root);
if (!loaded.ok) throw new Error('bundled registry invalid');
const registry: Registry = loaded.registry;
const cues = loadCues();

function read(text: string, claimId: string) {
  return extractClaims(registry, cues, { text, span: { start: 0, end: text.length } }, {}, { file: 't.md', unitIndex: 0 }).filter((r) => r.claimId === claimId);
}
const kinds = (text: string, claimId: string) => read(text, claimId).flatMap((r) => (r.conditions ?? []).map((c) => c.kind));

describe('the past told as the past', () => {
  it.each([
    ['老规定下，去外省住院得先自己垫钱，出院后拿着发票回参保地报销。', 'cross-region.filing'],
    ['那会儿跨省还没联网，在外地看病都是先垫付，回来再报。', 'cross-region.filing'],
    ['以前在外省住院要先自费，再回户籍地报销。', 'cross-region.filing'],
    ['那会儿厂里退休的老职工，医疗保险费也得接着交。', 'contributions.retirement-no-contribution'],
    ['老规定下，居民医保连续参保多少年，大病保险待遇都一样。', 'resident-insurance.continuous-incentive'],
  ])('%s is about the past', (text, claim) => {
    expect(read(text, claim).length).toBeGreaterThan(0);
    expect(kinds(text, claim)).toContain('past');
  });

  it('以前 of one person’s own history (以前在北京交了八年) is not the past rule', () => {
    expect(kinds('以前在北京交了八年医保，转到天津后这八年不算。', 'transfer.contribution-years')).not.toContain('past');
  });

  it('a sentence led by 都说 passes a rumour on; 老黄历 after it refutes it', () => {
    expect(read('都说到外地看病医保不给报。', 'cross-region.filing').map((r) => [r.value, r.framing])).toEqual([['home-only', 'rumour']]);
    // Refuted, the rumour leaves no record; only the correction is read.
    expect(read('都说到外地看病医保不给报，这是老黄历了，现在备案后就能直接结算。', 'cross-region.filing').map((r) => r.value)).toEqual(['settles']);
  });
});
