// claim-contradiction reports a statement once: a question and the answer
// right after it are read twice (as an answered question, and as the answer),
// and both readings may assert the same wrong value.
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers/cli.js';

interface Finding { ruleId: string; claimId?: string; line: number; severity: string }

function contradictions(text: string): Finding[] {
  const dir = tempTree({ 'a.md': `${text}\n` });
  const r = runCli(['check', 'a.md', '--format', 'json', '--as-of', '2026-12-01'], dir);
  const findings = (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
  return findings.filter((f) => f.ruleId === 'claim-contradiction');
}

describe('claim-contradiction', () => {
  it('reports a question and its answer asserting the same value once', () => {
    // The question, answered 不能, says one cannot settle directly; the answer says so again (全额垫付).
    const got = contradictions('备案以后去外省住院能直接结算吗？不能，还是得全额垫付，回去再报。');
    expect(got.map((f) => `${f.claimId} ${f.severity}`)).toEqual(['cross-region.filing error']);
  });

  it('still reports a later sentence that repeats the wrong value on its own', () => {
    // Question + short answer, then a separate statement of the same wrong value.
    const got = contradictions('在外省住院能直接结算吗？不能。去外省看病只能先垫付再回参保地报销。');
    expect(got.map((f) => f.claimId)).toEqual(['cross-region.filing', 'cross-region.filing']);
  });
});
