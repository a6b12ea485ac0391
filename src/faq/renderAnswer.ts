import type { FaqAnswer, FaqFigure, FaqTopic } from './types';

const FIGURE = /\{fig:([a-zA-Z][a-zA-Z0-9]*)\}/g;

/** The figure ids a text quotes, in order of appearance. */
export function figureIdsOf(text: string): string[] {
  return [...text.matchAll(FIGURE)].map((match) => match[1]!);
}

/**
 * A topic's answer as the SME reads it: every {fig:ID} replaced by the figure in force, and the
 * caveats gathered — the topic's own, then one per uncertain figure it quotes (label and source),
 * so that an unverified threshold is never stated as certain.
 */
export function renderAnswer(topic: FaqTopic, figures: ReadonlyMap<string, FaqFigure>, titles: ReadonlyMap<string, string>, caveat: (figure: FaqFigure) => string): FaqAnswer {
  const quoted = new Set<string>();
  const fill = (text: string): string =>
    text.replace(FIGURE, (raw, id: string) => {
      const figure = figures.get(id);
      if (!figure) return raw;
      quoted.add(id);
      return figure.value;
    });
  const short = fill(topic.short);
  const details = topic.details.map(fill);
  const uncertain = topic.uncertain ? [fill(topic.uncertain)] : [];
  for (const id of quoted) {
    const figure = figures.get(id)!;
    if (figure.uncertain) uncertain.push(caveat(figure));
  }
  return {
    id: topic.id,
    title: topic.title,
    short,
    details,
    legal: [...topic.legal],
    links: topic.links.map((link) => ({ ...link })),
    related: topic.related.flatMap((id) => {
      const title = titles.get(id);
      return title ? [{ id, title }] : [];
    }),
    uncertain,
  };
}
