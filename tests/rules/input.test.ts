// The `input` id through the RuleTester: problems with a file itself, each
// reported on the file while the rest of it is still read.
import { RuleTester } from '../helpers/rule-tester.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

new RuleTester().run('input', 'input', {
  valid: [
    { name: 'a plain Markdown article', code: '# 标题\n\n正文一句。\n' },
    { name: 'well-formed front matter', code: '---\ntitle: 医保\ndate: 2025-01-02\n---\n\n正文。\n' },
    { name: 'a plain-text page', filename: 'page.txt', code: '医保怎么报销\n先去医院结算。\n' },
  ],
  invalid: [
    {
      name: 'an empty file is skipped with an info',
      bytes: new Uint8Array(0),
      errors: [{ messageId: 'input.skipped', severity: 'info', line: 1 }],
    },
    {
      name: 'a binary file is skipped with a warning',
      bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x00, 0x00, 0x14, 0x00, 0x00, 0x00]),
      errors: [{ messageId: 'input.skipped', severity: 'warning', message: /binary/ }],
    },
    {
      name: 'malformed front matter is reported and the body still read',
      code: '---\ntitle: [医保\n---\n\n正文。\n',
      errors: [{ messageId: 'input.front-matter-malformed' }],
    },
    {
      name: 'a front-matter date that is not a date',
      code: '---\ndate: 去年\n---\n\n正文。\n',
      errors: [{ messageId: 'input.front-matter-date', line: 2 }],
    },
    {
      name: 'an unknown directive',
      code: '<!-- claimlint-silence stale-year -->\n正文。\n',
      errors: [{ messageId: 'input.unknown-directive', line: 1 }],
    },
    {
      name: 'a UTF-8 file with a stray byte gives the byte offset',
      bytes: new Uint8Array([...utf8('第一行正文，'.repeat(20)), 0xff, ...utf8('\n第二行。\n')]),
      errors: [{ messageId: 'input.bad-utf8', severity: 'warning' }],
    },
  ],
});
