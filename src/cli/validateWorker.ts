// Entry of a validate worker thread (see validateInWorkers.ts): checks chunks of the catalog
// until none are left, then posts its checks back.
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerInput } from './validateInWorkers.js';
import { takeChunks } from './validateInWorkers.js';
import { usePrecompiledSchemas } from './usePrecompiledSchemas.js';

// The yaml parser reads process.env once per token; a worker's env is its own, so a plain copy is safe.
process.env = { ...process.env };
await usePrecompiledSchemas();
parentPort?.postMessage(takeChunks(workerData as WorkerInput));
