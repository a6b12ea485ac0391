import { FaqClassifier } from '../faq';
import { problemsOf } from '../knowledge/problems';
import { tryLoadKnowledge } from '../loadKnowledge';
import { faqFingerprint, knowledgeVersion } from './faqFingerprint';
import { FaqModelCache } from './faqModelCache';
import type { WorkerReply, WorkerTask } from './workerProtocol';

/**
 * The reload's heavy part, the same in the worker thread and (if no worker can start) in process:
 * read and validate the whole folder once, then train the FAQ unless the same FAQ is trained already
 * (in the process, or on disk: then the stored model is sent instead).
 */
export function readAndTrain(task: WorkerTask, training: () => void): WorkerReply {
  try {
    const { problems, knowledge } = tryLoadKnowledge(task.dir, { now: new Date(task.now), alreadyAnnounced: task.announced });
    if (!knowledge || problems.length > 0) return { kind: 'done', problems };
    const faqKey = faqFingerprint(knowledge.faq);
    const version = knowledgeVersion(knowledge);
    if (task.trained.includes(faqKey)) return { kind: 'done', problems, knowledge, version, faqKey };
    const cache = task.faqCacheDir ? new FaqModelCache(task.faqCacheDir) : undefined;
    const cached = cache?.read(faqKey, knowledge.faq);
    if (cached) return { kind: 'done', problems, knowledge, version, faqKey, model: cached, modelCached: true };
    training();
    const model = new FaqClassifier(knowledge.faq).toModel();
    cache?.write(faqKey, model);
    return { kind: 'done', problems, knowledge, version, faqKey, model };
  } catch (error) {
    return { kind: 'failed', reason: error instanceof Error ? error.message : String(error), problems: problemsOf(error) };
  }
}
