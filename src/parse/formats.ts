// The table of input formats. Discovery (which files are read, and its notes),
// the config (`text` globs), the LSP (language ids) and the cache key read this
// table and nothing else; a new format is one parser file and one row here.

import { createRequire } from 'node:module';
import { extname } from 'node:path';
import type { ArticleFormat, SourceFile } from '../types.js';
import type { InputFormat, ParseOutput } from './types.js';
import { parsePlainText } from './plaintext.js';

/** A lazily loaded parser reads the file alone (the plain-text parser, which reads the page structure too, is loaded eagerly). */
type Parser = (file: SourceFile) => ParseOutput;

const require = createRequire(import.meta.url);

/**
 * A parser whose modules (unified, micromark, parse5…) are loaded only when a
 * file of its format is read: loading every parser costs a small run more
 * than its analysis. A run loads the formats it discovered before its file
 * stage (`loadParsers`); a caller that did not (the API's synchronous corners)
 * gets the module through require, which Node 20.19 and later give ES modules too.
 */
function lazyParser(load: () => Promise<Parser>, module: string, name: string): { load(): Promise<void>; parse: Parser; loaded(): boolean } {
  let parser: Parser | undefined;
  return {
    load: async () => {
      parser ??= await load();
    },
    parse: (file) => (parser ??= (require(module) as Record<string, Parser>)[name]!)(file),
    loaded: () => parser !== undefined,
  };
}

const markdown = lazyParser(async () => (await import('./markdown.js')).parseMarkdown, './markdown.js', 'parseMarkdown');
const mdx = lazyParser(async () => (await import('./mdx.js')).parseMdx, './mdx.js', 'parseMdx');
const html = lazyParser(async () => (await import('./html.js')).parseHtml, './html.js', 'parseHtml');
const lazy = new Map<ArticleFormat, ReturnType<typeof lazyParser>>([
  ['markdown', markdown],
  ['mdx', mdx],
  ['html', html],
]);

export const INPUT_FORMATS: readonly InputFormat[] = [
  {
    id: 'markdown',
    name: 'Markdown',
    extensions: ['.md', '.markdown'],
    languageIds: ['markdown'],
    version: 2,
    commentSyntax: { open: '<!--', close: '-->' },
    parse: (file) => markdown.parse(file),
  },
  {
    id: 'mdx',
    name: 'MDX',
    extensions: ['.mdx'],
    languageIds: ['mdx'],
    version: 1,
    commentSyntax: { open: '{/*', close: '*/}' },
    parse: (file) => mdx.parse(file),
  },
  {
    id: 'html',
    name: 'HTML page',
    extensions: ['.html', '.htm'],
    languageIds: ['html'],
    version: 1,
    commentSyntax: { open: '<!--', close: '-->' },
    parse: (file) => html.parse(file),
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

/** Loads the parsers of these formats (each once per process): a run calls it with the formats it discovered. */
export async function loadParsers(formats: Iterable<ArticleFormat>): Promise<void> {
  for (const f of new Set(formats)) await lazy.get(f)?.load();
}

/** The formats whose parser modules are loaded so far (the plain-text parser always is). */
export function loadedParsers(): ArticleFormat[] {
  return INPUT_FORMATS.filter((f) => !lazy.has(f.id) || lazy.get(f.id)!.loaded()).map((f) => f.id);
}
