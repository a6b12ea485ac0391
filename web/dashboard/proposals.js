// « Proposer un achat à venir » (buyers, and the CCI for a member): the form, the server's French
// refusals under their fields, and the organisation's proposals with their status.
import { getJson, sendJson } from './api.js';
import { clear, el, setStatus, show } from './dom.js';

const byId = (id) => document.getElementById(id);
const STATUS = { pending: 'En attente de la CCI', approved: 'Approuvé : visible dans le catalogue', rejected: 'Refusé' };
const dayFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' });

function list(text) {
  return String(text ?? '').split(/[,;\s]+/).map((part) => part.trim()).filter(Boolean);
}

/** The form's fields → the purchase as the API takes it (docs/admin-api.md), empty fields left out. */
function purchaseOf(form) {
  const data = new FormData(form);
  const text = (name) => String(data.get(name) ?? '').trim();
  const purchase = { title: text('title'), cpv: list(data.get('cpv')), departments: list(data.get('departments')), expectedPublicationDate: text('expectedPublicationDate') };
  for (const name of ['description', 'town', 'nature', 'procedure']) if (text(name)) purchase[name] = text(name);
  if (text('deadlineAt')) purchase.deadlineAt = text('deadlineAt');
  if (text('amount')) purchase.estimatedValue = { amountEur: Number(text('amount').replace(/\s/g, '').replace(',', '.')) };
  if (text('durationMonths')) purchase.durationMonths = Number(text('durationMonths'));
  return purchase;
}

/** « /estimatedValue/amountEur » → the field « amount ». */
const FIELD_OF = { '/estimatedValue': 'amount', '/estimatedValue/amountEur': 'amount' };

function showProblems(form, problems) {
  for (const node of form.querySelectorAll('.field-error')) node.remove();
  const general = [];
  for (const problem of problems) {
    const name = FIELD_OF[problem.path] ?? problem.path.split('/')[1];
    const input = name ? form.elements.namedItem(name) : null;
    if (input && input.closest) input.closest('label').append(el('small', { className: 'field-error', text: problem.message, attrs: { role: 'alert' } }));
    else general.push(problem.message);
  }
  return general;
}

function renderList(proposals) {
  const target = byId('proposal-list');
  clear(target);
  setStatus('proposals', proposals.length ? '' : 'Aucune proposition pour le moment.');
  for (const proposal of proposals) {
    const record = proposal.record;
    const when = record.expectedPublicationDate ? `publication prévue : ${record.expectedPublicationDate}` : '';
    const item = el(
      'li',
      { attrs: { 'data-proposal': proposal.id, 'data-status': proposal.status } },
      el('div', { className: 'title', text: record.title }),
      el('div', { className: 'meta', text: [record.buyer?.name, when, `proposé le ${dayFormat.format(new Date(proposal.at))}`].filter(Boolean).join(' · ') }),
      el('span', { className: `badge status-${proposal.status}`, text: STATUS[proposal.status] ?? proposal.status }),
    );
    if (proposal.reason) item.append(el('div', { className: 'meta', text: `Motif : ${proposal.reason}` }));
    target.append(item);
  }
}

export async function loadProposals() {
  setStatus('proposals', 'Chargement…');
  try {
    renderList(await getJson('/api/insights/proposals'));
  } catch (error) {
    setStatus('proposals', error.message, true);
  }
}

export function wireProposals() {
  const form = byId('proposal-form');
  const message = byId('proposal-message');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    show(message, false);
    message.classList.remove('ok');
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      await sendJson('POST', '/api/insights/proposals', purchaseOf(form));
      showProblems(form, []);
      form.reset();
      message.textContent = 'Proposition envoyée : la CCI l’examinera avant qu’elle n’apparaisse dans le catalogue.';
      message.classList.add('ok');
      show(message, true);
      await loadProposals();
    } catch (error) {
      const general = showProblems(form, error.problems ?? []);
      message.textContent = [error.message, ...general].join('\n');
      show(message, true);
    } finally {
      button.disabled = false;
    }
  });
}
