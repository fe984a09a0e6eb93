import type { RuleMeta } from '../types.js';

/**
 * Not a check: the id under which the read and parse stages report problems
 * with a file itself (not decodable, binary, malformed front matter). Listed
 * with the rules so formatters can describe it and config can quiet it.
 */
export const inputMeta: RuleMeta = {
  id: 'input',
  type: 'input',
  defaultSeverity: 'warning',
  description: 'A problem reading or parsing a file (encoding, binary content, malformed front matter, a failed stage).',
  docs:
    'claimlint reports what it could not read and goes on with the other files. GB18030 pages are decoded with an info note; ' +
    'binary and empty files are skipped; malformed front matter is reported at its line and the body is still checked.',
};
