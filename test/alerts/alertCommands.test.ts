import { readFileSync } from 'node:fs';
import path from 'node:path';
import { alertCommand, isAlertsOffValue } from '../../src/alerts/alertCommands';

const phrases = (JSON.parse(readFileSync(path.resolve(__dirname, '../../knowledge/intents.json'), 'utf8')) as { commands: { alertsOn: string[]; alertsOff: string[] } }).commands;

describe('alert commands (knowledge/intents.json)', () => {
  it.each(["m'alerter", 'M’alerter !', 'alertez-moi svp', 'Je veux être alerté', 'pouvez-vous m’alerter des nouveaux marchés ?', 'activer les alertes'])('"%s" subscribes', (text) => {
    expect(alertCommand(text, phrases)).toBe('subscribe');
  });

  it.each(["ne plus m'alerter", 'Ne plus m’alerter', 'arrêter les alertes', 'je veux me désabonner', 'stop alertes', "plus d'alertes merci"])('"%s" unsubscribes', (text) => {
    expect(alertCommand(text, phrases)).toBe('unsubscribe');
  });

  it.each(['stop', 'annuler', 'je cherche des marchés de plomberie à Alès', '', 'alerter', "je voudrais savoir comment m'alerter sur les marchés publics du Gard et de l'Hérault, et aussi quels documents fournir"])('"%s" is not an alert command', (text) => {
    expect(alertCommand(text, phrases)).toBeNull();
  });

  it('recognises the web chat card button value', () => {
    expect(isAlertsOffValue({ ha30Alerts: 'unsubscribe' })).toBe(true);
    expect(isAlertsOffValue({ ha30Goal: 'FIND_TENDERS' })).toBe(false);
    expect(isAlertsOffValue(undefined)).toBe(false);
  });
});
