// Running every claim's examples costs most of a small run's start-up. The
// bundled registry's self-test is run once at build time instead
// (scripts/stamp-selftest.ts) and stamped with a digest of everything its
// outcome depends on: the bundled claims folder (claims and lexicon), the
// bundled data files and the compiled code. A run with the bundled registry,
// lexicon and cues whose digest matches the stamp skips it; any other
// registry, lexicon, cue file or build runs it as before.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packagePath } from '../paths.js';

/** The compiled sources' folder (dist/src), or undefined when running from TypeScript (tests). */
function compiledRoot(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  // The bundled CLI (dist/bundle, scripts/bundle.ts) is made from dist/src and stands for that code.
  if (bundled()) return join(dirname(here), 'src');
  const root = dirname(here);
  return /[\\/]dist[\\/]src$/.test(root) ? root : undefined;
}

/** Whether this module runs from the bundle (dist/bundle) rather than from dist/src. */
function bundled(): boolean {
  return /[\\/]dist[\\/]bundle$/.test(dirname(fileURLToPath(import.meta.url)));
}

const stampFile = () => packagePath('dist', 'selftest-stamp.json');

let digestOfCode: string | undefined;

function digestOfTree(dir: string, h: ReturnType<typeof createHash>, ext = '.js'): void {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) digestOfTree(p, h, ext);
    else if (e.name.endsWith(ext)) h.update(e.name).update('\0').update(readFileSync(p)).update('\0');
  }
}

/** Digest of the compiled code (dist/src), once per process; undefined when running from TypeScript (tests). */
export function codeDigest(): string | undefined {
  const root = compiledRoot();
  if (!root) return undefined;
  if (!digestOfCode && bundled()) {
    // The digest of dist/src the bundle was made from (bin/launch.js loads the bundle only while dist/src is unchanged since).
    try {
      const manifest = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'manifest.json'), 'utf8')) as { codeDigest?: unknown };
      if (typeof manifest.codeDigest === 'string' && /^[0-9a-f]{64}$/.test(manifest.codeDigest)) digestOfCode = manifest.codeDigest;
    } catch {
      // No manifest: the digest of dist/src, as unbundled.
    }
  }
  if (!digestOfCode) {
    const h = createHash('sha256');
    digestOfTree(root, h);
    digestOfCode = h.digest('hex');
  }
  return digestOfCode;
}

/** Digest of what a self-test of the bundled registry with the bundled cues depends on; undefined when not from a build. */
export function selfTestDigest(dataDigest: string): string | undefined {
  const code = codeDigest();
  if (!code) return undefined;
  const h = createHash('sha256');
  digestOfTree(packagePath('claims'), h, '.yaml');
  return h.update(dataDigest).update('\0').update(code).digest('hex');
}

/** Whether a self-test with this digest passed at build time. */
export function stampedAsPassed(digest: string | undefined): boolean {
  if (!digest) return false;
  try {
    const stamp = JSON.parse(readFileSync(stampFile(), 'utf8')) as { passed?: unknown };
    return stamp.passed === digest;
  } catch {
    return false;
  }
}

export function writeStamp(digest: string): void {
  writeFileSync(stampFile(), `${JSON.stringify({ passed: digest })}\n`);
}
