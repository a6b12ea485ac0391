import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isAppError } from '../../../src/errors';
import { loadKnowledge } from '../../../src/loadKnowledge';
import { KNOWLEDGE_DIR } from '../../support/services';

type Rule = { id: string; detect: { detector: string; params?: Record<string, unknown>; kind?: string }[]; message: Record<string, unknown>; [key: string]: unknown };

/** A copy of the shipped knowledge with one rule file edited; returns the refusal's text. */
function refusalAfter(file: string, edit: (rules: Map<string, Rule>, data: { rules: Rule[] }) => void): { message: string; path?: unknown; file?: unknown } {
  const dir = mkdtempSync(path.join(tmpdir(), 'ha30-rules-'));
  try {
    cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
    const target = path.join(dir, 'rules', file);
    const data = JSON.parse(readFileSync(target, 'utf8')) as { rules: Rule[] };
    edit(new Map(data.rules.map((rule) => [rule.id, rule])), data);
    writeFileSync(target, JSON.stringify(data, null, 2));
    loadKnowledge(dir);
  } catch (error) {
    if (isAppError(error)) return { message: error.message, path: error.details.path, file: error.details.file };
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  throw new Error('the broken rule file was accepted');
}

describe('the rule contract, checked at start', () => {
  it('accepts the shipped rules', () => {
    expect(loadKnowledge(KNOWLEDGE_DIR).rules).toHaveLength(45);
  });

  it('refuses a mistyped param (anyof for anyOf), naming file and JSON path', () => {
    const refusal = refusalAfter('f-attestations.json', (rules) => {
      const use = rules.get('URSSAF_ATTESTATION_MISSING')!.detect[0]!;
      use.params = { anyof: use.params!.anyOf };
    });
    expect(refusal.file).toBe('rules/f-attestations.json');
    expect(refusal.message).toContain('rules/f-attestations.json — /rules/0/detect/0/params');
    expect(refusal.message).toContain('paramètre inconnu « anyof »');
    expect(refusal.message).toContain('requiert la propriété anyOf');
  });

  it('refuses an unknown document type in a list of types', () => {
    const refusal = refusalAfter('f-attestations.json', (rules) => {
      rules.get('URSSAF_ATTESTATION_MISSING')!.detect[0]!.params = { anyOf: ['URSSAF', 'MSA_VIGILANCE'] };
    });
    expect(refusal.message).toContain('/rules/0/detect/0/params/anyOf/0');
  });

  it('refuses a window setting that does not exist instead of falling back to 3 months', () => {
    const typo = refusalAfter('e-identity.json', (rules) => {
      rules.get('KBIS_TOO_OLD')!.detect[0]!.params!.setting = 'kbisMaxAgeMonth';
    });
    expect(typo.message).toMatch(/\/params\/setting .*kbisMaxAgeMonths/);
    const none = refusalAfter('e-identity.json', (rules) => {
      delete rules.get('KBIS_TOO_OLD')!.detect[0]!.params!.setting;
    });
    expect(none.message).toMatch(/soit « setting ».*soit « months »/);
  });

  it('refuses an unknown detector, listing the known ones', () => {
    const refusal = refusalAfter('g-offer.json', (rules) => {
      rules.get('AE_INCOMPLETE')!.detect[0]!.detector = 'aeIncompletee';
    });
    expect(refusal.message).toMatch(/« aeIncompletee » n'est pas un détecteur connu \(.*aeIncomplete/);
  });

  it('refuses a placeholder that no detector fills, in a message, a remedy or a legal text', () => {
    const inMessage = refusalAfter('e-identity.json', (rules) => {
      rules.get('SIRET_MISMATCH_ACROSS_DOCUMENTS')!.message.default = 'Le SIREN {sirenn} de « {file} » diffère.';
    });
    expect(inMessage.message).toMatch(/\/message\/default « \{sirenn\} » n'est rempli par aucun détecteur/);
    const inRemedy = refusalAfter('e-identity.json', (rules) => {
      rules.get('SIRET_MISMATCH_ACROSS_DOCUMENTS')!.remedy = 'Corrigez le numéro {numero} sur chaque pièce.';
    });
    expect(inRemedy.message).toMatch(/\/remedy « \{numero\} »/);
  });

  it('refuses a message written for a kind of hit that no detector of the rule produces', () => {
    const refusal = refusalAfter('c-signature.json', (rules) => {
      rules.get('SIGNATURE_CERTIFICATE_INVALID')!.message.INTEGRIT = 'La signature de « {file} » est altérée.';
    });
    expect(refusal.message).toMatch(/\/message\/INTEGRIT aucun détecteur de cette règle ne produit le cas « INTEGRIT »/);
  });

  it('refuses a severity case on a kind that never happens, and a context field that does not exist', () => {
    const refusal = refusalAfter('a-deadline-submission.json', (rules) => {
      const rule = rules.get('OFFER_LATE')! as Rule & { severity: { cases: { when: Record<string, unknown> }[] } };
      rule.severity.cases[0]!.when = { kind: 'PRE_CHECK' };
      rule.detect[0]!.kind = undefined;
      (rule.detect[0] as Record<string, unknown>).skipWhen = [{ contextHas: 'requirement.documents' }];
    });
    expect(refusal.message).toContain('/rules/0/severity/cases/0/when/kind');
    expect(refusal.message).toContain('/rules/0/detect/0/skipWhen/0/contextHas');
  });

  it('refuses a PARTIAL rule that does not say what it cannot see', () => {
    const refusal = refusalAfter('g-offer.json', (rules) => {
      delete rules.get('AE_INCOMPLETE')!.limitation;
    });
    expect(refusal.message).toContain('/rules/0/limitation');
  });

  it('lists every problem at once, and a duplicate id across files', () => {
    const refusal = refusalAfter('g-offer.json', (rules, data) => {
      data.rules.push({ ...rules.get('AE_INCOMPLETE')!, id: 'KBIS_TOO_OLD' });
      rules.get('PRICE_INCONSISTENCY')!.message.VAT = 'Montants {montant} incohérents.';
    });
    expect(refusal.message).toMatch(/« KBIS_TOO_OLD » est en double \(déjà dans rules\/e-identity\.json\)/);
    expect(refusal.message).toContain('{montant}');
    expect(refusal.message.split('\n').length).toBeGreaterThanOrEqual(2);
  });
});
