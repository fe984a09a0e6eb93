// Loads data/fact-keys.yaml and compiles it once per process: the word
// scanner (attributes, qualifiers, grammar words), the trigger scanner that
// decides in one pass whether a sentence can hold a fact at all, and the small
// regexes for fillers, joiners and entity names.
import { loadDataFile } from '../data-file.js';
import { packagePath } from '../paths.js';
import { WordMatcher } from '../text/word-matcher.js';
import { wordAlternation } from '../text/regex.js';

export type ValueShape = 'quantity' | 'grade' | 'address';

export type Subject = 'place' | 'entity' | 'place-or-national';

export interface AttributeDef {
  readonly id: string;
  readonly label: string;
  readonly value: ValueShape;
  /** Quantity kinds accepted (amount, percent…); empty for grade and address. */
  readonly kinds: ReadonlySet<string>;
  /**
   * place: a figure of one place (a city's contribution base); entity: of an
   * organisation (a hospital's address); place-or-national: of a place, else,
   * when no place is named in the sentence, the heading or the title, of the
   * whole country (the national per-capita standards of 居民医保).
   */
  readonly subject: Subject;
  readonly requires: readonly string[];
  /** Qualifiers the attribute implies when the text names none (人均财政补助 is a 居民医保 figure): group → value. */
  readonly assume: ReadonlyMap<string, string>;
  readonly weak: boolean;
}

export interface QualifierGroup {
  readonly id: string;
  /** 'context': title and heading count too; 'sentence': earlier in the sentence; 'none': own clause only. */
  readonly carry: 'context' | 'sentence' | 'none';
  /** Labels of the group's values, by value id. */
  readonly labels: ReadonlyMap<string, string>;
  /** Position of the group in data order, for stable keys and labels. */
  readonly order: number;
}

/** What a word found by the scanner means. */
export type Word =
  | { readonly kind: 'attribute'; readonly attribute: AttributeDef; readonly after: boolean }
  | { readonly kind: 'qualifier'; readonly group: string; readonly value: string }
  | { readonly kind: 'grade'; readonly grade: string }
  | { readonly kind: 'changeTo' }
  | { readonly kind: 'changeFrom' }
  | { readonly kind: 'break' }
  | { readonly kind: 'stop' };

export interface FactKeys {
  /** How messages name the country, the subject of a national figure. */
  readonly nationalLabel: string;
  readonly attributes: ReadonlyMap<string, AttributeDef>;
  readonly groups: ReadonlyMap<string, QualifierGroup>;
  /** Every word the extractor reads. */
  readonly words: WordMatcher<Word>;
  /** Attribute and grade words only: a sentence without one holds no fact. */
  readonly trigger: WordMatcher<true>;
  /** Synonyms of each attribute and qualifier value (for registry suggestions). */
  readonly synonyms: ReadonlyMap<string, readonly string[]>;
  readonly gradeNotAfter: RegExp;
  /** Matches a whole gap made of fillers, punctuation and spaces. */
  readonly fillerOnly: RegExp;
  /** Matches a whole gap made of joiners and spaces (养老保险和失业保险). */
  readonly joinerOnly: RegExp;
  readonly entitySuffix: RegExp;
  readonly entityNotInside: RegExp;
  readonly entityMaxLength: number;
  readonly roadSuffixes: readonly string[];
  /** A road's section words after its suffix (南段, 东). */
  readonly roadSections: readonly string[];
  /** After an address label: the address (group 1), past its opening word (地址为…, 位于…). */
  readonly addressValue: RegExp;
  /** Where one address of a list ends and the next begins (、 / 和). */
  readonly addressSplit: RegExp;
  /** Approximation words (约为, 左右). */
  readonly hedges: RegExp;
}

interface RawFile {
  attributes: Record<string, { label: string; value?: ValueShape; kinds?: string[]; subject?: Subject; requires?: string[]; assume?: Record<string, string>; before?: string[]; after?: string[]; weak?: boolean }>;
  qualifiers: Record<string, { carry?: 'context' | 'sentence'; values: Record<string, { label: string; words: string[] }> }>;
  grades: Record<string, string[]>;
  gradeNotAfter: string[];
  entities: { suffixes: string[]; maxLength?: number; notInside: string[] };
  addresses: { roadSuffixes: string[]; sections: string[]; valueOpenings: string[]; joiners: string[] };
  stopWords?: string[];
  nationalLabel: string;
  grammar: { fillers: string[]; changeTo: string[]; changeFrom: string[]; breaks: string[]; joiners: string[]; hedges: string[] };
}


/** Punctuation that may sit between a label and its value (养老保险 :单位20%). */
const GAP_PUNCT = '\\s:：,，、/／()（）\\-－—·';

export function compileFactKeys(raw: RawFile, origin = 'fact keys'): FactKeys {
  const attributes = new Map<string, AttributeDef>();
  const groups = new Map<string, QualifierGroup>();
  const synonyms = new Map<string, string[]>();
  const entries: Array<[string, Word]> = [];
  const trigger: Array<[string, true]> = [];
  const need = (cond: unknown, what: string): void => {
    if (!cond) throw new Error(`${origin}: ${what}`);
  };

  for (const [id, a] of Object.entries(raw.attributes ?? {})) {
    need(a && typeof a.label === 'string', `attribute ${id} needs a label`);
    const value = a.value ?? 'quantity';
    need(['quantity', 'grade', 'address'].includes(value), `attribute ${id}: unknown value shape ${value}`);
    need(value !== 'quantity' || (a.kinds ?? []).length > 0, `attribute ${id} reads quantities but lists no kinds`);
    const def: AttributeDef = {
      id,
      label: a.label,
      value,
      kinds: new Set(a.kinds ?? []),
      subject: a.subject ?? 'place',
      requires: a.requires ?? [],
      assume: new Map(Object.entries(a.assume ?? {})),
      weak: a.weak ?? false,
    };
    attributes.set(id, def);
    synonyms.set(`attribute:${id}`, [...(a.before ?? []), ...(a.after ?? [])]);
    for (const w of a.before ?? []) {
      entries.push([w, { kind: 'attribute', attribute: def, after: false }]);
      trigger.push([w, true]);
    }
    for (const w of a.after ?? []) {
      entries.push([w, { kind: 'attribute', attribute: def, after: true }]);
      trigger.push([w, true]);
    }
  }

  let order = 0;
  for (const [gid, g] of Object.entries(raw.qualifiers ?? {})) {
    const labels = new Map<string, string>();
    for (const [vid, v] of Object.entries(g.values ?? {})) {
      need(v && typeof v.label === 'string' && Array.isArray(v.words), `qualifier ${gid}.${vid} needs a label and words`);
      labels.set(vid, v.label);
      synonyms.set(`${gid}:${vid}`, v.words);
      for (const w of v.words) entries.push([w, { kind: 'qualifier', group: gid, value: vid }]);
    }
    groups.set(gid, { id: gid, carry: g.carry ?? 'none', labels, order: order++ });
  }
  for (const a of attributes.values()) {
    for (const r of a.requires) need(groups.has(r), `attribute ${a.id} requires unknown qualifier group ${r}`);
  }

  for (const [grade, words] of Object.entries(raw.grades ?? {})) {
    synonyms.set(`grade:${grade}`, words);
    for (const w of words) {
      entries.push([w, { kind: 'grade', grade }]);
      trigger.push([w, true]);
    }
  }
  // 地址 is an attribute word, but an address sentence needs no other trigger.
  for (const w of raw.stopWords ?? []) entries.push([w, { kind: 'stop' }]);
  for (const w of raw.grammar.changeTo) entries.push([w, { kind: 'changeTo' }]);
  for (const w of raw.grammar.changeFrom) entries.push([w, { kind: 'changeFrom' }]);
  for (const w of raw.grammar.breaks) entries.push([w, { kind: 'break' }]);

  for (const a of attributes.values())
    for (const [group, value] of a.assume) need(groups.get(group)?.labels.has(value), `attribute ${a.id} assumes ${group}=${value}, which data/fact-keys.yaml's qualifiers do not list`);

  // Longest first, so a qualifier word inside an attribute word (费率 in 缴费费率) loses to it.
  entries.sort((a, b) => b[0].length - a[0].length);
  const ents = raw.entities;
  return {
    nationalLabel: raw.nationalLabel,
    attributes,
    groups,
    words: new WordMatcher(entries),
    trigger: new WordMatcher(trigger),
    synonyms,
    gradeNotAfter: new RegExp(`^\\s*(?:${wordAlternation(raw.gradeNotAfter)})`, 'u'),
    fillerOnly: new RegExp(`^(?:${wordAlternation(raw.grammar.fillers)}|[${GAP_PUNCT}])*$`, 'u'),
    joinerOnly: new RegExp(`^(?:${wordAlternation(raw.grammar.joiners)}|\\s)+$`, 'u'),
    entitySuffix: new RegExp(wordAlternation(ents.suffixes), 'gu'),
    entityNotInside: new RegExp(wordAlternation(ents.notInside), 'u'),
    entityMaxLength: ents.maxLength ?? 16,
    roadSuffixes: [...raw.addresses.roadSuffixes].sort((a, b) => b.length - a.length),
    roadSections: raw.addresses.sections,
    addressValue: new RegExp(`^[\\s:：]*(?:${wordAlternation(raw.addresses.valueOpenings)})?\\s*([^\\s。；;，,]+)`, 'u'),
    addressSplit: new RegExp(`[、,，;；/／]|${wordAlternation(raw.addresses.joiners)}`, 'u'),
    hedges: new RegExp(wordAlternation(raw.grammar.hedges), 'u'),
  };
}

let defaults: FactKeys | undefined;

/** The fact keys from `path` (default: the bundled data/fact-keys.yaml, cached). */
export function loadFactKeys(path?: string): FactKeys {
  if (path === undefined && defaults) return defaults;
  const file = path ?? packagePath('data', 'fact-keys.yaml');
  const keys = compileFactKeys(loadDataFile<RawFile>(file, 'fact-keys.schema.json'), file);
  if (path === undefined) defaults = keys;
  return keys;
}
