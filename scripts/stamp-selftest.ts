// Build step (after tsc): self-tests the bundled registry with the bundled
// cues and, when every example is read right, stamps the build so runs with
// that registry skip the test (src/registry/selftest-stamp.ts).
import { bundledDataDigest, loadRegistryOrFail, selfTestOrFail } from '../src/engine/run.js';
import { loadCues } from '../src/extract/cues.js';
import { packagePath } from '../src/paths.js';
import { selfTestDigest, writeStamp } from '../src/registry/selftest-stamp.js';

// A registry that fails its test is not stamped, and every run tests it (and refuses it) as before;
// the build itself goes on.
try {
  const registry = loadRegistryOrFail(packagePath('claims'), packagePath());
  selfTestOrFail(registry, loadCues());
  const digest = selfTestDigest(bundledDataDigest());
  if (digest) writeStamp(digest);
  console.log(digest ? 'bundled registry self-tested; build stamped' : 'not a compiled build: nothing stamped');
} catch (err) {
  console.log(`bundled registry not stamped: ${err instanceof Error ? err.message : String(err)}`);
}
