import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadRegistry } from '../../src/registry/load.js';
import { loadCues, type Cues } from '../../src/extract/cues.js';
import { extractClaims } from '../../src/extract/claims.js';
import type { Registry } from '../../src/registry/types.js';
import { pagePieces } from '../helpers/pages.js';

// The extractor settles most patterns with the registry's literal scanner;
// without a scanner it runs every regex. Both must read every sentence alike.
const root = resolve(import.meta.dirname, '..', '..');
const loaded = loadRegistry(resolve(root, 'claims'), root);
if (!loaded.ok) throw new Error('registry invalid');
const registry = loaded.registry;
const cues = loadCues();
const plainRegistry: Registry = { ...registry, scanner: undefined, scanGate: undefined, claims: registry.claims.map((c) => ({ ...c, guarded: undefined })) };
// The cue lists are read per clause without a scanner of their own: the same set serves both runs.
const plainCues: Cues = cues;

function read(reg: Registry, c: Cues, text: string, around: { heading?: string; unitTitle?: string; previous?: string } = {}) {
  return JSON.stringify(extractClaims(reg, c, { text, span: { start: 3, end: 3 + text.length } }, around, { file: 'x.md', unitIndex: 0 }));
}

describe('extraction with and without the literal scanner', () => {
  it('reads a sentence that takes its subject from the sentence before alike', () => {
    // The second sentence names no lapse itself (超过半年的…): its subject is in the first one.
    const previous = '职工医保停交两个月以内的，可以补交；';
    const text = '超过半年的，只能重新参保，1年后再享受待遇。';
    const scanned = read(registry, cues, text, { previous });
    expect(scanned).toBe(read(plainRegistry, plainCues, text, { previous }));
    expect(scanned).toContain('lapse.waiting-period');
  });

  it('has a scanner and guards for the bundled registry', () => {
    expect(registry.scanner).toBeDefined();
    expect(registry.scanGate).toBeDefined();
    expect(registry.claims.every((c) => c.guarded && c.guarded.all.length === c.all.length)).toBe(true);
  });

  it('reads the registry examples and the project scraped-style pages the same way', () => {
    const texts: string[] = [];
    for (const c of registry.claims) texts.push(...c.claim.examples.supports, ...c.claim.examples.contradicts, ...c.claim.examples.unrelated);
    texts.push(...pagePieces());
    const differ = texts.filter((t) => read(registry, cues, t) !== read(plainRegistry, plainCues, t));
    expect(differ).toEqual([]);
    expect(texts.filter((t) => read(registry, cues, t) !== '[]').length).toBeGreaterThan(100);
  });

  it('reads a sentence about its heading the same way, and again after the heading changes', () => {
    const text = '余额可以继续使用。';
    const headings = ['停缴后个人账户怎么用', '医保报销比例', '停缴后个人账户怎么用', undefined];
    for (const heading of headings) {
      const around = heading ? { heading } : {};
      expect(read(registry, cues, text, around)).toBe(read(plainRegistry, plainCues, text, around));
    }
    expect(JSON.parse(read(registry, cues, text, { heading: '停缴后个人账户怎么用' }))).toHaveLength(1);
    expect(JSON.parse(read(registry, cues, text, { heading: '医保报销比例' }))).toHaveLength(0);
  });

  it('reuses the scan of the sentence just read when it becomes the heading', () => {
    // The heading line is read first (as in an article), then the sentence under it.
    for (const heading of ['停缴后个人账户怎么用', '医保报销比例', '辞职以后']) {
      read(registry, cues, heading);
      const scanned = read(registry, cues, '余额可以继续使用。', { heading });
      expect(scanned).toBe(read(plainRegistry, plainCues, '余额可以继续使用。', { heading }));
    }
    read(registry, cues, '辞职以后');
    expect(JSON.parse(read(registry, cues, '余额可以继续使用。', { heading: '辞职以后' }))).toHaveLength(1);
  });
});
