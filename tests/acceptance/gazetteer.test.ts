// Place mentions on the two real scraped pages in ../shared/samples (acceptance suite).
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/region/gazetteer.js';
import { findPlaces, resolveMentions, type ResolvedMention } from '../../src/region/matcher.js';
import { samplesDir } from '../helpers/acceptance.js';

const g = loadGazetteer();

describe('real samples', () => {
  const dir = samplesDir;
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();

  /** Every resolved mention of a file, each line resolved as its own unit. */
  function mentionsOf(file: string): { text: string; all: ResolvedMention[] } {
    const text = readFileSync(resolve(dir, file), 'utf8');
    const all: ResolvedMention[] = [];
    let at = 0;
    for (const line of text.split('\n')) {
      all.push(...resolveMentions(g, findPlaces(g, line, at)));
      at += line.length + 1;
    }
    return { text, all };
  }
  const has = (all: ResolvedMention[], text: string, code: string): boolean =>
    all.some((m) => m.text === text && m.code === code);

  it('finds the cities of the first sample', () => {
    const { text, all } = mentionsOf(files[0]!);
    for (const m of all) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(has(all, '南昌', '360100')).toBe(true);
    expect(has(all, '洛阳', '410300')).toBe(true);
    expect(has(all, '阜阳', '341200')).toBe(true);
    expect(has(all, '合肥', '340100')).toBe(true);
    expect(has(all, '皖北', '340000')).toBe(true);
    // Titles like "…河北邯郸…": province immediately followed by the city.
    const pair = all.findIndex((m, i) => m.code === '130000' && all[i + 1]?.code === '130400' && all[i + 1]?.start === m.end);
    expect(pair).toBeGreaterThanOrEqual(0);
    // 丛台路 is a street address, not 丛台区.
    expect(all.some((m) => m.text === '丛台')).toBe(false);
  });

  it('finds the cities of the second sample', () => {
    const { text, all } = mentionsOf(files[1]!);
    for (const m of all) expect(text.slice(m.start, m.end)).toBe(m.text);
    const chuzhou = all.find((m) => m.text === '滁州');
    expect(chuzhou?.code).toBe('341100');
    expect(g.byCode.get(chuzhou!.code!)?.parent).toBe('340000');
    expect(has(all, '丽江', '530700')).toBe(true);
    expect(has(all, '鄂尔多斯', '150600')).toBe(true);
    expect(has(all, '黄山市', '341000')).toBe(true);
    // 医保定点 must not produce 保定.
    expect(text).toContain('医保定点');
    expect(all.some((m) => m.text === '保定')).toBe(false);
  });
});
