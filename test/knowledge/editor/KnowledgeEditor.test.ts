import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Change, EditorError, KnowledgeEditor, versionOf } from '../../../src/knowledge/editor';
import { tryLoadKnowledge } from '../../../src/loadKnowledge';
import { editorFixture, type EditorFixture, snapshot } from './support';

type Rule = { id: string; remedy: string; retired?: boolean; [key: string]: unknown };

async function refusal(promise: Promise<unknown>): Promise<EditorError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof EditorError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

function historyLines(fixture: EditorFixture): Change[] {
  const file = path.join(fixture.dataDir, 'knowledge-history', 'changes.jsonl');
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Change) : [];
}

describe('the knowledge editor', () => {
  let fixture: EditorFixture;
  beforeEach(() => {
    fixture = editorFixture();
  });
  afterEach(() => fixture.cleanup());

  it('lists the collections of docs/admin-api.md with their counts and a record schema each', () => {
    const collections = fixture.editor.collections();
    expect(collections.map((c) => c.id)).toEqual(['rules', 'checkSettings', 'faqTopics', 'faqFigures', 'upcoming', 'tenders', 'contacts', 'situations', 'events', 'documents', 'messages']);
    const rules = collections.find((c) => c.id === 'rules')!;
    expect(rules.label).toBe('Règles de vérification');
    expect(rules.count).toBe(45);
    expect((rules.recordSchema as { required: string[] }).required).toContain('remedy');
    expect((rules.recordSchema as { $defs: object }).$defs).toHaveProperty('condition');
    const topics = collections.find((c) => c.id === 'faqTopics')!;
    expect(topics.count).toBe(readdirSync(path.join(fixture.knowledgeDir, 'faq/topics')).length);
    expect((topics.recordSchema as { properties: object }).properties).not.toHaveProperty('$schema');
    expect(collections.find((c) => c.id === 'checkSettings')!.count).toBe(1);
  });

  it('searches ids and texts with accents and case folded', () => {
    const hits = fixture.editor.list('rules', 'extrait D’IMMATRICULATION'.replace('’', "'")).map((r) => r.id);
    expect(hits).toContain('KBIS_TOO_OLD');
    expect(fixture.editor.list('events', 'REUNION du club').map((r) => r.id)).toEqual(['ha30-reunion-club']);
    expect(fixture.editor.list('rules', 'kbis_too').map((r) => r.id)).toEqual(['KBIS_TOO_OLD']);
    // The rules named after the query come before those that only mention it in a text.
    const ranked = fixture.editor.list('rules', 'kbis');
    const named = (r: { id: string; title: string }) => /kbis/i.test(r.id) || /kbis/i.test(r.title);
    expect(ranked.length).toBeGreaterThan(ranked.filter(named).length);
    expect(ranked.findIndex((r) => !named(r))).toBe(ranked.filter(named).length);
    expect(ranked[0]!.id).toBe('KBIS_TOO_OLD');
    const kbis = fixture.editor.list('rules').find((r) => r.id === 'KBIS_TOO_OLD')!;
    expect(kbis).toEqual({ id: 'KBIS_TOO_OLD', title: 'Extrait d\'immatriculation trop ancien', version: expect.stringMatching(/^[0-9a-f]{16}$/), file: 'rules/e-identity.json' });
  });

  it('updates a rule: one file rewritten in its own format, a history entry with a field diff and a French summary', async () => {
    const before = snapshot(fixture.knowledgeDir);
    const read = fixture.editor.get('rules', 'KBIS_TOO_OLD');
    const rule = read.record as Rule;
    const edited = { ...rule, remedy: 'Demandez un Kbis de moins de trois mois sur infogreffe.fr.', message: { ...(rule.message as object), default: 'Votre Kbis « {file} » est trop ancien.' } };
    const result = await fixture.editor.update('rules', 'KBIS_TOO_OLD', edited, read.version, 'paul.cci');
    expect(result.version).toBe(versionOf(edited));
    expect(result.change).toMatchObject({ action: 'update', collection: 'rules', recordId: 'KBIS_TOO_OLD', who: 'paul.cci', file: 'rules/e-identity.json', summary: 'Règle « Extrait d\'immatriculation trop ancien » modifiée : message, remède' });
    expect(result.change.diff).toEqual([
      { path: '/message/default', before: (rule.message as { default: string }).default, after: 'Votre Kbis « {file} » est trop ancien.' },
      { path: '/remedy', before: rule.remedy, after: 'Demandez un Kbis de moins de trois mois sur infogreffe.fr.' },
    ]);
    const after = snapshot(fixture.knowledgeDir);
    expect(Object.keys(after).filter((name) => after[name] !== before[name])).toEqual(['rules/e-identity.json']);
    const text = readFileSync(path.join(fixture.knowledgeDir, 'rules/e-identity.json'), 'utf8');
    expect(text.startsWith('{\n  "$schema": "../schemas/rules.schema.json",\n  "rules": [\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(fixture.editor.get('rules', 'KBIS_TOO_OLD').record).toEqual(edited);
    const [stored] = historyLines(fixture);
    expect(stored).toMatchObject({ id: result.change.id, before: rule, after: edited });
    expect(stored).not.toHaveProperty('reloaded');
    expect(tryLoadKnowledge(fixture.knowledgeDir).problems).toEqual([]);
  });

  it('keeps a one-space file one-space (contacts.json), and a list of phrasings is one field in the diff', async () => {
    const read = fixture.editor.get('situations', 'PAYMENT_DELAY');
    const situation = read.record as { keywords: string[] };
    const result = await fixture.editor.update('situations', 'PAYMENT_DELAY', { ...situation, keywords: ['facture en retard', ...situation.keywords] }, read.version, 'paul.cci');
    expect(result.change.diff).toEqual([{ path: '/keywords', before: situation.keywords, after: ['facture en retard', ...situation.keywords] }]);
    expect(result.change.summary).toBe('Situation « Retard de paiement ou différend avec un acheteur » modifiée : mots-clés');
    expect(readFileSync(path.join(fixture.knowledgeDir, 'contacts.json'), 'utf8').startsWith('{\n "$schema": "./schemas/contacts.schema.json",\n "updatedAt"')).toBe(true);
  });

  it('refuses the second of two saves made from the same read (409 with the current record)', async () => {
    const first = fixture.editor.get('faqFigures', fixture.editor.list('faqFigures')[0]!.id);
    const second = fixture.editor.get('faqFigures', first.id);
    const figure = first.record as { label: string };
    const saved = await fixture.editor.update('faqFigures', first.id, { ...figure, label: `${figure.label} (révisé)` }, first.version, 'paul.cci');
    const error = await refusal(fixture.editor.update('faqFigures', second.id, { ...figure, label: `${figure.label} (autre)` }, second.version, 'anne.cci'));
    expect(error.kind).toBe('conflict');
    expect(error.message).toMatch(/modifiée entre-temps/);
    expect(error.details.current).toEqual({ record: { ...figure, label: `${figure.label} (révisé)` }, version: saved.version });
    expect(historyLines(fixture)).toHaveLength(1);
  });

  it('serialises two saves of the same record sent at once: one wins, the other is a conflict', async () => {
    const read = fixture.editor.get('messages', 'welcome.title');
    const outcomes = await Promise.allSettled([
      fixture.editor.update('messages', 'welcome.title', 'Bienvenue chez HA30', read.version, 'paul.cci'),
      fixture.editor.update('messages', 'welcome.title', 'Bonjour et bienvenue', read.version, 'anne.cci'),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!;
    expect((rejected.reason as EditorError).kind).toBe('conflict');
    expect(historyLines(fixture)).toHaveLength(1);
  });

  it('refuses a save that changes nothing (« Enregistrer » clicked without an edit, a restore to the state already there): no write, no history line', async () => {
    const before = snapshot(fixture.knowledgeDir);
    const read = fixture.editor.get('checkSettings', 'settings');
    const same = await refusal(fixture.editor.update('checkSettings', 'settings', { ...(read.record as object) }, read.version, 'paul.cci'));
    expect([same.kind, same.message]).toEqual(['bad-request', 'Rien n’a changé : la fiche est déjà ainsi ; rien n’a été enregistré ni ajouté à l’historique.']);
    expect(snapshot(fixture.knowledgeDir)).toEqual(before);
    expect(historyLines(fixture)).toEqual([]);
    const changed = await fixture.editor.update('checkSettings', 'settings', { ...(read.record as object), kbisMaxAgeMonths: 6 }, read.version, 'paul.cci');
    expect((await refusal(fixture.editor.restore(changed.change.id, 'paul.cci'))).message).toMatch(/^Rien n’a changé/);
    expect(historyLines(fixture)).toHaveLength(1);
  });

  it('refuses a change that would make the knowledge invalid, with every problem, and changes no byte', async () => {
    const before = snapshot(fixture.knowledgeDir);
    const read = fixture.editor.get('rules', 'KBIS_TOO_OLD');
    const rule = read.record as Rule & { detect: { params: Record<string, unknown> }[] };
    const broken = { ...rule, detect: [{ ...rule.detect[0], params: { ...rule.detect[0]!.params, months: 3 } }] };
    const error = await refusal(fixture.editor.update('rules', 'KBIS_TOO_OLD', broken, read.version, 'paul.cci'));
    expect(error.kind).toBe('invalid');
    expect(error.details.problems).toEqual([expect.objectContaining({ file: 'rules/e-identity.json', path: expect.stringMatching(/^\/rules\/\d+\/detect\/0\/params$/), what: 'la durée de la fenêtre n’est pas donnée une et une seule fois' })]);
    expect(snapshot(fixture.knowledgeDir)).toEqual(before);
    expect(historyLines(fixture)).toEqual([]);
  });

  it('retires a rule with "retired": true (still listed, marked) and removes any other record', async () => {
    const rule = fixture.editor.get('rules', 'KBIS_TOO_OLD');
    const retired = await fixture.editor.retire('rules', 'KBIS_TOO_OLD', rule.version, 'paul.cci');
    expect(retired.change).toMatchObject({ action: 'retire', summary: 'Règle « Extrait d\'immatriculation trop ancien » retirée', diff: [{ path: '/retired', after: true }] });
    expect(fixture.editor.list('rules', 'KBIS_TOO_OLD')).toEqual([expect.objectContaining({ id: 'KBIS_TOO_OLD', retired: true })]);
    expect(fixture.editor.collections().find((c) => c.id === 'rules')!.count).toBe(45);
    const event = fixture.editor.get('events', 'cible-affaires');
    const removed = await fixture.editor.retire('events', 'cible-affaires', event.version, 'paul.cci');
    expect(removed.change).toMatchObject({ summary: 'Événement « Rendez-vous d\'affaires Cible Affaires (CCI) » supprimé', before: event.record });
    expect(removed.change).not.toHaveProperty('after');
    expect(() => fixture.editor.get('events', 'cible-affaires')).toThrow(/n’existe pas/);
    expect((await refusal(fixture.editor.retire('checkSettings', 'settings', fixture.editor.get('checkSettings', 'settings').version, 'paul.cci'))).kind).toBe('bad-request');
  });

  it('undoes and restores: each a new change, the record as it was before or after the change', async () => {
    const original = fixture.editor.get('checkSettings', 'settings');
    const settings = original.record as { kbisMaxAgeMonths: number };
    const changed = await fixture.editor.update('checkSettings', 'settings', { ...settings, kbisMaxAgeMonths: 6 }, original.version, 'paul.cci');
    expect(changed.change.summary).toBe('Réglages de la vérification modifiés : durée de validité du Kbis');
    const undone = await fixture.editor.undo(changed.change.id, 'anne.cci');
    expect(undone.change).toMatchObject({ action: 'restore', restores: { changeId: changed.change.id, state: 'before' }, diff: [{ path: '/kbisMaxAgeMonths', before: 6, after: 3 }], who: 'anne.cci' });
    expect(fixture.editor.get('checkSettings', 'settings').record).toEqual(settings);
    const restored = await fixture.editor.restore(changed.change.id, 'paul.cci');
    expect(restored.change.restores).toEqual({ changeId: changed.change.id, state: 'after' });
    expect((fixture.editor.get('checkSettings', 'settings').record as { kbisMaxAgeMonths: number }).kbisMaxAgeMonths).toBe(6);
    expect(fixture.editor.changes().map((c) => c.id)).toEqual([restored.change.id, undone.change.id, changed.change.id]);
    expect(fixture.editor.changes({ collection: 'rules' })).toEqual([]);
    expect(fixture.editor.changes({ limit: 1 })).toHaveLength(1);

    // A removed record comes back where it was, with an undo of its removal.
    const event = fixture.editor.get('events', 'cible-affaires');
    const removed = await fixture.editor.retire('events', 'cible-affaires', event.version, 'paul.cci');
    await fixture.editor.undo(removed.change.id, 'paul.cci');
    expect(fixture.editor.get('events', 'cible-affaires')).toEqual(event);
    expect((await refusal(fixture.editor.undo('no-such-change', 'paul.cci'))).kind).toBe('not-found');
  });

  it('creates a FAQ topic as its own file, removes it on retire, and an undo of the removal brings the same bytes back', async () => {
    const topic = {
      id: 'FAQ_BOURSE_SOUS_TRAITANCE',
      title: 'Trouver un cotraitant',
      short: 'Le club HA30 met en relation les entreprises qui cherchent un partenaire pour répondre ensemble.',
      details: ['Adressez-vous à la CCI Gard : elle connaît les entreprises du club qui cherchent à se grouper.'],
      legal: ['Article R2142-19 du code de la commande publique (groupements)'],
      links: [{ label: 'CCI Gard', url: 'https://www.gard.cci.fr/' }],
      related: [],
      phrasings: ['trouver un cotraitant', 'chercher un partenaire pour candidater', 'bourse aux cotraitants', 'je cherche une entreprise partenaire', 'avec qui répondre à plusieurs', 'mise en relation cotraitance', 'annuaire des cotraitants du club', 'comment trouver un associé pour un marché', 'besoin d un partenaire pour un gros lot', 'qui peut se grouper avec moi'],
    };
    const created = await fixture.editor.create('faqTopics', topic, 'paul.cci');
    const file = path.join(fixture.knowledgeDir, 'faq/topics/FAQ_BOURSE_SOUS_TRAITANCE.json');
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('{\n  "$schema": "../../schemas/faq-topic.schema.json",\n  "id": "FAQ_BOURSE_SOUS_TRAITANCE",')).toBe(true);
    expect(created.change).toMatchObject({ action: 'create', summary: 'Sujet de FAQ « Trouver un cotraitant » créé', file: 'faq/topics/FAQ_BOURSE_SOUS_TRAITANCE.json', after: topic });
    expect(created.change).not.toHaveProperty('before');
    expect((await refusal(fixture.editor.create('faqTopics', topic, 'paul.cci'))).kind).toBe('conflict');
    const removed = await fixture.editor.retire('faqTopics', topic.id, created.version, 'paul.cci');
    expect(existsSync(file)).toBe(false);
    const back = await fixture.editor.undo(removed.change.id, 'paul.cci');
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(back.change.summary).toBe('Sujet de FAQ « Trouver un cotraitant » rétabli');
    // Undoing the creation removes the topic: the history says so, not « rétabli » as if it were back.
    const undone = await fixture.editor.undo(created.change.id, 'anne.cci');
    expect(existsSync(file)).toBe(false);
    expect(undone.change).toMatchObject({ action: 'restore', summary: 'Sujet de FAQ « Trouver un cotraitant » supprimé', before: topic });
    // A topic id that is not one (a path, say) never reaches the file system.
    const error = await refusal(fixture.editor.create('faqTopics', { ...topic, id: '../../evil' }, 'paul.cci'));
    expect(error.kind).toBe('bad-request');
    expect(existsSync(path.join(fixture.knowledgeDir, '..', 'evil.json'))).toBe(false);
    // A topic id as an adviser types it, in words: the rule of a topic id, not the one of ids in general.
    const words = await refusal(fixture.editor.create('faqTopics', { ...topic, id: 'faq paiement' }, 'paul.cci'));
    expect(words.message).toBe('Identifiant de sujet « faq paiement » invalide : FAQ_ suivi de majuscules sans accents, de chiffres et de soulignés, par exemple FAQ_KBIS_AGE.');
  });

  it('leaves the previous file whole when a save fails between the temporary file and the rename, and cleans a leftover temporary file', async () => {
    const crashing = editorFixture({
      hooks: {
        beforeRename: () => {
          throw new Error('crash simulated');
        },
      },
    });
    try {
      const before = snapshot(crashing.knowledgeDir);
      const read = crashing.editor.get('messages', 'welcome.title');
      await expect(crashing.editor.update('messages', 'welcome.title', 'Bienvenue', read.version, 'paul.cci')).rejects.toThrow('crash simulated');
      expect(snapshot(crashing.knowledgeDir)).toEqual(before);
      expect(historyLines(crashing)).toEqual([]);

      // A crash for real leaves the temporary file behind, half written: never read, removed at the next start.
      const leftover = path.join(crashing.knowledgeDir, '.messages.json.0123456789ab.tmp');
      writeFileSync(leftover, '{ "$schema": "./schemas/messages.schema.json", "messages": { "welcome.ti');
      expect(tryLoadKnowledge(crashing.knowledgeDir).problems).toEqual([]);
      new KnowledgeEditor({ knowledgeDir: crashing.knowledgeDir, dataDir: crashing.dataDir, validate: (dir) => tryLoadKnowledge(dir) });
      expect(existsSync(leftover)).toBe(false);
      expect(snapshot(crashing.knowledgeDir)).toEqual(before);
    } finally {
      crashing.cleanup();
    }
  });
});
