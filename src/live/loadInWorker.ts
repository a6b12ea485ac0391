import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FaqModel } from '../faq';
import type { LoadContext, Loaded } from '../knowledge/LiveKnowledge';
import { reloadFailedProblem } from '../knowledge/problems';
import type { Knowledge } from '../loadKnowledge';
import type { Logger } from '../logger';
import { readAndTrain } from './readAndTrain';
import type { WorkerReply, WorkerTask } from './workerProtocol';

/** A knowledge read by a reload, with its FAQ's fingerprint and, if it had to be trained, the trained model. */
export interface ReloadedKnowledge {
  knowledge: Knowledge;
  faqKey: string;
  model?: FaqModel;
}

/**
 * The worker's compiled entry: next to this file when it runs compiled (npm start); under jest, which
 * runs the TypeScript sources, the copy in dist/ that the test run compiles first (globalSetup.js) —
 * so the tests drive the same worker as production does.
 */
export function workerFile(): string {
  return __filename.endsWith('.js') ? path.join(__dirname, 'knowledgeWorker.js') : path.resolve(__dirname, '../../dist/src/live/knowledgeWorker.js');
}

function outcome(reply: WorkerReply, logger: Logger): Loaded<ReloadedKnowledge> {
  if (reply.kind === 'training') return { problems: [reloadFailedProblem()] };
  if (reply.kind === 'failed') return { problems: reply.problems.length > 0 ? reply.problems : [reloadFailedProblem(reply.reason.split('\n')[0]!.slice(0, 200))] };
  if (!reply.knowledge || !reply.faqKey) return { problems: reply.problems };
  if (reply.modelCached) logger.info({ event: 'faq_model_cached', faqKey: reply.faqKey }, 'FAQ model restored from the cache, not trained');
  return { problems: reply.problems, knowledge: { knowledge: reply.knowledge, faqKey: reply.faqKey, ...(reply.model ? { model: reply.model } : {}) }, ...(reply.version ? { version: reply.version } : {}) };
}

function runWorker(file: string, task: WorkerTask, context: LoadContext): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData: task });
    let settled = false;
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      context.signal.removeEventListener('abort', abort);
      done();
    };
    const abort = () => settle(() => void worker.terminate().then(() => resolve({ kind: 'done', problems: [] })));
    context.signal.addEventListener('abort', abort, { once: true });
    worker.on('message', (reply: WorkerReply) => {
      if (reply.kind === 'training') context.training(true);
      else settle(() => resolve(reply));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`reload worker exited (${code})`))));
  });
}

/**
 * Reads, validates and (if the FAQ changed) trains in a worker thread: a turn is never blocked by a
 * reload. Without the compiled worker (a TypeScript run that did not build), the same work runs here.
 */
export async function loadInWorker(dir: string, context: LoadContext, trained: readonly string[], logger: Logger, announced: readonly string[] = [], faqCacheDir?: string): Promise<Loaded<ReloadedKnowledge>> {
  const task: WorkerTask = { dir, now: new Date().toISOString(), trained: [...trained], announced: [...announced], ...(faqCacheDir ? { faqCacheDir } : {}) };
  const file = workerFile();
  if (!existsSync(file)) {
    logger.warn({ event: 'knowledge_worker_missing', file }, 'reload worker not built: reloading in the main thread');
    return outcome(readAndTrain(task, () => context.training(true)), logger);
  }
  return outcome(await runWorker(file, task, context), logger);
}
