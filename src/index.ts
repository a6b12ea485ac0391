import { startApp } from './app';
import { loadConfig, loadDotEnv } from './config';
import { isAppError } from './errors';
import { createLogger } from './logger';
import { guardProcess } from './processGuard';

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  guardProcess(logger);
  const app = await startApp(config, logger);
  const mode = config.microsoftApp.id ? 'Azure Bot (App ID configuré)' : 'local anonyme (Web Chat, Emulator)';
  logger.info({ event: 'started', url: app.url, mode }, `Assistant HA30 prêt : ${app.url} — mode ${mode}`);
  // The JSON logs are for machines; a person who just typed `npm start` needs one plain sentence.
  process.stderr.write(`\nAssistant HA30 prêt : ouvrez ${app.url} dans votre navigateur (Ctrl+C pour arrêter).\n\n`);

  const shutdown = (signal: string) => {
    logger.info({ event: 'stopping', signal }, 'arrêt demandé : fin des échanges en cours');
    app.stop().then(
      () => process.exit(0),
      (error: Error) => {
        logger.error({ event: 'stop_failed', err: error.message }, 'arrêt incomplet');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  // Start-up refusals (bad configuration, bad knowledge file) are for a person: plain French, no stack.
  if (isAppError(error)) process.stderr.write(`\nDémarrage impossible : ${error.message}\n\n`);
  else process.stderr.write(`\nDémarrage impossible : ${(error as Error).stack ?? String(error)}\n\n`);
  process.exit(1);
});
