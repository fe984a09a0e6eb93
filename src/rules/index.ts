import type { Rule } from '../kernel/rule.js';
import type { RuleMeta } from '../types.js';
import { claimContradiction } from './claim-contradiction.js';
import { inputMeta } from './input.js';
import { staleYear } from './stale-year.js';
import { suppressionMeta } from '../kernel/suppressions.js';
import { unverifiedClaim } from './unverified-claim.js';
import { regionConflict } from './region-conflict.js';
import { corpusConflict } from './corpus-conflict.js';

/** Every rule claimlint runs, in a fixed order. */
export const rules: readonly Rule[] = [claimContradiction, staleYear, unverifiedClaim, regionConflict, corpusConflict];

/** Metadata of every rule id that can appear in a report (rules plus the input pseudo-rule). */
export function allRuleMeta(): RuleMeta[] {
  return [...rules.map((r) => r.meta), inputMeta, suppressionMeta].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function ruleIds(): string[] {
  return allRuleMeta().map((m) => m.id);
}
