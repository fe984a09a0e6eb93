import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { excerpt, finalise, toFinding, type RawFinding } from '../../src/kernel/messages.js';
import { LineIndex } from '../../src/text/position.js';
import type { ReportDescriptor } from '../../src/kernel/rule.js';
import { msg } from '../../src/i18n/message.js';

const TEXT = '第一行\n职工医保，个人账户。\n';
const lines = new LineIndex(TEXT);
// '第一行\n' is 4 characters, so the sentence is [4, 14).
const sentence = { text: '职工医保，个人账户。', span: { start: 4, end: 14 } };
const noRelated = () => undefined;

describe('toFinding', () => {
  it('turns a node-relative range into lines and columns, fields in output order', () => {
    const d: ReportDescriptor = { messageId: 'input.empty', node: sentence, range: [5, 9], claimId: 'c1' };
    const f = toFinding('rule-a', 'warning', 'a.md', lines, d, noRelated);
    // 个人账户 is at offsets 9–13: line 2, columns 6–10 (end exclusive).
    expect(f).toMatchObject({ line: 2, column: 6, endLine: 2, endColumn: 10, excerpt: '职工医保，个人账户。' });
    expect(Object.keys(f)).toEqual([
      'ruleId', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'excerpt', 'claimId', 'context', 'highlight', 'messageRef', 'fingerprintBase',
    ]);
  });

  it('gives the whole sentence as context when the span is part of it, and none when it is the sentence', () => {
    const part = toFinding('r', 'warning', 'a.md', lines, { messageId: 'input.empty', node: sentence, range: [5, 9] }, noRelated);
    // The sentence is offsets 4–14: line 2, columns 1–11.
    expect(part.context).toEqual({ line: 2, column: 1, endLine: 2, endColumn: 11 });
    const whole = toFinding('r', 'warning', 'a.md', lines, { messageId: 'input.empty', node: sentence }, noRelated);
    expect(whole).not.toHaveProperty('context');
  });

  it('builds the fingerprint base from rule, claim and the sentence and range without whitespace or punctuation', () => {
    const f = toFinding('rule-a', 'warning', 'a.md', lines, { messageId: 'input.empty', node: sentence, range: [5, 9], claimId: 'c1' }, noRelated);
    expect(f.fingerprintBase).toBe('rule-a\u0000c1\u0000职工医保个人账户\u0000个人账户');
    // Astral punctuation (U+10100) goes too; an emoji is a symbol, not punctuation, and stays.
    const g = toFinding('r', 'info', 'a.md', lines, { messageId: 'input.empty', node: { text: 'A \u{10100} b， 😀。', span: { start: 0, end: 11 } } }, noRelated);
    expect(g.fingerprintBase).toBe('r\u0000\u0000Ab😀\u0000Ab😀');
  });

  it('adds optional fields only when set and resolves related locations in other files', () => {
    const other = new LineIndex('x\ny\n');
    const there = msg('corpus-conflict.related-value', { value: 'there' });
    const d: ReportDescriptor = {
      messageId: 'input.empty',
      node: sentence,
      expected: '70%',
      related: [
        { file: 'b.md', span: { start: 2, end: 3 }, excerpt: ' y ', message: there },
        { file: 'gone.md', span: { start: 0, end: 1 }, excerpt: 'z' },
      ],
    };
    const f = toFinding('r', 'error', 'a.md', lines, d, (file) => (file === 'b.md' ? other : undefined));
    expect('claimId' in f).toBe(false);
    expect('source' in f).toBe(false);
    expect(f.expected).toBe('70%');
    expect(f.related).toEqual([{ file: 'b.md', line: 2, column: 1, endLine: 2, endColumn: 2, excerpt: 'y', message: 'there', messageRef: there }]);
  });
});

describe('excerpt', () => {
  it('collapses whitespace runs, trims, and cuts long text with an ellipsis', () => {
    expect(excerpt('  职工\n\n医保\u3000 个人账户  ')).toBe('职工 医保 个人账户');
    expect(excerpt('医保')).toBe('医保');
    const long = '医'.repeat(300);
    expect(excerpt(long)).toBe(`${'医'.repeat(239)}…`);
  });
});

describe('finalise', () => {
  const raw = (file: string, line: number, ruleId = 'r'): RawFinding =>
    toFinding(ruleId, 'warning', file, new LineIndex('a\n'.repeat(10)), { messageId: 'input.empty', node: { text: '同一句。', span: { start: (line - 1) * 2, end: (line - 1) * 2 + 1 } } }, noRelated);
  const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);
  /** The recipe written out: the content fingerprint (rule, claim, sentence, occurrence), then hashed with the file path. */
  const hash = (base: string, n: number, file: string) => sha(`${file}\u0000${sha(`${base}\u0000${n}`)}`);

  it('sorts by file, line and rule, and numbers repeats of a sentence per file in the fingerprint', () => {
    const out = finalise([raw('b.md', 1), raw('a.md', 3), raw('a.md', 1, 'z'), raw('a.md', 1)]);
    expect(out.map((f) => [f.file, f.line, f.ruleId])).toEqual([
      ['a.md', 1, 'r'],
      ['a.md', 1, 'z'],
      ['a.md', 3, 'r'],
      ['b.md', 1, 'r'],
    ]);
    const base = 'r\u0000\u0000同一句\u0000同一句';
    // The second 'r' finding on the same sentence in a.md is occurrence 2; b.md starts again at 1.
    expect(out[0]!.fingerprint).toBe(hash(base, 1, 'a.md'));
    expect(out[2]!.fingerprint).toBe(hash(base, 2, 'a.md'));
    expect(out[3]!.fingerprint).toBe(hash(base, 1, 'b.md'));
    expect(out[1]!.fingerprint).toBe(hash('z\u0000\u0000同一句\u0000同一句', 1, 'a.md'));
  });

  it('gives the same sentence in two files two fingerprints (GitLab and code scanning would merge them)', () => {
    const [a, b] = finalise([raw('a.md', 1), raw('b.md', 1)]);
    expect(a!.fingerprint).not.toBe(b!.fingerprint);
  });

  it('writes the path with forward slashes and without ./, so a Windows run matches', () => {
    const [posix] = finalise([raw('corpus/a.md', 1)]);
    const [windows] = finalise([raw('corpus\\a.md', 1)]);
    const [dotted] = finalise([raw('./corpus/a.md', 1)]);
    expect(windows!.fingerprint).toBe(posix!.fingerprint);
    expect(dotted!.fingerprint).toBe(posix!.fingerprint);
  });

  it('drops the internal fields and puts the fingerprint last', () => {
    const [f] = finalise([raw('a.md', 2)]);
    // messageRef stays (the message re-rendered in another language); it is not in the JSON contract.
    expect(Object.keys(f!)).toEqual(['ruleId', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'excerpt', 'messageRef', 'fingerprint']);
  });
});
