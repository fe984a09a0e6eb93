// Registry documents as articles cite them: a year of a claim's own source
// document, cited in the same sentence (国办发〔2021〕14号, 《…指导意见》), dates
// that policy and is not stale.
import type { Registry } from '../registry/types.js';

/** One source document of the registry: the years it belongs to and how articles cite it. */
export interface RegistryCitation {
  /** The claim's effective year and the year in its document number (医保办发〔2021〕43号 takes effect in 2022). */
  readonly years: ReadonlySet<number>;
  /** Normalised forms (see citationForm) of its number and title: 国办发14号, 国办发202114号, 关于建立健全…指导意见. */
  readonly cues: readonly string[];
}

// Brackets, spaces and 第 vary between citations of one document number.
const CITATION_NOISE = /[〔〕［］[\]（）()【】《》\s第]/gu;
/** The form citations are compared in. */
export function citationForm(s: string): string {
  return s.replace(CITATION_NOISE, '');
}

// 国办发〔2021〕14号 → issuer 国办发, year 2021, serial 14.
const DOC_NUMBER = /^(.*?)[〔［[（(]\s*(\d{4})\s*[〕］\]）)]\s*第?\s*(\d+)\s*号$/u;
/** Shortest title fragment taken as a cue: shorter ones (社保法?) would match too much. */
const MIN_TITLE_CUE = 5;

const citationCache = new WeakMap<Registry, readonly RegistryCitation[]>();
/** The registry's documents as citations, computed once per registry. */
export function registryCitations(registry: Registry): readonly RegistryCitation[] {
  let list = citationCache.get(registry);
  if (list) return list;
  const out: RegistryCitation[] = [];
  for (const { claim } of registry.claims) {
    const years = new Set<number>();
    const effective = Number(claim.effective.slice(0, 4));
    if (Number.isInteger(effective)) years.add(effective);
    const cues = new Set<string>();
    const number = claim.source.number?.trim();
    if (number) {
      cues.add(citationForm(number));
      const parts = DOC_NUMBER.exec(number);
      if (parts) {
        years.add(Number(parts[2]));
        cues.add(citationForm(`${parts[1]}${parts[3]}号`));
      }
    }
    const title = citationForm(claim.source.title);
    // The title as written, and as articles shorten it: 《关于…的指导意见》, 《社会保险法》.
    for (const t of [title, title.slice(Math.max(0, title.indexOf('关于'))), title.replace(/^中华人民共和国/u, '')]) {
      if (t.length >= MIN_TITLE_CUE) cues.add(t);
    }
    out.push({ years, cues: [...cues] });
  }
  list = out;
  citationCache.set(registry, list);
  return list;
}

/** The sentence cites a registry document that the year belongs to: the year dates that policy. */
export function citesRegistry(text: string, year: number, citations: readonly RegistryCitation[]): boolean {
  let form: string | undefined;
  for (const c of citations) {
    if (!c.years.has(year)) continue;
    form ??= citationForm(text);
    if (c.cues.some((cue) => form!.includes(cue))) return true;
  }
  return false;
}
