import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LineIndex } from '../text/position.js';
import { analyzeFile, type FileAnalysis, type Services } from './analyze.js';
import type { DiscoveredFile } from './discover.js';
import type { RunOptions } from './run.js';

/** A file to analyse: its bytes, or why they could not be read. */
export interface FileInput {
  readonly file: DiscoveredFile;
  readonly bytes: Uint8Array | Error;
}

export interface WorkerChunk {
  readonly chunk: number;
  readonly files: readonly { readonly file: DiscoveredFile; readonly bytes: Uint8Array | { readonly message: string } }[];
}

export interface WorkerReply {
  readonly chunk: number;
  readonly analyses: readonly PortableAnalysis[];
}

/** An analysis as it crosses threads: no class instances, no sentences (only the file stages read them). */
export type PortableAnalysis = Omit<FileAnalysis, 'lines'>;

export function portable(a: FileAnalysis): PortableAnalysis {
  const { lines: _lines, ...rest } = a;
  return rest.article ? { ...rest, article: { ...rest.article, sentences: [], ignored: [] } } : rest;
}

function revive(a: PortableAnalysis): FileAnalysis {
  return a.article ? { ...a, lines: new LineIndex(a.article.file.text) } : a;
}

/** Below this many files the threads' start-up costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 400;
const CHUNK = 64;

/** How many threads to use (this one included) when --jobs is not given. */
export function defaultJobs(): number {
  return Math.max(1, Math.min(availableParallelism(), 8));
}

/**
 * Analyses files on `jobs` threads: this one and jobs − 1 workers, each with
 * its own services, pulling chunks from one queue. Results come back in input
 * order, so output does not depend on scheduling.
 */
export async function analyzeMany(
  inputs: readonly FileInput[],
  services: Services,
  options: Pick<RunOptions, 'cwd' | 'configPath' | 'registryPath' | 'asOf'>,
  jobs: number,
): Promise<FileAnalysis[]> {
  const entry = new URL('./worker.js', import.meta.url);
  // Under a TypeScript runner the compiled worker does not exist: stay on this thread.
  if (jobs <= 1 || inputs.length < MIN_FILES_FOR_WORKERS || !existsSync(fileURLToPath(entry))) {
    return inputs.map((i) => analyzeFile(i.file, i.bytes, services));
  }
  const results: FileAnalysis[] = new Array(inputs.length);
  const chunks: number[][] = [];
  for (let i = 0; i < inputs.length; i += CHUNK) chunks.push(Array.from({ length: Math.min(CHUNK, inputs.length - i) }, (_, k) => i + k));
  let next = 0;
  const workers = Array.from({ length: jobs - 1 }, () => new Worker(entry, { workerData: { ...options } }));
  try {
    await new Promise<void>((resolveAll, rejectAll) => {
      let pending = chunks.length;
      const done = () => {
        if (--pending === 0) resolveAll();
      };
      const feed = (w: Worker) => {
        if (next >= chunks.length) return;
        const c = next++;
        const files = chunks[c]!.map((i) => {
          const b = inputs[i]!.bytes;
          return { file: inputs[i]!.file, bytes: b instanceof Error ? { message: b.message } : b };
        });
        w.postMessage({ chunk: c, files } satisfies WorkerChunk);
        if (process.env.CLAIMLINT_TRACE) process.stderr.write(`w${c} `);
      };
      for (const w of workers) {
        w.on('message', (reply: WorkerReply) => {
          chunks[reply.chunk]!.forEach((i, k) => (results[i] = revive(reply.analyses[k]!)));
          feed(w);
          done();
        });
        w.on('error', rejectAll);
        feed(w);
      }
      // This thread works the same queue, yielding between chunks so replies are taken in.
      const local = () => {
        if (next >= chunks.length) return;
        const c = next++;
        for (const i of chunks[c]!) results[i] = analyzeFile(inputs[i]!.file, inputs[i]!.bytes, services);
        done();
        setImmediate(local);
      };
      local();
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
