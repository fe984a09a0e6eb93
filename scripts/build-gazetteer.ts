/**
 * Builds data/gazetteer.json from the pinned @vant/area-data package.
 *
 * The package lists provinces, prefectures and counties keyed by 6-digit codes,
 * but mixes in entries that are not places: placeholders (市辖区, 省直辖县…),
 * development zones and parks (codes xx71–xx79 and xx90–xx99 of a prefecture,
 * or names like 经济技术开发区), and town-level rows for prefectures that have
 * no counties (东莞, 中山, 儋州, 嘉峪关). This script drops them, attaches the
 * children of dropped prefecture rows to their province, and writes a compact
 * file the loader reads at run time. Decisions a person made (which codes are
 * not divisions) live in data/region-aliases.yaml, section `build`.
 *
 * Run with `npm run build:gazetteer`. Output is deterministic: no timestamps.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadDataFile } from '../src/data-file.js';
import { areaList } from '@vant/area-data';
import { packagePath } from '../src/paths.js';

type Level = 'province' | 'prefecture' | 'county';
/** [code, name, level, parent?] — parent is omitted for provinces. */
type Row = [string, string, Level] | [string, string, Level, string];

interface BuildConfig {
  placeholderNames: string[];
  notDivisionPatterns: string[];
  notDivisionCodes: Record<string, string>;
  skipCountiesUnder: string[];
}

function readConfig(): BuildConfig {
  const doc = loadDataFile<{ build?: Partial<BuildConfig> }>(packagePath('data', 'region-aliases.yaml'), 'region-aliases.schema.json');
  const b = doc.build ?? {};
  return {
    placeholderNames: b.placeholderNames ?? [],
    notDivisionPatterns: b.notDivisionPatterns ?? [],
    notDivisionCodes: b.notDivisionCodes ?? {},
    skipCountiesUnder: b.skipCountiesUnder ?? [],
  };
}

/** Version and, when the package states one, the date of the data. */
function sourceInfo(): { version: string; date?: string } {
  const require = createRequire(import.meta.url);
  const pkg = JSON.parse(readFileSync(require.resolve('@vant/area-data/package.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const version = typeof pkg.version === 'string' ? pkg.version : 'unknown';
  // npm does not put a publish date into the installed package.json; some
  // registries or packers add one of these, so take it when it is there.
  for (const field of ['publishDate', 'date', 'releaseDate', 'time']) {
    const v = pkg[field];
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)) return { version, date: v.slice(0, 10) };
  }
  return { version };
}

const TOWN = /(镇|乡|街道|街道办事处)$/;

function build(): void {
  const cfg = readConfig();
  const notDivision = cfg.notDivisionPatterns.map((p) => new RegExp(p));
  const placeholders = new Set(cfg.placeholderNames);
  const dropped: Record<string, number> = {};
  const drop = (reason: string): void => {
    dropped[reason] = (dropped[reason] ?? 0) + 1;
  };

  const provinces = Object.entries(areaList.province_list).sort(([a], [b]) => a.localeCompare(b));
  const provinceName = new Map(provinces);
  const rows: Row[] = provinces.map(([code, name]) => [code, name, 'province']);

  // Prefectures: keep real ones; a municipality's single city row repeats the
  // province (北京市 under 北京市) and placeholder rows (省直辖县, 县) are not
  // places, so their counties hang directly under the province.
  const keptPrefectures = new Set<string>();
  for (const [code, name] of Object.entries(areaList.city_list).sort(([a], [b]) => a.localeCompare(b))) {
    const province = code.slice(0, 2) + '0000';
    if (placeholders.has(name)) {
      drop('placeholder');
      continue;
    }
    if (provinceName.get(province) === name) {
      drop('municipality duplicate');
      continue;
    }
    keptPrefectures.add(code);
    rows.push([code, name, 'prefecture', province]);
  }

  // Prefectures without a county level list towns instead; find them by their
  // children rather than by a hard-coded list so a data update keeps working.
  const counties = Object.entries(areaList.county_list).sort(([a], [b]) => a.localeCompare(b));
  const childNames = new Map<string, string[]>();
  for (const [code, name] of counties) {
    const pref = code.slice(0, 4) + '00';
    const list = childNames.get(pref) ?? [];
    list.push(name);
    childNames.set(pref, list);
  }
  const townOnly = new Set<string>();
  for (const [pref, names] of childNames) {
    const towns = names.filter((n) => TOWN.test(n)).length;
    if (towns * 2 > names.length) townOnly.add(pref);
  }

  for (const [code, name] of counties) {
    const province = code.slice(0, 2) + '0000';
    const pref = code.slice(0, 4) + '00';
    const tail = Number(code.slice(4));
    const provinceDirect = code.slice(2, 4) === '90';
    let reason: string | undefined;
    if (cfg.skipCountiesUnder.includes(province)) reason = 'township level (skipped province)';
    else if (placeholders.has(name)) reason = 'placeholder';
    else if (cfg.notDivisionCodes[code] !== undefined) reason = 'listed as not a division';
    else if (notDivision.some((re) => re.test(name))) reason = 'development zone or park';
    // In the statistical codes 71–79 mark functional zones; vant uses 90–99 for
    // more of them. Province-direct counties (xx90xx) use 01–99 legitimately.
    else if (!provinceDirect && tail >= 70 && tail <= 79) reason = 'development zone or park';
    else if (!provinceDirect && tail >= 90) reason = 'development zone or park';
    else if (townOnly.has(pref) || TOWN.test(name)) reason = 'town level';
    if (reason) {
      drop(reason);
      continue;
    }
    const parent = keptPrefectures.has(pref) ? pref : province;
    rows.push([code, name, 'county', parent]);
  }

  rows.sort((a, b) => a[0].localeCompare(b[0]));
  const src = sourceInfo();
  const out = {
    source: '@vant/area-data',
    version: src.version,
    ...(src.date ? { date: src.date } : {}),
    format: ['code', 'name', 'level', 'parent'],
    places: rows,
  };
  const json = JSON.stringify(out);
  const target = packagePath('data', 'gazetteer.json');
  writeFileSync(target, json + '\n');

  const count = (l: Level): number => rows.filter((r) => r[2] === l).length;
  console.log(
    `gazetteer: ${count('province')} provinces, ${count('prefecture')} prefectures, ${count('county')} counties ` +
      `from @vant/area-data@${src.version}${src.date ? ` (${src.date})` : ''}; ${json.length} bytes → ${target}`,
  );
  for (const [reason, n] of Object.entries(dropped).sort()) console.log(`  dropped ${n}: ${reason}`);
}

build();
