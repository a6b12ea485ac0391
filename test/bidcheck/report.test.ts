import type { ReportDocument } from '../../src/bidcheck/checkDossier';
import { documentLabel } from '../../src/bidcheck/report/documentLabel';
import { formatTextReport } from '../../src/bidcheck/report/formatTextReport';
import { summaryLine } from '../../src/bidcheck/report/summarize';
import type { Finding } from '../../src/bidcheck/rules/types';
import { realServices } from '../support/services';

const { messages } = realServices();
const LABELS = { KBIS: 'Extrait Kbis', DC1: 'Lettre de candidature (DC1)' };
const doc = (type: string, confidence = 0.9, signed = false): ReportDocument => ({ file: `pli/${type.toLowerCase()}.pdf`, type: type as ReportDocument['type'], confidence, dates: {}, signed });
const finding = (severity: Finding['severity']): Finding => ({ rule: 'X', severity, message: 'Le pli est arrivé 2 secondes après l’heure limite.', legal: 'Art. R2151-5.', remedy: 'Déposez plus tôt : la plateforme peut être lente !' });

describe('report words', () => {
  it('never shows a type code: unknown pieces, and a type the labels lack, are "non reconnue"', () => {
    expect(documentLabel(doc('UNKNOWN'), LABELS, messages)).toBe('non reconnue');
    expect(documentLabel(doc('DQE'), LABELS, messages)).toBe('non reconnue');
    expect(documentLabel(doc('DC1', 0.3), LABELS, messages)).toBe("probablement Lettre de candidature (DC1), d'après le nom du fichier");
  });

  it('counts with real plurals', () => {
    expect(summaryLine(messages, [])).toBe('aucun point relevé');
    expect(summaryLine(messages, [finding('ELIMINATORY'), finding('ADVICE'), finding('ADVICE')])).toBe('1 point bloquant, 0 point à corriger, 2 conseils');
  });

  it('writes the text report from the knowledge, with French typography and no nested parentheses', () => {
    const text = formatTextReport({ referenceDate: '2026-12-01', validityDate: '2026-12-01', partial: true, documents: [doc('KBIS', 0.9, true), doc('UNKNOWN'), doc('DC1', 0.2)], findings: [finding('REGULARISABLE')] }, LABELS, messages);
    expect(text).toContain('Vérification du dossier au 01/12/2026 — 0 point bloquant, 1 point à corriger, 0 conseil');
    expect(text).toContain('  - pli/kbis.pdf\u00a0: Extrait Kbis, signée électroniquement');
    expect(text).toContain('  - pli/unknown.pdf\u00a0: non reconnue');
    expect(text).toContain('À RÉGULARISER (1)');
    expect(text).toContain('    Que faire\u00a0: Déposez plus tôt\u00a0: la plateforme peut être lente\u202f!');
    expect(text).not.toMatch(/ [:;?!»]|« |UNKNOWN|\([^()]*\(/);
  });

  it('names the date the pieces are judged at, and shows what a PARTIAL rule cannot see and an unknown RC', () => {
    const partial: Finding = { ...finding('ADVICE'), limitation: 'Seule la date imprimée est lue.', rcUnknown: true };
    const text = formatTextReport({ referenceDate: '2026-11-20', validityDate: '2026-12-01', partial: false, documents: [], findings: [partial] }, LABELS, messages);
    expect(text).toMatch(/Validité des pièces jugée au 01\/12\/2026/);
    expect(text).toContain('Limite de cette vérification\u00a0: Seule la date imprimée est lue.');
    expect(text).toMatch(/dépend du règlement de la consultation/);
    const sameDay = formatTextReport({ referenceDate: '2026-12-01', validityDate: '2026-12-01', partial: false, documents: [], findings: [finding('ADVICE')] }, LABELS, messages);
    expect(sameDay).not.toMatch(/Validité des pièces|Limite de cette vérification|règlement de la consultation, que/);
  });
});
