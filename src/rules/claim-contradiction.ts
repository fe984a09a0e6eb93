import { defineRule } from '../kernel/define-rule.js';
import type { Verdict } from '../types.js';
import { citeSource } from '../registry/types.js';
import { describeFraming } from './wording.js';
import { list, msg } from '../i18n/message.js';

export const claimContradiction = defineRule({
  meta: {
    id: 'claim-contradiction',
    type: 'problem',
    defaultSeverity: 'error',
    description: 'A sentence asserts a value that contradicts the canonical claim in the registry.',
    docs:
      'Each registry claim lists the values articles assert about one fact and which one is canonical. ' +
      'A sentence that asserts another value (after negation: 不会清零 asserts "retained") contradicts it. ' +
      'Only a plain, unconditional, unhedged assertion (or an answered question, or a rumour the page confirms) is an error. ' +
      'A hedge (可能, 部分地区…), a rumour passed on without being refuted, a local figure stated as national or an entry below high confidence make it a warning; ' +
      'a question of what or how nobody answers (a yes/no one nobody answers asserts nothing), a condition the registry does not list (如果…, 只有…才), another time (期满后) or the past (改革前) make it an info. ' +
      'A non-canonical value under an exception the claim lists (出国定居 → 一次性退还) is not reported. ' +
      'Fix: rewrite the sentence to agree with the canonical statement, or update the registry if the rule has changed.',
  },
  create(context) {
    const contradicted: Verdict[] = [];
    // Sentences of this article that state the canonical value: shown beside a
    // contradiction so the editor sees the page disagree with itself.
    const agreeing = new Map<string, Verdict[]>();
    return {
      verdict(v) {
        if (v.kind === 'contradicted') contradicted.push(v);
        else if (v.kind === 'supported' && !v.exception && (v.record.framing === 'plain' || v.record.framing === 'answered')) {
          agreeing.set(v.record.claimId, [...(agreeing.get(v.record.claimId) ?? []), v]);
        }
      },
      articleEnd() {
        for (const v of onePerStatement(contradicted)) report(v, agreeing.get(v.record.claimId) ?? []);
      },
    };

    function report(v: Verdict, same: readonly Verdict[]): void {
      const compiled = context.registry.byId.get(v.record.claimId)!;
      const claim = compiled.claim;
      const said = compiled.valueByName.get(v.record.value)!;
      const canonical = compiled.valueByName.get(claim.canonical)!;
      // The framing is named at the start of the message; the rest say why the level is lower.
      const notes = (v.qualifiers ?? []).filter((q) => q.id !== 'qualifier.asked' && q.id !== 'qualifier.rumour');
      const framing = describeFraming(v.record.framing);
      const cueStart = v.record.cue.span.start - v.record.sentence.span.start;
      const others = same.filter((o) => o.record.sentence.span.start !== v.record.sentence.span.start);
      const shown = others.slice(0, MAX_RELATED);
      context.report({
        node: v.record.sentence,
        range: [cueStart, cueStart + v.record.cue.text.length],
        severity: v.level ?? 'error',
        // A warning or info says how sure the reading is: config may lower it, never raise it.
        ceiling: (v.level ?? 'error') !== 'error',
        messageId: 'claim-contradiction.contradicts',
        data: {
          subject: claim.subject,
          framing,
          cue: v.record.cue.text,
          said: said.label,
          canonical: canonical.label,
          notes: notes.length ? msg('claim-contradiction.notes', { list: list(notes, 'semicolon') }) : '',
          others: others.length ? msg('claim-contradiction.others', { canonical: canonical.label, count: others.length }) : '',
        },
        claimId: claim.id,
        expected: claim.statement,
        source: citeSource(claim.source),
        ...(shown.length
          ? { related: shown.map((o) => ({ file: context.file, span: o.record.sentence.span, excerpt: o.record.sentence.text, message: msg('claim-contradiction.related-says', { canonical: canonical.label }) })) }
          : {}),
      });
    }
  },
});

const MAX_RELATED = 3;

const RANK: Readonly<Record<string, number>> = { error: 0, warning: 1, info: 2 };

/**
 * One finding per statement: a question and the answer right after it are
 * one statement (能直接刷卡吗？不能，照样要全额垫付), read once as an answered
 * question and once as the answer; the same holds for a sentence read twice
 * over overlapping text. Keep the surest reading (the highest level; the
 * first of equals), in the order the records came.
 */
function onePerStatement(verdicts: readonly Verdict[]): Verdict[] {
  const kept: Verdict[] = [];
  for (const v of verdicts) {
    const same = kept.findIndex((k) => k.record.claimId === v.record.claimId && k.record.value === v.record.value && oneStatement(k, v));
    if (same < 0) kept.push(v);
    else if (RANK[v.level ?? 'error']! < RANK[kept[same]!.level ?? 'error']!) kept[same] = v;
  }
  return kept;
}

function oneStatement(a: Verdict, b: Verdict): boolean {
  const x = a.record.sentence.span, y = b.record.sentence.span;
  if (x.start < y.end && y.start < x.end) return true;
  const [first, then] = x.start <= y.start ? [a, b] : [b, a];
  // The answer follows its question directly (a space or a line break between at most).
  return first.record.framing === 'answered' && then.record.sentence.span.start - first.record.sentence.span.end <= 2;
}
