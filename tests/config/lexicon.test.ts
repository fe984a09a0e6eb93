// `lexicon:` in claimlint.config.yaml replaces the lexicon a registry is read with.
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers/cli.js';
import { demoClaim } from '../helpers/demo-registry.js';

const claim = demoClaim({ all: '{account}', any: '停缴', kept: '保留', gone: '{gone}' });
const lexicon = (gone: string) => `concepts:\n  account: { means: 账户, words: [账户余额] }\n  gone: { means: 清零, words: [${gone}] }\n`;

describe('a lexicon named in config', () => {
  it('is the one the registry is read with', () => {
    const dir = tempTree({
      'claims/demo.yaml': claim,
      // Beside the claims: would be used without the config key.
      'claims/lexicon.yaml': lexicon('清零'),
      'words/lexicon.yaml': lexicon('清零, 归零'),
      'claimlint.config.yaml': 'registry: claims\nlexicon: words/lexicon.yaml\n',
      'a.md': '# 停缴\n\n停缴以后，账户余额会归零。\n',
    });
    expect(runCli(['registry', 'validate'], dir).stdout).toContain('2 concepts in words/lexicon.yaml');
    // 归零 is a phrasing only the configured lexicon has.
    const r = runCli(['check', 'a.md', '--format', 'json', '--as-of', '2026-12-01'], dir);
    const findings = (JSON.parse(r.stdout) as { findings: { ruleId: string; claimId?: string }[] }).findings;
    expect(findings.filter((f) => f.ruleId === 'claim-contradiction').map((f) => f.claimId)).toEqual(['demo.balance']);
  });
});
