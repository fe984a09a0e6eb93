// The input-format seam: what every parser returns, and the shape of a row in
// the format table (src/parse/formats.ts). A parser is a function of the decoded
// file; discovery, config and the cache key only ever look at the table.

import type { Message } from '../i18n/message.js';
import type { Article, ArticleFormat, SourceFile } from '../types.js';

export interface ParseProblem {
  severity: 'warning' | 'info';
  message: Message;
  line: number;
  column: number;
}

export interface ParseOutput {
  article: Article;
  problems: ParseProblem[];
}

export interface PageStructure {
  /** Longest trimmed line (in UTF-16 units) that can be a title line. */
  readonly maxTitleLength: number;
  /** Sentence-ending marks a title may still end with (question titles). */
  readonly titleMayEndWith: readonly string[];
  /** Whole lines that end the main article; related-item blocks follow. */
  readonly relatedMarkers: readonly string[];
  /** Whole lines that are page furniture. */
  readonly boilerplateLines: readonly string[];
  /** Line prefixes that mark page furniture. */
  readonly boilerplatePrefixes: readonly string[];
  /** Regex sources for furniture lines. */
  readonly boilerplatePatterns: readonly string[];
  /** Regex sources (named groups y, m, d) for a line that dates the whole page. */
  readonly pageDatePatterns: readonly string[];
  /** Regex sources (named groups y, m, d) for a trailing line that dates the block it closes. */
  readonly blockDatePatterns: readonly string[];
}

/** What a parser may need besides the file: settings loaded once per run. */
export interface ParseContext {
  readonly structure: PageStructure;
}

export interface InputFormat {
  readonly id: ArticleFormat;
  /** Human name for notes ("Markdown", "HTML page"). */
  readonly name: string;
  /** Lower-case file name endings with the dot (".md"); discovery reads files by them. */
  readonly extensions: readonly string[];
  /** LSP language ids whose documents are read in this format. */
  readonly languageIds: readonly string[];
  /**
   * Config key whose globs make files of any extension read in this format
   * (`text: ["pages/**"]`), if the format has one.
   */
  readonly configKey?: 'text';
  /**
   * Bumped when the parser's output for the same bytes changes; part of the
   * cache key, so cached analyses of an older parser are not reused.
   */
  readonly version: number;
  /** Whether directives in this format are written as comments a code action can insert. */
  readonly commentSyntax?: { readonly open: string; readonly close: string };
  parse(file: SourceFile, context: ParseContext): ParseOutput;
}
