// The check behind both literal-soundness tests (tests/registry/literals.test.ts
// on the project's pages, tests/acceptance/literals.test.ts on the real samples):
// every pattern the extractor guards with literal lists, against sentences — a
// matching sentence must hold every needed list, and an exact list must agree
// with the regex.
import { patternLiterals } from '../../src/registry/literals.js';
import { bundledCues, bundledRegistry } from './bundled.js';

/** Every guarded pattern of the bundled registry and cues. */
export function guardedPatterns(): RegExp[] {
  const patterns: RegExp[] = [];
  for (const c of bundledRegistry.claims) {
    patterns.push(...c.all, ...c.values.map((v) => v.phrases));
    for (const p of [...(c.claim.context.any ?? []), ...(c.claim.context.none ?? [])]) patterns.push(new RegExp(p, 'u'));
  }
  for (const [name, re] of Object.entries(bundledCues)) if (name !== 'guards' && re instanceof RegExp) patterns.push(re); // optional lists may be absent
  return patterns;
}

/** The bundled registry's own examples, every kind. */
export function registryExamples(): string[] {
  return bundledRegistry.claims.flatMap((c) => [...c.claim.examples.supports, ...c.claim.examples.contradicts, ...c.claim.examples.unrelated]);
}

/** Where a pattern's literal lists disagree with the regex on `texts`, and how many matches were tried. */
export function literalMismatches(patterns: readonly RegExp[], texts: readonly string[]): { wrong: string[]; matches: number } {
  const wrong: string[] = [];
  let matches = 0;
  for (const re of patterns) {
    const { exact, needs: lists } = patternLiterals(re.source, re.flags);
    const test = new RegExp(re.source, re.flags.replace('g', ''));
    for (const t of texts) {
      const m = test.test(t);
      if (m) matches++;
      if (exact && m !== exact.some((s) => t.includes(s))) wrong.push(`exact ${re.source.slice(0, 40)}: ${t}`);
      if (m) for (const n of lists) if (!n.some((s) => t.includes(s))) wrong.push(`needs ${re.source.slice(0, 40)}: ${t}`);
    }
  }
  return { wrong, matches };
}
