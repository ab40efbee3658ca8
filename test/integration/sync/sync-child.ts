/**
 * A laptop in its own process, so a test can kill it with SIGKILL mid-sync, as a power cut or
 * a crash would. Env: DATA_DIR, ICDR (JSON: baseUrl, tokenUrl, clientId, clientSecret),
 * REGISTER (patients to register before syncing).
 */
import { createCore } from '../../../src-main/core';
import { silentLogger } from '../../../src-main/log/logger';
import { adultDraft } from '../../support/temp-core';

const icdr = JSON.parse(process.env.ICDR ?? '{}') as {
  baseUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
};
const core = await createCore({
  dataDir: process.env.DATA_DIR!,
  logger: silentLogger,
  sync: { runner: 'in-process', schedule: false, pageSize: 20, reconcileEveryMs: 0 },
});
const call = async (channel: string, input: unknown = {}) => {
  const result = await core.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
};
const status = (await call('app:get-status')) as { setupRequired: boolean };
if (status.setupRequired)
  await call('auth:create-first-user', {
    fullName: 'Kill Test',
    username: 'killer',
    role: 'admin',
    password: 'long enough pw',
  });
else await call('auth:unlock', { username: 'killer', password: 'long enough pw' });
await call('sync:save-settings', {
  ...icdr,
  subscriptions: [
    { resourceType: 'Patient', query: '' },
    { resourceType: 'Observation', query: '' },
  ],
  intervalMinutes: 5,
});
for (let i = 0; i < Number(process.env.REGISTER ?? 0); i++) {
  await call('patients:register', { draft: adultDraft({ given: `Crash${i}`, family: 'Survivor' }) });
}
console.log('SYNCING');
await call('sync:run-now');
await core.sync.idle();
console.log(`DONE ${JSON.stringify(await call('sync:get-status'))}`);
core.close();
