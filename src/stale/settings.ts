// The stale-year rule's settings: the keys of data/stale-year.yaml, which are
// also the rule's options (each key replaces the default of the same name).
import type { YearFinderOptions } from '../text/years.js';

/** Everything the rule reads from data/stale-year.yaml (see that file for what each key does). */
export interface StaleYearSettings extends YearFinderOptions {
  readonly minAge: number;
  readonly dataWords: readonly string[];
  readonly dataGrace: number;
  readonly window: number;
  readonly currentQualifiers: readonly string[];
  readonly nowWords: readonly string[];
  readonly nowGlue: string;
  readonly beforeGlue: string;
  readonly linkBreakers: readonly string[];
  readonly qualifierNegators: readonly string[];
  readonly historicalAfter: readonly string[];
  readonly historicalBefore: readonly string[];
  readonly citationAfter: readonly string[];
  readonly docNumberBrackets: readonly string[];
  readonly clauseBreaks: string;
  readonly titleKeywords: readonly string[];
  readonly leadInEnds: readonly string[];
}

const words = { type: 'array', items: { type: 'string', minLength: 1 } } as const;
const chars = { type: 'string' } as const;

/** JSON Schema of the rule's options (and, every key required, of data/stale-year.yaml); every key is optional and replaces the default of the same name. */
export const staleYearOptionsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    minAge: { type: 'integer', minimum: 1, description: 'A year at least this many years before the --as-of year is stale.' },
    dataWords: { ...words, description: 'Words for figures about a finished year (数据, 统计公报…), published the year after.' },
    dataGrace: { type: 'integer', minimum: 0, description: 'Extra years before figures about a finished year count as stale.' },
    window: { type: 'integer', minimum: 0, maximum: 40, description: 'Most characters between a year and a qualifier after it.' },
    currentQualifiers: { ...words, description: 'Qualifiers that present a year as current (最新, 现行, 新规…).' },
    nowWords: { ...words, description: 'Words for "now" that equate a year with the present when glued to it (今年（2024年）).' },
    nowGlue: { ...chars, description: 'Characters allowed between a now-word and its year.' },
    beforeGlue: { ...chars, description: 'Characters allowed between a qualifier and the year after it.' },
    linkBreakers: { ...words, description: 'Words that, between a year and a qualifier, unlink them (和, 与, 相比…).' },
    qualifierNegators: { ...words, description: 'Negators that cancel a qualifier right after them (不是最新).' },
    historicalAfter: { ...words, description: 'Markers after a year that make it historical (起, 以来, 发布…).' },
    historicalBefore: { ...words, description: 'Markers before a year that make it historical (自, 截至…).' },
    citationAfter: { ...words, description: 'Patterns after a year that mean a document is cited (国办发14号).' },
    docNumberBrackets: { type: 'array', items: { type: 'string', minLength: 2, maxLength: 2 }, description: 'Bracket pairs of document numbers (〔〕).' },
    clauseBreaks: { ...chars, description: 'Characters that end a clause (besides whitespace).' },
    titleKeywords: { ...words, description: 'Words of titles about rates, standards, limits or lists.' },
    leadInEnds: { ...words, description: 'Endings of a clause that heads a list (如下).' },
    shortYearCues: { ...words, description: 'Words that make a two-digit 24年 a year when they follow it.' },
    durationLeadIns: { ...words, description: 'Words before a number + 年 that make it a duration (满, 连续…).' },
    presentRangeEnds: { ...words, description: 'Words that close a range reaching the present (至今).' },
    bareNotBefore: { ...chars, description: 'Characters after a bare four-digit number that make it an amount.' },
    bareNotAfter: { ...chars, description: 'Characters before a bare four-digit number that make it an amount.' },
  },
} as const;
