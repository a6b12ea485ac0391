// /admin: the CCI's pages to change the assistant's knowledge. One page, its sections chosen by the
// address's fragment (#/c/rules/KBIS_TOO_OLD), each drawn by its module from the API of
// docs/admin-api.md.
import { api, errorText, startSession } from './api.js';
import { clear, el, statusLine } from './dom.js';
import { renderAccounts } from './accounts.js';
import { renderEditor } from './editor.js';
import { renderHistory } from './history.js';
import { renderHome } from './home.js';
import { renderRecords } from './records.js';

const view = document.getElementById('view');
const state = { api, collections: [], me: null, proposals: null };

/** '#/c/rules/r/KBIS_TOO_OLD?x=1' → { parts: ['c', 'rules', 'r', 'KBIS_TOO_OLD'], query } */
function route() {
  const hash = window.location.hash.replace(/^#\/?/, '');
  const [path, search] = hash.split('?');
  const parts = path.split('/').filter(Boolean).map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  });
  return { parts, query: new URLSearchParams(search ?? '') };
}

function collection(id) {
  return state.collections.find((one) => one.id === id);
}

function markCurrent() {
  const here = window.location.hash || '#/';
  for (const link of document.querySelectorAll('.admin-nav a')) {
    const target = link.getAttribute('href');
    const current = target === '#/' ? here === '#/' || here === '#' || here === '' : here === target || here.startsWith(`${target}/`) || here.startsWith(`${target}?`);
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

/** The module draws its own title and list in the container (`mountProposals(container, api)`). */
async function renderProposals(container) {
  await state.proposals.mountProposals(container, api);
}

function notFound(container) {
  container.append(el('h2', { text: 'Page introuvable' }), el('p', {}, 'Cette adresse ne correspond à aucune page de l’administration. ', el('a', { text: 'Retour à l’accueil', attrs: { href: '#/' } })));
}

async function show() {
  const { parts, query } = route();
  clear(view);
  // Each visit draws into its own element: a page still waiting for its data when the address
  // changes again finishes into a detached element, instead of adding a second copy to the view.
  const page = document.createElement('div');
  page.className = 'admin-page';
  view.append(page);
  markCurrent();
  document.querySelector('.admin-nav')?.classList.remove('open');
  document.getElementById('nav-toggle')?.setAttribute('aria-expanded', 'false');
  try {
    if (parts.length === 0) await renderHome(page, state);
    else if (parts[0] === 'c' && collection(parts[1])) {
      const one = collection(parts[1]);
      if (parts.length === 2) await renderRecords(page, state, one, query);
      else if (parts[2] === 'nouveau' && parts.length === 3) await renderEditor(page, state, one, null);
      else if (parts[2] === 'r' && parts.length === 4) await renderEditor(page, state, one, parts[3]);
      else notFound(page);
    } else if (parts[0] === 'historique' && parts.length === 1) await renderHistory(page, state, query);
    else if (parts[0] === 'comptes' && parts.length === 1) await renderAccounts(page, state);
    else if (parts[0] === 'propositions' && parts.length === 1 && state.proposals) await renderProposals(page);
    else notFound(page);
  } catch (error) {
    page.append(statusLine(`La page n’a pas pu s’afficher : ${error.message}. Rechargez la page.`, 'failed'));
  }
  if (!page.isConnected) return;
  document.title = `${page.querySelector('h2')?.textContent ?? 'Administration'} — administration HA30`;
  view.focus({ preventScroll: true });
  document.body.dataset.view = parts.join('/') || 'accueil';
}

function fillNav() {
  const list = document.getElementById('nav-collections');
  clear(list);
  for (const one of state.collections) list.append(el('li', {}, el('a', { text: one.label, attrs: { href: `#/c/${encodeURIComponent(one.id)}` } })));
}

/** The buyers' proposals (web/admin/proposals.js, shared with nothing else): loaded with the page's first view. */
async function loadProposals() {
  state.proposals = await import('./proposals.js');
  document.getElementById('nav-proposals').hidden = false;
}

async function start() {
  const nav = document.querySelector('.admin-nav');
  document.getElementById('nav-toggle').addEventListener('click', (event) => {
    const open = nav.classList.toggle('open');
    event.currentTarget.setAttribute('aria-expanded', String(open));
  });
  const session = await startSession();
  if (session.status !== 200) {
    clear(view);
    view.append(statusLine(errorText(session), 'failed'));
    return;
  }
  state.me = session.body;
  const collections = await api.get('/api/knowledge/collections');
  if (collections.status === 200 && Array.isArray(collections.body)) state.collections = collections.body;
  else view.append(statusLine(`Liste des connaissances indisponible : ${errorText(collections)}`, 'failed'));
  fillNav();
  await loadProposals();
  window.addEventListener('hashchange', () => void show());
  await show();
  document.body.dataset.loaded = 'true';
}

void start();
