import { defineConfig } from 'vitest/config';
import { ACCEPTANCE_GLOB, acceptancePlan, sharedPresent } from './tests/helpers/acceptance.js';

// Without ../shared the acceptance suite is left out here and tests/acceptance-gate.ts
// prints one line saying so (or fails the run when CLAIMLINT_ACCEPTANCE=required).
const plan = acceptancePlan(process.env, sharedPresent());

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: plan.run ? ['**/node_modules/**'] : ['**/node_modules/**', ACCEPTANCE_GLOB],
    globalSetup: ['tests/acceptance-gate.ts'],
    // Parsers are loaded lazily per format; tests that parse directly need them loaded (see the file).
    setupFiles: ['tests/helpers/load-parsers.ts'],
    // A guard against hangs, not a speed assertion: the machines are shared and
    // slow under load (a fuzz batch took over 60 s on a busy runner).
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Messages follow the environment's language (LC_ALL, LC_MESSAGES, LANG): the
    // tests run in English unless one asks for Chinese with --locale or config.
    env: { LC_ALL: 'C.UTF-8', LC_MESSAGES: '', LANG: 'C.UTF-8' },
  },
});
