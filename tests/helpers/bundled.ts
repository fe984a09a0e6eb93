// The bundled registry and cue lists, loaded once for the tests that read
// sentences with them, and the one way those tests read a lone sentence.
import { resolve } from 'node:path';
import { loadRegistry } from '../../src/registry/load.js';
import { loadCues } from '../../src/extract/cues.js';
import { extractClaims } from '../../src/extract/claims.js';
import { extractArticle } from '../../src/engine/analyze.js';
import { loadPageStructure, parseArticle } from '../../src/parse/index.js';
import type { Registry } from '../../src/registry/types.js';
import type { ClaimRecord } from '../../src/types.js';

const root = resolve(import.meta.dirname, '..', '..');
const loaded = loadRegistry(resolve(root, 'claims'), root);
if (!loaded.ok) throw new Error(`bundled registry invalid: ${loaded.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('; ')}`);

export const bundledRegistry: Registry = loaded.registry;
export const bundledCues = loadCues();

/**
 * Every claim record of one sentence read on its own (no heading, no title),
 * placed at `offset` in its page so that spans are checked as page positions.
 */
export function recordsOf(text: string, offset = 0, surroundings: { heading?: string } = {}): ClaimRecord[] {
  return extractClaims(bundledRegistry, bundledCues, { text, span: { start: offset, end: offset + text.length } }, surroundings, { file: 't.md', unitIndex: 0 });
}

/**
 * Every claim record of a small Markdown page titled 问答 whose body is `body`,
 * read sentence after sentence as a page is (a question and the answer after it).
 */
export function recordsOfPage(body: string): ClaimRecord[] {
  const text = `---\ntitle: 问答\n---\n\n${body}\n`;
  const { article } = parseArticle({ path: 'q.md', text, encoding: 'utf-8', format: 'markdown' }, loadPageStructure());
  return extractArticle(article, { registry: bundledRegistry, cues: bundledCues });
}
