import path from 'node:path';

// The dashboard's large figures (web/dashboard/figures.js), loaded as the browser loads it: an ES module.
interface Count {
  value: number | null;
  text: string;
}
interface Figure {
  value: string;
  label: string;
}
interface FiguresModule {
  gapsFigure(count: Count): Figure;
  checksFigure(count: Count): Figure;
  satisfactionFigure(overall: { helpfulShare: number | null; total: Count }): Figure;
}

const count = (value: number): Count => ({ value, text: String(value) });
const fewerThan3: Count = { value: null, text: 'moins de 3' };
const read = (figure: Figure): string => `${figure.value} ${figure.label}`;

describe('the dashboard’s large figures', () => {
  let figures: FiguresModule;
  beforeAll(async () => {
    figures = (await import(path.resolve(__dirname, '../../web/dashboard/figures.js'))) as FiguresModule;
  });

  it('agree with 0 and 1 in the singular, with more and « moins de 3 » in the plural', () => {
    expect([0, 1, 2].map((n) => read(figures.checksFigure(count(n))))).toEqual(['0 dossier de candidature vérifié', '1 dossier de candidature vérifié', '2 dossiers de candidature vérifiés']);
    expect(read(figures.checksFigure(fewerThan3))).toBe('moins de 3 dossiers de candidature vérifiés');
    expect([0, 1, 7].map((n) => read(figures.gapsFigure(count(n))))).toEqual([
      '0 question restée sans réponse satisfaisante',
      '1 question restée sans réponse satisfaisante',
      '7 questions restées sans réponse satisfaisante',
    ]);
  });

  it('say how many answers were judged when no share can be given, and never call them « jugées utiles »', () => {
    expect(read(figures.satisfactionFigure({ helpfulShare: 0.5, total: count(2) }))).toBe('50 % réponses de la FAQ jugées utiles');
    expect(read(figures.satisfactionFigure({ helpfulShare: null, total: count(0) }))).toBe('0 avis sur les réponses de la FAQ');
    // A week with 1 « Oui » and 5 « Non »: pooled, only the total may be shown.
    const pooled = read(figures.satisfactionFigure({ helpfulShare: null, total: count(6) }));
    expect(pooled).toMatch(/^6 avis sur les réponses de la FAQ \(« Oui » et « Non » regroupés/);
    expect(read(figures.satisfactionFigure({ helpfulShare: null, total: fewerThan3 }))).toMatch(/^moins de 3 avis /);
  });
});
