import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isAppError } from '../../src/errors';
import { loadKnowledge } from '../../src/loadKnowledge';
import { KNOWLEDGE_DIR } from '../support/services';
import { BROKEN_CASES } from '../fixtures/knowledge-broken/cases';

function brokenCopy(edit: (dir: string) => void): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ha30-knowledge-'));
  cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
  edit(dir);
  return dir;
}

function editJson(file: string, change: (data: any) => void): void {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  change(data);
  writeFileSync(file, JSON.stringify(data, null, 2));
}

function refusal(dir: string): { code: string; message: string; details: Record<string, unknown> } {
  try {
    loadKnowledge(dir);
  } catch (error) {
    if (isAppError(error)) return { code: error.code, message: error.message, details: error.details };
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  throw new Error('the broken knowledge folder was accepted');
}

describe('knowledge loader', () => {
  it('accepts the shipped knowledge folder: every file valid against its schema', () => {
    const knowledge = loadKnowledge(KNOWLEDGE_DIR);
    expect(knowledge.intents.goals.map((goal) => goal.id)).toEqual(['CHECK_DOSSIER', 'FIND_TENDERS', 'ASK_QUESTION', 'CONTACT_CLUB', 'TESTIMONY']);
    expect(knowledge.messages.locale).toBe('fr-FR');
  });

  it('names the file and the JSON path of a wrong value', () => {
    const dir = brokenCopy((d) => editJson(path.join(d, 'intents.json'), (data) => (data.intents[2].utterances = ['seul'])));
    const error = refusal(dir);
    expect(error.code).toBe('KNOWLEDGE_INVALID');
    expect(error.message).toContain('intents.json');
    expect(error.message).toContain('/intents/2/utterances');
    expect(error.details.path).toBe('/intents/2/utterances');
  });

  it('refuses a file that is not JSON, naming it', () => {
    const dir = brokenCopy((d) => writeFileSync(path.join(d, 'messages.json'), '{ "locale": "fr-FR", '));
    const error = refusal(dir);
    expect(error.message).toMatch(/invalide : messages\.json — \/ n’est pas du JSON valide vers la ligne 1/);
  });

  it('refuses a file without "$schema"', () => {
    const dir = brokenCopy((d) => editJson(path.join(d, 'messages.json'), (data) => delete data.$schema));
    expect(refusal(dir).message).toMatch(/messages\.json .*"\$schema"/);
  });

  it('refuses a message the dialogs need but the file lacks', () => {
    const dir = brokenCopy((d) => editJson(path.join(d, 'messages.json'), (data) => delete data.messages['upload.tooLarge']));
    const error = refusal(dir);
    expect(error.message).toContain('/messages/upload.tooLarge');
  });

  it('refuses a goal without training examples and an unknown property', () => {
    const noExamples = brokenCopy((d) => editJson(path.join(d, 'intents.json'), (data) => (data.intents = data.intents.filter((i: { id: string }) => i.id !== 'FIND_TENDERS'))));
    expect(refusal(noExamples).message).toMatch(/FIND_TENDERS/);
    const extra = brokenCopy((d) => editJson(path.join(d, 'intents.json'), (data) => (data.goals[0].colour = 'bleu')));
    expect(refusal(extra).message).toMatch(/\/goals\/0.*colour/);
  });

  it('refuses a missing folder or a missing required file', () => {
    expect(refusal(path.join(tmpdir(), 'ha30-does-not-exist')).code).toBe('KNOWLEDGE_MISSING');
    const dir = brokenCopy((d) => unlinkSync(path.join(d, 'intents.json')));
    expect(refusal(dir).message).toMatch(/manquant : intents\.json/);
  });

  it('stops the start on every problem of the folder at once, one per line, each with how to fix it', () => {
    const names = ['a tender buyer', 'HTML in a message', 'a rule whose params'];
    const dir = brokenCopy((d) => names.forEach((name) => BROKEN_CASES.find((c) => c.name.startsWith(name))!.edit(d)));
    const error = refusal(dir);
    expect(error.code).toBe('KNOWLEDGE_INVALID');
    expect(error.details.problems).toHaveLength(3);
    const lines = error.message.split('\n');
    expect(lines[0]).toMatch(/^Fichier de connaissances invalide : /);
    expect(lines).toHaveLength(3);
    expect(error.message).toContain('messages.json — /messages/welcome.title contient du HTML (« <b> »), que le chat afficherait tel quel — écrivez du texte simple');
    expect(error.message).toContain('tenders/examples.json — /tenders/0/buyer/organisationId « ha30-conseil-general » ne désigne aucune organisation de contacts.json');
  });

  it('starts with an upcoming purchase whose date has passed: time passing never stops a bot (validate reports it)', () => {
    const dir = brokenCopy(BROKEN_CASES.find((c) => c.name.startsWith('an upcoming purchase dated in the past'))!.edit);
    try {
      expect(loadKnowledge(dir).faq.topics.length).toBeGreaterThanOrEqual(34);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
