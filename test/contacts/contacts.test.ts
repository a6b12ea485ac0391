import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contactForSituation, contactForTender, findBuyer, upcomingEvents } from '../../src/contacts/contacts';
import { directoryFrom, loadDirectory } from '../../src/contacts/loadDirectory';
import type { ContactsFile, EventsFile } from '../../src/contacts/types';
import type { MatchText } from '../../src/tenders/match/fit';
import { makeTender } from '../tenders/match/makeTender';

/** Shows which text was asked for and with what: the wording comes from knowledge/messages.json. */
const tagged: MatchText = (id, ...[params]) => `[${id}${params ? ` ${Object.values(params).join(' | ')}` : ''}]`;

const KNOWLEDGE = path.resolve(__dirname, '../../knowledge');
const directory = loadDirectory(KNOWLEDGE);
const contactsJson = (): ContactsFile & { $schema: string } => JSON.parse(readFileSync(path.join(KNOWLEDGE, 'contacts.json'), 'utf8'));
const eventsJson = (): EventsFile & { $schema: string } => JSON.parse(readFileSync(path.join(KNOWLEDGE, 'events.json'), 'utf8'));

describe('contactForTender', () => {
  it('finds the club member by SIREN first (from the SIRET), whatever the buyer name says', () => {
    const tender = makeTender('ccbta', { title: 'Collecte des encombrants', buyer: { name: 'Mairie annexe', siret: '24300058500017' } });
    expect(findBuyer(tender, directory)?.id).toBe('ha30-ccbta');
    const contact = contactForTender(tender, directory);
    expect(contact).toMatchObject({ organisation: 'Communauté de communes Beaucaire Terre d\'Argence', clubMember: true, contactId: 'ha30-ccbta' });
  });

  it('then by one of the names BOAMP uses, folded, whole words only', () => {
    expect(findBuyer(makeTender('a', { title: 'x', buyer: { name: 'CONSEIL DEPARTEMENTAL DU GARD' } }), directory)?.id).toBe('ha30-departement-gard');
    expect(findBuyer(makeTender('b', { title: 'x', buyer: { name: 'Ville de Bagnols-sur-Cèze (30)' } }), directory)?.id).toBe('ha30-bagnols-sur-ceze');
    expect(findBuyer(makeTender('c', { title: 'x', buyer: { name: 'CHU de Nîmes - Direction des achats' } }), directory)?.id).toBe('ha30-chu-nimes');
    // A short alias must be the whole name: "BRL" is not found inside "Ateliers BRLX".
    expect(findBuyer(makeTender('d', { title: 'x', buyer: { name: 'BRL' } }), directory)?.id).toBe('ha30-brl');
    expect(findBuyer(makeTender('e', { title: 'x', buyer: { name: 'Ateliers BRLX Provence' } }), directory)).toBeUndefined();
    expect(findBuyer(makeTender('f', { title: 'x', buyer: { name: 'Ville de Sanary sur Mer (83)' } }), directory)).toBeUndefined();
  });

  it('outside the club, points to the buyer’s platform or the notice, never to a person', () => {
    const sanary = makeTender('g', { title: 'Courts de tennis', buyer: { name: 'Ville de Sanary sur Mer (83)', siret: '21830123200011' }, buyerProfileUrl: 'https://www.marches-securises.fr' });
    expect(contactForTender(sanary, directory)).toEqual({
      organisation: 'Ville de Sanary sur Mer (83)',
      channel: 'Profil d’acheteur (questions sur la consultation par la plateforme) — https://www.marches-securises.fr',
      url: 'https://www.marches-securises.fr',
      clubMember: false,
    });
    const bare = makeTender('h', { title: 'x', buyer: { name: 'Syndicat mixte inconnu' } });
    expect(contactForTender(bare, directory).channel).toBe('Par la CCI Gard, qui anime le club HA30 — https://www.gard.cci.fr/');
  });

  it('takes the channels’ wording from the texts it is given', () => {
    const sanary = makeTender('i', { title: 'x', buyer: { name: 'Ville de Sanary sur Mer (83)' }, buyerProfileUrl: 'https://www.marches-securises.fr' });
    expect(contactForTender(sanary, directory, tagged).channel).toBe('[contacts.channel.buyerProfile https://www.marches-securises.fr]');
    const noticed = makeTender('j', { title: 'x', buyer: { name: 'Syndicat mixte inconnu' }, noticeUrl: 'https://www.boamp.fr/avis/26-1' });
    expect(contactForTender(noticed, directory, tagged).channel).toBe('[contacts.channel.notice https://www.boamp.fr/avis/26-1]');
    const upcoming = makeTender('k', { title: 'x', source: 'approch', status: 'UPCOMING', buyer: { name: 'Ministère des Armées' } });
    expect(contactForTender(upcoming, directory, tagged).channel).toMatch(/^\[contacts\.channel\.approch(At https:\/\/\S+)?\]$/);
  });
});

describe('contactForSituation', () => {
  it('sends a payment delay to the Médiateur des entreprises', () => {
    const answer = contactForSituation('La mairie ne m’a toujours pas payée, 4 mois de retard de paiement sur ma facture', directory);
    expect(answer?.situation.id).toBe('PAYMENT_DELAY');
    expect(answer?.contacts.map((c) => c.id)).toEqual(['mediateur-entreprises']);
    expect(answer?.answer).toContain('gratuitement et en toute confidentialité');
  });

  it('sends someone learning to answer to the CCI workshops and APProch', () => {
    const answer = contactForSituation('je voudrais apprendre à répondre aux appels d’offres, c’est la première fois', directory);
    expect(answer?.situation.id).toBe('LEARN_TO_ANSWER');
    expect(answer?.contacts.map((c) => c.id)).toEqual(['cci-gard', 'approch']);
  });

  it('knows alerts, meeting buyers, reserved markets; says nothing when it does not know', () => {
    expect(contactForSituation('comment être alerté des nouveaux avis ?', directory)?.situation.id).toBe('ALERTS');
    expect(contactForSituation('je veux rencontrer les acheteurs du club HA30', directory)?.situation.id).toBe('MEET_BUYERS');
    expect(contactForSituation('nous sommes un ESAT, quels marchés réservés ?', directory)?.situation.id).toBe('INCLUSION');
    expect(contactForSituation('quelle météo demain à Nîmes ?', directory)).toBeUndefined();
    expect(contactForSituation('', directory)).toBeUndefined();
  });
});

describe('upcomingEvents', () => {
  const base = eventsJson();
  const dated: EventsFile = {
    ...base,
    events: [
      ...base.events,
      { ...base.events[0]!, id: 'soon', title: 'Matinale acheteurs', date: '2027-01-14', datePrecision: 'DAY', dateStatus: 'CONFIRMED', dateNote: undefined },
      { ...base.events[0]!, id: 'later', title: 'Convention', date: '2027-03-01', datePrecision: 'MONTH', dateStatus: 'UNCERTAIN', dateNote: 'annoncée sans jour' },
      { ...base.events[0]!, id: 'past', title: 'Ancienne', date: '2026-11-30', datePrecision: 'DAY', dateStatus: 'CONFIRMED', dateNote: undefined },
    ],
  };
  const withDates = directoryFrom(contactsJson(), dated);

  it('lists dated events soonest first, then the ones without a published date, never past ones', () => {
    const list = upcomingEvents(new Date('2026-12-01T09:00:00+01:00'), withDates);
    expect(list.map((e) => e.event.id)).toEqual(['soon', 'later', 'ha30-reunion-club', 'cible-affaires', 'cci-ateliers-marches-publics']);
    expect(list[0]).toMatchObject({ when: 'le 14 janvier 2027', dateUncertain: false, organiser: 'CCI Gard (Chambre de commerce et d\'industrie du Gard)' });
    expect(list[1]).toMatchObject({ when: 'en mars 2027 (date à confirmer)', dateUncertain: true });
    expect(list[2]!.dateUncertain).toBe(true);
    expect(list[2]!.when).toContain('demandez le calendrier à la CCI Gard');
    const tagging = upcomingEvents(new Date('2026-12-01T09:00:00+01:00'), withDates, tagged);
    expect(tagging.slice(0, 2).map((e) => e.when)).toEqual(['[contacts.event.day 14 janvier 2027]', '[contacts.event.uncertain [contacts.event.month mars 2027]]']);
  });

  it('the shipped data: the past Rencontres de l’achat responsable are not upcoming; Cible Affaires is, with its date uncertain', () => {
    const list = upcomingEvents(new Date('2026-12-01T09:00:00+01:00'), directory);
    expect(list.map((e) => e.event.id)).not.toContain('cd30-rencontres-achat-responsable-2025');
    expect(list.find((e) => e.event.id === 'cible-affaires')).toMatchObject({ dateUncertain: true });
    for (const e of list) expect(e.event.registration.how.length).toBeGreaterThan(5);
  });
});

describe('organisation-level channels only', () => {
  function copyKnowledge(contacts: unknown): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ha30-contacts-'));
    mkdirSync(path.join(dir, 'schemas'));
    for (const schema of ['contacts.schema.json', 'events.schema.json']) copyFileSync(path.join(KNOWLEDGE, 'schemas', schema), path.join(dir, 'schemas', schema));
    writeFileSync(path.join(dir, 'contacts.json'), JSON.stringify(contacts));
    copyFileSync(path.join(KNOWLEDGE, 'events.json'), path.join(dir, 'events.json'));
    return dir;
  }

  it('the schema refuses a personal-looking e-mail (prenom.nom@) and accepts a functional mailbox', () => {
    const personal = contactsJson();
    personal.contacts[0]!.channel.email = 'jean.dupont@gard.fr';
    expect(() => loadDirectory(copyKnowledge(personal))).toThrow(/contacts\.json — \/contacts\/0\/channel\/email doit correspondre au format/);
    const functional = contactsJson();
    functional.contacts[0]!.channel.email = 'marches.publics@gard.fr';
    expect(loadDirectory(copyKnowledge(functional)).contacts[0]!.channel.email).toBe('marches.publics@gard.fr');
  });

  it('the schema has no field for a person, and refuses a mobile number as switchboard', () => {
    const named = contactsJson() as unknown as { contacts: Record<string, unknown>[] };
    named.contacts[0]!.responsable = 'M. Martin';
    expect(() => loadDirectory(copyKnowledge(named))).toThrow(/« responsable »/);
    const mobile = contactsJson();
    mobile.contacts[1]!.channel.switchboardPhone = '06 12 34 56 78';
    expect(() => loadDirectory(copyKnowledge(mobile))).toThrow(/\/contacts\/1\/channel\/switchboardPhone/);
  });

  it('the loader refuses an e-mail address or a mobile number hidden in a free text', () => {
    const hidden = contactsJson();
    hidden.contacts[2]!.howToApproach = 'Écrire à paul.martin@nimes-metropole.fr de notre part.';
    expect(() => loadDirectory(copyKnowledge(hidden))).toThrow('contacts.json — /contacts/2/howToApproach contient une adresse électronique');
    const phone = contactsJson();
    phone.contacts[3]!.channel.label = 'Appeler le 07 98 76 54 32';
    expect(() => loadDirectory(copyKnowledge(phone))).toThrow('/contacts/3/channel/label contient un numéro de portable');
  });

  it('situations and events must point at contacts that exist', () => {
    const broken = contactsJson();
    broken.situations[0]!.contactIds = ['inconnu'];
    expect(() => loadDirectory(copyKnowledge(broken))).toThrow('/situations/0/contactIds/0 « inconnu » ne désigne aucun contact');
  });
});
