import type { FileRule } from '../kernel/rule.js';
import type { Verdict } from '../types.js';
import { citeSource } from '../registry/types.js';
import { describeFraming } from './wording.js';

export const claimContradiction: FileRule = {
  scope: 'file',
  meta: {
    id: 'claim-contradiction',
    type: 'problem',
    defaultSeverity: 'error',
    description: 'A sentence asserts a value that contradicts the canonical claim in the registry.',
    docs:
      'Each registry claim lists the values articles assert about one fact and which one is canonical. ' +
      'A sentence that asserts another value (after negation: 不会清零 asserts "retained") contradicts it. ' +
      'Questions and rumours that are not refuted in the same sentence still count, since readers take them away. ' +
      'A contradiction is a warning instead of an error when the sentence is hedged (可能, 部分地区…) or the registry entry’s confidence is below high. ' +
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
        else if (v.kind === 'supported' && v.record.framing === 'plain') {
          agreeing.set(v.record.claimId, [...(agreeing.get(v.record.claimId) ?? []), v]);
        }
      },
      articleEnd() {
        for (const v of contradicted) report(v, agreeing.get(v.record.claimId) ?? []);
      },
    };

    function report(v: Verdict, same: readonly Verdict[]): void {
      const compiled = context.registry.byId.get(v.record.claimId)!;
      const claim = compiled.claim;
      const said = compiled.valueByName.get(v.record.value)!;
      const canonical = compiled.valueByName.get(claim.canonical)!;
      const weak = v.record.hedges.length > 0 || claim.confidence !== 'high';
      const notes: string[] = [];
      if (v.record.hedges.length) notes.push(`hedged with ${v.record.hedges.map((h) => `“${h}”`).join('、')}`);
      if (claim.confidence !== 'high') notes.push(`registry confidence is ${claim.confidence}`);
      const framing = describeFraming(v.record.framing);
      const cueStart = v.record.cue.span.start - v.record.sentence.span.start;
      const others = same.filter((o) => o.record.sentence.span.start !== v.record.sentence.span.start);
      const shown = others.slice(0, MAX_RELATED);
      context.report({
        node: v.record.sentence,
        range: [cueStart, cueStart + v.record.cue.text.length],
        severity: weak ? 'warning' : 'error',
        message:
          `${claim.subject}: ${framing}“${v.record.cue.text}” asserts ${said.label}, but the canonical value is ${canonical.label}` +
          (notes.length ? ` (${notes.join('; ')})` : '') +
          (others.length ? `; this article itself says ${canonical.label} in ${others.length} other place${others.length === 1 ? '' : 's'}` : '') +
          '.',
        claimId: claim.id,
        expected: claim.statement,
        source: citeSource(claim.source),
        ...(shown.length
          ? { related: shown.map((o) => ({ file: context.file, span: o.record.sentence.span, excerpt: o.record.sentence.text, message: `says ${canonical.label}` })) }
          : {}),
      });
    }
  },
};

const MAX_RELATED = 3;
