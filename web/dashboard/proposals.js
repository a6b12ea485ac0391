// « Proposer un achat à venir » (buyers, and the CCI for a member): the form, its mistakes all said
// under their fields before sending (with the /admin forms' own checks: web/admin/precheck.js and
// the schema's patterns), the server's French refusals likewise, and the organisation's proposals.
import { precheck } from '../admin/precheck.js';
import { fitsPattern, resolve } from '../admin/schema.js';
import { getJson, sendJson } from './api.js';
import { clear, el, setStatus, show } from './dom.js';

const byId = (id) => document.getElementById(id);
const STATUS = { pending: 'En attente de la CCI', approved: 'Approuvé : visible dans le catalogue', rejected: 'Refusé' };
const dayFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' });

function list(text) {
  return String(text ?? '').split(/[,;\s]+/).map((part) => part.trim()).filter(Boolean);
}

/** « 100 000 », « 1,5 » → a number; anything else (« cent mille ») → NaN, said under its field before sending. */
function frenchNumber(text) {
  const compact = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  return /^\d+(\.\d+)?$/.test(compact) ? Number(compact) : Number.NaN;
}

/** The form's fields → the purchase as the API takes it (docs/admin-api.md), empty fields left out. */
function purchaseOf(form) {
  const data = new FormData(form);
  const text = (name) => String(data.get(name) ?? '').trim();
  const purchase = { title: text('title'), cpv: list(data.get('cpv')), departments: list(data.get('departments')), expectedPublicationDate: text('expectedPublicationDate') };
  for (const name of ['description', 'town', 'nature', 'procedure']) if (text(name)) purchase[name] = text(name);
  if (text('deadlineAt')) purchase.deadlineAt = text('deadlineAt');
  if (text('amount')) purchase.estimatedValue = { amountEur: frenchNumber(text('amount')) };
  if (text('durationMonths')) purchase.durationMonths = frenchNumber(text('durationMonths'));
  return purchase;
}

/** A number that is none would reach the server as « null »: it is refused here, in words. */
function numberProblems(form, purchase) {
  const problems = [];
  if (Number.isNaN(purchase.estimatedValue?.amountEur)) problems.push({ path: '/estimatedValue/amountEur', message: `« ${form.elements.namedItem('amount').value.trim()} » n’est pas un montant : écrivez-le en chiffres, par exemple 150 000.` });
  if (Number.isNaN(purchase.durationMonths)) problems.push({ path: '/durationMonths', message: `« ${form.elements.namedItem('durationMonths').value.trim()} » n’est pas un nombre de mois : écrivez-le en chiffres, par exemple 12.` });
  return problems;
}

/** The purchase's JSON Schema (GET /api/insights/proposals/schema); until it comes, the server alone checks the codes. */
let purchaseSchema = null;

async function loadSchema() {
  try {
    purchaseSchema = await getJson('/api/insights/proposals/schema');
  } catch {
    purchaseSchema = null;
  }
}

const REQUIRED = { title: 'Indiquez l’objet de l’achat.', cpv: 'Indiquez au moins un code CPV.', departments: 'Indiquez au moins un département d’exécution.', expectedPublicationDate: 'Indiquez le mois prévu de publication.' };

/** An empty mandatory field, said under it. */
function missingProblems(purchase) {
  return Object.entries(REQUIRED).flatMap(([name, message]) => ((Array.isArray(purchase[name]) ? purchase[name].length : purchase[name]) ? [] : [{ path: `/${name}`, message }]));
}

/** « Gard » typed for 30, « plomberie » for a CPV code: each refused by the schema's pattern, in its words. */
function codeProblems(purchase) {
  if (!purchaseSchema) return [];
  return ['cpv', 'departments'].flatMap((name) => {
    const item = resolve(purchaseSchema.properties?.[name]?.items ?? {}, purchaseSchema);
    return purchase[name].flatMap((code, index) => (fitsPattern(item, code) ? [] : [{ path: `/${name}/${index}`, message: `« ${code} » : ${item.patternErrorMessage ?? 'n’a pas la forme attendue'}.` }]));
  });
}

/** Every mistake the page can see before sending: numbers, empty fields, codes, HTML in a text, a past month. */
function problemsBeforeSending(form, purchase) {
  return [...numberProblems(form, purchase), ...missingProblems(purchase), ...codeProblems(purchase), ...precheck('upcoming', purchase)];
}

/** « /estimatedValue/amountEur » → the field « amount ». */
const FIELD_OF = { '/estimatedValue': 'amount', '/estimatedValue/amountEur': 'amount' };

function showProblems(form, problems) {
  for (const node of form.querySelectorAll('.field-error')) node.remove();
  const general = [];
  let first = null;
  for (const problem of problems) {
    const name = FIELD_OF[problem.path] ?? problem.path.split('/')[1];
    const input = name ? form.elements.namedItem(name) : null;
    if (input && input.closest) {
      input.closest('label').append(el('small', { className: 'field-error', text: problem.message, attrs: { role: 'alert' } }));
      first ??= input;
    } else general.push(problem.message);
  }
  first?.focus();
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
  void loadSchema();
  const form = byId('proposal-form');
  const message = byId('proposal-message');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    show(message, false);
    message.classList.remove('ok');
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      const purchase = purchaseOf(form);
      const wrong = problemsBeforeSending(form, purchase);
      if (wrong.length) {
        showProblems(form, wrong);
        message.textContent = 'La proposition n’a pas été envoyée : corrigez les champs signalés.';
        show(message, true);
        return;
      }
      await sendJson('POST', '/api/insights/proposals', purchase);
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
