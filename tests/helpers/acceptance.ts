// The acceptance suite (tests/acceptance/) reads real scraped pages that live
// outside this repository, in ../shared beside the checkout. A fresh clone has
// no ../shared, so the suite cannot run there; this module decides, in one
// place, whether it runs, is reported as not run, or fails the whole test run.
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..', '..');
export const sharedDir = resolve(repoRoot, '..', 'shared');
export const samplesDir = join(sharedDir, 'samples');
export const ACCEPTANCE_GLOB = 'tests/acceptance/**';
/** Set to `required` (as .ci/run does) to make a missing ../shared a failure. */
export const ACCEPTANCE_ENV = 'CLAIMLINT_ACCEPTANCE';

export type AcceptancePlan =
  | { readonly run: true }
  | { readonly run: false; readonly notice: string }
  | { readonly run: false; readonly failure: string };

/**
 * Whether the acceptance suite runs. Presence means ../shared/samples is a
 * directory (a stray ../shared folder of another project does not count).
 */
export function acceptancePlan(env: Readonly<Record<string, string | undefined>>, present: boolean): AcceptancePlan {
  if (present) return { run: true };
  const why = '../shared/samples is not beside this checkout';
  if (env[ACCEPTANCE_ENV] === 'required') {
    return { run: false, failure: `acceptance suite required (${ACCEPTANCE_ENV}=required) but ${why}` };
  }
  return {
    run: false,
    notice: `acceptance suite (tests/acceptance, real scraped pages) not run: ${why}; set ${ACCEPTANCE_ENV}=required to make this a failure`,
  };
}

export function sharedPresent(dir = samplesDir): boolean {
  return existsSync(dir) && statSync(dir).isDirectory();
}
