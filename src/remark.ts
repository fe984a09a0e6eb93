// `claimlint/remark`: claimlint as a unified plugin, for teams that already run
// remark or remark-lint. It lints the file's text as `claimlint check` would
// lint that one file and adds each finding to the VFile as a message (error →
// fatal, warning → not fatal, info → fatal undefined, as remark-lint does), so
// vfile-reporter and remark-cli print them with the rest.
// claimlint reads the text with its own processor rather than the pipeline's
// tree: its parser needs the exact source offsets, and the pipeline may have
// plugins that change the tree before this one runs.

import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { lintText, type LintOptions } from './api/lint.js';
import { ruleHelpUri } from './formatters/sarif.js';

export type RemarkClaimlintOptions = LintOptions;

/** What a VFile with no path is linted as (Markdown). */
const UNNAMED = 'document.md';

const remarkClaimlint: Plugin<[RemarkClaimlintOptions?], Root> = function (options = {}) {
  return async (_tree: Root, file: VFile) => {
    const report = await lintText(String(file.value), {
      ...options,
      cwd: options.cwd ?? file.cwd,
      filePath: file.path || UNNAMED,
    });
    for (const f of report.findings) {
      const message = file.message(f.message, {
        place: { start: { line: f.line, column: f.column }, end: { line: f.endLine, column: f.endColumn } },
        ruleId: f.ruleId,
        source: 'claimlint',
      });
      message.fatal = f.severity === 'error' ? true : f.severity === 'warning' ? false : undefined;
      if (f.expected !== undefined) message.expected = [f.expected];
      if (f.source !== undefined) message.note = f.source;
      message.url = ruleHelpUri(f.ruleId);
    }
  };
};

export default remarkClaimlint;
