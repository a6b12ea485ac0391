// The CCI's queue of buyers' proposals of upcoming purchases, for the /admin page:
// `mountProposals(container, api)` with `api = { get(path), send(method, path, body) }`, each
// resolving `{ status, body }`. Lists the pending proposals; « Approuver » writes the purchase to the
// catalogue (knowledge/tenders/upcoming.json, through the editor); « Refuser » asks for a reason.
// Every text goes through textContent: a proposal holding markup is shown as the characters it is.

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined && props.text !== null) node.textContent = String(props.text);
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, String(value));
  for (const child of children) if (child) node.append(child);
  return node;
}

const NATURES = { TRAVAUX: 'Travaux', FOURNITURES: 'Fournitures', SERVICES: 'Services' };

function refusalText(answer) {
  const error = answer.body?.error;
  const message = typeof error === 'string' ? error : (error?.message ?? `Refus du serveur (erreur ${answer.status}).`);
  const problems = Array.isArray(answer.body?.problems) ? answer.body.problems.map((p) => `${p.file ? `${p.file} ` : ''}${p.path ?? ''} : ${p.message}`) : [];
  return [message, ...problems].join('\n');
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** « 2027-02 » → « février 2027 », « 2027-02-15 » → « 15 février 2027 »; anything else as it came. */
export function dateText(value) {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(String(value ?? ''));
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) return String(value ?? '');
  return match[3] ? `${Number(match[3])} ${month} ${match[1]}` : `${month} ${match[1]}`;
}

/** How many decided proposals « Décisions récentes » shows: the latest, not the whole archive. */
const RECENT = 10;

function describe(record) {
  const parts = [record.buyer?.name, record.nature ? NATURES[record.nature] : null, record.cpv?.length ? `CPV ${record.cpv.join(', ')}` : null, record.departments?.length ? `dép. ${record.departments.join(', ')}` : null, record.town, record.expectedPublicationDate ? `publication prévue : ${dateText(record.expectedPublicationDate)}` : null, record.deadlineAt ? `date limite : ${dateText(record.deadlineAt)}` : null, record.estimatedValue?.amountEur ? `${record.estimatedValue.amountEur.toLocaleString('fr-FR')} € HT` : null];
  return parts.filter(Boolean).join(' · ');
}

export function mountProposals(container, api) {
  const status = el('p', { className: 'status', attrs: { role: 'status' } });
  const list = el('ul', { className: 'proposals', attrs: { 'data-proposals': 'pending' } });
  // Decided proposals stay in view a while: the adviser sees what was approved or refused, and by whom.
  const decided = el('ul', { className: 'proposals decided', attrs: { 'data-proposals': 'decided' } });
  const decidedBox = el('section', { className: 'recent-decisions' }, el('h3', { text: 'Décisions récentes' }), decided);
  container.replaceChildren(el('h2', { text: 'Achats à venir proposés par les acheteurs' }), status, list, decidedBox);

  const say = (text, failed = false) => {
    status.textContent = text;
    status.classList.toggle('failed', failed);
  };

  async function decide(proposal, action, body, item) {
    for (const button of item.querySelectorAll('button')) button.disabled = true;
    const answer = await api.send('POST', `/api/knowledge/proposals/${encodeURIComponent(proposal.id)}/${action}`, body);
    if (answer.status === 200) {
      say(action === 'approve' ? `« ${proposal.record.title} » est approuvé : il est dans le catalogue des achats à venir.` : `« ${proposal.record.title} » est refusé ; l’acheteur verra le motif.`);
      await refresh(false);
    } else {
      say(refusalText(answer), true);
      for (const button of item.querySelectorAll('button')) button.disabled = false;
    }
  }

  function row(proposal) {
    const item = el('li', { attrs: { 'data-proposal': proposal.id } }, el('div', { className: 'title', text: proposal.record.title }), el('div', { className: 'meta', text: describe(proposal.record) }));
    if (proposal.record.description) item.append(el('p', { text: proposal.record.description }));
    item.append(el('div', { className: 'meta', text: `Proposé par ${proposal.who} le ${new Date(proposal.at).toLocaleDateString('fr-FR')}` }));
    const approve = el('button', { text: 'Approuver', attrs: { type: 'button', 'data-action': 'approve' } });
    const reject = el('button', { className: 'secondary', text: 'Refuser…', attrs: { type: 'button', 'data-action': 'reject' } });
    approve.addEventListener('click', () => void decide(proposal, 'approve', {}, item));
    reject.addEventListener('click', () => {
      if (item.querySelector('form')) return;
      const reason = el('textarea', { attrs: { name: 'reason', rows: '2', maxlength: '500', required: 'required' } });
      const form = el('form', { attrs: { novalidate: 'novalidate' } }, el('label', { text: 'Motif du refus (l’acheteur le lira)' }, reason), el('button', { text: 'Confirmer le refus', attrs: { type: 'submit' } }));
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        if (!reason.value.trim()) {
          say('Indiquez en quelques mots pourquoi la proposition est refusée.', true);
          return;
        }
        void decide(proposal, 'reject', { reason: reason.value }, item);
      });
      item.append(form);
      reason.focus();
    });
    item.append(el('div', { className: 'actions' }, approve, reject));
    return item;
  }

  function decidedRow(proposal) {
    const approved = proposal.status === 'approved';
    const when = proposal.decidedAt ? ` le ${new Date(proposal.decidedAt).toLocaleDateString('fr-FR')}` : '';
    const by = proposal.decidedBy ? ` par ${proposal.decidedBy}` : '';
    const item = el('li', { attrs: { 'data-proposal': proposal.id, 'data-status': proposal.status } }, el('div', { className: 'title', text: proposal.record.title }), el('div', { className: 'meta', text: `${approved ? 'Approuvé' : 'Refusé'}${when}${by} — proposé par ${proposal.who}` }));
    if (!approved && proposal.reason) item.append(el('p', { text: `Motif : ${proposal.reason}` }));
    if (approved && proposal.upcomingId) item.append(el('a', { text: 'Voir la fiche dans les achats à venir', attrs: { href: `#/c/upcoming/r/${encodeURIComponent(proposal.upcomingId)}` } }));
    return item;
  }

  async function refresh(clearStatus = true) {
    if (clearStatus) say('Chargement…');
    const answer = await api.get('/api/insights/proposals');
    if (answer.status !== 200 || !Array.isArray(answer.body)) {
      say(refusalText(answer), true);
      return;
    }
    const pending = answer.body.filter((proposal) => proposal.status === 'pending');
    list.replaceChildren(...pending.map(row));
    const recent = answer.body
      .filter((proposal) => proposal.status === 'approved' || proposal.status === 'rejected')
      .sort((a, b) => String(b.decidedAt ?? '').localeCompare(String(a.decidedAt ?? '')))
      .slice(0, RECENT);
    decided.replaceChildren(...(recent.length ? recent.map(decidedRow) : [el('li', { className: 'meta', text: 'Aucune décision pour l’instant.' })]));
    if (clearStatus) say(pending.length ? '' : 'Aucune proposition en attente.');
    else if (!pending.length) list.append(el('li', { className: 'meta', text: 'Aucune autre proposition en attente.' }));
  }

  void refresh();
  return { refresh };
}
