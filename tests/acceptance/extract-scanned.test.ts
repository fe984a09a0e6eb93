// Extraction with and without the literal scanner on the real scraped pages in
// ../shared/samples (acceptance suite).
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadRegistry } from '../../src/registry/load.js';
import { loadCues, type Cues } from '../../src/extract/cues.js';
import { extractClaims } from '../../src/extract/claims.js';
import type { Registry } from '../../src/registry/types.js';
import { samplesDir } from '../helpers/acceptance.js';

// The extractor settles most patterns with the registry's literal scanner;
// without a scanner it runs every regex. Both must read every sentence alike.
const root = resolve(import.meta.dirname, '..', '..');
const loaded = loadRegistry(resolve(root, 'claims'), root);
if (!loaded.ok) throw new Error('registry invalid');
const registry = loaded.registry;
const cues = loadCues();
const plainRegistry: Registry = { ...registry, scanner: undefined, scanGate: undefined, claims: registry.claims.map((c) => ({ ...c, guarded: undefined })) };
const plainCues: Cues = { ...cues, guards: undefined };

function read(reg: Registry, c: Cues, text: string, around: { heading?: string; unitTitle?: string } = {}) {
  return JSON.stringify(extractClaims(reg, c, { text, span: { start: 3, end: 3 + text.length } }, around, { file: 'x.md', unitIndex: 0 }));
}

describe('extraction with and without the literal scanner', () => {
  it('reads the registry examples and the real scraped samples the same way', () => {
    const texts: string[] = [];
    for (const c of registry.claims) texts.push(...c.claim.examples.supports, ...c.claim.examples.contradicts, ...c.claim.examples.unrelated);
    for (const f of readdirSync(samplesDir)) texts.push(...readFileSync(join(samplesDir, f), 'utf8').split(/(?<=[。！？\n])/));
    const differ = texts.filter((t) => read(registry, cues, t) !== read(plainRegistry, plainCues, t));
    expect(differ).toEqual([]);
    expect(texts.filter((t) => read(registry, cues, t) !== '[]').length).toBeGreaterThan(100);
  });
});
