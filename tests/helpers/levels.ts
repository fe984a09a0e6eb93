// The strongest reading a small page gets for one claim, as the verdict grades it.
import { bundledRegistry, recordsOfPage } from './bundled.js';
import { judge } from '../../src/verdict/judge.js';
import type { Severity } from '../../src/types.js';

/** An error, a warning, an info, 'supported' (a record that agrees) or 'none' (no record of the claim). */
export function levelOfPage(body: string, claimId: string): Severity | 'supported' | 'none' {
  const rank = { none: 0, supported: 1, info: 2, warning: 3, error: 4 } as const;
  let best: keyof typeof rank = 'none';
  for (const r of recordsOfPage(body)) {
    if (r.claimId !== claimId) continue;
    const v = judge(bundledRegistry, r);
    const level = v.kind === 'contradicted' ? v.level : 'supported';
    if (rank[level] > rank[best]) best = level;
  }
  return best;
}
