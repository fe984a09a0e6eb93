// The table of input formats. Discovery (which files are read, and its notes),
// the config (`text` globs), the LSP (language ids) and the cache key read this
// table and nothing else; a new format is one parser file and one row here.

import { extname } from 'node:path';
import type { ArticleFormat } from '../types.js';
import type { InputFormat } from './types.js';
import { parseMarkdown } from './markdown.js';
import { parsePlainText } from './plaintext.js';
import { parseMdx } from './mdx.js';
import { parseHtml } from './html.js';

export const INPUT_FORMATS: readonly InputFormat[] = [
  {
    id: 'markdown',
    name: 'Markdown',
    extensions: ['.md', '.markdown'],
    languageIds: ['markdown'],
    version: 2,
    commentSyntax: { open: '<!--', close: '-->' },
    parse: (file) => parseMarkdown(file),
  },
  {
    id: 'mdx',
    name: 'MDX',
    extensions: ['.mdx'],
    languageIds: ['mdx'],
    version: 1,
    commentSyntax: { open: '{/*', close: '*/}' },
    parse: (file) => parseMdx(file),
  },
  {
    id: 'html',
    name: 'HTML page',
    extensions: ['.html', '.htm'],
    languageIds: ['html'],
    version: 1,
    commentSyntax: { open: '<!--', close: '-->' },
    parse: (file) => parseHtml(file),
  },
  {
    id: 'text',
    name: 'plain-text page',
    extensions: ['.txt'],
    languageIds: ['plaintext'],
    configKey: 'text',
    version: 1,
    parse: (file, context) => parsePlainText(file, context.structure),
  },
];

const BY_ID = new Map(INPUT_FORMATS.map((f) => [f.id, f]));
const BY_EXTENSION = new Map(INPUT_FORMATS.flatMap((f) => f.extensions.map((e) => [e, f] as const)));

export function inputFormat(id: ArticleFormat): InputFormat {
  const f = BY_ID.get(id);
  if (!f) throw new Error(`claimlint: no input format "${id}"`);
  return f;
}

/** The format a file name's ending gives it, if any. */
export function formatOfName(name: string): ArticleFormat | undefined {
  return BY_EXTENSION.get(extname(name).toLowerCase())?.id;
}

/** The format of an editor document by its language id, if any. */
export function formatOfLanguage(languageId: string): ArticleFormat | undefined {
  return INPUT_FORMATS.find((f) => f.languageIds.includes(languageId))?.id;
}

/**
 * ".md/.markdown/.txt": the endings discovery reads, for its notes. Joined with
 * a slash, which reads the same in every language the notes are rendered in.
 */
export function extensionList(): string {
  return INPUT_FORMATS.flatMap((f) => f.extensions).join('/');
}

/** What the cache key must change with: every format's id and parser version. */
export function formatsSignature(): string {
  return INPUT_FORMATS.map((f) => `${f.id}@${f.version}:${f.extensions.join(',')}`).join(';');
}
