// The audit log: every change (who, when, what, the fields before → after), filtered by collection
// or record, with « Restaurer cette version » and « Annuler cette modification » behind a confirmation.
import { errorText, problemsOf } from './api.js';
import { clear, el, frenchDateTime, sentence, setStatus, statusLine } from './dom.js';
import { diffLine, readableEntries } from './diff.js';
import { problemList } from './problems.js';
import { recordHref } from './records.js';

export const ACTIONS = {
  create: 'Création',
  update: 'Modification',
  retire: 'Retrait',
  restore: 'Restauration',
  'account.add': 'Compte ajouté',
  'account.remove': 'Compte supprimé',
  'account.password': 'Mot de passe changé',
  'proposal.approve': 'Proposition approuvée',
  'proposal.reject': 'Proposition refusée',
  'gap.answer': 'Question sans réponse traitée',
};

/** Changes of a record can be restored or undone; account changes cannot (no password is kept). */
function revertible(change) {
  return typeof change.collection === 'string' && change.collection && !String(change.action).startsWith('account.');
}

function confirmBox(anchor, question, label, run) {
  const box = el('div', { className: 'confirm', attrs: { role: 'group' } }, el('p', { text: question }));
  const yes = el('button', { className: 'small', text: label, attrs: { type: 'button' } });
  const no = el('button', { className: 'secondary small', text: 'Non', attrs: { type: 'button' }, on: { click: () => box.remove() } });
  yes.addEventListener('click', async () => {
    yes.disabled = true;
    no.disabled = true;
    await run(box);
    yes.disabled = false;
    no.disabled = false;
  });
  box.append(el('div', { className: 'actions' }, yes, no));
  anchor.querySelector('.confirm')?.remove();
  anchor.append(box);
}

function revertButton(change, state, reload, kind) {
  const restore = kind === 'restore';
  const label = restore ? 'Restaurer cette version' : 'Annuler cette modification';
  const question = restore
    ? `Remettre « ${change.recordId ?? ''} » tel qu’il était juste après cette modification ? Les modifications faites depuis seront remplacées (elles restent dans l’historique).`
    : `Remettre « ${change.recordId ?? ''} » tel qu’il était avant cette modification ?`;
  const button = el('button', { className: 'secondary small', text: label, attrs: { type: 'button' } });
  button.addEventListener('click', () => {
    const item = button.closest('li');
    confirmBox(item, question, restore ? 'Oui, restaurer' : 'Oui, annuler', async (box) => {
      const answer = await state.api.send('POST', `/api/knowledge/history/${encodeURIComponent(change.id)}/${restore ? 'restore' : 'undo'}`, {});
      if (answer.status === 200 || answer.status === 201) {
        const done = `Fait. ${sentence(answer.body?.change?.summary)} L’assistant utilise déjà cette version.`.replace(/\s+/g, ' ');
        box.replaceWith(statusLine(done, 'ok'));
        // The list is drawn again (the new change on top); the sentence stays above it.
        await reload(done);
        return;
      }
      const problems = problemsOf(answer);
      box.append(statusLine(errorText(answer), 'failed'));
      if (problems.length) box.append(problemList(problems));
    });
  });
  return button;
}

/** One change of the history, readable without knowing JSON. */
export function changeItem(change, state, reload) {
  const collection = state.collections.find((one) => one.id === change.collection);
  const where = [collection?.label ?? change.collection, change.recordId].filter(Boolean).join(' — ');
  const meta = `${frenchDateTime(change.at)} — ${change.who ?? '?'} — ${ACTIONS[change.action] ?? change.action ?? ''}`;
  const target = collection && change.recordId && change.action !== 'retire' ? el('a', { text: where, attrs: { href: recordHref(collection.id, change.recordId) } }) : el('span', { text: where });
  const item = el('li', { className: 'change', attrs: { 'data-change': change.id ?? '' } }, el('p', { className: 'meta', text: meta }), el('p', { className: 'summary', text: change.summary ?? '' }), el('p', { className: 'where' }, target));
  const diff = Array.isArray(change.diff) ? change.diff : [];
  if (diff.length) item.append(el('ul', { className: 'diff' }, ...diff.flatMap(readableEntries).map((entry) => el('li', { text: diffLine(entry) }))));
  if (reload !== null && revertible(change)) item.append(el('div', { className: 'actions' }, revertButton(change, state, reload, 'restore'), revertButton(change, state, reload, 'undo')));
  return item;
}

export async function renderHistory(container, state, query) {
  container.append(el('h2', { text: 'Historique des modifications' }));
  const collection = el('select', { attrs: { id: 'filter-collection' } }, el('option', { text: 'Toutes', attrs: { value: '' } }), ...state.collections.map((one) => el('option', { text: one.label, attrs: { value: one.id } })));
  collection.value = query.get('collection') ?? '';
  const record = el('input', { attrs: { type: 'text', id: 'filter-id', placeholder: 'par exemple KBIS_TOO_OLD' } });
  record.value = query.get('id') ?? '';
  const filters = el(
    'form',
    { className: 'filters', attrs: { role: 'search' } },
    el('div', { className: 'field' }, el('label', { text: 'Connaissances', attrs: { for: 'filter-collection' } }), collection),
    el('div', { className: 'field' }, el('label', { text: 'Fiche (identifiant)', attrs: { for: 'filter-id' } }), record),
    el('button', { text: 'Filtrer', attrs: { type: 'submit' } }),
  );
  const status = statusLine('');
  status.id = 'history-status';
  const list = el('ul', { className: 'changes', attrs: { id: 'changes' } });
  container.append(el('section', { className: 'card' }, filters, status, list));

  const load = async (done = '') => {
    const params = new URLSearchParams();
    if (collection.value) params.set('collection', collection.value);
    if (record.value.trim()) params.set('id', record.value.trim());
    params.set('limit', '100');
    setStatus(status, 'Chargement…');
    const answer = await state.api.get(`/api/knowledge/history?${params}`);
    clear(list);
    if (answer.status !== 200 || !Array.isArray(answer.body)) {
      setStatus(status, errorText(answer), 'failed');
      return;
    }
    setStatus(status, answer.body.length === 0 ? 'Aucune modification ne correspond.' : `${answer.body.length} modification${answer.body.length > 1 ? 's' : ''}, la plus récente en premier.`);
    for (const change of answer.body) list.append(changeItem(change, state, load));
    if (done) setStatus(status, done, 'ok');
  };
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    if (collection.value) params.set('collection', collection.value);
    if (record.value.trim()) params.set('id', record.value.trim());
    window.history.replaceState(null, '', `#/historique${params.size ? `?${params}` : ''}`);
    void load();
  });
  await load();
}
