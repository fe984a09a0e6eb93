// {clause-end}, the one definition of where a clause ends (src/text/clause-end.ts):
// clause punctuation, the end of the text, or a closing quote or bracket. A phrase
// that must close its clause is read inside a quoted report or a bracketed aside.
// Sentences written for the cues work of 2026-12-07.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAUSE_END, expandClauseEnd } from '../../src/text/clause-end.js';
import { expandPlaceholders } from '../../src/registry/patterns.js';
import { loadLexicon } from '../../src/registry/lexicon.js';
import { loadCues } from '../../src/extract/cues.js';
import { levelOfPage } from '../helpers/levels.js';

describe('the clause-end lookahead', () => {
  const re = new RegExp(`可以转${CLAUSE_END}`, 'u');

  it('holds before clause punctuation, the end, and a closing quote or bracket', () => {
    for (const text of ['可以转，', '可以转。', '可以转；', '可以转！', '可以转', '可以转 ，', '“可以转”', '「可以转」', '（可以转）', '(可以转)', '"可以转"', '‘可以转’']) {
      expect(re.test(text), text).toBe(true);
    }
  });

  it('does not hold where the clause goes on', () => {
    for (const text of ['可以转到外地', '可以转吗', '可以转走', '“可以转到外地”']) expect(re.test(text), text).toBe(false);
  });

  it('is one placeholder for registry phrases, lexicon patterns and cue patterns', () => {
    expect(expandPlaceholders('转{clause-end}')).toBe(`转${CLAUSE_END}`);
    expect(expandClauseEnd('转{clause-end}|走{clause-end}')).toBe(`转${CLAUSE_END}|走${CLAUSE_END}`);
    // {2,3} and a concept reference are no placeholder.
    expect(expandClauseEnd('[0-9]{2,3}{lapse}')).toBe('[0-9]{2,3}{lapse}');
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-clause-end-'));
    writeFileSync(join(dir, 'lexicon.yaml'), "concepts:\n  take-out:\n    means: 取出来\n    patterns: ['(?:能|可以)取{clause-end}']\n");
    const loaded = loadLexicon(join(dir, 'lexicon.yaml'), dir);
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(loaded.lexicon.concepts.get('take-out')?.source).toContain(CLAUSE_END);
  });

  it('is expanded in the cue lists too', () => {
    const cues = loadCues();
    expect(cues.rhetorical?.source).toContain(CLAUSE_END);
    expect(cues.rhetorical?.test('谁说不是呢”')).toBe(true);
    expect(cues.endorseAll.source).not.toContain('{clause-end}');
  });
});

describe('a phrase closing a quotation is read', () => {
  // A report in quotes and an endorsement after it: the writer asserts the report (an error).
  it.each([
    ['transfer.retiree', '网上有人说“退休以后医保关系照样能转”，确实如此。'],
    ['personal-account.no-cash-withdrawal', '网传“个人账户的钱随时可以取”，确实是这样。'],
    ['lapse.waiting-period', '群里都在传“职工医保断缴以后恢复待遇得再等一年”，我同事就是这样的。'],
  ])('an endorsed rumour in quotes (%s): %s', (claimId, text) => {
    expect(levelOfPage(text, claimId)).toBe('error');
  });

  // The same report called false: nothing wrong is asserted.
  it.each([
    ['transfer.retiree', '网上有人说“退休以后医保关系照样能转”的说法不对。'],
    ['transfer.retiree', '网上有人说“退休以后医保关系照样能转”，这是谣言。'],
    ['lapse.waiting-period', '有人说“职工医保断缴超过三个月，恢复待遇要等九个月”，这种说法不对。'],
  ])('a refuted rumour in quotes stays below an error (%s): %s', (claimId, text) => {
    expect(['supported', 'none']).toContain(levelOfPage(text, claimId));
  });

  it('the refuted one supports the claim when its report noun calls it wrong', () => {
    expect(levelOfPage('网上有人说“退休以后医保关系照样能转”的说法不对。', 'transfer.retiree')).toBe('supported');
  });

  it('a figure closing a bracketed aside is the writer’s own statement', () => {
    // 须再等待9个月: a fixed wait beyond the six-month ceiling, stated plainly in brackets.
    expect(levelOfPage('温馨提示：职工医保断缴超过3个月后再续保，待遇不会马上恢复（须再等待9个月）。', 'lapse.waiting-period')).toBe('error');
  });

  it('a quoted question is still a question', () => {
    expect(levelOfPage('“退休了医保还能跟着转吗？”这是很多老人关心的问题。', 'transfer.retiree')).toBe('none');
  });
});
