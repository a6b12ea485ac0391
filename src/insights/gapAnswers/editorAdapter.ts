import type { FaqKnowledge, FaqTopic } from '../../faq/types';
import { type KnowledgeEditor, isEditorError } from '../../knowledge/editor';
import type { FaqTopicEditor } from './GapAnswerService';

/**
 * The `faqTopics` collection of the knowledge editor for the gap-to-answer flow: every write carries
 * `action: gap.answer`; the editor's refusals (EditorError: 422 with problems, 409 version) go through.
 * `faq` is the FAQ of the knowledge live now (its settings: lexicon, out-of-scope phrasings).
 */
export function faqTopicsThroughEditor(editor: KnowledgeEditor, faq: () => FaqKnowledge): FaqTopicEditor {
  return {
    faq,
    read: async (id) => {
      try {
        const view = editor.get('faqTopics', id);
        return { record: view.record as FaqTopic, version: view.version };
      } catch (error) {
        if (isEditorError(error) && error.kind === 'not-found') return undefined;
        throw error;
      }
    },
    update: async (id, record, version, who) => (await editor.update('faqTopics', id, record, version, who, { action: 'gap.answer' })).change,
    create: async (record, who) => (await editor.create('faqTopics', record, who, { action: 'gap.answer' })).change,
  };
}
