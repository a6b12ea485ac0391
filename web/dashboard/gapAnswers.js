// « Ajouter à un sujet existant » / « Créer un sujet » on each gap cluster (CCI only): two clicks
// from a question SMEs asked to an answer the chat gives (POST /api/knowledge/gaps/answer).
import { getJson, sendJson } from './api.js';
import { clear, el, show } from './dom.js';

const MIN_PHRASINGS = 10;
let topicsPromise;

/** The FAQ topics, for the « sujet existant » list (the editor's faqTopics collection). */
function topics() {
  topicsPromise ??= getJson('/api/knowledge/collections/faqTopics/records').catch((error) => {
    topicsPromise = undefined;
    throw error;
  });
  return topicsPromise;
}

function lines(text) {
  return String(text).split('\n').map((line) => line.trim()).filter(Boolean);
}

function questionBoxes(cluster) {
  const box = el('fieldset', { className: 'questions' }, el('legend', { text: 'Questions à ajouter comme formulations' }));
  for (const question of [cluster.representative, ...cluster.examples]) {
    const input = el('input', { attrs: { type: 'checkbox', name: 'question', checked: 'checked' } });
    input.value = question;
    box.append(el('label', { className: 'check' }, input, el('span', { text: question })));
  }
  return box;
}

function ticked(form) {
  return [...form.querySelectorAll('input[name="question"]:checked')].map((input) => input.value);
}

/** `title`: the topic's title as the adviser chose or typed it; its id only when none is known. */
function outcomeText(result, title) {
  const answered = result.answered.filter((entry) => entry.answered === true).length;
  const pending = result.answered.some((entry) => entry.answered === 'pending');
  const head = `${result.added.length} formulation${result.added.length > 1 ? 's' : ''} ajoutée${result.added.length > 1 ? 's' : ''} au sujet ${title ? `« ${title} »` : result.topicId}.`;
  if (pending) return `${head} L’assistant termine son apprentissage : rechargez la page dans un instant pour voir si la question est répondue.`;
  return `${head} L’assistant répond désormais à ${answered} question${answered > 1 ? 's' : ''} sur ${result.answered.length}.`;
}

/** The form's names of a topic's fields, for the server's refusals (« /details » → « Détails »). */
const TOPIC_FIELDS = { id: 'Identifiant', title: 'Titre', short: 'Réponse courte', details: 'Détails', legal: 'Références légales', links: 'Liens officiels', phrasings: 'Formulations', related: 'Sujets liés' };

/** A refusal said with the field's name (and its line), never a file name or a JSON path. */
export function problemText(problem) {
  const [name, index] = String(problem.path ?? '').split('/').filter(Boolean);
  const label = TOPIC_FIELDS[name];
  if (!label) return String(problem.message ?? '');
  const line = /^\d+$/.test(index ?? '') ? `, ligne ${Number(index) + 1}` : '';
  return `${label}${line} : ${problem.message}`;
}

/** What the new topic lacks before it is sent: every missing field at once, by its name. */
export function topicGaps(topic) {
  const missing = [['id', topic.id], ['title', topic.title], ['short', topic.short], ['details', topic.details], ['legal', topic.legal], ['links', topic.links]]
    .filter(([, value]) => (Array.isArray(value) ? value.length === 0 : !value))
    .map(([name]) => TOPIC_FIELDS[name]);
  const problems = missing.length ? [`Remplissez aussi : ${missing.join(', ')} (les champs marqués *).`] : [];
  topic.links.forEach((link, index) => {
    if (!/^https:\/\//.test(link.url)) problems.push(`Liens officiels, ligne ${index + 1} : écrivez « libellé | https://… », l’adresse complète commençant par https:// (par exemple « Légifrance | https://www.legifrance.gouv.fr/ »).`);
  });
  return problems;
}

function field(label, input, hint) {
  return el('label', { className: 'field' }, el('span', { text: label }), input, hint ? el('small', { className: 'hint', text: hint }) : null);
}

function linkList(text) {
  return lines(text).map((line) => {
    const [label, url] = line.split('|').map((part) => part.trim());
    return { label: label ?? '', url: url ?? '' };
  });
}

/** The form under a cluster: `mode` 'existing' or 'new'. `done()` reloads the gaps once saved. */
function answerForm(cluster, mode, done) {
  const form = el('form', { className: 'gap-answer', attrs: { novalidate: 'novalidate', 'data-mode': mode } });
  const message = el('p', { className: 'error', attrs: { role: 'alert' } });
  show(message, false);
  form.append(questionBoxes(cluster));
  const extra = el('textarea', { attrs: { name: 'extra', rows: '3' } });
  if (mode === 'existing') {
    const select = el('select', { attrs: { name: 'topicId', required: 'required' } }, el('option', { text: 'Chargement des sujets…', attrs: { value: '' } }));
    topics()
      .then((list) => {
        clear(select);
        select.append(el('option', { text: 'Choisissez un sujet', attrs: { value: '' } }));
        for (const topic of list) select.append(el('option', { text: topic.title, attrs: { value: topic.id } }));
      })
      .catch((error) => {
        message.textContent = error.message;
        show(message, true);
      });
    form.append(field('Sujet de la FAQ', select), field('Autres formulations (une par ligne, facultatif)', extra));
  } else {
    form.append(
      field('Identifiant *', el('input', { attrs: { name: 'id', placeholder: 'FAQ_PETITS_DEJEUNERS_CCI', required: 'required' } }), 'FAQ_ suivi de majuscules sans accents, chiffres et soulignés ; il ne changera plus.'),
      field('Titre *', el('input', { attrs: { name: 'title', required: 'required' } })),
      field('Réponse courte *', el('textarea', { attrs: { name: 'short', rows: '3', required: 'required' } }), 'Deux ou trois phrases, lisibles sur un téléphone.'),
      field('Détails * (un paragraphe par ligne)', el('textarea', { attrs: { name: 'details', rows: '3' } })),
      field('Références légales * (une par ligne)', el('textarea', { attrs: { name: 'legal', rows: '2' } })),
      field('Liens officiels * (« libellé | https://… », un par ligne)', el('textarea', { attrs: { name: 'links', rows: '2' } })),
      field(`Autres formulations (une par ligne) : il en faut au moins ${MIN_PHRASINGS} en tout`, extra),
    );
  }
  const submit = el('button', { text: mode === 'existing' ? 'Ajouter au sujet' : 'Créer le sujet', attrs: { type: 'submit' } });
  form.append(submit, message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    show(message, false);
    const questions = [...ticked(form), ...lines(extra.value)];
    const data = new FormData(form);
    let body;
    if (mode === 'existing') {
      if (!data.get('topicId')) {
        message.textContent = 'Choisissez le sujet auquel ajouter ces questions.';
        show(message, true);
        return;
      }
      body = { questions, topicId: data.get('topicId') };
    } else {
      if (questions.length < MIN_PHRASINGS) {
        message.textContent = `Un nouveau sujet a besoin d’au moins ${MIN_PHRASINGS} formulations (${questions.length} pour l’instant) : ajoutez d’autres façons de poser la question.`;
        show(message, true);
        return;
      }
      body = { questions, topic: { id: String(data.get('id')).trim(), title: String(data.get('title')).trim(), short: String(data.get('short')).trim(), details: lines(data.get('details')), legal: lines(data.get('legal')), links: linkList(data.get('links')) } };
      const gaps = topicGaps(body.topic);
      if (gaps.length) {
        message.textContent = gaps.join('\n');
        show(message, true);
        return;
      }
    }
    submit.disabled = true;
    try {
      const result = await sendJson('POST', '/api/knowledge/gaps/answer', body);
      topicsPromise = undefined;
      const chosen = mode === 'existing' ? form.querySelector('select[name="topicId"]')?.selectedOptions[0]?.textContent : body.topic.title;
      done(outcomeText(result, chosen));
    } catch (error) {
      const details = error.problems.map(problemText);
      message.textContent = [error.message, ...details].join('\n');
      show(message, true);
      submit.disabled = false;
    }
  });
  return form;
}

/** The two buttons of a cluster and their forms, for the CCI. */
export function gapActions(cluster, done) {
  const actions = el('div', { className: 'gap-actions' });
  const slot = el('div');
  const open = (mode) => {
    clear(slot);
    slot.append(answerForm(cluster, mode, done));
  };
  const existing = el('button', { className: 'secondary', text: 'Ajouter à un sujet existant', attrs: { type: 'button', 'data-action': 'existing' } });
  const fresh = el('button', { className: 'secondary', text: 'Créer un sujet', attrs: { type: 'button', 'data-action': 'new' } });
  existing.addEventListener('click', () => open('existing'));
  fresh.addEventListener('click', () => open('new'));
  actions.append(existing, fresh);
  return el('div', {}, actions, slot);
}
