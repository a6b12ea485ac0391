#!/usr/bin/env node
// Builds teams/build/ha30-assistant-teams.zip, the app package to upload in Teams
// (Applications > Gérer vos applications > Charger une application).
// The bot id comes from MicrosoftAppId (environment or .env); the manifest is validated offline
// against the official schema of the version it declares before anything is written.
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const teamsDir = process.env.TEAMS_DIR ? path.resolve(process.env.TEAMS_DIR) : path.join(root, 'teams');
const fail = (message) => {
  process.stderr.write(`Paquet Teams non créé : ${message}\n`);
  process.exit(1);
};

if (existsSync(path.join(root, '.env'))) process.loadEnvFile(path.join(root, '.env'));
const appId = (process.env.MicrosoftAppId ?? '').trim();
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
if (!GUID.test(appId)) fail('MicrosoftAppId doit contenir l’identifiant (GUID) de votre ressource Azure Bot. Renseignez-le dans .env (voir .env.example).');

const manifest = JSON.parse(readFileSync(path.join(teamsDir, 'manifest.json'), 'utf8'));
manifest.bots[0].botId = appId;
const publicHost = (process.env.PUBLIC_HOSTNAME ?? '').trim();
if (publicHost) manifest.validDomains = [publicHost];

const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');
function validator(schemaFile) {
  const schemaPath = require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${manifest.manifestVersion}/${schemaFile}`);
  // Some official schemas contain "\a" in a regex, which JavaScript rejects; it means BEL (\x07).
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8').replaceAll('\\\\a', '\\\\x07'));
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}
const check = (label, validate, data) => {
  if (!validate(data)) fail(`${label} invalide : ${validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}`).join(' ; ')}`);
};
check('manifest.json', validator('MicrosoftTeams.schema.json'), manifest);
const languageFiles = (manifest.localizationInfo?.additionalLanguages ?? []).map((language) => language.file);
const localization = validator('MicrosoftTeams.Localization.schema.json');
for (const file of languageFiles) check(file, localization, JSON.parse(readFileSync(path.join(teamsDir, file), 'utf8')));

const { ZipFile } = require('yazl');
const zip = new ZipFile();
zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), 'manifest.json');
for (const file of [manifest.icons.color, manifest.icons.outline, ...languageFiles]) zip.addFile(path.join(teamsDir, file), file);
zip.end();
const outDir = path.join(teamsDir, 'build');
mkdirSync(outDir, { recursive: true });
const out = path.join(outDir, 'ha30-assistant-teams.zip');
zip.outputStream.pipe(createWriteStream(out)).on('close', () => {
  process.stdout.write(`Paquet Teams prêt : ${path.relative(process.cwd(), out)}\n`);
});
