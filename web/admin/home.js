// The home of /admin: which knowledge the assistant uses now, the file edits it refused (in red,
// with their problems), the collections to edit and the last changes.
import { errorText } from './api.js';
import { el, frenchDateTime, statusLine } from './dom.js';
import { changeItem } from './history.js';
import { problemList } from './problems.js';

const SOURCES = { start: 'au démarrage du service', file: 'après une modification d’un fichier', admin: 'après une modification faite ici' };

function liveStatus(status) {
  const box = el('section', { className: 'card', attrs: { 'aria-labelledby': 'live-title', id: 'live' } }, el('h2', { text: 'Connaissances en service', attrs: { id: 'live-title' } }));
  box.append(
    el(
      'dl',
      { className: 'live' },
      el('dt', { text: 'Chargée le' }),
      el('dd', { text: status.loadedAt ? `${frenchDateTime(status.loadedAt)} (${SOURCES[status.source] ?? status.source ?? ''})` : '—', attrs: { id: 'live-loaded' } }),
      // The version is a fingerprint: useful to quote to a developer, meaningless otherwise — said so.
      el('dt', { text: 'Version (à citer au support)' }),
      el('dd', { text: String(status.version ?? '—'), attrs: { id: 'live-version' } }),
    ),
  );
  if (status.training) box.append(el('p', { className: 'training', text: 'Réentraînement de la FAQ en cours : les questions fréquentes utilisent encore l’ancienne version quelques instants.', attrs: { id: 'live-training' } }));
  const refusals = Array.isArray(status.refusals) ? status.refusals : [];
  if (refusals.length) {
    const list = el('div', { className: 'refusals', attrs: { id: 'live-refusals', role: 'alert' } }, el('h3', { text: 'Modifications refusées (les connaissances précédentes restent en service)' }));
    for (const refusal of refusals) {
      list.append(el('p', { text: `Le ${frenchDateTime(refusal.at)} (${SOURCES[refusal.source] ?? refusal.source ?? ''}) :` }), problemList(Array.isArray(refusal.problems) ? refusal.problems : []));
    }
    list.append(el('p', { className: 'hint', text: 'Corrigez le fichier indiqué (ou refaites la modification ici) : tant qu’il n’est pas valide, l’assistant garde la dernière version correcte.' }));
    box.append(list);
  } else {
    box.append(el('p', { className: 'hint', text: 'Aucune modification refusée récemment.' }));
  }
  return box;
}

export async function renderHome(container, state) {
  container.append(el('h2', { text: 'Accueil' }));
  const [status, history] = await Promise.all([state.api.get('/api/knowledge/status'), state.api.get('/api/knowledge/history?limit=5')]);
  if (status.status === 200 && status.body) container.append(liveStatus(status.body));
  else container.append(el('section', { className: 'card' }, el('h2', { text: 'Connaissances en service' }), statusLine(`État indisponible : ${errorText(status)}`, 'failed')));

  const collections = el('ul', { className: 'collections' });
  for (const one of state.collections) {
    collections.append(el('li', {}, el('a', { attrs: { href: `#/c/${encodeURIComponent(one.id)}` } }, el('span', { text: one.label }), el('span', { className: 'count', text: one.count === undefined ? '' : `${one.count} fiche${one.count > 1 ? 's' : ''}` }))));
  }
  container.append(el('section', { className: 'card', attrs: { 'aria-labelledby': 'collections-title' } }, el('h2', { text: 'Que voulez-vous modifier ?', attrs: { id: 'collections-title' } }), collections));

  const recent = el('section', { className: 'card', attrs: { 'aria-labelledby': 'recent-title' } }, el('h2', { text: 'Dernières modifications', attrs: { id: 'recent-title' } }));
  if (history.status === 200 && Array.isArray(history.body)) {
    if (history.body.length === 0) recent.append(el('p', { className: 'hint', text: 'Aucune modification pour l’instant.' }));
    else recent.append(el('ul', { className: 'changes' }, ...history.body.map((change) => changeItem(change, state, null))));
    recent.append(el('p', {}, el('a', { text: 'Tout l’historique', attrs: { href: '#/historique' } })));
  } else recent.append(statusLine(`Historique indisponible : ${errorText(history)}`, 'failed'));
  container.append(recent);
}
