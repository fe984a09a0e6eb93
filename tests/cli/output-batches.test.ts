// A report in pieces goes to stdout in batches (src/cli/output.ts): the bytes
// are the pieces' own, in order, whether the writer is done with each batch at
// once (the batch buffer is filled again) or keeps it (a new one is made).
import { describe, expect, it } from 'vitest';
import { writeReport, type Io } from '../../src/cli/output.js';

const io = (done: boolean | undefined, out: Buffer[], kept: Uint8Array[]): Io => ({
  cwd: process.cwd(),
  stdout: (s) => out.push(Buffer.from(s, 'utf8')),
  stdoutBytes: (b) => {
    // A copy of what was written now; `kept` holds the buffer itself, as a queued write would.
    out.push(Buffer.from(b));
    kept.push(b);
    return done;
  },
  stderr: () => undefined,
  isTTY: false,
  env: {},
  readStdin: () => '',
});

describe('writing a report in pieces to stdout', () => {
  const pieces: Array<string | Uint8Array> = [];
  for (let i = 0; i < 3000; i++) {
    pieces.push(i % 2 ? Buffer.from(`{"file":"文章-${i}.md","line":${i}}`, 'utf8') : `,\n`);
    if (i % 997 === 0) pieces.push('医保个人账户'.repeat(60_000), new Uint8Array(0), '');
  }
  pieces.push(Buffer.alloc(3 << 20, 0x61));
  const expected = Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));

  for (const done of [true, false, undefined]) {
    it(`writes the pieces' bytes in order (writer done with each batch: ${done})`, () => {
      const out: Buffer[] = [];
      const kept: Uint8Array[] = [];
      writeReport(io(done, out, kept), undefined, pieces);
      expect(Buffer.concat(out).equals(expected)).toBe(true);
      // A writer that keeps its batches gets buffers nobody fills again.
      if (done !== true) expect(Buffer.concat(kept).equals(expected)).toBe(true);
    });
  }
});
