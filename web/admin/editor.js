// One record's form: generated from its collection's schema, with « Avancé : JSON » for what the
// form cannot express. A save sends the version read: a refusal (422) shows its problems beside the
// form and keeps what was typed; a conflict (409) offers to reload, and keeps the user's edit in view.
import { errorText, problemsOf } from './api.js';
import { el, sentence, statusLine } from './dom.js';
import { computeDiff, diffLine } from './diff.js';
import { buildRecordForm, FormError } from './form.js';
import { fieldLabel } from './labels.js';
import { precheck } from './precheck.js';
import { fieldsFor, problemList } from './problems.js';
import { recordHref, SINGLE } from './records.js';

// Said as an adviser tests it: a chat tab already open takes the change at its next message (only an
// exchange already under way, such as a check waiting for its files, finishes with the old version).
const RELOADED = ' L’assistant utilise déjà cette version : le prochain message envoyé dans le chat en tient compte (une vérification déjà commencée finit avec l’ancienne version).';

function recordUrl(one, id) {
  return `/api/knowledge/collections/${encodeURIComponent(one.id)}/records/${encodeURIComponent(id)}`;
}

/** The rules files a new rule may go to (the files of the rules listed now). */
async function ruleFiles(state, one) {
  const answer = await state.api.get(`/api/knowledge/collections/${encodeURIComponent(one.id)}/records`);
  if (answer.status !== 200 || !Array.isArray(answer.body)) return [];
  return [...new Set(answer.body.map((record) => record.file).filter((file) => typeof file === 'string'))].sort();
}

/** Whether a record of this collection is a whole object (most) or a bare value (a message's text). */
function keyedInside(schema) {
  return schema && (schema.type === 'object' || schema.properties);
}

/**
 * A field holding a club organisation's id (an upcoming purchase's buyer, an event's organiser) offers
 * the organisations by name as one types: nobody knows « ha30-nimes-metropole » by heart.
 */
async function offerOrganisations(state, element) {
  const inputs = element.querySelectorAll('[data-path$="/organisationId"] input, [data-path$="/organiserId"] input');
  if (inputs.length === 0) return;
  state.organisations ??= state.api.get('/api/knowledge/organisations').then((answer) => (answer.status === 200 && Array.isArray(answer.body) ? answer.body : []));
  const organisations = await state.organisations;
  if (organisations.length === 0) return;
  let list = document.getElementById('organisations-list');
  if (!list) {
    list = el('datalist', { attrs: { id: 'organisations-list' } }, ...organisations.map((org) => el('option', { text: org.name, attrs: { value: org.id, label: org.name } })));
    document.body.append(list);
  }
  for (const input of inputs) {
    input.setAttribute('list', 'organisations-list');
    input.setAttribute('placeholder', 'tapez un nom (Nîmes, CHU…) puis choisissez');
  }
}

export async function renderEditor(container, state, one, id) {
  const schema = one.recordSchema ?? {};
  container.append(el('h2', { text: SINGLE.has(one.id) ? one.label : id ? `${one.label} — ${id}` : `${one.label} — nouvelle fiche` }));
  const current = { record: undefined, version: null, file: null };
  if (id) {
    const answer = await state.api.get(recordUrl(one, id));
    if (answer.status !== 200 || !answer.body) {
      container.append(statusLine(errorText(answer), 'failed'), el('p', {}, el('a', { text: `Retour à la liste`, attrs: { href: `#/c/${encodeURIComponent(one.id)}` } })));
      return;
    }
    Object.assign(current, { record: answer.body.record, version: answer.body.version, file: answer.body.file ?? null });
  }

  const card = el('section', { className: 'card editor', attrs: { 'aria-label': 'Fiche' } });
  const toggle = el('button', { className: 'secondary small', text: 'Avancé : JSON', attrs: { type: 'button', 'aria-pressed': 'false', id: 'json-toggle' } });
  const head = el('div', { className: 'editor-head' }, el('p', { className: 'hint', text: 'Les champs marqués * sont obligatoires.' }), toggle);
  const formHost = el('div', { className: 'form-host' });
  const feedback = el('div', { className: 'feedback', attrs: { id: 'save-feedback', 'aria-live': 'polite' } });
  const mine = el('div', { attrs: { id: 'my-edit' } });
  const save = el('button', { text: 'Enregistrer', attrs: { type: 'submit', id: 'save' } });
  const back = el('a', { text: 'Retour à la liste', attrs: { href: `#/c/${encodeURIComponent(one.id)}` } });
  const actions = el('div', { className: 'actions' }, save, back);
  if (id) actions.append(el('a', { text: 'Historique de cette fiche', attrs: { href: `#/historique?collection=${encodeURIComponent(one.id)}&id=${encodeURIComponent(id)}` } }));

  // Creating a message needs its key (its text is the whole record); creating a rule, its file.
  let keyInput = null;
  let fileSelect = null;
  const extras = el('div');
  if (!id && !keyedInside(schema)) {
    keyInput = el('input', { attrs: { type: 'text', id: 'new-key', placeholder: 'par exemple checkDossier.askStage' } });
    extras.append(el('div', { className: 'field' }, el('label', { text: 'Identifiant *', attrs: { for: 'new-key' } }), keyInput));
  }
  if (!id && one.id === 'rules') {
    const files = await ruleFiles(state, one);
    if (files.length) {
      fileSelect = el('select', { attrs: { id: 'new-file' } }, ...files.map((file) => el('option', { text: file, attrs: { value: file } })));
      extras.append(el('div', { className: 'field' }, el('label', { text: 'Fichier de règles', attrs: { for: 'new-file' } }), fileSelect));
    }
  }

  const form = el('form', { attrs: { novalidate: true, id: 'record-form' } }, extras, formHost, feedback, mine, actions);
  card.append(head, form);
  container.append(card);

  let mode = 'form';
  let built = null;
  let jsonArea = null;

  const build = (value) => {
    mode = 'form';
    toggle.setAttribute('aria-pressed', 'false');
    toggle.textContent = 'Avancé : JSON';
    built = buildRecordForm(schema, value, { existing: Boolean(id), file: current.file });
    // An existing record keeps its identifier: renaming would orphan what refers to it, and a new
    // « Identifiant court » of an upcoming purchase would save a second purchase beside the first.
    if (id) for (const input of built.element.querySelectorAll('[data-path="/id"] > input, [data-path="/slug"] > input, [data-path="/code"] > select')) input.disabled = true;
    formHost.replaceChildren(built.element);
    // A record that is one text (a chat message) has no fold of its own: its file gets one.
    if (current.file && !built.element.querySelector('details.technical')) {
      formHost.append(el('details', { className: 'technical', attrs: { id: 'technical' } }, el('summary', { text: 'Réglages techniques' }), el('p', { className: 'hint', text: `Fichier : ${current.file}` })));
    }
    void offerOrganisations(state, built.element);
  };
  const showJson = (value) => {
    mode = 'json';
    toggle.setAttribute('aria-pressed', 'true');
    toggle.textContent = 'Revenir au formulaire';
    jsonArea = el('textarea', { className: 'json', attrs: { rows: 24, id: 'record-json', spellcheck: 'false', 'aria-label': 'La fiche en JSON' } });
    jsonArea.value = JSON.stringify(value, null, 2);
    formHost.replaceChildren(el('p', { className: 'hint', text: 'La fiche entière en JSON, pour ce que le formulaire ne permet pas. Elle est vérifiée à l’enregistrement comme le formulaire.' }), jsonArea);
  };
  const fail = (text, problems = []) => {
    feedback.replaceChildren(statusLine(text, 'failed'));
    if (problems.length) feedback.append(problemList(problems));
    feedback.scrollIntoView({ block: 'nearest' });
  };
  /** What is typed now, from the form or the JSON; throws a FormError the page shows. */
  const typed = () => {
    if (mode === 'form') return built.read();
    try {
      return JSON.parse(jsonArea.value);
    } catch {
      throw new FormError('JSON', 'le texte n’est pas du JSON valide (vérifiez les guillemets, virgules et accolades).');
    }
  };
  const markProblems = (problems) => {
    for (const node of form.querySelectorAll('.field-problem')) node.classList.remove('field-problem');
    for (const node of form.querySelectorAll('.field-problem-text')) node.remove();
    if (mode !== 'form') return;
    for (const problem of problems) {
      const field = fieldsFor(formHost, problem.path);
      if (!field) continue;
      // A problem inside the closed technical fold opens it, or nobody would see it.
      const fold = field.closest('details');
      if (fold) fold.open = true;
      field.classList.add('field-problem');
      field.append(el('span', { className: 'field-problem-text', text: String(problem.message ?? '') }));
    }
  };

  toggle.addEventListener('click', () => {
    try {
      if (mode === 'form') showJson(built.read());
      else build(typed());
      feedback.replaceChildren();
    } catch (error) {
      fail(error.message);
    }
  });

  const conflict = (answer, sent) => {
    const base = current.record;
    const reload = el('button', { text: 'Recharger', attrs: { type: 'button', id: 'reload' } });
    feedback.replaceChildren(el('div', { className: 'conflict', attrs: { role: 'alert' } }, el('p', { text: 'Quelqu’un a modifié cette fiche entre-temps : votre enregistrement n’a pas été fait, pour ne pas effacer sa modification.' }), el('p', { text: 'Rechargez pour voir la fiche telle qu’elle est maintenant ; votre modification reste affichée pour que vous puissiez la reporter.' }), reload));
    reload.addEventListener('click', async () => {
      reload.disabled = true;
      const fresh = await state.api.get(recordUrl(one, id));
      const latest = fresh.status === 200 && fresh.body ? fresh.body : answer.body?.current;
      if (!latest) {
        reload.disabled = false;
        fail(errorText(fresh));
        return;
      }
      Object.assign(current, { record: latest.record, version: latest.version });
      build(latest.record);
      const changes = computeDiff(base, sent);
      mine.replaceChildren(
        el(
          'div',
          { className: 'mine' },
          el('h3', { text: 'Votre modification, non enregistrée (à reporter dans la fiche ci-dessus)' }),
          changes.length ? el('ul', { className: 'diff' }, ...changes.map((entry) => el('li', { text: diffLine(entry) }))) : el('p', { text: 'Aucun changement.' }),
          el('details', {}, el('summary', { text: 'Votre version complète (JSON)' }), el('pre', { className: 'json-view', text: JSON.stringify(sent, null, 2) })),
        ),
      );
      feedback.replaceChildren(statusLine('Fiche rechargée : voici la version actuelle. Reportez-y votre modification puis enregistrez.', 'ok'));
    });
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    let record;
    try {
      record = typed();
    } catch (error) {
      fail(error instanceof FormError ? error.message : String(error.message));
      // The field itself says it too, where the eye is when it was typed.
      if (error instanceof FormError && error.path !== undefined) {
        markProblems([{ path: error.path, message: error.message.slice(error.label.length + 3) }]);
        const field = fieldsFor(formHost, error.path);
        const fold = field?.closest('details');
        if (fold) fold.open = true;
        field?.scrollIntoView({ block: 'center' });
        field?.querySelector('input, textarea, select')?.focus({ preventScroll: true });
      }
      return;
    }
    // Every mistake the page can see, all at once: the fields' own, and the server's cross-checks it can repeat.
    const found = [...(mode === 'form' ? built.issues() : []), ...precheck(one.id, record, { original: current.record }).map((problem) => ({ ...problem, label: labelOfPath(problem.path) }))];
    if (found.length) {
      fail(`Rien n’est enregistré : ${found.length === 1 ? 'un point est' : `${found.length} points sont`} à corriger.`, found.map((problem) => ({ message: problem.label ? `${problem.label} : ${problem.message}` : problem.message })));
      markProblems(found);
      const field = fieldsFor(formHost, found[0].path);
      field?.scrollIntoView({ block: 'center' });
      field?.querySelector('input, textarea, select')?.focus({ preventScroll: true });
      return;
    }
    save.disabled = true;
    feedback.replaceChildren(statusLine('Vérification et enregistrement…'));
    let answer;
    if (id) answer = await state.api.send('PUT', recordUrl(one, id), { record, version: current.version });
    else {
      const body = { record };
      if (keyInput) body.id = keyInput.value.trim();
      if (fileSelect) body.file = fileSelect.value;
      answer = await state.api.send('POST', `/api/knowledge/collections/${encodeURIComponent(one.id)}/records`, body);
    }
    save.disabled = false;
    markProblems([]);
    if (answer.status === 200 || answer.status === 201) {
      const change = answer.body?.change ?? {};
      const text = `Enregistré. ${sentence(change.summary)}${change.reloaded === false ? ' Le rechargement de l’assistant est en attente.' : RELOADED}`;
      if (!id && answer.body?.id) {
        // The new record opens in its own page; the confirmation goes with it.
        state.saved = text.replace(/\s+/g, ' ').trim();
        window.location.hash = recordHref(one.id, answer.body.id);
        return;
      }
      Object.assign(current, { record, version: answer.body?.version ?? current.version });
      mine.replaceChildren();
      const ok = statusLine(text.replace(/\s+/g, ' ').trim(), 'ok');
      ok.id = 'saved';
      feedback.replaceChildren(ok);
      return;
    }
    if (answer.status === 409 && id) {
      conflict(answer, record);
      return;
    }
    const problems = problemsOf(answer);
    // A 409 here is an identifier already taken: the server's sentence already says what to do.
    fail(errorText(answer), problems);
    markProblems(problems);
  });

  // A new upcoming purchase is upcoming: its « Statut » starts at « À venir ».
  build(current.record ?? (!id && one.id === 'upcoming' ? { status: 'UPCOMING' } : undefined));
  if (state.saved && id) {
    const ok = statusLine(state.saved, 'ok');
    ok.id = 'saved';
    feedback.replaceChildren(ok);
    card.prepend(statusLine(state.saved, 'ok'));
  }
  state.saved = null;
}

/** A field's French name from its path: « /message/default » → « Message affiché à l’entreprise — Par défaut ». */
function labelOfPath(path) {
  const keys = String(path ?? '').split('/').filter((part) => part && !/^\d+$/.test(part));
  return keys.map((key) => fieldLabel(key.replace(/~1/g, '/').replace(/~0/g, '~'))).join(' — ');
}
