// `claimlint registry coverage`: per claim, the sentences about its subject,
// how many had a value read, and the unread ones grouped by wording.
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers/cli.js';

const article = (title: string, ...body: string[]) => `---\ntitle: ${title}\n---\n\n${body.join('\n\n')}\n`;

interface Coverage {
  claims: { claimId: string; about: number; read: number; unread: { text: string; count: number; places: { file: string; line: number }[] }[] }[];
}

describe('registry coverage', () => {
  const dir = tempTree({
    'a.md': article(
      '停缴以后个人账户怎么办',
      // Read: the balance is said to be kept.
      '停缴以后，个人账户里的钱不会清零。',
      // About the subject (账户里的钱 + 停缴), but no value phrase the claim knows.
      '停缴3个月以后，个人账户里的钱会被冻住。',
      '停缴6个月以后，个人账户里的钱会被冻住。',
    ),
    'b.md': article('辞职以后的医保', '辞职以后，个人账户里的钱会被冻住。'),
  });

  it('counts the sentences about a claim and the ones read, and groups the unread by wording', () => {
    const r = runCli(['registry', 'coverage', '--format', 'json', 'a.md', 'b.md'], dir);
    expect(r.code).toBe(0);
    const c = (JSON.parse(r.stdout) as Coverage).claims.find((x) => x.claimId === 'personal-account.balance-after-lapse')!;
    expect(c.read).toBe(1);
    expect(c.about).toBeGreaterThanOrEqual(4);
    // 停缴3个月… and 停缴6个月… differ only in a digit: one group of two, before the single one.
    expect(c.unread[0]).toMatchObject({ count: 2, text: '停缴3个月以后，个人账户里的钱会被冻住。' });
    expect(c.unread[0]!.places).toEqual([
      { file: 'a.md', line: 7 },
      { file: 'a.md', line: 9 },
    ]);
    expect(c.unread.map((g) => g.text)).toContain('辞职以后，个人账户里的钱会被冻住。');
  });

  it('prints a stylish report and rejects an unknown format', () => {
    const r = runCli(['registry', 'coverage', 'a.md', 'b.md', '--limit', '1'], dir);
    expect(r.stdout).toMatch(/personal-account\.balance-after-lapse {2}停缴后个人账户余额\n {2}\d+ sentences about it, 1 read/);
    expect(r.stdout).toMatch(/ {2}2× {2}停缴3个月以后/);
    expect(runCli(['registry', 'coverage', '--format', 'xml', 'a.md'], dir).code).toBe(2);
  });
});
