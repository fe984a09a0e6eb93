// Parse stage entry: the file's row of the format table parses it; and load the scraped-page
// structure (data/page-structure.yaml) that the plain-text parser needs.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { snapshotKey, snapshotOr } from '../data-snapshot.js';
import type { SourceFile } from '../types.js';
import { DEFAULT_PAGE_STRUCTURE, type PageStructure } from './plaintext.js';
import { inputFormat } from './formats.js';
import type { ParseOutput } from './types.js';

export type { InputFormat, ParseContext, ParseOutput, ParseProblem } from './types.js';
export { INPUT_FORMATS, extensionList, formatOfLanguage, formatOfName, formatsSignature, inputFormat, loadParsers, loadedParsers } from './formats.js';
export type { PageStructure } from './plaintext.js';
export { DEFAULT_PAGE_STRUCTURE } from './plaintext.js';
export { parsePlainText } from './plaintext.js';

export function parseArticle(file: SourceFile, structure: PageStructure): ParseOutput {
  return inputFormat(file.format).parse(file, { structure });
}

/**
 * Reads a page-structure file (default: data/page-structure.yaml in the package).
 * Missing keys take the built-in defaults. Throws an Error naming the file when
 * an explicitly given file is missing or when a file is malformed.
 */
export function loadPageStructure(path?: string): PageStructure {
  const file = path ?? join(packageRoot(), 'data', 'page-structure.yaml');
  if (!existsSync(file)) {
    if (path === undefined) return DEFAULT_PAGE_STRUCTURE;
    throw new Error(`${file}: page-structure file not found`);
  }
  let raw: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    // The bundled file as the build parsed it, while unchanged (src/data-snapshot.ts).
    raw = path === undefined ? snapshotOr('data/page-structure.yaml', snapshotKey(['yaml', text]), () => parseYaml(text) as unknown) : parseYaml(text);
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message.split('\n')[0]}`);
  }
  if (raw === null || raw === undefined) return DEFAULT_PAGE_STRUCTURE;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`${file}: expected a mapping of settings`);
  const data = raw as Record<string, unknown>;

  const d = DEFAULT_PAGE_STRUCTURE;
  const structure: PageStructure = {
    maxTitleLength: positiveInt(data, 'maxTitleLength', d.maxTitleLength, file),
    titleMayEndWith: stringList(data, 'titleMayEndWith', d.titleMayEndWith, file),
    relatedMarkers: stringList(data, 'relatedMarkers', d.relatedMarkers, file),
    boilerplateLines: stringList(data, 'boilerplateLines', d.boilerplateLines, file),
    boilerplatePrefixes: stringList(data, 'boilerplatePrefixes', d.boilerplatePrefixes, file),
    boilerplatePatterns: regexList(data, 'boilerplatePatterns', d.boilerplatePatterns, file),
    pageDatePatterns: regexList(data, 'pageDatePatterns', d.pageDatePatterns, file),
    blockDatePatterns: regexList(data, 'blockDatePatterns', d.blockDatePatterns, file),
  };
  return structure;
}

/** The directory holding package.json, walking up from this module (src/parse or dist/src/parse). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('claimlint: cannot find the package root (no package.json above the parser)');
    dir = up;
  }
}

function positiveInt(data: Record<string, unknown>, key: string, fallback: number, file: string): number {
  const v = data[key];
  if (v === undefined) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) throw new Error(`${file}: "${key}" must be a positive integer`);
  return v;
}

function stringList(data: Record<string, unknown>, key: string, fallback: readonly string[], file: string): readonly string[] {
  const v = data[key];
  if (v === undefined) return fallback;
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) throw new Error(`${file}: "${key}" must be a list of strings`);
  return v as string[];
}

function regexList(data: Record<string, unknown>, key: string, fallback: readonly string[], file: string): readonly string[] {
  const list = stringList(data, key, fallback, file);
  for (const source of list) {
    try {
      new RegExp(source, 'u');
    } catch (e) {
      throw new Error(`${file}: "${key}" has an invalid pattern ${JSON.stringify(source)}: ${(e as Error).message}`);
    }
  }
  return list;
}
