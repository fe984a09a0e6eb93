import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { applyBaseline, parseBaseline, serialiseBaseline } from '../../src/ci/baseline.js';
import { finalise, toFinding } from '../../src/kernel/messages.js';
import { LineIndex } from '../../src/text/position.js';

const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);
const lines = new LineIndex('同一句。\n');
const raw = (file: string) =>
  toFinding('claim-contradiction', 'error', file, lines, { messageId: 'input.empty', node: { text: '同一句。', span: { start: 0, end: 4 } }, claimId: 'c' }, () => undefined);
/** What claimlint wrote as the fingerprint before the path was part of it: rule, claim, sentence, range, occurrence. */
const oldFingerprint = sha('claim-contradiction\u0000c\u0000同一句\u0000同一句\u00001');

describe('baseline files', () => {
  it('writes version 2 with the findings’ own fingerprints', () => {
    const findings = finalise([raw('b.md'), raw('a.md')]);
    const written = JSON.parse(serialiseBaseline(findings)) as { version: number; findings: { file: string; fingerprint: string }[] };
    expect(written.version).toBe(2);
    expect(written.findings.map((e) => e.file)).toEqual(['a.md', 'b.md']);
    expect(written.findings[0]!.fingerprint).toBe(findings[0]!.fingerprint);
  });

  it('reads a version 1 file by converting each entry with its file, so old entries still match', () => {
    const v1 = {
      version: 1,
      findings: [
        { file: 'a.md', ruleId: 'claim-contradiction', fingerprint: oldFingerprint, line: 1, excerpt: '同一句。' },
        { file: 'gone.md', ruleId: 'claim-contradiction', fingerprint: oldFingerprint, line: 1, excerpt: '同一句。' },
      ],
    };
    const baseline = parseBaseline(v1);
    expect(baseline.converted).toBe(true);
    expect(baseline.findings[0]!.fingerprint).toBe(sha(`a.md\u0000${oldFingerprint}`));
    const split = applyBaseline(finalise([raw('a.md'), raw('b.md')]), baseline);
    // a.md was recorded; b.md has the same sentence but is another file, so it is new.
    expect(split.fresh.map((f) => f.file)).toEqual(['b.md']);
    expect(split.known).toBe(1);
    expect(split.gone).toBe(1);
  });

  it('reads version 2 as it is and rejects other files with a reason', () => {
    const findings = finalise([raw('a.md')]);
    const v2 = parseBaseline(JSON.parse(serialiseBaseline(findings)));
    expect(v2.converted).toBeUndefined();
    expect(applyBaseline(findings, v2).fresh).toEqual([]);
    expect(() => parseBaseline({ version: 3, findings: [] })).toThrow(/version 1 or 2/);
    expect(() => parseBaseline({ version: 2, findings: [{ file: 'a.md' }] })).toThrow(/entry 1 has no file or fingerprint/);
  });
});
