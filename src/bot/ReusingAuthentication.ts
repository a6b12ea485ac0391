import { type Activity, ConfigurationBotFrameworkAuthentication } from 'botbuilder';

type Authenticated = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;
type ClaimsIdentity = Authenticated['claimsIdentity'];
type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type UserTokenClient = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>>;

/** Distinct (App ID, service URL, audience) kept: a bot talks to a handful of channels; the oldest goes first beyond that. */
export const MAX_REUSED_CLIENTS = 64;

/** Promises by key, so that turns arriving together share one client; a failed creation is not kept. */
class BoundedPromiseCache<T> {
  private readonly entries = new Map<string, Promise<T>>();

  constructor(private readonly max: number) {}

  get(key: string, make: () => Promise<T>): Promise<T> {
    const cached = this.entries.get(key);
    if (cached) return cached;
    const made = make();
    this.entries.set(key, made);
    made.catch(() => this.entries.get(key) === made && this.entries.delete(key));
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return made;
  }
}

/** The bot's App ID as botbuilder reads it: the token's audience from a channel, its appid claim from the Emulator, none when anonymous. */
function appIdOf(claims: ClaimsIdentity): string {
  return claims.getClaimValue('aud') ?? claims.getClaimValue('appid') ?? '';
}

/**
 * CloudAdapter builds a new ConnectorClient and a new UserTokenClient (credentials, an HTTP pipeline
 * each) for every turn, even one whose replies go back in the HTTP response: about a tenth of a
 * short turn's CPU. Both depend only on the App ID, the service URL and the audience (the rest is
 * this object's fixed configuration), hold no per-turn state, and their access tokens are cached by
 * botframework-connector process-wide anyway — so they are made once per such key and reused.
 */
export class ReusingAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new BoundedPromiseCache<ConnectorClient>(MAX_REUSED_CLIENTS);
  private readonly userTokens = new BoundedPromiseCache<UserTokenClient>(MAX_REUSED_CLIENTS);

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<Authenticated> {
    const result = await super.authenticateRequest(activity, authHeader);
    if (!result.connectorFactory) return result;
    return { ...result, connectorFactory: this.reusing(result.connectorFactory, appIdOf(result.claimsIdentity)) };
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(super.createConnectorFactory(claimsIdentity), appIdOf(claimsIdentity));
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.userTokens.get(appIdOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }

  private reusing(factory: ConnectorFactory, appId: string): ConnectorFactory {
    return { create: (serviceUrl: string, audience?: string) => this.connectors.get(JSON.stringify([appId, serviceUrl, audience ?? null]), () => factory.create(serviceUrl, audience)) };
  }
}
