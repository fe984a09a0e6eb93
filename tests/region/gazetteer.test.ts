import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  ancestors,
  codeParents,
  depthOf,
  displayName,
  isAncestor,
  isSameOrRelated,
  loadGazetteer,
  parentCodes,
  type Place,
} from '../../src/region/gazetteer.js';
import { findPlaces, findPlacesIf, resolveMentions, type PlaceMention, type ResolvedMention } from '../../src/region/matcher.js';

const root = resolve(import.meta.dirname, '..', '..');
const g = loadGazetteer();

/** Mentions of one piece of text, resolved with each other as context. */
function resolved(text: string): ResolvedMention[] {
  return resolveMentions(g, findPlaces(g, text));
}
/** [text, code] pairs, for compact expectations. */
function pairs(text: string): Array<[string, string | undefined]> {
  return resolved(text).map((m) => [m.text, m.code]);
}

describe('generated data/gazetteer.json', () => {
  const raw = readFileSync(resolve(root, 'data/gazetteer.json'), 'utf8');
  const file = JSON.parse(raw) as { source: string; version: string; places: Array<[string, string, string, string?]> };
  const byCode = new Map(file.places.map((p) => [p[0], p]));
  const names = file.places.map((p) => p[1]);

  it('records its source and stays compact', () => {
    expect(file.source).toBe('@vant/area-data');
    expect(file.version).toBe('2.1.0');
    expect(Buffer.byteLength(raw)).toBeLessThan(400 * 1024);
    expect(raw).not.toContain('\n  ');
  });

  it('drops placeholders and municipality duplicates', () => {
    expect(names).not.toContain('市辖区');
    expect(names).not.toContain('省直辖县');
    expect(names).not.toContain('自治区直辖县级行政区划');
    expect(names).not.toContain('县');
    expect(byCode.has('110100')).toBe(false); // 北京市 repeated as a city
    expect(byCode.has('500200')).toBe(false); // 重庆 "县"
  });

  it('drops development zones and parks', () => {
    expect(names.filter((n) => /开发区|高新区|工业园区|管委会/.test(n))).toEqual([]);
    expect(byCode.has('130471')).toBe(false); // 邯郸经济技术开发区
    expect(byCode.has('130473')).toBe(false); // 邯郸冀南新区
    expect(byCode.has('320571')).toBe(false); // 苏州工业园区
    expect(byCode.has('320112')).toBe(false); // 江北新区 (a 国家级新区, not a district)
    expect(byCode.has('441901')).toBe(false); // a town of 东莞
  });

  it('keeps real districts named 新区 and province-administered counties', () => {
    expect(byCode.get('310115')?.[1]).toBe('浦东新区');
    expect(byCode.get('120116')?.[1]).toBe('滨海新区');
    expect(byCode.get('210113')?.[1]).toBe('沈北新区');
    expect(byCode.get('429004')).toEqual(['429004', '仙桃市', 'county', '420000']);
    expect(byCode.get('659001')?.[3]).toBe('650000'); // 石河子市 under 新疆
  });
});

describe('loadGazetteer', () => {
  it('is a cached singleton that knows its data version', () => {
    expect(loadGazetteer()).toBe(g);
    expect(g.dataVersion).toBe('@vant/area-data@2.1.0');
  });

  it('knows levels and parents', () => {
    const handan = g.byCode.get('130400');
    expect(handan).toEqual<Place>({ code: '130400', name: '邯郸市', level: 'prefecture', parent: '130000' });
    expect(g.byCode.get('130403')).toMatchObject({ name: '丛台区', level: 'county', parent: '130400' });
    expect(g.byCode.get('130000')?.parent).toBeUndefined();
    expect(g.byCode.get('110105')).toMatchObject({ name: '朝阳区', parent: '110000' });
    expect(ancestors(g, '130403').map((p) => p.name)).toEqual(['河北省', '邯郸市']);
    expect(ancestors(g, '130000')).toEqual([]);
    expect(displayName(g, '130400')).toBe('河北省邯郸市');
    expect(displayName(g, '130403')).toBe('河北省邯郸市丛台区');
    expect(displayName(g, '110105')).toBe('北京市朝阳区');
  });

  it('relates ancestors and descendants but not siblings', () => {
    expect(isSameOrRelated(g, '130400', '130100')).toBe(false); // 邯郸 vs 石家庄
    expect(isSameOrRelated(g, '130000', '130400')).toBe(true); // 河北 vs 邯郸
    expect(isSameOrRelated(g, '130403', '130000')).toBe(true);
    expect(isSameOrRelated(g, '130400', '130400')).toBe(true);
    expect(isSameOrRelated(g, '130400', '410300')).toBe(false);
    expect(isSameOrRelated(g, '999999', '999999')).toBe(false);
  });

  it('keeps one-character abbreviations out of matching', () => {
    expect(g.abbreviations.get('冀')).toEqual(['130000']);
    expect(g.abbreviations.get('蜀')).toEqual(['510000']);
    expect(findPlaces(g, '冀医保和闽政通')).toEqual([]);
  });
});

describe('aliases', () => {
  it('strips suffixes to short names', () => {
    expect(pairs('邯郸')).toEqual([['邯郸', '130400']]);
    expect(pairs('河北')).toEqual([['河北', '130000']]);
    expect(pairs('恩施州')).toEqual([['恩施州', '422800']]);
    expect(pairs('恩施')).toEqual([['恩施', '422800']]);
    expect(pairs('延边')).toEqual([['延边', '222400']]);
    expect(pairs('阿拉善盟')).toEqual([['阿拉善盟', '152900']]);
    expect(pairs('阿拉善')).toEqual([['阿拉善', '152900']]);
  });

  it('shortens autonomous regions', () => {
    expect(pairs('内蒙古')).toEqual([['内蒙古', '150000']]);
    expect(pairs('广西')).toEqual([['广西', '450000']]);
    expect(pairs('西藏')).toEqual([['西藏', '540000']]);
    expect(pairs('宁夏')).toEqual([['宁夏', '640000']]);
    expect(pairs('新疆')).toEqual([['新疆', '650000']]);
  });

  it('matches province + prefecture as two mentions and resolves both', () => {
    const ms = resolved('河北邯郸');
    expect(ms.map((m) => [m.text, m.start, m.end, m.code])).toEqual([
      ['河北', 0, 2, '130000'],
      ['邯郸', 2, 4, '130400'],
    ]);
    expect(pairs('河北省邯郸市')).toEqual([
      ['河北省', '130000'],
      ['邯郸市', '130400'],
    ]);
    expect(pairs('安徽滁州')).toEqual([
      ['安徽', '340000'],
      ['滁州', '341100'],
    ]);
  });

  it('adds offset to positions', () => {
    const [m] = findPlaces(g, '在邯郸', 100);
    expect(m).toMatchObject({ text: '邯郸', start: 101, end: 103 });
  });

  it('maps former names to today’s division', () => {
    expect(pairs('襄樊')).toEqual([['襄樊', '420600']]);
    expect(pairs('思茅市')).toEqual([['思茅市', '530800']]);
    expect(pairs('莱芜')).toEqual([['莱芜', '370116']]);
  });

  it('places regional names inside their province', () => {
    const [m] = resolved('皖北');
    expect(m).toMatchObject({ text: '皖北', candidates: ['340000'], code: '340000' });
    expect(isSameOrRelated(g, m!.code!, '341200')).toBe(true); // 阜阳
    expect(pairs('苏北')).toEqual([['苏北', '320000']]);
  });
});

describe('ambiguity', () => {
  it('leaves 吉林 alone unresolved but within the province', () => {
    const [m] = resolved('吉林');
    expect(m?.candidates.sort()).toEqual(['220000', '220200']);
    expect(m?.code).toBeUndefined();
    expect(m?.within).toBe('220000');
  });

  it('reads 吉林 after 吉林省 as the city, and next to 长春 as the province', () => {
    expect(pairs('吉林省吉林')).toEqual([
      ['吉林省', '220000'],
      ['吉林', '220200'],
    ]);
    expect(pairs('吉林长春')).toEqual([
      ['吉林', '220000'],
      ['长春', '220100'],
    ]);
  });

  it('resolves 朝阳 only with context', () => {
    expect(resolved('朝阳')[0]?.code).toBeUndefined();
    expect(resolved('朝阳区')[0]?.code).toBeUndefined(); // 北京 and 长春 both have one
    expect(pairs('北京朝阳区')).toEqual([
      ['北京', '110000'],
      ['朝阳区', '110105'],
    ]);
    expect(pairs('北京朝阳')[1]).toEqual(['朝阳', '110105']);
    expect(pairs('辽宁朝阳')[1]).toEqual(['朝阳', '211300']);
    // Context anywhere in the list counts, not only the neighbour.
    expect(pairs('家住北京，常去朝阳区')[1]).toEqual(['朝阳区', '110105']);
  });

  it('reads 河北 as the province unless 天津 is next to it', () => {
    expect(pairs('天津河北区')).toEqual([
      ['天津', '120000'],
      ['河北区', '120105'],
    ]);
    expect(pairs('天津河北')[1]).toEqual(['河北', '120105']);
  });

  it('needs a city for a shared district name', () => {
    expect(resolved('鼓楼区')[0]?.code).toBeUndefined();
    expect(pairs('南京鼓楼区')[1]).toEqual(['鼓楼区', '320106']);
    expect(pairs('福州鼓楼区')[1]).toEqual(['鼓楼区', '350102']);
    // 江苏 has two (南京, 徐州): still ambiguous, but known to be in 江苏.
    const [, m] = resolved('江苏鼓楼区');
    expect(m?.code).toBeUndefined();
    expect(m?.within).toBe('320000');
  });

  it('treats county short names as weak, confirmed only by their parent', () => {
    const [alone] = resolved('和平');
    expect(alone).toMatchObject({ weak: true });
    expect(alone?.code).toBeUndefined();
    expect(pairs('沈阳和平')[1]).toEqual(['和平', '210102']);
    expect(pairs('海南东方')[1]).toEqual(['东方', '469007']);
    // 四川南部 is "southern Sichuan": 南部县's parent is 南充, not 四川.
    expect(pairs('四川南部')[1]).toEqual(['南部', undefined]);
    expect(pairs('南充南部')[1]).toEqual(['南部', '511321']);
  });
});

describe('matching', () => {
  it('takes the longest name', () => {
    expect(pairs('邯郸市中心医院')).toEqual([['邯郸市', '130400']]);
    expect(pairs('黄山市中医医院')).toEqual([['黄山市', '341000']]);
    expect(pairs('浦东新区')).toEqual([['浦东新区', '310115']]);
    expect(pairs('河北省邯郸市丛台区').map((p) => p[0])).toEqual(['河北省', '邯郸市', '丛台区']);
  });

  it('skips words that only contain a place name', () => {
    expect(findPlaces(g, '中山大学附属医院')).toEqual([]);
    expect(pairs('广州中山大学')).toEqual([['广州', '440100']]);
    expect(pairs('中山市人民医院')).toEqual([['中山市', '442000']]);
    expect(findPlaces(g, '三明治和普洱茶')).toEqual([]);
    expect(findPlaces(g, '需在医保定点医疗机构就医')).toEqual([]);
  });

  it('does not read streets as places', () => {
    expect(findPlaces(g, '丛台路81号')).toEqual([]);
    expect(findPlaces(g, '南京东路')).toEqual([]);
    expect(pairs('北京大学')).toEqual([['北京', '110000']]);
  });

  it('cuts 吉林市场 back to 吉林', () => {
    expect(findPlaces(g, '吉林市场监管局').map((m) => m.text)).toEqual(['吉林']);
    expect(findPlaces(g, '吉林市医保局').map((m) => m.text)).toEqual(['吉林市']);
  });

  it('scans a megabyte of text with one match per place mention', () => {
    // Speed is the bench's business; this checks the long input is read through.
    const unit = '2025年河北邯郸治疗尾骨痛的医院有哪些，邯郸市中心医院地址在中华南大街。安徽滁州与南京鼓楼区相邻吗？';
    const copies = Math.ceil(1_000_000 / unit.length);
    const perUnit = findPlaces(g, unit).length;
    expect(perUnit).toBeGreaterThan(3);
    expect(findPlaces(g, unit.repeat(copies)).length).toBe(perUnit * copies);
  });
});

describe('cached lookups', () => {
  it('lists the divisions enclosing a code, nearest first', () => {
    expect(parentCodes(g, '130403')).toEqual(['130400', '130000']); // 丛台区 → 邯郸市 → 河北省
    expect(parentCodes(g, '110105')).toEqual(['110000']); // 朝阳区 sits right under 北京
    expect(parentCodes(g, '130000')).toEqual([]);
    expect(parentCodes(g, '999999')).toEqual([]);
    expect(codeParents(g).get('130400')).toEqual(['130000']);
    expect(codeParents(g).has('999999')).toBe(false);
    expect(codeParents(g).size).toBe(g.byCode.size);
  });

  it('counts depth as ancestors() does', () => {
    expect(depthOf(g, '130403')).toBe(2);
    expect(depthOf(g, '130400')).toBe(1);
    expect(depthOf(g, '130000')).toBe(0);
    expect(depthOf(g, '999999')).toBe(0);
    for (const code of ['130403', '429004', '659001', '441900']) expect(depthOf(g, code)).toBe(ancestors(g, code).length);
  });

  it('answers isAncestor from the cached lists, strictly', () => {
    expect(isAncestor(g, '130000', '130403')).toBe(true);
    expect(isAncestor(g, '130400', '130403')).toBe(true);
    expect(isAncestor(g, '130403', '130403')).toBe(false);
    expect(isAncestor(g, '130403', '130000')).toBe(false);
    expect(isAncestor(g, '130000', '999999')).toBe(false);
  });

  it('gives the same full name on every call', () => {
    expect(displayName(g, '130403')).toBe('河北省邯郸市丛台区');
    expect(displayName(g, '130403')).toBe('河北省邯郸市丛台区');
    expect(displayName(g, '999999')).toBe('999999');
  });
});

describe('matching edges', () => {
  it('handles empty, one-character and text-final names', () => {
    expect(findPlaces(g, '')).toEqual([]);
    expect(findPlaces(g, '邯')).toEqual([]);
    expect(findPlaces(g, '去邯郸').map((m) => [m.text, m.start, m.end])).toEqual([['邯郸', 1, 3]]);
    expect(findPlaces(g, '邯郸邯').map((m) => [m.text, m.start, m.end])).toEqual([['邯郸', 0, 2]]);
    // A long name whose walk fails at the last unit falls back to the shorter one.
    expect(findPlaces(g, '邯郸市x').map((m) => m.text)).toEqual(['邯郸市']);
    expect(findPlaces(g, '石家庄x').map((m) => m.text)).toEqual(['石家庄']);
  });

  it('gives every mention its own candidates list', () => {
    const [a] = findPlaces(g, '邯郸');
    a!.candidates.push('999999');
    expect(findPlaces(g, '邯郸')[0]?.candidates).toEqual(['130400']);
  });

  it('finds places only when some place has a wanted reading', () => {
    const text = '邯郸市民去石家庄';
    const seen: string[][] = [];
    const none = findPlacesIf(g, text, (senses) => {
      seen.push(senses.map((s) => s.code));
      return false;
    });
    expect(none).toBeUndefined();
    expect(seen).toEqual([['130400'], ['130100']]);
    expect(findPlacesIf(g, text, (senses) => senses.some((s) => s.code === '130100'))).toEqual(findPlaces(g, text));
    expect(findPlacesIf(g, '医保报销比例', () => true)).toBeUndefined();
  });
});

describe('resolving with outside context', () => {
  const anchorsOf = (codes: string[]): PlaceMention[] =>
    codes.map((code) => ({ text: '', start: -1, end: -1, candidates: [code], weak: false }));

  it('reads a name by the codes given as context', () => {
    expect(resolveMentions(g, findPlaces(g, '朝阳区'), ['110000'])[0]?.code).toBe('110105');
    // 河北 next to nothing, in a 天津 context: 天津's 河北区 (a weak short name, confirmed by its parent).
    expect(resolveMentions(g, findPlaces(g, '河北'), ['120000'])[0]?.code).toBe('120105');
    // The province itself does not confirm its namesake reading: 吉林 is the city.
    expect(resolveMentions(g, findPlaces(g, '吉林'), ['220000'])[0]?.code).toBe('220200');
    expect(resolveMentions(g, findPlaces(g, '鼓楼区'), ['350000'])[0]?.code).toBe('350102');
  });

  it('treats context codes like strong mentions that are never adjacent', () => {
    const cases: Array<[string, string[]]> = [
      ['朝阳区医保', ['110000']],
      ['河北医保', ['120000']],
      ['吉林', ['220000']],
      ['吉林省吉林', ['220000']],
      ['江苏鼓楼区和南部', ['320100', '320000']],
      ['邯郸市和石家庄，丛台', ['130400', '130000']],
      ['沈阳和平', ['130000']],
      ['海南东方', []],
    ];
    for (const [text, codes] of cases) {
      const found = findPlaces(g, text);
      const anchors = anchorsOf(codes);
      expect(resolveMentions(g, found, codes)).toEqual(resolveMentions(g, [...anchors, ...found]).slice(anchors.length));
    }
  });

  it('returns each reading as a copy of the mention with the reading added, whatever its keys', () => {
    const [m] = findPlaces(g, '邯郸');
    const noSenses: PlaceMention = { text: m!.text, start: m!.start, end: m!.end, candidates: m!.candidates, weak: m!.weak };
    const extra = { ...m!, note: 'kept' };
    const reordered: PlaceMention = { start: 0, text: '邯郸', end: 2, weak: false, candidates: ['130400'] };
    const reading = { code: '130400', resolvedBy: 'unique', within: '130400' };
    // Far apart, so none is adjacent to another; one code never confirms itself.
    const list = [m!, { ...noSenses, start: 10, end: 12 }, { ...extra, start: 20, end: 22 }, { ...reordered, start: 30, end: 32 }];
    const out = resolveMentions(g, list);
    expect(out.map((r) => JSON.stringify(r))).toEqual(list.map((x) => JSON.stringify({ ...x, ...reading })));
    // Unresolved: the mention's own keys only (and `within` when the readings share a division).
    const [weak] = findPlaces(g, '和平');
    expect(JSON.stringify(resolveMentions(g, [weak!])[0])).toBe(JSON.stringify({ ...weak! }));
    const [jilin] = findPlaces(g, '吉林');
    expect(JSON.stringify(resolveMentions(g, [jilin!])[0])).toBe(JSON.stringify({ ...jilin!, within: '220000' }));
  });
});
