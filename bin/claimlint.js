#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm ci` (the prepare script),
// and bundled into dist/bundle when the build can (bin/launch.js picks which).
import { fileURLToPath, pathToFileURL } from 'node:url';
import { entryModule } from './launch.js';

const fail = (err) => {
  process.stderr.write(`claimlint: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
  if (process.argv.includes('--debug') && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  process.exitCode = 2;
};

import(pathToFileURL(entryModule(fileURLToPath(new URL('../dist/', import.meta.url)))).href).then(
  ({ main }) =>
    main(process.argv.slice(2)).then((code) => {
      process.exitCode = code;
    }, fail),
  fail,
);
