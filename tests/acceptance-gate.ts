// vitest globalSetup: says once why the acceptance suite did not run, or fails
// the run when CI requires it (vitest.config.ts leaves the suite out when absent).
import { acceptancePlan, sharedPresent } from './helpers/acceptance.js';

export default function setup(): void {
  const plan = acceptancePlan(process.env, sharedPresent());
  if ('failure' in plan) throw new Error(plan.failure);
  if ('notice' in plan) process.stdout.write(`claimlint tests: ${plan.notice}\n`);
}
