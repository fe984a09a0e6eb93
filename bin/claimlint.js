#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm ci` (the prepare script).
import { main } from '../dist/src/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`claimlint: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    if (process.argv.includes('--debug') && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    process.exitCode = 2;
  },
);
