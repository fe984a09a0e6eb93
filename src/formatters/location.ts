// File paths as CI systems want them: relative to the checkout (the git top
// level, else the working directory), with forward slashes, and as URIs for SARIF.

import path from 'node:path';
import { pathToFileURL } from 'node:url';

const BACKSLASHES = /\\/g;
const LEADING_DOT_SLASH = /^(?:\.\/)+/;

export interface ReportLocation {
  /** Forward-slash path relative to the root when `inside`, else the absolute path. */
  readonly path: string;
  /** True when the file is under the root (and so can be given relative to the checkout). */
  readonly inside: boolean;
}

/**
 * Where a finding's file is, relative to `root` (the checkout; `cwd` when not
 * given). Findings carry paths relative to the working directory, which in a
 * run from a subfolder is not the checkout that GitHub and GitLab resolve paths
 * against. Absolute paths (and Windows separators) are tolerated so a report
 * never points at the wrong file.
 */
export function locate(file: string, cwd: string, root: string = cwd): ReportLocation {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(path.resolve(cwd, root), abs);
  if (rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) {
    return { path: abs.replace(BACKSLASHES, '/'), inside: false };
  }
  return { path: rel.replace(BACKSLASHES, '/').replace(LEADING_DOT_SLASH, ''), inside: true };
}

/** A relative path as a URI reference: each segment percent-encoded (CJK file names, spaces). */
export function relativeUri(relPath: string): string {
  return relPath.split('/').map(encodeURIComponent).join('/');
}

/** `file:` URI of a directory, with the trailing slash SARIF's uriBaseIds need. */
export function directoryUri(dir: string): string {
  const href = pathToFileURL(path.resolve(dir)).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** `file:` URI of an absolute path. */
export function fileUri(absPath: string): string {
  return pathToFileURL(absPath).href;
}
