#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm ci` (the prepare script),
// and bundled into dist/bundle when the build can (src/boot/launch.ts picks
// which and loads it).
import { fileURLToPath } from 'node:url';

const fail = (err) => {
  process.stderr.write(`claimlint: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
  if (process.argv.includes('--debug') && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  process.exitCode = 2;
};

import('../dist/src/boot/launch.js').then(
  ({ loadMain, saveCodeCache }) =>
    loadMain(fileURLToPath(new URL('../dist/', import.meta.url))).then(
      (main) =>
        main(process.argv.slice(2)).then(
          (code) => {
            process.exitCode = code;
            saveCodeCache();
          },
          fail,
        ),
      fail,
    ),
  fail,
);
