// How much of a corpus the registry reads: for each claim, the sentences that
// are about its subject, how many of them had a value read, and the ones that
// did not, grouped by wording — where a maintainer looks for the phrasings a
// claim is missing.
import type { Article, ClaimRecord } from '../types.js';
import type { Registry } from '../registry/types.js';
import type { LineIndex } from '../text/position.js';
import { claimsAbout, type SentenceSurroundings } from '../extract/claims.js';
import { isHeadingLike } from '../extract/article.js';
import type { Cues } from '../extract/cues.js';

export interface CoverageInput {
  readonly file: string;
  readonly article: Article;
  readonly lines: LineIndex;
  readonly records: readonly ClaimRecord[];
}

export interface UnreadGroup {
  /** The wording shared by the group (the first sentence as written). */
  readonly text: string;
  readonly count: number;
  /** Where the first few occur. */
  readonly places: readonly { readonly file: string; readonly line: number }[];
}

export interface ClaimCoverage {
  readonly claimId: string;
  readonly subject: string;
  /** Sentences about the claim's subject (its context matched). */
  readonly about: number;
  /** Of those, sentences with a value read for the claim. */
  readonly read: number;
  /** Sentences about it with no value read, most frequent wording first. */
  readonly unread: readonly UnreadGroup[];
}

const MAX_PLACES = 3;

/**
 * Wording key: sentences that differ only in digits, spaces and punctuation
 * (断缴3个月… / 断缴6个月…) are one group.
 */
function wordingKey(text: string): string {
  return text.replace(/[0-9０-９]+/gu, '#').replace(/[\s\p{P}\p{S}]+/gu, '');
}

export function registryCoverage(registry: Registry, cues: Cues, inputs: readonly CoverageInput[]): ClaimCoverage[] {
  const about = new Map<string, number>();
  const read = new Map<string, number>();
  const unread = new Map<string, Map<string, { text: string; count: number; places: { file: string; line: number }[] }>>();
  for (const input of inputs) {
    const recordsAt = new Map<number, Set<string>>();
    for (const r of input.records) {
      let set = recordsAt.get(r.sentence.span.start);
      if (!set) recordsAt.set(r.sentence.span.start, (set = new Set()));
      set.add(r.claimId);
    }
    let heading: string | undefined;
    let headingUnit = -1;
    let question: string | undefined;
    for (const sentence of input.article.sentences) {
      if (sentence.unitIndex !== headingUnit) {
        heading = undefined;
        headingUnit = sentence.unitIndex;
      }
      const around: SentenceSurroundings = {
        heading,
        unitTitle: input.article.units[sentence.unitIndex]?.title?.text,
        question,
      };
      const hit = recordsAt.get(sentence.span.start);
      for (const c of claimsAbout(registry, sentence.text, around)) {
        const id = c.claim.id;
        about.set(id, (about.get(id) ?? 0) + 1);
        if (hit?.has(id)) {
          read.set(id, (read.get(id) ?? 0) + 1);
          continue;
        }
        let groups = unread.get(id);
        if (!groups) unread.set(id, (groups = new Map()));
        const key = wordingKey(sentence.text);
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { text: sentence.text, count: 0, places: [] }));
        g.count++;
        if (g.places.length < MAX_PLACES) g.places.push({ file: input.file, line: input.lines.position(sentence.span.start).line });
      }
      question = cues.questionEnd.test(sentence.text) ? sentence.text : undefined;
      if (isHeadingLike(sentence.text, sentence.isTitle)) heading = sentence.text;
    }
  }
  return registry.claims.map((c) => ({
    claimId: c.claim.id,
    subject: c.claim.subject,
    about: about.get(c.claim.id) ?? 0,
    read: read.get(c.claim.id) ?? 0,
    unread: [...(unread.get(c.claim.id)?.values() ?? [])].sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0)),
  }));
}
