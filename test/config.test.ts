import path from 'node:path';
import { loadConfig } from '../src/config';

describe('config', () => {
  it('runs the embedded mode with no environment at all', () => {
    const config = loadConfig({}, '/srv/ha30');
    expect(config).toMatchObject({ port: 3978, dataDir: path.resolve('/srv/ha30/data'), knowledgeDir: path.resolve('/srv/ha30/knowledge'), uploadMaxBytes: 50 * 1024 * 1024, stateRetentionDays: 30, stateMaxConversations: 20_000 });
    expect(config.microsoftApp.id).toBe('');
    expect(config.directLine).toMatchObject({ enabled: true, secret: '', uploadBatchMaxBytes: 200 * 1024 * 1024 });
    expect(config.frameAncestors).toBe("'self'");
  });

  it('reads frame ancestors with or without the quotes .env loaders strip', () => {
    expect(loadConfig({ FRAME_ANCESTORS: 'self https://www.gard.cci.fr' }, '/srv/ha30').frameAncestors).toBe("'self' https://www.gard.cci.fr");
    expect(loadConfig({ FRAME_ANCESTORS: "'none'" }, '/srv/ha30').frameAncestors).toBe("'none'");
  });

  it.each([
    [{ PORT: 'abc' }, /PORT="abc"/],
    [{ PORT: '70000' }, /PORT/],
    [{ UPLOAD_MAX_MB: '0' }, /UPLOAD_MAX_MB/],
    [{ STATE_MAX_CONVERSATIONS: '10' }, /STATE_MAX_CONVERSATIONS="10" doit être un entier entre 100/],
    [{ LOG_LEVEL: 'bavard' }, /LOG_LEVEL.*info/],
    [{ MicrosoftAppType: 'Everyone' }, /MicrosoftAppType.*SingleTenant/],
    [{ MicrosoftAppId: 'abc' }, /MicrosoftAppPassword est vide/],
    [{ MicrosoftAppId: 'abc', MicrosoftAppPassword: 'x', MicrosoftAppType: 'SingleTenant' }, /MicrosoftAppTenantId/],
    [{ DIRECTLINE_ENABLED: 'peut-être' }, /DIRECTLINE_ENABLED.*true ou false/],
    [{ DIRECTLINE_SECRET: 'court' }, /DIRECTLINE_SECRET.*32 caractères/],
    [{ FRAME_ANCESTORS: 'javascript:alert(1)' }, /FRAME_ANCESTORS/],
    [{ FRAME_ANCESTORS: "'none' https://x.fr" }, /FRAME_ANCESTORS/],
  ])('stops on a bad value with a clear French message (%o)', (env, message) => {
    expect(() => loadConfig(env, '/srv/ha30')).toThrow(message);
  });
});
