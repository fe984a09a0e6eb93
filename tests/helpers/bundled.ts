// The bundled registry and cue lists, loaded once for the tests that read
// sentences with them, and the one way those tests read a lone sentence.
import { resolve } from 'node:path';
import { loadRegistry } from '../../src/registry/load.js';
import { loadCues } from '../../src/extract/cues.js';
import { extractClaims } from '../../src/extract/claims.js';
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
