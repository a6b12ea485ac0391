// Accounts of the dashboard and of /admin: list, add, remove, new password (never shown back).
import { errorText, problemsOf } from './api.js';
import { clear, el, setStatus, statusLine } from './dom.js';
import { problemList } from './problems.js';

const ROLES = { buyer: 'Acheteur du club', cci: 'Personnel de la CCI' };

function field(label, control, hintText) {
  control.id = control.id || `compte-${label.replace(/\W+/g, '-').toLowerCase()}`;
  return el('div', { className: 'field' }, el('label', { text: label, attrs: { for: control.id } }), control, hintText ? el('small', { className: 'hint', text: hintText }) : null);
}

function refusal(answer) {
  const problems = problemsOf(answer);
  const box = el('div', {}, statusLine(errorText(answer), 'failed'));
  if (problems.length) box.append(problemList(problems));
  return box;
}

function passwordForm(state, account, status, done) {
  const input = el('input', { attrs: { type: 'password', autocomplete: 'new-password', id: `password-${account.login}` } });
  const box = el('form', { className: 'confirm', attrs: { novalidate: true } }, field(`Nouveau mot de passe de ${account.login}`, input, 'Au moins 12 caractères ; une phrase facile à retenir convient.'));
  const ok = el('button', { className: 'small', text: 'Changer le mot de passe', attrs: { type: 'submit' } });
  const cancel = el('button', { className: 'secondary small', text: 'Annuler', attrs: { type: 'button' }, on: { click: () => box.remove() } });
  box.append(el('div', { className: 'actions' }, ok, cancel));
  box.addEventListener('submit', async (event) => {
    event.preventDefault();
    ok.disabled = true;
    const answer = await state.api.send('POST', `/api/knowledge/accounts/${encodeURIComponent(account.login)}/password`, { password: input.value });
    ok.disabled = false;
    if (answer.status === 200) {
      box.remove();
      setStatus(status, `Mot de passe de ${account.login} changé : communiquez-le lui par un autre moyen que ce site.`, 'ok');
      await done();
      return;
    }
    box.querySelector('.refusal')?.remove();
    const shown = refusal(answer);
    shown.className = 'refusal';
    box.append(shown);
  });
  return box;
}

function removeBox(state, account, status, done) {
  const box = el('div', { className: 'confirm', attrs: { role: 'group' } }, el('p', { text: `Supprimer le compte ${account.login} ? Cette personne ne pourra plus se connecter.` }));
  const yes = el('button', { className: 'primary-danger small', text: 'Oui, supprimer', attrs: { type: 'button' } });
  const no = el('button', { className: 'secondary small', text: 'Non', attrs: { type: 'button' }, on: { click: () => box.remove() } });
  yes.addEventListener('click', async () => {
    yes.disabled = true;
    const answer = await state.api.send('DELETE', `/api/knowledge/accounts/${encodeURIComponent(account.login)}`);
    if (answer.status === 200 || answer.status === 204) {
      setStatus(status, `Compte ${account.login} supprimé.`, 'ok');
      await done();
      return;
    }
    yes.disabled = false;
    box.append(refusal(answer));
  });
  box.append(el('div', { className: 'actions' }, yes, no));
  return box;
}

/** The club's organisations (GET /api/knowledge/organisations), or null when they cannot be read. */
async function organisations(state) {
  const answer = await state.api.get('/api/knowledge/organisations');
  return answer.status === 200 && Array.isArray(answer.body) ? answer.body : null;
}

/** The organisation by its name, never an id typed by heart; a text box only if the list cannot be read. */
function organisationControl(list) {
  if (!list) return el('input', { attrs: { type: 'text', id: 'new-org', placeholder: 'par exemple ha30-nimes-metropole' } });
  const group = (label, orgs) => el('optgroup', { attrs: { label } }, ...orgs.map((org) => el('option', { text: org.name, attrs: { value: org.id } })));
  return el(
    'select',
    { attrs: { id: 'new-org' } },
    el('option', { text: 'Aucune (personnel de la CCI)', attrs: { value: '' } }),
    group('Membres du club HA30', list.filter((org) => org.member)),
    group('Autres organisations (CCI, accompagnement)', list.filter((org) => !org.member)),
  );
}

function addForm(state, status, done, orgs) {
  const login = el('input', { attrs: { type: 'text', autocomplete: 'off', id: 'new-login' } });
  const role = el('select', { attrs: { id: 'new-role' } }, ...Object.entries(ROLES).map(([value, text]) => el('option', { text, attrs: { value } })));
  const name = el('input', { attrs: { type: 'text', id: 'new-name' } });
  const org = organisationControl(orgs);
  const password = el('input', { attrs: { type: 'password', autocomplete: 'new-password', id: 'new-password' } });
  const feedback = el('div');
  const submit = el('button', { text: 'Ajouter le compte', attrs: { type: 'submit' } });
  const form = el(
    'form',
    { attrs: { novalidate: true, id: 'account-form' } },
    el('div', { className: 'account-form' }, field('Identifiant', login, 'prenom.nom, sans espace'), field('Rôle', role), field('Nom', name), field('Organisation', org, 'Obligatoire pour un acheteur : le membre du club pour lequel il achète.'), field('Mot de passe', password, 'Au moins 12 caractères.')),
    feedback,
    submit,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { login: login.value.trim(), role: role.value, password: password.value };
    if (name.value.trim()) body.name = name.value.trim();
    if (org.value.trim()) body.org = org.value.trim();
    submit.disabled = true;
    const answer = await state.api.send('POST', '/api/knowledge/accounts', body);
    submit.disabled = false;
    if (answer.status === 201 || answer.status === 200) {
      form.reset();
      feedback.replaceChildren();
      setStatus(status, `Compte ${body.login} ajouté.`, 'ok');
      await done();
      return;
    }
    feedback.replaceChildren(refusal(answer));
  });
  return form;
}

export async function renderAccounts(container, state) {
  container.append(el('h2', { text: 'Comptes' }));
  const status = statusLine('');
  const body = el('tbody');
  const table = el('div', { className: 'table-scroll' }, el('table', { attrs: { id: 'accounts' } }, el('thead', {}, el('tr', {}, ...['Identifiant', 'Nom', 'Rôle', 'Organisation', ''].map((text) => el('th', { text, attrs: { scope: 'col' } })))), body));
  container.append(el('section', { className: 'card' }, status, table));
  const orgs = await organisations(state);
  const orgName = (id) => orgs?.find((org) => org.id === id)?.name;
  const load = async () => {
    const answer = await state.api.get('/api/knowledge/accounts');
    clear(body);
    if (answer.status !== 200 || !Array.isArray(answer.body)) {
      setStatus(status, errorText(answer), 'failed');
      return;
    }
    for (const account of answer.body) {
      const cell = el('td');
      const row = el('tr', { attrs: { 'data-login': account.login } }, el('td', { text: account.login }), el('td', { text: account.name ?? '' }), el('td', { text: ROLES[account.role] ?? account.role }), el('td', { text: account.org ? (orgName(account.org) ?? account.org) : '' }), cell);
      const self = state.me && state.me.login === account.login;
      cell.append(
        el('button', { className: 'secondary small', text: 'Nouveau mot de passe', attrs: { type: 'button' }, on: { click: () => { cell.querySelector('.confirm')?.remove(); cell.append(passwordForm(state, account, status, load)); } } }),
        self ? el('small', { className: 'hint', text: 'Votre compte' }) : el('button', { className: 'secondary small danger', text: 'Supprimer', attrs: { type: 'button' }, on: { click: () => { cell.querySelector('.confirm')?.remove(); cell.append(removeBox(state, account, status, load)); } } }),
      );
      body.append(row);
    }
  };
  container.append(el('section', { className: 'card' }, el('h3', { text: 'Ajouter un compte' }), addForm(state, status, load, orgs)));
  await load();
}
