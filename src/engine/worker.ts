// Worker-thread entry: analyses chunks of files with its own copy of the
// services (registry, cue lists, gazetteer) and sends the analyses back.
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeFile } from './analyze.js';
import { setup, type RunOptions } from './run.js';
import type { WorkerChunk, WorkerReply } from './workers.js';
import { portable } from './workers.js';

const options = workerData as Pick<RunOptions, 'cwd' | 'configPath' | 'registryPath' | 'asOf'>;
// The main thread has validated and self-tested the registry already.
const { services } = setup(options, { selfTest: false });

parentPort!.on('message', (chunk: WorkerChunk) => {
  const reply: WorkerReply = {
    chunk: chunk.chunk,
    analyses: chunk.files.map((f) => portable(analyzeFile(f.file, f.bytes instanceof Uint8Array ? f.bytes : new Error(f.bytes.message), services))),
  };
  parentPort!.postMessage(reply);
});
