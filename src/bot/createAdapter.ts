import { type Activity, CloudAdapter, type InvokeResponse, type ConfigurationBotFrameworkAuthentication, type ConfigurationBotFrameworkAuthenticationOptions, type TurnContext } from 'botbuilder';
import type { Config } from '../config';
import type { Messages } from '../knowledge/Messages';
import { type Logger, scrubError } from '../logger';
import { ReusingAuthentication } from './ReusingAuthentication';

/**
 * The Bot Framework adapter. With no App ID it runs in anonymous mode (Emulator, local Web Chat);
 * with one, every request must carry a valid Bot Framework token.
 */
type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

export interface BotConnection {
  adapter: CloudAdapter;
  /** Checks a request's Bot Framework token (anonymous mode accepts none) before any work is done. */
  authenticate(activity: Activity, authorization: string): Promise<AuthenticateRequestResult>;
  /** Runs an authenticated turn; for invokes and expectReplies, returns what the HTTP response must carry. */
  run(authenticated: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined>;
}

/** CloudAdapter runs an already-authenticated request through this (protected) method of its base class. */
interface ProcessesActivity {
  processActivity(authenticated: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined>;
}

export function createAdapter(config: Config, messages: Messages, logger: Logger, anonymous = false): BotConnection {
  const app = anonymous ? { id: '', password: '', type: 'MultiTenant', tenantId: '' } : config.microsoftApp;
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: app.id,
    MicrosoftAppPassword: app.password,
    MicrosoftAppType: app.type,
    MicrosoftAppTenantId: app.tenantId,
  };
  const authentication = new ReusingAuthentication(options);
  const adapter = new CloudAdapter(authentication);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ event: 'turn_error', channel: context.activity.channelId, err: scrubError(error), stack: error.stack?.split('\n').slice(1, 8).join('\n') }, 'turn failed');
    try {
      await context.sendActivity(messages.text('error.generic'));
    } catch (sendError) {
      logger.warn({ event: 'turn_error_reply_failed', err: (sendError as Error).message }, 'could not tell the user');
    }
  };
  return {
    adapter,
    authenticate: (activity, authorization) => authentication.authenticateRequest(activity, authorization),
    run: (authenticated, activity, logic) => (adapter as unknown as ProcessesActivity).processActivity(authenticated, activity, logic),
  };
}
