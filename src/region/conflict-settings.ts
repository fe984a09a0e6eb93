// The region-conflict rule's settings (the keys of data/region-conflict.yaml,
// which are also the rule's options) and their compiled form: every word list
// joined into one regex, the clause breaks and quote marks as code-unit tables.
import { escapeClassChars, NEVER as NEVER_SOURCE, wordAlternation as alternatives } from '../text/regex.js';
import { codeUnitTable } from '../text/code-units.js';

export interface Frame {
  readonly before: readonly string[];
  readonly after?: readonly string[];
}

/** The data file's shape; every key is also an option of the rule. */
export interface RegionConflictSettings {
  readonly clauseBreaks: string;
  readonly quotes: readonly string[];
  readonly leadStops: string;
  readonly leadMaxChars: number;
  readonly subjectJoiners: readonly string[];
  readonly subjectMarkers: readonly string[];
  readonly institutions: readonly string[];
  readonly institutionWindow: number;
  readonly notSubjectPatterns: readonly string[];
  readonly referralSentenceCues: readonly string[];
  readonly referralBefore: readonly string[];
  readonly window: number;
  readonly referralFrames: readonly Frame[];
  readonly exampleBefore: readonly string[];
  readonly exampleAfter: readonly string[];
  readonly comparisonCues: readonly string[];
  readonly comparisonBefore: readonly string[];
  readonly relationCues: readonly string[];
  readonly coordinators: readonly string[];
  readonly localWords: readonly string[];
}

const stringList = { type: 'array', items: { type: 'string', minLength: 1 } } as const;
const count = { type: 'integer', minimum: 0 } as const;

/** JSON Schema of the options: the keys of data/region-conflict.yaml. */
export const regionConflictOptionsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    clauseBreaks: { type: 'string' },
    quotes: { type: 'array', items: { type: 'string', minLength: 2, maxLength: 2 } },
    leadStops: { type: 'string' },
    leadMaxChars: count,
    subjectJoiners: stringList,
    subjectMarkers: stringList,
    institutions: stringList,
    institutionWindow: count,
    notSubjectPatterns: stringList,
    referralSentenceCues: stringList,
    referralBefore: stringList,
    window: count,
    referralFrames: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['before'],
        properties: { before: stringList, after: stringList },
      },
    },
    exampleBefore: stringList,
    exampleAfter: stringList,
    comparisonCues: stringList,
    comparisonBefore: stringList,
    relationCues: stringList,
    coordinators: stringList,
    localWords: stringList,
  },
} as const;

/** Compiled form: every list joined into one regex, built once per settings object. */
export interface RegionCues {
  /** 1 for each UTF-16 code unit that ends a clause. */
  readonly breaks: Uint8Array;
  /** 1 for each code unit that opens a quote; its closing mark is in quoteClose. */
  readonly quoteOpen: Uint8Array;
  readonly quoteClose: ReadonlyMap<number, string>;
  readonly leadStops: string;
  readonly leadMaxChars: number;
  /** At the start of the text after a place: joiners then a subject marker. */
  readonly subjectAfter: RegExp;
  /** At the start of the text after a place: a short run of name characters ending in an institution word. */
  readonly institutionAfter: RegExp;
  readonly notSubjectAfter: RegExp;
  readonly referralSentence?: RegExp;
  /** At the end of the clause text before a place. */
  readonly referralBefore?: RegExp;
  readonly frames: ReadonlyArray<{ readonly before: RegExp; readonly after?: RegExp }>;
  readonly exampleBefore?: RegExp;
  /** At the start of the clause text after a place. */
  readonly exampleAfter: RegExp;
  readonly comparison?: RegExp;
  readonly comparisonBefore?: RegExp;
  readonly relation?: RegExp;
  /** referralSentence, comparison and relation, those that are set: any of them anywhere in a sentence. */
  readonly sentenceCues: readonly RegExp[];
  readonly coordinators: ReadonlySet<string>;
  readonly local?: RegExp;
}

const anyOf = (words: readonly string[]): RegExp | undefined => (words.length ? new RegExp(alternatives(words), 'u') : undefined);
const NEVER = new RegExp(NEVER_SOURCE, 'u');

export function compileRegionCues(s: RegionConflictSettings): RegionCues {
  const breaks = new Set([...s.clauseBreaks]);
  const notBreak = `[^${escapeClassChars([...breaks].join(''))}]`;
  const endOf = (words: readonly string[], gap: number): RegExp | undefined =>
    words.length ? new RegExp(`(?:${alternatives(words)})${notBreak}{0,${gap}}$`, 'u') : undefined;
  const joiners = s.subjectJoiners.length ? `(?:${alternatives(s.subjectJoiners)}){0,2}` : '';
  // Institution names are runs of letters: no punctuation, no spaces.
  const nameChar = '[^\\s\\p{P}\\p{S}]';
  const referralSentence = anyOf(s.referralSentenceCues);
  const comparison = anyOf(s.comparisonCues);
  const relation = anyOf(s.relationCues);
  return {
    breaks: codeUnitTable([...breaks]),
    quoteOpen: codeUnitTable(s.quotes.map((q) => q[0]!)),
    quoteClose: new Map(s.quotes.map((q) => [q.charCodeAt(0), q[1]!])),
    leadStops: s.leadStops,
    leadMaxChars: s.leadMaxChars,
    subjectAfter: s.subjectMarkers.length ? new RegExp(`^${joiners}(?:${alternatives(s.subjectMarkers)})`, 'u') : NEVER,
    institutionAfter: s.institutions.length
      ? new RegExp(`^${nameChar}{0,${s.institutionWindow}}?(?:${alternatives(s.institutions)})`, 'u')
      : NEVER,
    notSubjectAfter: s.notSubjectPatterns.length ? new RegExp(`^(?:${s.notSubjectPatterns.join('|')})`, 'u') : NEVER,
    ...opt('referralSentence', referralSentence),
    ...opt('referralBefore', endOf(s.referralBefore, s.window)),
    frames: s.referralFrames.flatMap((f) => {
      const before = endOf(f.before, s.window);
      if (!before) return [];
      const after = f.after && f.after.length ? new RegExp(alternatives(f.after), 'u') : undefined;
      return [after ? { before, after } : { before }];
    }),
    ...opt('exampleBefore', anyOf(s.exampleBefore)),
    exampleAfter: new RegExp(
      `^${notBreak}*?(?:${s.exampleAfter.length ? alternatives(s.exampleAfter) + '|' : ''}等$)`,
      'u',
    ),
    ...opt('comparison', comparison),
    ...opt('comparisonBefore', s.comparisonBefore.length ? new RegExp(`(?:${alternatives(s.comparisonBefore)})$`, 'u') : undefined),
    ...opt('relation', relation),
    coordinators: new Set(s.coordinators),
    ...opt('local', anyOf(s.localWords)),
    sentenceCues: [referralSentence, comparison, relation].filter((re) => re !== undefined),
  };
}

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
