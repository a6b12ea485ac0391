import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** The selection, the store and the scheduling of alerts serve any channel: no botbuilder in them. */
const DOMAIN = ['selectAlerts.ts', 'SubscriptionStore.ts', 'AlertService.ts', 'alertCommands.ts', 'types.ts'];

describe('alerts architecture', () => {
  it.each(DOMAIN)('src/alerts/%s does not import botbuilder', (file) => {
    const text = readFileSync(path.join(ROOT, 'src/alerts', file), 'utf8');
    expect(text).not.toMatch(/from\s+'botbuilder/);
  });

  it('src/tenders/profileState.ts is a name and a type only', () => {
    const text = readFileSync(path.join(ROOT, 'src/tenders/profileState.ts'), 'utf8');
    expect(text).not.toMatch(/from\s+'botbuilder/);
    expect(text).toMatch(/PROFILE_STATE_KEY = 'smeProfile'/);
  });
});
