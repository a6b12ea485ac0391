import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Change, EditorError, HISTORY_FILE, KnowledgeEditor, MAX_WAITING_WRITES } from '../../../src/knowledge/editor';
import { tryLoadKnowledge } from '../../../src/loadKnowledge';
import { editorFixture, type EditorFixture, snapshot, TODAY } from './support';


async function refusal(promise: Promise<unknown>): Promise<EditorError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof EditorError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

// The attacker's review of issue 11's editor: what a save may touch, and what it must never touch.
describe('the knowledge editor under attack', () => {
  let fixture: EditorFixture;
  let outside: string;
  beforeEach(() => {
    fixture = editorFixture();
    outside = mkdtempSync(path.join(tmpdir(), 'ha30-outside-'));
  });
  afterEach(() => {
    fixture.cleanup();
    rmSync(outside, { recursive: true, force: true });
  });

  describe('symlinks in KNOWLEDGE_DIR', () => {
    /** contacts.json becomes a link to a copy kept outside the knowledge folder. */
    function linkContactsOutside(): string {
      const target = path.join(outside, 'contacts.json');
      cpSync(path.join(fixture.knowledgeDir, 'contacts.json'), target);
      rmSync(path.join(fixture.knowledgeDir, 'contacts.json'));
      symlinkSync(target, path.join(fixture.knowledgeDir, 'contacts.json'));
      return target;
    }

    it('a refused save never writes through a symlinked file of the staging copy (the file outside keeps its bytes)', async () => {
      const target = linkContactsOutside();
      const before = readFileSync(target, 'utf8');
      const read = fixture.editor.get('situations', 'PAYMENT_DELAY');
      const error = await refusal(fixture.editor.update('situations', 'PAYMENT_DELAY', { ...(read.record as object), contactIds: ['cabinet-inconnu'] }, read.version, 'paul.cci'));
      expect(error.kind).toBe('invalid');
      expect(readFileSync(target, 'utf8')).toBe(before);
    });

    it('a valid save replaces the link by a file of the folder and leaves the file outside as it was', async () => {
      const target = linkContactsOutside();
      const before = readFileSync(target, 'utf8');
      const read = fixture.editor.get('situations', 'PAYMENT_DELAY');
      await fixture.editor.update('situations', 'PAYMENT_DELAY', { ...(read.record as object), label: 'Retard de paiement d’un acheteur public' }, read.version, 'paul.cci');
      expect(readFileSync(target, 'utf8')).toBe(before);
      expect(readFileSync(path.join(fixture.knowledgeDir, 'contacts.json'), 'utf8')).toContain('Retard de paiement d’un acheteur public');
    });

    it('a refused create under a folder that is a link inside KNOWLEDGE_DIR writes nothing in the folder it points to', async () => {
      const topics = path.join(fixture.knowledgeDir, 'faq', 'topics');
      const real = path.join(fixture.knowledgeDir, 'faq', 'topics-real');
      cpSync(topics, real, { recursive: true });
      rmSync(topics, { recursive: true });
      symlinkSync(real, topics);
      const names = readdirSync(real).sort();
      const model = JSON.parse(readFileSync(path.join(real, names[0]!), 'utf8')) as Record<string, unknown>;
      // Too few phrasings: refused once validated.
      const error = await refusal(fixture.editor.create('faqTopics', { ...model, id: 'FAQ_NACELLE', title: 'Louer une nacelle', related: [], phrasings: ['louer une nacelle'] }, 'paul.cci'));
      expect(error.kind).toBe('invalid');
      expect(readdirSync(real).sort()).toEqual(names);
    });

    it('refuses to create a file in a folder that is a link to outside KNOWLEDGE_DIR, and creates nothing there', async () => {
      const topics = path.join(fixture.knowledgeDir, 'faq', 'topics');
      const away = path.join(outside, 'topics');
      cpSync(topics, away, { recursive: true });
      rmSync(topics, { recursive: true });
      symlinkSync(away, topics);
      const names = readdirSync(away).sort();
      const model = JSON.parse(readFileSync(path.join(away, names[0]!), 'utf8')) as Record<string, unknown>;
      const phrasings = ['comment louer une nacelle', 'louer nacelle chantier', 'location de nacelle', 'nacelle en location', 'prix location nacelle', 'ou louer une nacelle', 'nacelle a louer', 'besoin d une nacelle', 'loueur de nacelle pres de nimes', 'tarif journee nacelle elevatrice'];
      const topic = { ...model, id: 'FAQ_NACELLE', title: 'Louer une nacelle', related: [], phrasings };
      const error = await refusal(fixture.editor.create('faqTopics', topic, 'paul.cci'));
      expect(error.kind).toBe('bad-request');
      expect(error.message).toMatch(/hors du dossier des connaissances/);
      expect(readdirSync(away).sort()).toEqual(names);
    });
  });

  describe('a hand edit of the folder while a save is under way', () => {
    it('is never overwritten: a file edited between the read of the save and its rename makes the save a conflict', async () => {
      const file = path.join(fixture.knowledgeDir, 'contacts.json');
      const handEdit = (text: string) => text.replace('"Retard de paiement ou différend avec un acheteur"', '"Retard de paiement (édité à la main)"');
      let edited = false;
      // The hand edit lands while the staging copy is validated (the slow part of a save).
      const editor = new KnowledgeEditor({
        knowledgeDir: fixture.knowledgeDir,
        dataDir: fixture.dataDir,
        validate: (dir) => {
          if (!edited) {
            edited = true;
            writeFileSync(file, handEdit(readFileSync(file, 'utf8')));
          }
          return tryLoadKnowledge(dir, { now: TODAY });
        },
      });
      const read = editor.get('contacts', 'mediateur-entreprises');
      const error = await refusal(editor.update('contacts', 'mediateur-entreprises', { ...(read.record as object), howToApproach: 'Saisissez le médiateur en ligne, gratuitement.' }, read.version, 'paul.cci'));
      expect(error.kind).toBe('conflict');
      expect(error.message).toMatch(/modifié pendant l’enregistrement/);
      expect(readFileSync(file, 'utf8')).toContain('Retard de paiement (édité à la main)');
      expect(readFileSync(file, 'utf8')).not.toContain('Saisissez le médiateur en ligne');
      expect(editor.changes()).toEqual([]);
    });
  });

  describe('a flood of saves', () => {
    it('queues a bounded number of writes and refuses the rest at once as busy, writing nothing of them', async () => {
      const sent = MAX_WAITING_WRITES + 4;
      // All sent at once, as a looping script would: each save copies and validates the whole folder.
      const outcomes = await Promise.allSettled(Array.from({ length: sent }, (_, i) => fixture.editor.create('messages', `Texte numéro ${i}`, 'paul.cci', { id: `flood.text${i}` })));
      const busy = outcomes.flatMap((outcome) => (outcome.status === 'rejected' && outcome.reason instanceof EditorError && outcome.reason.kind === 'busy' ? [outcome.reason] : []));
      expect(busy).toHaveLength(sent - MAX_WAITING_WRITES);
      expect(busy[0]!.message).toMatch(/patientez/);
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(MAX_WAITING_WRITES);
      expect(fixture.editor.list('messages', 'Texte numéro')).toHaveLength(MAX_WAITING_WRITES);
      // Once the queue has drained, saves are taken again.
      await fixture.editor.create('messages', 'Texte après la vague', 'paul.cci', { id: 'flood.after' });
      expect(fixture.editor.get('messages', 'flood.after').record).toBe('Texte après la vague');
    });

    it('still records a change made elsewhere (an account added) whatever the queue', async () => {
      const saves = Array.from({ length: MAX_WAITING_WRITES + 2 }, (_, i) => fixture.editor.create('messages', `Texte ${i}`, 'paul.cci', { id: `queue.text${i}` }).catch(() => undefined));
      const recorded = await fixture.editor.record({ who: 'paul.cci', action: 'account.add', collection: 'accounts', recordId: 'luc.acheteur', summary: 'Compte luc.acheteur créé (acheteur)', diff: [] });
      await Promise.all(saves);
      expect(fixture.editor.changes({ collection: 'accounts' }).map((change) => change.id)).toEqual([recorded.id]);
    });
  });

  describe('a history tampered with in DATA_DIR', () => {
    /** A change line written by hand into the history, as someone with access to DATA_DIR could. */
    function forged(change: Partial<Change> & { recordId: string; collection: string }): string {
      const full = { id: `forged-${Math.random().toString(16).slice(2)}`, at: '2026-12-01T10:00:00.000Z', who: 'paul.cci', action: 'update', summary: 'x', diff: [], ...change };
      const file = path.join(fixture.dataDir, HISTORY_FILE);
      mkdirSync(path.dirname(file), { recursive: true });
      appendFileSync(file, `${JSON.stringify(full)}\n`);
      return full.id;
    }

    it('never lets a recorded file name or record id carry a restore out of its collection’s files', async () => {
      const before = snapshot(fixture.knowledgeDir);
      const kbis = fixture.editor.get('rules', 'KBIS_TOO_OLD').record as Record<string, unknown>;
      const topic = JSON.parse(readFileSync(path.join(fixture.knowledgeDir, 'faq/topics/FAQ_KBIS_AGE.json'), 'utf8')) as Record<string, unknown>;
      const attempts = [
        forged({ collection: 'rules', recordId: 'NEW_RULE', file: 'rules/../../outside.json', after: { ...kbis, id: 'KBIS_TOO_OLD' } }),
        forged({ collection: 'faqTopics', recordId: '../../outside', file: '../../outside.json', after: { ...topic, id: '../../outside' } }),
        forged({ collection: 'faqTopics', recordId: 'FAQ_NOUVEAU', file: 'faq/topics/FAQ_KBIS_AGE.json', after: { ...topic, id: 'FAQ_NOUVEAU' } }),
        forged({ collection: 'messages', recordId: '__proto__', file: 'messages.json', after: { polluted: true } }),
        forged({ collection: 'messages', recordId: '../welcome', file: '../messages.json', after: 'x' }),
      ];
      for (const id of attempts) {
        const error = await refusal(fixture.editor.restore(id, 'paul.cci'));
        expect([id, ['bad-request', 'invalid'].includes(error.kind)]).toEqual([id, true]);
      }
      expect(snapshot(fixture.knowledgeDir)).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      // A valid record restored under a forged file name goes to its collection's own file.
      const restored = await fixture.editor.restore(forged({ collection: 'rules', recordId: 'NEW_RULE', file: '../../outside.json', after: { ...kbis, id: 'NEW_RULE' } }), 'paul.cci');
      expect(restored.change.file).toBe('rules/g-offer.json');
      expect(existsSync(path.join(fixture.knowledgeDir, '..', 'outside.json'))).toBe(false);
    });
  });
});
