// Scraped-style plain-text pages written for the project (tests/fixtures/pages):
// the layouts of real health-site pages, in our own words, so that parsing and
// every rule on such pages is tested without ../shared.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const pagesDir = resolve(import.meta.dirname, '..', 'fixtures', 'pages');

export function pageNames(): string[] {
  return readdirSync(pagesDir).filter((f) => f.endsWith('.txt')).sort();
}

export function readPage(name: string): string {
  return readFileSync(join(pagesDir, name), 'utf8');
}

/** Every page cut after each sentence end and line end, as the equivalence tests feed them. */
export function pagePieces(): string[] {
  return pageNames().flatMap((n) => readPage(n).split(/(?<=[。！？\n])/));
}
