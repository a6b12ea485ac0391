// The list of one collection's records: search, « Nouveau », « Modifier », « Retirer ».
import { errorText, problemsOf } from './api.js';
import { clear, el, sentence, setStatus, statusLine } from './dom.js';
import { problemList } from './problems.js';

/** Collections of one record only (the check settings): nothing to add or retire. */
export const SINGLE = new Set(['checkSettings']);

export function recordHref(collectionId, id) {
  return `#/c/${encodeURIComponent(collectionId)}/r/${encodeURIComponent(id)}`;
}

function retireButton(state, one, record, status, reload) {
  const button = el('button', { className: 'secondary small danger', text: 'Retirer', attrs: { type: 'button', 'aria-label': `Retirer ${record.title ?? record.id}` } });
  button.addEventListener('click', () => {
    const box = el('div', { className: 'confirm', attrs: { role: 'group' } }, el('p', { text: `Retirer « ${record.title ?? record.id} » ? L’historique la garde : vous pourrez l’annuler.` }));
    const yes = el('button', { className: 'primary-danger small', text: 'Oui, retirer', attrs: { type: 'button' } });
    const no = el('button', { className: 'secondary small', text: 'Non', attrs: { type: 'button' }, on: { click: () => box.remove() } });
    yes.addEventListener('click', async () => {
      yes.disabled = true;
      const answer = await state.api.send('DELETE', `/api/knowledge/collections/${encodeURIComponent(one.id)}/records/${encodeURIComponent(record.id)}?version=${encodeURIComponent(record.version ?? '')}`);
      if (answer.status === 200) {
        await reload();
        setStatus(status, sentence(answer.body?.change?.summary) || 'Fiche retirée.', 'ok');
        return;
      }
      yes.disabled = false;
      const problems = problemsOf(answer);
      box.append(statusLine(answer.status === 409 ? 'Quelqu’un a modifié cette fiche entre-temps : rechargez la liste puis réessayez.' : errorText(answer), 'failed'));
      if (problems.length) box.append(problemList(problems));
    });
    box.append(el('div', { className: 'actions' }, yes, no));
    button.closest('li').append(box);
  });
  return button;
}

export async function renderRecords(container, state, one, query) {
  const single = SINGLE.has(one.id);
  container.append(el('h2', { text: one.label }));
  const status = statusLine('');
  const search = el('input', { attrs: { type: 'search', id: 'record-search', name: 'q', placeholder: 'un mot, un identifiant…' } });
  search.value = query.get('q') ?? '';
  const form = el('form', { className: 'toolbar', attrs: { role: 'search' } }, el('div', { className: 'search' }, el('label', { text: 'Rechercher', attrs: { for: 'record-search' } }), search), el('button', { text: 'Rechercher', attrs: { type: 'submit' } }));
  const head = el('div', { className: 'toolbar' }, form);
  if (!single) head.append(el('a', { className: 'button', text: 'Nouveau', attrs: { href: `#/c/${encodeURIComponent(one.id)}/nouveau` } }));
  head.append(el('a', { text: 'Historique de ces fiches', attrs: { href: `#/historique?collection=${encodeURIComponent(one.id)}` } }));
  const list = el('ul', { className: 'records', attrs: { id: 'records' } });
  container.append(el('section', { className: 'card' }, head, status, list));

  const load = async () => {
    setStatus(status, 'Chargement…');
    const q = search.value.trim();
    const answer = await state.api.get(`/api/knowledge/collections/${encodeURIComponent(one.id)}/records${q ? `?q=${encodeURIComponent(q)}` : ''}`);
    clear(list);
    if (answer.status !== 200 || !Array.isArray(answer.body)) {
      setStatus(status, errorText(answer), 'failed');
      return;
    }
    setStatus(status, answer.body.length === 0 ? (q ? `Aucune fiche ne contient « ${q} ».` : 'Aucune fiche.') : `${answer.body.length} fiche${answer.body.length > 1 ? 's' : ''}.`);
    for (const record of answer.body) {
      const actions = el('span', { className: 'record-actions' }, el('a', { className: 'button small-link', text: 'Modifier', attrs: { href: recordHref(one.id, record.id), 'aria-label': `Modifier ${record.title ?? record.id}` } }));
      if (!single && !record.retired) actions.append(retireButton(state, one, record, status, load));
      list.append(
        el(
          'li',
          { attrs: { 'data-id': record.id } },
          el('span', {}, el('span', { className: 'record-title', text: record.title ?? record.id }), record.retired ? el('span', { className: 'retired', text: ' (retirée)' }) : null, el('span', { className: 'record-id', text: `${record.id}${record.file ? ` — ${record.file}` : ''}` })),
          actions,
        ),
      );
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = search.value.trim();
    window.history.replaceState(null, '', `#/c/${encodeURIComponent(one.id)}${q ? `?q=${encodeURIComponent(q)}` : ''}`);
    void load();
  });
  await load();
}
