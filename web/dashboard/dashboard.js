// The buyers' dashboard (/acheteurs): loads each section from /api/insights/…, redraws on a new period.
import { change, getFile, getJson, session, signOut } from './api.js';
import { setStatus, show } from './dom.js';
import { currentMonth, fromAddress, lastMonth, problem, shortcut, toQuery } from './period.js';
import { loadProposals, wireProposals } from './proposals.js';
import { renderEvents, renderGaps, renderRejections, renderSatisfaction, renderTenders, renderTestimonies, renderWeeks } from './sections.js';

const byId = (id) => document.getElementById(id);
const CSV_LINKS = { 'csv-gaps': 'gaps.csv', 'csv-rejections': 'rejections.csv', 'csv-satisfaction': 'satisfaction.csv', 'csv-testimonies': 'testimonies.csv' };

/** Runs one section's load; a failure shows the server's French reason in that section only. */
async function section(names, load) {
  for (const name of names) setStatus(name, 'Chargement…');
  try {
    await load();
  } catch (error) {
    for (const name of names) setStatus(name, error.message, true);
  }
}

let period = fromAddress();
/** Who is signed in (GET /api/session): the CCI may turn a gap cluster into an answer. */
let role = '';
let lastGaps = null;

function drawGaps() {
  if (!lastGaps) return;
  renderGaps(lastGaps, {
    curate: role === 'cci',
    hideAnswered: byId('hide-answered').checked,
    saved: (text) => {
      setStatus('gaps', text);
      void section(['gaps'], reloadGaps).then(() => setStatus('gaps', text));
    },
  });
}

async function reloadGaps() {
  const query = toQuery(period);
  lastGaps = await getJson(`/api/insights/gaps${query ? `?${query}` : ''}`);
  drawGaps();
}

function periodSections() {
  const query = toQuery(period);
  const suffix = query ? `?${query}` : '';
  for (const [id, file] of Object.entries(CSV_LINKS)) byId(id).href = `/api/insights/${file}${suffix}`;
  return Promise.all([
    section(['gaps', 'weeks'], async () => {
      const gaps = await getJson(`/api/insights/gaps${suffix}`);
      lastGaps = gaps;
      drawGaps();
      renderWeeks(gaps);
    }),
    section(['rejections'], async () => renderRejections(await getJson(`/api/insights/rejections${suffix}`))),
    section(['satisfaction'], async () => renderSatisfaction(await getJson(`/api/insights/satisfaction${suffix}`))),
    section(['testimonies'], async () => renderTestimonies(await getJson(`/api/insights/testimonies${suffix}`))),
  ]);
}

function loadTenders() {
  return section(['tenders'], async () => renderTenders(await getJson('/api/insights/tenders'), flag));
}

async function flag(row, set, button) {
  button.disabled = true;
  try {
    await change(set ? 'POST' : 'DELETE', `/api/insights/tenders/${encodeURIComponent(row.tenderId)}/flag`);
    await loadTenders();
    setStatus('tenders', set ? `Marché « ${row.title} » signalé : les PME abonnées aux alertes dont le profil lui correspond vont recevoir un message de l’assistant.` : `Signalement du marché « ${row.title} » retiré.`);
  } catch (error) {
    button.disabled = false;
    setStatus('tenders', error.message, true);
  }
}

function showPeriod() {
  byId('from').value = period.from;
  byId('to').value = period.to;
  for (const button of document.querySelectorAll('[data-months]')) {
    const same = JSON.stringify(shortcut(Number(button.dataset.months))) === JSON.stringify(period);
    button.setAttribute('aria-pressed', String(same));
  }
}

function choose(next) {
  const reason = problem(next);
  byId('period-error').textContent = reason ?? '';
  show(byId('period-error'), Boolean(reason));
  if (reason) return;
  period = next;
  const query = toQuery(period);
  window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}`);
  showPeriod();
  void periodSections();
}

function wireFilters() {
  byId('period-form').addEventListener('submit', (event) => {
    event.preventDefault();
    choose({ from: byId('from').value, to: byId('to').value });
  });
  for (const button of document.querySelectorAll('[data-months]')) {
    button.addEventListener('click', () => choose(shortcut(Number(button.dataset.months))));
  }
}

function wireDigest() {
  const month = byId('digest-month');
  month.value = lastMonth();
  month.max = currentMonth();
  byId('digest-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const error = byId('digest-error');
    show(error, false);
    try {
      const pdf = await getFile(`/api/insights/digest.pdf?month=${encodeURIComponent(month.value)}`);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(pdf);
      link.download = `ha30-bulletin-${month.value}.pdf`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    } catch (failure) {
      error.textContent = failure.message;
      show(error, true);
    }
  });
}

async function start() {
  wireFilters();
  wireDigest();
  wireProposals();
  byId('hide-answered').addEventListener('change', drawGaps);
  byId('sign-out').addEventListener('click', async () => {
    try {
      await signOut();
    } finally {
      window.location.assign('/connexion');
    }
  });
  showPeriod();
  try {
    const me = await session();
    role = me.role;
    const who = me.name ? `${me.name} (${me.login})` : me.login;
    const where = me.orgName ? ` — ${me.orgName}` : me.role === 'cci' ? ' — CCI Gard' : '';
    byId('who').textContent = `Connecté en tant que ${who}${where}.`;
    // The CCI goes back and forth between the gaps here and the knowledge it edits on /admin.
    byId('admin-link').hidden = me.role !== 'cci';
  } catch (error) {
    byId('who').textContent = error.message;
  }
  await Promise.all([periodSections(), loadTenders(), section(['events'], async () => renderEvents(await getJson('/api/insights/events'))), loadProposals()]);
  document.body.dataset.loaded = 'true';
}

void start();
