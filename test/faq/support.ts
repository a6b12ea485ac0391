import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FaqService, loadFaq } from '../../src/faq';
import type { FaqKnowledge } from '../../src/faq';
import { readKnowledgeFiles } from '../../src/knowledge/loadKnowledge';
import { Messages } from '../../src/knowledge/Messages';
import type { MessagesFile } from '../../src/knowledge/types';
import { KNOWLEDGE_DIR } from '../support/services';

export { KNOWLEDGE_DIR };

/** The FAQ part of the shipped knowledge folder, as the app loads it. */
export function shippedFaq(): FaqKnowledge {
  return loadFaq(readKnowledgeFiles(KNOWLEDGE_DIR));
}

export function shippedMessages(): Messages {
  return new Messages(JSON.parse(readFileSync(path.join(KNOWLEDGE_DIR, 'messages.json'), 'utf8')) as MessagesFile);
}

let shared: FaqService | undefined;
/** One trained service per test file: training takes about a second. */
export function shippedService(): FaqService {
  shared ??= new FaqService(shippedFaq(), shippedMessages());
  return shared;
}

/** A folder with only the FAQ's files (and their schemas) copied from the shipped knowledge, to break one thing in. */
export function faqFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ha30-faq-'));
  mkdirSync(path.join(dir, 'schemas'));
  for (const schema of ['faq-topic.schema.json', 'faq-figures.schema.json', 'faq-settings.schema.json']) cpSync(path.join(KNOWLEDGE_DIR, 'schemas', schema), path.join(dir, 'schemas', schema));
  cpSync(path.join(KNOWLEDGE_DIR, 'faq'), path.join(dir, 'faq'), { recursive: true });
  return dir;
}

export function editJson(file: string, change: (data: any) => void): void {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  change(data);
  writeFileSync(file, JSON.stringify(data, null, 2));
}
