// Misspelt trades in the trade → CPV lookup (src/tenders/match/cpv.ts, branch match12). Each typo
// pairs a phone spelling with the trade's right spelling: it passes when the typo's first suggested
// code is the right spelling's. TUNING was used while writing the reading; HELD_OUT was written at
// the same time and never used to tune it: when one fails, fix the reading on the merits and add new
// held-out pairs rather than adjusting these. KEEP: right spellings whose suggestions must stay
// those of the baseline build (give its dist folder as the first argument; this build's otherwise).
// Run: npm run --silent build && node bench/tradeTypos.mjs [baseline/dist]
export const TUNING = [
  ['je fait du netoyage de bureau', 'je fais du nettoyage de bureau'],
  ['plombié chauffagiste', 'plombier chauffagiste'],
  ['plonbier a ales', 'plombier a ales'],
  ['electrisien', 'électricien'],
  ['menuiseri alu', 'menuiserie alu'],
  ['paysagist', 'paysagiste'],
  ['terassement', 'terrassement'],
  ['carelleur', 'carreleur'],
  ['peintr en batiment', 'peintre en bâtiment'],
  ['maconerie generale', 'maçonnerie générale'],
  ['couvreu zingueur', 'couvreur zingueur'],
  ['charpantier', 'charpentier'],
  ['élaguage et abattage', 'élagage et abattage'],
];

export const HELD_OUT = [
  ['chaufagiste', 'chauffagiste'],
  ['serurerie metallerie', 'serrurerie métallerie'],
  ['vitrié', 'vitrier'],
  ['jardignier', 'jardinier'],
  ['traitteur pour cantine', 'traiteur pour cantine'],
  ['platrié plaquiste', 'plâtrier plaquiste'],
  ['menuisié', 'menuisier'],
  ['demenagemant', 'déménagement'],
  ['climatisassion', 'climatisation'],
  ['ramonnage', 'ramonage'],
  ['informatiqe', 'informatique'],
  ['imprimrie', 'imprimerie'],
];

export const KEEP = [
  'plombier chauffagiste à Alès, 6 salariés',
  'entreprise de nettoyage à Nîmes',
  'peintre en bâtiment',
  'je fais de la plâtrerie',
  'je pose du plâtre et des cloisons',
  'maçon',
  'macon a uzes',
  'couvreur zingueur',
  'électricien courant faible',
  'paysagiste, élagage, tonte',
  'transport scolaire en autocar',
  'traiteur restauration collective',
  'menuisier aluminium et PVC',
  'terrassement VRD',
  'carreleur faïence',
  'serrurier métallier',
  'imprimerie offset',
  "bureau d'études structure",
  'fourniture de bureau',
  'mobilier de bureau',
  'vente de couveuses pour élevage',
  'plaquiste',
  'ferronnerie et portails',
  'dératisation désinsectisation',
  'location de bennes',
  'formation sécurité au travail',
];

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const here = new URL('../dist/src/tenders/match/cpv.js', import.meta.url).pathname;
  const baselineDir = process.argv[2];
  const { suggestCpv } = await import(here);
  const baseline = baselineDir ? (await import(`${baselineDir.replace(/\/$/, '')}/src/tenders/match/cpv.js`)).suggestCpv : suggestCpv;
  const codes = (suggest, text) => suggest(text, 5).map((s) => s.code);
  const score = (name, pairs) => {
    let fixed = 0;
    let before = 0;
    let same = 0;
    let sameBefore = 0;
    let counted = 0;
    for (const [typo, right] of pairs) {
      const wanted = codes(suggestCpv, right);
      const got = codes(suggestCpv, typo);
      const was = codes(baseline, typo);
      if (!wanted.length) {
        console.log(`n/a     ${typo}: the right spelling « ${right} » suggests no code`);
        continue;
      }
      counted++;
      if (got[0] === wanted[0]) fixed++;
      if (was[0] === wanted[0]) before++;
      if (got.join() === wanted.join()) same++;
      if (was.join() === wanted.join()) sameBefore++;
      console.log(`${got[0] === wanted[0] ? 'read  ' : 'MISSED'}  ${typo} → ${got.join(' ') || '—'}  (right spelling: ${wanted.join(' ')}; baseline: ${was.join(' ') || '—'})`);
    }
    console.log(`${name}: ${fixed}/${counted} typos with the right spelling's first code, ${same}/${counted} with all its codes (baseline ${before}/${counted} and ${sameBefore}/${counted})`);
  };
  score('Tuning', TUNING);
  score('Held-out', HELD_OUT);
  let kept = 0;
  for (const text of KEEP) {
    const got = codes(suggestCpv, text).join(' ');
    const was = codes(baseline, text).join(' ');
    if (got === was) kept++;
    console.log(`${got === was ? 'same   ' : 'CHANGED'}  ${text} → ${got || '—'}${got === was ? '' : `  (baseline ${was || '—'})`}`);
  }
  console.log(`Right spellings: ${kept}/${KEEP.length} with the baseline's suggestions`);
}
