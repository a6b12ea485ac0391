// One function per section of the dashboard: from the JSON of /api/insights/… to charts and lists.
import { COLOURS, draw, erase, horizontalBars, SEVERITY_COLOURS, sidewaysBars } from './charts.js';
import { clear, el, setStatus, show } from './dom.js';
import { checksFigure, gapsFigure, satisfactionFigure } from './figures.js';
import { gapActions } from './gapAnswers.js';

const TOP = 10;
const byId = (id) => document.getElementById(id);

function showFigure(id, figure) {
  byId(id).textContent = figure.value;
  byId(`${id}-label`).textContent = figure.label;
}

function chartOrNothing(canvasId, hasData) {
  const canvas = byId(canvasId);
  show(canvas.parentElement, hasData);
  if (!hasData) erase(canvas);
  return canvas;
}

/**
 * `options.curate` (CCI): each cluster gets « Ajouter à un sujet existant » and « Créer un sujet »;
 * `options.hideAnswered` leaves out the clusters the chat now answers; `options.saved(text)` after a save.
 */
export function renderGaps(data, options = {}) {
  showFigure('figure-gaps', gapsFigure(data.total));
  const clusters = options.hideAnswered ? data.clusters.filter((cluster) => !cluster.answeredBy) : data.clusters;
  setStatus('gaps', clusters.length ? '' : 'Aucune question restée sans réponse sur cette période.');
  const top = clusters.slice(0, TOP);
  const canvas = chartOrNothing('chart-gap-clusters', top.length > 0);
  if (top.length) {
    horizontalBars(canvas, {
      label: 'Questions',
      titles: top.map((cluster) => cluster.representative),
      values: top.map((cluster) => cluster.size.value),
      texts: top.map((cluster) => cluster.size.text),
      colours: COLOURS.teal,
    });
  }
  const list = byId('gap-clusters');
  clear(list);
  for (const cluster of clusters.slice(0, 25)) {
    const seen = cluster.seen.firstText === cluster.seen.lastText ? cluster.seen.firstText : `du ${cluster.seen.firstText} au ${cluster.seen.lastText}`;
    const kinds = cluster.kinds.filter((kind) => kind.count.value !== 0).map((kind) => `${kind.label} : ${kind.count.text}`);
    const item = el(
      'li',
      { attrs: { 'data-cluster': cluster.id } },
      el('div', { className: 'question', text: cluster.representative }),
      el('div', { className: 'meta', text: [`${cluster.size.text} question${cluster.size.value === 1 ? '' : 's'}`, seen, ...kinds].join(' · ') }),
    );
    if (cluster.answeredBy) {
      item.classList.add('is-answered');
      item.append(el('div', { className: 'answered', text: `répondu par : ${cluster.answeredBy.title}` }));
    }
    if (cluster.examples.length) {
      const examples = el('ul', { attrs: { 'aria-label': 'Autres formulations' } });
      for (const example of cluster.examples) examples.append(el('li', { text: example }));
      item.append(examples);
    }
    if (options.curate) item.append(gapActions(cluster, options.saved ?? (() => undefined)));
    list.append(item);
  }
}

export function renderWeeks(data) {
  const weeks = data.weeks;
  const any = weeks.some((week) => week.count.value !== 0);
  setStatus('weeks', any ? '' : 'Aucune question sans réponse sur cette période.');
  const canvas = chartOrNothing('chart-gap-weeks', any);
  if (!any) return;
  draw(
    canvas,
    {
      type: 'bar',
      data: { labels: weeks.map((week) => week.short), datasets: [{ label: 'Questions sans réponse', data: weeks.map((week) => week.count.value), backgroundColor: COLOURS.primary, borderRadius: 3 }] },
      options: { plugins: { legend: { display: false }, tooltip: { callbacks: { title: (items) => weeks[items[0].dataIndex].label } } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    },
    [weeks.map((week) => week.count.text)],
  );
}

export function renderRejections(data) {
  const overall = data.overall;
  showFigure('figure-checks', checksFigure(overall.checks));
  const causes = overall.causes.slice(0, TOP);
  setStatus('rejections', causes.length ? '' : 'Aucun constat de vérification de dossier sur cette période.');
  const canvas = chartOrNothing('chart-rejections', causes.length > 0);
  if (causes.length) {
    horizontalBars(canvas, {
      label: 'Dossiers concernés',
      titles: causes.map((cause) => cause.title),
      values: causes.map((cause) => cause.checks.value),
      texts: causes.map((cause) => `${cause.checks.text} (${cause.severityLabel})`),
      colours: causes.map((cause) => SEVERITY_COLOURS[cause.severity] ?? COLOURS.grey),
    });
  }
  const list = byId('rejection-sentences');
  clear(list);
  for (const cause of causes) {
    list.append(el('li', {}, el('span', { className: `severity ${cause.severity}`, text: cause.severityLabel }), el('span', { text: cause.sentence ?? `${cause.title} : ${cause.checks.text}` })));
  }
}

export function renderSatisfaction(data) {
  const overall = data.overall;
  showFigure('figure-satisfaction', satisfactionFigure(overall));
  const topics = data.topics.slice(0, TOP);
  setStatus('satisfaction', topics.length ? '' : 'Aucune réponse « Oui » ou « Non » sur cette période.');
  const canvas = chartOrNothing('chart-satisfaction', topics.length > 0);
  if (!topics.length) return;
  const value = (count) => (count ? count.value : null);
  const text = (count) => (count ? count.text : '');
  const merged = topics.map((topic) => (topic.helpful === null ? topic.total : null));
  sidewaysBars(canvas, {
    titles: topics.map((topic) => topic.title),
    stacked: true,
    datasets: [
      { label: 'Oui', data: topics.map((topic) => value(topic.helpful)), backgroundColor: COLOURS.green },
      { label: 'Non', data: topics.map((topic) => value(topic.notHelpful)), backgroundColor: COLOURS.red },
      { label: 'Oui et Non (regroupés)', data: merged.map(value), backgroundColor: COLOURS.grey },
    ],
    texts: [topics.map((topic) => text(topic.helpful)), topics.map((topic) => text(topic.notHelpful)), merged.map(text)],
  });
}

const deadlineFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

function deadlineText(row) {
  if (!row.deadlineAt) return 'non publiée';
  const when = deadlineFormat.format(new Date(row.deadlineAt));
  if (row.signal === 'CLOSED' || row.daysLeft === null) return when;
  return `${when} (${row.daysLeft === 0 ? 'aujourd’hui' : `dans ${row.daysLeft} jour${row.daysLeft > 1 ? 's' : ''}`})`;
}

const ROW_CLASSES = { NO_LOCAL_INTEREST: 'no-interest', WEAK_LOCAL_INTEREST: 'weak-interest' };

/** `onFlag(row, set)` is called by the flag buttons. */
export function renderTenders(data, onFlag) {
  byId('tenders-scope').textContent = data.scope === 'club' ? 'Les marchés de tous les membres du club (vue de la CCI).' : 'Les marchés de votre organisation.';
  const rows = data.rows;
  setStatus('tenders', rows.length ? '' : 'Aucun marché ouvert de votre organisation dans le catalogue de l’assistant.');
  const open = rows.filter((row) => row.signal !== 'CLOSED').slice(0, 12);
  const canvas = chartOrNothing('chart-tenders', open.length > 0);
  if (open.length) {
    const alarm = (row) => row.signal === 'NO_LOCAL_INTEREST';
    sidewaysBars(canvas, {
      titles: open.map((row) => `${alarm(row) ? '⚠ ' : ''}${row.title}`),
      datasets: [
        { label: 'L’ont vu', data: open.map((row) => row.seen.value), backgroundColor: COLOURS.grey },
        { label: 'L’ont ouvert', data: open.map((row) => row.opened.value), backgroundColor: COLOURS.teal },
        { label: 'Vérifications', data: open.map((row) => row.checkStarted.value), backgroundColor: COLOURS.primary },
      ],
      texts: [open.map((row) => row.seen.text), open.map((row) => row.opened.text), open.map((row) => row.checkStarted.text)],
      labelColours: open.map((row) => (alarm(row) ? COLOURS.red : '#1b2733')),
    });
  }
  const body = byId('tender-table').tBodies[0];
  clear(body);
  for (const row of rows) {
    const title = el('td', { attrs: { 'data-label': 'Marché' } }, el('div', { className: 'tender-title', text: row.title }), el('div', { className: 'tender-ref', text: `${row.buyer} · ${row.tenderId}` }));
    if (row.example) title.append(el('span', { className: 'badge', text: 'exemple' }));
    const signal = el('td', { attrs: { 'data-label': 'Signal' } }, el('span', { text: row.signalLabel }));
    if (row.flagged) signal.append(' ', el('span', { className: 'badge flag', text: 'Signalé' }));
    const action = el('td', { attrs: { 'data-label': 'Signalement' } });
    if (row.mayFlag) {
      const button = el('button', { className: row.flagged ? 'secondary' : '', text: row.flagged ? 'Retirer le signalement' : 'Signaler : peu ou pas de réponses locales', attrs: { type: 'button', 'data-tender': row.tenderId, 'aria-describedby': 'flag-effect' } });
      button.addEventListener('click', () => onFlag(row, !row.flagged, button));
      action.append(button);
    } else {
      action.textContent = row.signal === 'CLOSED' ? 'Clos' : '—';
    }
    body.append(
      el(
        'tr',
        { className: ROW_CLASSES[row.signal] ?? '' },
        title,
        el('td', { text: deadlineText(row), attrs: { 'data-label': 'Date limite' } }),
        el('td', { className: 'number', text: row.seen.text, attrs: { 'data-label': 'L’ont vu' } }),
        el('td', { className: 'number', text: row.opened.text, attrs: { 'data-label': 'L’ont ouvert' } }),
        el('td', { className: 'number', text: row.checkStarted.text, attrs: { 'data-label': 'Vérifications' } }),
        signal,
        action,
      ),
    );
  }
}

export function renderTestimonies(data) {
  const list = byId('testimony-list');
  clear(list);
  setStatus('testimonies', data.testimonies.length ? '' : 'Aucun témoignage d’entreprise sur cette période.');
  for (const testimony of data.testimonies) {
    const who = [testimony.trade, testimony.sizeBand, testimony.monthText].filter(Boolean).join(' · ');
    list.append(el('li', {}, el('blockquote', { text: testimony.text }), el('div', { className: 'meta', text: who })));
  }
}

function safeLink(url) {
  return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null;
}

export function renderEvents(data) {
  const list = byId('event-list');
  clear(list);
  setStatus('events', data.events.length ? '' : 'Aucun rendez-vous annoncé pour le moment.');
  for (const event of data.events) {
    const item = el(
      'li',
      {},
      el('div', { className: 'title', text: event.title }),
      el('div', { className: `meta${event.dateUncertain ? ' uncertain' : ''}`, text: event.when }),
      el('div', { className: 'meta', text: [event.place, event.organiser].filter(Boolean).join(' · ') }),
      el('div', { text: event.description }),
      el('div', { className: 'meta', text: event.registration.how }),
    );
    const url = safeLink(event.registration.url);
    if (url) item.append(el('a', { text: 'Plus d’informations', attrs: { href: url, rel: 'noopener noreferrer', target: '_blank' } }));
    list.append(item);
  }
}
