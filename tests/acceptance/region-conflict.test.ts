// region-conflict on the two real scraped pages in ../shared/samples (acceptance suite).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPageStructure, parseArticle } from '../../src/parse/index.js';
import { loadGazetteer } from '../../src/region/gazetteer.js';
import { unitRegions } from '../../src/region/unit-region.js';
import type { Article } from '../../src/types.js';
import { runCli, tempTree } from '../helpers/cli.js';
import { samplesDir } from '../helpers/acceptance.js';
import { NANCHANG_REGISTRY as REGISTRY } from '../helpers/registries.js';

const g = loadGazetteer();
const structure = loadPageStructure();
const parsed = (text: string, format: 'markdown' | 'text'): Article =>
  parseArticle({ path: 'a', text, encoding: 'utf-8', format }, structure).article;

describe('region-conflict on the real samples (CLI)', () => {
  // Region findings do not depend on the registry; a one-claim registry keeps
  // this test independent of the bundled one while it is being edited.
  const dir = tempTree({ 'claims/test.yaml': REGISTRY });

  it('reports nothing on the two scraped pages', () => {
    const r = runCli(['check', samplesDir, '--format', 'json', '--as-of', '2025-06-30', '--registry', join(dir, 'claims')]);
    expect(r.stderr).toBe('');
    const findings = (JSON.parse(r.stdout) as { findings: Array<{ ruleId: string }> }).findings;
    // Every place mention on these pages is correct in its unit:
    // - 南昌…, 洛阳…, 江苏…, 四川…, 丽江…, 2025年安徽滁州/黄山/马鞍山…: bodies name only their own
    //   place (滁州市第一人民医院, 德驭医疗马鞍山总医院) or its province; 皖东地区 is inside 安徽.
    // - 2025年河北邯郸…医院有哪些 (three blocks): 邯郸市中心医院, 邯郸市中医院 and 邯郸市卫计委 are the same
    //   place, 河北工程大学附属医院 names the province, 中华南大街 / 丛台路 / 陵西南大街 are addresses.
    // - 安徽分淮南淮北还是皖南皖北 and 安徽哪些属于北方哪些属于南方: every city listed lies in 安徽.
    // - 阜阳医保在合肥住院报销流程 and 淮北淮南哪个发达: the titles name two places on purpose; not judged.
    // - 淮北矿务局大病医疗报销比例: 淮北矿业集团 is the same place (and an organisation name).
    // - 交的职工医保辞职了怎么办 (“湖北医疗保障”小程序), 医保转移接续网上办理流程 (闽政通（福建）, 鄂尔多斯,
    //   河南), 风湿病医院排名第一 (北京协和医院), and the main article quoting 《中华人民共和国社会保险法》:
    //   units whose titles name no place, so they have no region to conflict with (and the mentions
    //   are examples or quoted names anyway).
    // No region slip of the kind PRODUCT.md describes occurs on these two pages, so the right count is zero.
    expect(findings.filter((f) => f.ruleId === 'region-conflict')).toEqual([]);
  });

  it('reads the regions of the sample units as an editor would', () => {
    const files = readdirSync(samplesDir).filter((f) => f.endsWith('.txt')).sort();
    const byTitle = new Map<string, string | undefined | 'mixed'>();
    for (const f of files) {
      const a = parsed(readFileSync(join(samplesDir, f), 'utf8'), 'text');
      unitRegions(a, g).forEach((r, i) => {
        const t = a.units[i]?.title?.text;
        if (t) byTitle.set(t, r.mixed ? 'mixed' : r.code);
      });
    }
    expect(byTitle.get('2025年河北邯郸治疗尾骨痛的医院有哪些')).toBe('130400');
    expect(byTitle.get('安徽分淮南淮北还是皖南皖北')).toBe('340000');
    expect(byTitle.get('阜阳医保在合肥住院报销流程')).toBe('mixed');
    expect(byTitle.get('淮北淮南哪个发达')).toBe('mixed');
    expect(byTitle.get('淮北矿务局大病医疗报销比例')).toBe('340600');
    expect(byTitle.get('2025年安徽滁州治疗眩晕什么医院好')).toBe('341100');
    expect(byTitle.get('医保转移接续网上办理流程')).toBeUndefined();
    expect(byTitle.get('交的职工医保辞职了怎么办')).toBeUndefined();
  });
});
