import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { packagePath } from '../paths.js';
import { guardPattern } from '../registry/literals.js';
import { LiteralScanner } from '../registry/scanner.js';
import type { GuardedPattern } from '../registry/types.js';

/** Compiled cue lists from data/cues.yaml (see that file for what each list does). */
export interface Cues {
  /** Matches a negator (with fillers) at the very end of the text before a phrase. */
  readonly negatedBefore: RegExp;
  readonly uncertainBefore: RegExp;
  /** An either-or question word anywhere earlier in the clause (能否, 是否…). */
  readonly eitherOr: RegExp;
  /** An either-or question anywhere in the clause around a phrase (算不算). */
  readonly eitherOrClause: RegExp;
  readonly hedges: RegExp;
  readonly rumour: RegExp;
  readonly debunk: RegExp;
  readonly question: RegExp;
  /** A sentence that answers the question before it with no. */
  readonly answerNo: RegExp;
  /**
   * The same cues for one literal scan of a sentence (src/registry/scanner.ts).
   * A cue whose list the sentence lacks cannot match the sentence or any part
   * of it, so its regex need not run.
   */
  readonly guards?: CueGuards;
}

type CueName = Exclude<keyof Cues, 'guards'>;

export type CueGuards = { readonly scanner: LiteralScanner } & { readonly [K in CueName]: GuardedPattern };

interface CueFile {
  negators: string[];
  negationFillers: string[];
  uncertain: string[];
  eitherOr: string[];
  eitherOrPatterns: string[];
  hedges: string[];
  rumour: string[];
  debunk: string[];
  question: string[];
  answerNo: string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const literal = (words: string[]) => [...words].sort((a, b) => b.length - a.length).map(escape).join('|');

export function compileCues(file: CueFile): Cues {
  const fillers = `(?:${file.negationFillers.join('|')})`;
  const cues: Omit<Cues, 'guards'> = {
    negatedBefore: new RegExp(`(?:${literal(file.negators)})${fillers}{0,3}$`, 'u'),
    uncertainBefore: new RegExp(`(?:${literal(file.uncertain)})${fillers}{0,3}$`, 'u'),
    eitherOr: new RegExp(literal(file.eitherOr), 'u'),
    eitherOrClause: new RegExp(file.eitherOrPatterns.join('|'), 'u'),
    hedges: new RegExp(literal(file.hedges), 'gu'),
    rumour: new RegExp(literal(file.rumour), 'u'),
    debunk: new RegExp(literal(file.debunk), 'u'),
    question: new RegExp(file.question.join('|'), 'u'),
    answerNo: new RegExp(file.answerNo.join('|'), 'u'),
  };
  const scanner = new LiteralScanner();
  const guards = { scanner } as { scanner: LiteralScanner } & Record<CueName, GuardedPattern>;
  // Cues are scanned only in sentences with phrase hits, so single characters (？, 吗) are worth it.
  for (const name of Object.keys(cues) as CueName[]) guards[name] = guardPattern(cues[name], scanner, { shortest: 1 });
  return { ...cues, guards };
}

let defaults: Cues | undefined;

export function loadCues(path = packagePath('data', 'cues.yaml')): Cues {
  if (path === packagePath('data', 'cues.yaml') && defaults) return defaults;
  const cues = compileCues(parse(readFileSync(path, 'utf8')) as CueFile);
  if (path === packagePath('data', 'cues.yaml')) defaults = cues;
  return cues;
}
