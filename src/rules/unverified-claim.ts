import { defineRule } from '../kernel/define-rule.js';
import { citeSource } from '../registry/types.js';

export const unverifiedClaim = defineRule({
  meta: {
    id: 'unverified-claim',
    type: 'suggestion',
    defaultSeverity: 'info',
    description: 'A claim on a registry topic whose value the registry does not judge.',
    docs:
      'The sentence is about a fact the registry knows, but asserts a value the registry marks as unverifiable ' +
      '(for example a local exception). Nothing is wrong yet; a maintainer may want to settle it in the registry.',
  },
  create(context) {
    return {
      verdict(v) {
        if (v.kind !== 'unverifiable') return;
        const compiled = context.registry.byId.get(v.record.claimId);
        if (!compiled) return;
        const said = compiled.valueByName.get(v.record.value);
        const cueStart = v.record.cue.span.start - v.record.sentence.span.start;
        context.report({
          node: v.record.sentence,
          range: [cueStart, cueStart + v.record.cue.text.length],
          messageId: 'unverified-claim.unjudged',
          data: { subject: compiled.claim.subject, cue: v.record.cue.text, said: said?.label ?? v.record.value },
          claimId: compiled.claim.id,
          expected: compiled.claim.statement,
          source: citeSource(compiled.claim.source),
        });
      },
    };
  },
});
