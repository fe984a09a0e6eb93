import { render } from '../../src/i18n/catalogue.js';
// The format table is the one place formats are named: discovery, its notes,
// the config's `text` globs and the cache key read it.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { discover } from '../../src/engine/discover.js';
import { loadConfig } from '../../src/config/config.js';
import { extensionList, formatOfLanguage, formatOfName, formatsSignature, INPUT_FORMATS, inputFormat } from '../../src/parse/formats.js';
import { tempTree } from '../helpers/cli.js';

describe('the format table', () => {
  it('gives every ending and language id to exactly one format', () => {
    const endings = INPUT_FORMATS.flatMap((f) => f.extensions);
    expect(new Set(endings).size).toBe(endings.length);
    expect(endings).toEqual(['.md', '.markdown', '.mdx', '.html', '.htm', '.txt']);
    expect(formatOfName('a/B.HTM')).toBe('html');
    expect(formatOfName('x.mdx')).toBe('mdx');
    expect(formatOfName('x.pdf')).toBeUndefined();
    expect(formatOfLanguage('plaintext')).toBe('text');
    expect(formatOfLanguage('mdx')).toBe('mdx');
    expect(inputFormat('text').commentSyntax).toBeUndefined();
    expect(extensionList()).toBe('.md/.markdown/.mdx/.html/.htm/.txt');
  });

  it('puts every format id, parser version and ending in the cache key', () => {
    const sig = formatsSignature();
    for (const f of INPUT_FORMATS) expect(sig).toContain(`${f.id}@${f.version}:${f.extensions.join(',')}`);
  });
});

describe('discovery through the table', () => {
  it('reads every format in a directory, a config `text` glob as plain text, and notes the rest with the endings', async () => {
    const dir = tempTree({
      'a.md': '正文。',
      'b.mdx': '正文。',
      'c.html': '<p>正文。</p>',
      'd.txt': '正文。',
      'e.page': '正文。',
      'f.pdf': 'x',
      'claimlint.config.yaml': 'text: ["*.page"]\n',
    });
    const load = loadConfig(dir, undefined, []);
    if (!load.ok) throw new Error(JSON.stringify(load.problems));
    const config = load.config;
    const found = await discover(['.', join(dir, 'f.pdf')], config, dir);
    expect(found.files.map((f) => [f.display, f.format])).toEqual([
      ['a.md', 'markdown'],
      ['b.mdx', 'mdx'],
      ['c.html', 'html'],
      ['d.txt', 'text'],
      ['e.page', 'text'],
    ]);
    expect(found.notes.map((n) => render('en', n))).toContain('f.pdf: skipped (not .md/.markdown/.mdx/.html/.htm/.txt; list it under "text" in the config to read it as a page)');
  });
});
