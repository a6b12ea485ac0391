import { parentPort, workerData } from 'node:worker_threads';
import { readAndTrain } from './readAndTrain';
import type { WorkerReply, WorkerTask } from './workerProtocol';

// The entry of the reload's worker thread (loadInWorker.ts starts it): one task, one reply, then it ends.
const port = parentPort!;
const reply = readAndTrain(workerData as WorkerTask, () => port.postMessage({ kind: 'training' } satisfies WorkerReply));
// The model's typed arrays are moved, not copied: several megabytes.
const transfer = reply.kind === 'done' && reply.model ? [reply.model.softmax.weights.buffer, reply.model.softmax.bias.buffer, reply.model.space.idf.buffer] : [];
port.postMessage(reply, transfer as ArrayBuffer[]);
