/**
 * The French refusals of the proposals domain: what the buyer reads under the form, and the adviser
 * on /admin. Each says what to do next. (The chat never shows them: they are not in messages.json.)
 */
export const PROPOSAL_TEXTS = {
  notAnObject: 'la proposition doit être un objet JSON { … } décrivant l’achat — envoyez les champs du formulaire (titre, codes CPV, départements, date prévue…)',
  publicationPast: (month: string) => `« ${month} » est déjà passé : un achat à venir ne peut pas être annoncé pour une date révolue — choisissez un mois à venir (une faute de frappe sur l’année ?)`,
  deadlinePast: (day: string) => `la date limite (${day}) est déjà passée — indiquez une date à venir, ou laissez-la vide si elle n’est pas encore connue`,
  invalid: 'La proposition n’a pas été enregistrée : corrigez les champs signalés puis renvoyez-la.',
  noOrganisation: 'Ce compte n’est rattaché à aucune organisation du club : la CCI doit le rattacher (users -- add --org) avant qu’il puisse proposer un achat.',
  cciNeedsOrganisation: 'Indiquez pour quelle organisation du club vous proposez cet achat (buyer.organisationId, un identifiant de contacts.json).',
  unknownOrganisation: (id: string) => `Organisation inconnue « ${id.slice(0, 80)} » : indiquez l’identifiant d’un membre du club tel qu’il est dans contacts.json.`,
  tooMany: (max: number) => `Votre organisation a déjà ${max} propositions en attente : attendez que la CCI les examine avant d’en envoyer d’autres.`,
  notFound: 'Proposition introuvable : elle a peut-être été supprimée. Rechargez la liste.',
  notYours: 'Cette proposition appartient à une autre organisation : vous ne pouvez ni la voir ni la modifier.',
  notPending: (status: string) => `Cette proposition a déjà été traitée (${status === 'approved' ? 'approuvée' : 'refusée'}) : rechargez la liste.`,
  reasonMissing: 'Indiquez en quelques mots pourquoi la proposition est refusée (« reason ») : l’acheteur le lira.',
  reasonTooLong: (max: number) => `Le motif du refus est trop long : ${max} caractères au plus.`,
  refusedByKnowledge: 'L’achat n’a pas pu être ajouté au catalogue : les connaissances ne seraient plus valides (voir le détail). Rien n’a changé ; corrigez la proposition ou les connaissances, puis réessayez.',
  rejectedSummary: (title: string, org: string, reason: string) => `Proposition d’achat à venir « ${title} » (${org}) refusée : ${reason}`,
} as const;
