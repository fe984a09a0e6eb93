import { describe, expect, it } from 'vitest';
import { runFileRules, type RuleSettings } from '../../src/kernel/run-rules.js';
import type { FileRule, RuleHandlers } from '../../src/kernel/rule.js';
import { parseMarkdown } from '../../src/parse/markdown.js';
import { LineIndex } from '../../src/text/position.js';
import type { Registry } from '../../src/registry/types.js';

const text = '# 标题\n\n第一句。第二句。\n';
const { article } = parseMarkdown({ path: 'a.md', text, encoding: 'utf-8', format: 'markdown' });

/** A rule that logs each hook it is given, and reports on every sentence when asked to. */
function rule(id: string, hooks: (keyof RuleHandlers)[], log: string[], reportSentences = false): FileRule {
  return {
    meta: { id, type: 'problem', defaultSeverity: 'warning', description: id, docs: id },
    scope: 'file',
    create(ctx) {
      log.push(`${id}:create`);
      const h: RuleHandlers = {};
      if (hooks.includes('article')) h.article = () => void log.push(`${id}:article`);
      if (hooks.includes('unit')) h.unit = (u) => void log.push(`${id}:unit${u.index}`);
      if (hooks.includes('sentence'))
        h.sentence = (s) => {
          log.push(`${id}:${s.text}`);
          if (reportSentences && !s.isTitle) ctx.report({ messageId: 'input.empty', node: s, ...(s.text === '第二句。' ? { severity: 'error' as const } : {}) });
        };
      if (hooks.includes('articleEnd')) h.articleEnd = () => void log.push(`${id}:end`);
      return h;
    },
  };
}

const run = (rules: FileRule[], settings: RuleSettings = new Map()) =>
  runFileRules(rules, settings, { file: 'a.md', article, lines: new LineIndex(text), registry: {} as Registry, asOf: { date: '2026-01-01', year: 2026 }, verdicts: [] });

describe('runFileRules', () => {
  it('creates every enabled rule first, then calls each hook in document order, rules in order within it', () => {
    const log: string[] = [];
    run([rule('a', ['unit', 'sentence', 'articleEnd'], log), rule('off', ['article'], log), rule('b', ['article', 'sentence'], log)], new Map([['off', { enabled: false, options: {} }]]));
    expect(log).toEqual([
      'a:create', 'b:create',
      'b:article',
      'a:unit0', 'a:unit1',
      'a:标题', 'b:标题', 'a:第一句。', 'b:第一句。', 'a:第二句。', 'b:第二句。',
      'a:end',
    ]);
  });

  it('gives findings the reported severity unless the config fixes one', () => {
    const own = run([rule('a', ['sentence'], [], true)]);
    expect(own.map((f) => [f.excerpt, f.severity, f.line, f.column])).toEqual([
      ['第一句。', 'warning', 3, 1],
      ['第二句。', 'error', 3, 5],
    ]);
    const fixed = run([rule('a', ['sentence'], [], true)], new Map([['a', { enabled: true, severity: 'info', options: {} }]]));
    expect(fixed.map((f) => f.severity)).toEqual(['info', 'info']);
  });
});

describe('severity from config', () => {
  const node = { text: '例句', span: { start: 0, end: 2 } };
  it('replaces the rule’s own severity, but never raises a ceiling', async () => {
    const { effectiveSeverity } = await import('../../src/kernel/run-rules.js');
    expect(effectiveSeverity(undefined, { messageId: 'input.empty', node, severity: 'warning' }, 'error')).toBe('warning');
    expect(effectiveSeverity('error', { messageId: 'input.empty', node, severity: 'warning' }, 'error')).toBe('error');
    // An unanswered question stays an info under `claim-contradiction: error` …
    expect(effectiveSeverity('error', { messageId: 'input.empty', node, severity: 'info', ceiling: true }, 'error')).toBe('info');
    // … and config can still lower it.
    expect(effectiveSeverity('warning', { messageId: 'input.empty', node, severity: 'error', ceiling: true }, 'error')).toBe('warning');
  });
});
