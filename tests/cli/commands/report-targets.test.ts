import { describe, expect, it } from 'vitest';
import { fullReportFor, type Target } from '../../../src/cli/commands/check.js';

describe('the full report named by the github notice and the markdown summary', () => {
  const summary: Target = { format: 'markdown', file: 'step-summary.md' };
  const sarif: Target = { format: 'sarif', file: 'claimlint.sarif' };
  const github: Target = { format: 'github' };

  it('is the other file that lists every finding, whatever order the formats come in', () => {
    for (const order of [
      [summary, sarif, github],
      [github, summary, sarif],
      [sarif, github, summary],
    ]) {
      expect(fullReportFor(summary, order)).toBe('claimlint.sarif');
      expect(fullReportFor(github, order)).toBe('claimlint.sarif');
    }
  });

  it('is never the target’s own file, nor a markdown summary (it is cut), nor a log on stdout', () => {
    expect(fullReportFor(summary, [summary, github])).toBeUndefined();
    expect(fullReportFor(github, [github, summary])).toBeUndefined();
    expect(fullReportFor(sarif, [sarif])).toBeUndefined();
  });

  it('prefers the HTML page, then SARIF, then JSON', () => {
    const json: Target = { format: 'json', file: 'r.json' };
    const html: Target = { format: 'html', file: 'r.html' };
    expect(fullReportFor(summary, [json, sarif, html, summary])).toBe('r.html');
    expect(fullReportFor(summary, [json, sarif, summary])).toBe('claimlint.sarif');
    expect(fullReportFor(summary, [json, summary])).toBe('r.json');
  });
});
