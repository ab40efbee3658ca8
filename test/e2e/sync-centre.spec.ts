import { expect, test } from '@playwright/test';
import type { SyncProblem, SyncStatus } from '../../src-shared/domain/sync';
import { startTestIcdr, type TestIcdr } from '../support/icdr';
import { connectCore } from './support/core-client';
import { fakeCore } from './support/fake-core';
import { icdrHttp } from './support/icdr-http';
import { startKliniki, type KlinikiServer } from './support/kliniki-server';
import { indicator, syncNow, waitUntilUpToDate } from './support/sync-ui';
import { ADMIN, createFirstAccount, openPortal, screen, unlock, watchForProblems } from './support/ui';

// Each test starts from a laptop that has never synced.
let server: KlinikiServer;

test.beforeEach(async () => {
  server = await startKliniki();
});

test.afterEach(async () => {
  await server?.stop();
});

test('before the laptop is connected, the sync centre says so in words and a failed connection test says why', async ({
  page,
}) => {
  const problems = watchForProblems(page);
  await openPortal(page, server.url);

  await test.step('the top bar says "Not connected" on every screen, and opens the sync centre', async () => {
    await expect(indicator(page)).toHaveAccessibleName(/Not connected/);
    await indicator(page).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sync with the central registry' })).toBeVisible();
    await expect(
      page.getByRole('heading', { name: 'This laptop is not connected to the central registry yet' }),
    ).toBeVisible();
    await expect(
      page.getByRole('main').getByText('An administrator connects this laptop to the central registry in Settings'),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sync now' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Sync now' })).toHaveAccessibleDescription(
      /once this laptop is connected/,
    );
    await screen(page, '30-sync-not-connected');
  });

  await test.step('the administrator follows the link to the connection settings', async () => {
    await page.getByRole('link', { name: 'Set up the connection in Settings' }).click();
    const heading = page.getByRole('heading', { name: 'Connection to the central registry' });
    await expect(heading).toBeFocused();
    await expect(page.getByLabel('Device secret')).toHaveAttribute('type', 'password');
    await expect(page.getByLabel('Record type, row 1')).toHaveValue('Organization');
    await screen(page, '31-sync-settings-empty');
  });

  const section = page.getByRole('region', { name: 'Connection to the central registry' });

  await test.step('testing with nothing filled in marks each missing detail', async () => {
    await section.getByRole('button', { name: 'Test connection' }).click();
    await expect(section.getByText('The connection does not work yet.')).toBeVisible();
    await expect(page.getByLabel('Central registry (iCDR) address')).toHaveAccessibleDescription(
      /Enter the address of the central registry/,
    );
    await expect(page.getByLabel('Device secret')).toHaveAccessibleDescription(/Enter the device secret/);
  });

  await test.step('an address where nothing listens fails in words, next to the test button', async () => {
    await page.getByLabel('Central registry (iCDR) address').fill('http://127.0.0.1:9/fhir');
    await page.getByLabel('Sign-in (token) address').fill('http://127.0.0.1:9/token');
    await page.getByLabel('Device ID').fill('clinic-laptop-7');
    await page.getByLabel('Device secret').fill('not a real secret');
    // Changing a detail clears the answer of the previous test.
    await expect(section.getByText('The connection does not work yet.')).toHaveCount(0);
    await section.getByRole('button', { name: 'Test connection' }).click();
    await expect(section.getByText('The connection does not work yet.')).toBeVisible({ timeout: 45_000 });
    await expect(section.getByText(/could not be reached/)).toBeVisible();
    await expect(section.getByText('Check both addresses')).toBeVisible();
    await screen(page, '32-sync-settings-test-failed');
  });

  await test.step('a record type the registry would not know is marked on its row, and nothing is saved', async () => {
    await section.getByRole('button', { name: 'Add a record type' }).click();
    const type = page.getByLabel('Record type, row 8');
    await expect(type).toBeFocused();
    await type.fill('patients');
    await page.getByLabel('Filter, row 8').fill('address-city=Kisoro');
    await section.getByRole('button', { name: 'Save connection settings' }).click();
    await expect(type).toHaveAccessibleDescription(/Use a FHIR resource type such as Patient/);
    await screen(page, '32b-sync-settings-bad-record-type');
    await section.getByRole('button', { name: 'Remove row 8 (patients)' }).click();
    await expect(page.getByLabel('Record type, row 8')).toHaveCount(0);
    await expect(indicator(page)).toHaveAccessibleName(/Not connected/);
  });

  await test.step('a nurse sees the connection read-only and is told to ask an administrator', async () => {
    const core = await connectCore(server.url);
    try {
      await core.invoke('users:create', {
        fullName: 'Peter Okello',
        username: 'peter',
        role: 'nurse',
        password: 'river stone 17',
      });
    } finally {
      core.close();
    }
    await page.getByRole('button', { name: 'Lock now' }).click();
    // Settings has a "Username" box of its own (Add user): wait for the lock screen first.
    await expect(page.getByRole('heading', { name: 'Unlock Kliniki' })).toBeVisible();
    await page.getByLabel('Username').fill('peter');
    await page.getByLabel('Password').fill('river stone 17');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(
      page.getByText('Only an administrator can change how this laptop connects to the central registry.'),
    ).toBeVisible();
    await expect(page.getByLabel('Central registry (iCDR) address')).toHaveCount(0);
    await screen(page, '33-sync-settings-nurse');
    await indicator(page).click();
    await expect(page.getByRole('main').getByText('Ask an administrator of this clinic to set it up.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Set up the connection in Settings' })).toHaveCount(0);
  });

  expect(problems).toEqual([]);
});

test('on a new laptop the first-run step says a wrong secret beside it, then connects and the first sync finishes', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const problems = watchForProblems(page);
  const icdr: TestIcdr = await startTestIcdr({ behaviour: 'hapi', clinic: { patients: 20 } });
  try {
    await page.goto(server.url);
    await createFirstAccount(page);
    const main = page.getByRole('main');
    const secret = page.getByLabel('Device secret');

    await test.step('the step asks for the four details and offers to skip', async () => {
      await expect(page.getByRole('heading', { level: 1, name: 'Connect to the central registry' })).toBeFocused();
      await expect(page).toHaveTitle('Connect to the central registry – Kliniki');
      await expect(page.getByRole('button', { name: 'Skip for now — work offline' })).toBeVisible();
      await screen(page, '44-first-run-connect-empty');
    });

    await test.step('a wrong device secret is refused in words, beside the secret', async () => {
      await page.getByLabel('Central registry (iCDR) address').fill(icdr.baseUrl);
      await page.getByLabel('Sign-in (token) address').fill(icdr.tokenUrl);
      await page.getByLabel('Device ID').fill(icdr.clientId);
      await secret.fill('not the secret');
      await page.getByRole('button', { name: 'Test connection' }).click();
      await expect(main.getByText('The connection does not work yet.')).toBeVisible();
      await expect(secret).toHaveAccessibleDescription(/does not accept this device ID and secret/);
      await expect(secret).toHaveAttribute('aria-invalid', 'true');
      await expect(main.getByText('Check the details that have a message beside them')).toBeVisible();
      await expect(page.getByRole('status')).toHaveText(/does not accept this device ID and secret/);
      await screen(page, '45-first-run-connect-wrong-secret');
    });

    await test.step('saving with the wrong secret tests first and saves nothing', async () => {
      await secret.fill('still not the secret');
      await expect(main.getByText('The connection does not work yet.')).toHaveCount(0);
      await page.getByRole('button', { name: 'Save and start the first sync' }).click();
      await expect(secret).toHaveAccessibleDescription(/does not accept this device ID and secret/);
      await expect(page.getByRole('heading', { level: 1, name: 'Connect to the central registry' })).toBeVisible();
    });

    await test.step('the right secret works, and the test says how sync will work', async () => {
      await secret.fill(icdr.clientSecret);
      await expect(secret).not.toHaveAttribute('aria-invalid', 'true');
      await page.getByRole('button', { name: 'Test connection' }).click();
      await expect(main.getByText('The connection works.')).toBeVisible();
      await expect(main.getByText('Changes come down through the server’s history, deletions included.')).toBeVisible();
      await expect(main.getByText('Save to start the first sync.')).toBeVisible();
      await screen(page, '46-first-run-connect-works');
    });

    await test.step('saving starts the first sync on patient search, and it reaches "Up to date"', async () => {
      await page.getByRole('button', { name: 'Save and start the first sync' }).click();
      await expect(page.getByRole('heading', { name: 'Find a patient' })).toBeVisible();
      await expect(page.getByRole('status')).toHaveText(/Connected to the central registry|^Sync: /);
      await expect(indicator(page)).toHaveAccessibleName(/Up to date/, { timeout: 60_000 });
      await indicator(page).click();
      await waitUntilUpToDate(page);
      await expect(page.getByRole('main').getByText(/\d+ records received/)).toBeVisible();
    });

    await test.step('the step is not offered again, after a reload or a later unlock', async () => {
      await page.reload();
      await expect(page.getByRole('heading', { name: /Unlock Kliniki|Sync with the central registry/ })).toBeVisible();
      if (await page.getByRole('heading', { name: 'Unlock Kliniki' }).isVisible()) await unlock(page);
      await expect(page.getByRole('heading', { level: 1, name: 'Sync with the central registry' })).toBeVisible();
      await page.getByRole('button', { name: 'Lock now' }).click();
      await unlock(page);
      await expect(page.getByRole('banner')).toContainText(ADMIN.fullName);
      await expect(page.getByRole('heading', { level: 1, name: 'Sync with the central registry' })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Connect to the central registry' })).toHaveCount(0);
    });
  } finally {
    await icdr.close();
  }
  expect(problems).toEqual([]);
});

test('the first sync brings the registry’s patients with progress; a conflict is resolved side by side and the choices reach the registry', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const problems = watchForProblems(page);
  // 400 patients are ~4,800 records; one page of observations is held back so progress can be seen.
  const icdr: TestIcdr = await startTestIcdr({
    behaviour: 'hapi',
    clinic: { patients: 400 },
    faults: { slowPageMs: { delayMs: 6_000, after: 1, match: { path: /_getpagesoffset=1000&/ } } },
  });
  try {
    const central = await icdrHttp(icdr);
    const [adult, other] = await central.adults(2);
    if (!adult || !other) throw new Error('The generated clinic has no adults.');
    // Generated names repeat; these two are made unique centrally before the laptop syncs.
    const first = { ...adult, name: [{ use: 'official' as const, given: ['Nakato'], family: 'Mukasa' }] };
    const second = { ...other, name: [{ use: 'official' as const, given: ['Brian'], family: 'Okello' }] };
    expect(await central.put(first)).toBe(200);
    expect(await central.put(second)).toBe(200);
    const firstName = 'Nakato Mukasa';
    await openPortal(page, server.url);

    await test.step('the administrator connects the laptop; the test says how sync will work', async () => {
      await page.goto(`${new URL(server.url).origin}/#/settings?section=sync`);
      await expect(page.getByRole('heading', { name: 'Connection to the central registry' })).toBeFocused();
      await page.getByLabel('Central registry (iCDR) address').fill(icdr.baseUrl);
      await page.getByLabel('Sign-in (token) address').fill(icdr.tokenUrl);
      await page.getByLabel('Device ID').fill(icdr.clientId);
      await page.getByLabel('Device secret').fill(icdr.clientSecret);
      await page.getByRole('button', { name: 'Test connection' }).click();
      await expect(page.getByRole('main').getByText('The connection works.')).toBeVisible();
      await expect(
        page.getByRole('main').getByText('Changes come down through the server’s history, deletions included.'),
      ).toBeVisible();
      await screen(page, '34-sync-settings-test-ok');
      await page.getByRole('button', { name: 'Save connection settings' }).click();
      await expect(page.getByRole('main').getByText('Connection settings saved.')).toBeVisible();
      await expect(page.getByLabel('Device secret')).toHaveValue('');
      await expect(page.getByLabel('Device secret')).toHaveAccessibleDescription(
        /Leave this empty to keep the saved secret/,
      );
    });

    await test.step('the first sync shows what it receives, how far it is, and the time left', async () => {
      await page.getByRole('link', { name: 'follow it in the sync centre' }).click();
      await expect(page.getByRole('heading', { name: /^First sync: bringing the clinic/ })).toBeVisible();
      await expect(indicator(page)).toHaveAccessibleName(/Syncing/);
      const bar = page.getByRole('progressbar');
      await expect(bar).toHaveAttribute(
        'aria-valuetext',
        /Receiving measurements and test results: 1,000 of 2,000 records/,
      );
      await expect(bar).toHaveAttribute('aria-valuenow', '50');
      await expect(page.getByRole('main').getByText('1,000 of 2,000 records')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Syncing…' })).toBeDisabled();
      await screen(page, '35-sync-first-sync-progress');
      await waitUntilUpToDate(page);
      await expect(page.getByRole('main').getByText(/4,80\d records received/)).toBeVisible();
      // "Just now" to read at a glance, the exact time on hover.
      await expect(page.getByRole('main').getByText('just now', { exact: true })).toHaveAttribute(
        'title',
        /^\d{1,2} \w{3} \d{4}, \d{2}:\d{2}$/,
      );
      await expect(page.getByRole('status')).toHaveText(/^Sync: Up to date\./);
      await screen(page, '36-sync-up-to-date');
    });

    await test.step('the central patients are found in search', async () => {
      await page.getByRole('link', { name: 'Find patient' }).click();
      await page.getByLabel('Name, clinic number, phone or ID').fill(firstName);
      await expect(page.getByRole('link', { name: firstName })).toBeVisible();
      await screen(page, '37-search-central-patient');
    });

    await test.step('the same details are changed centrally and on this laptop', async () => {
      expect(
        await central.put({
          ...first,
          telecom: [{ system: 'phone', value: '+256 772 999888' }],
          address: [{ city: 'Mbarara', country: 'KE' }],
        }),
      ).toBe(200);
      await page.getByRole('link', { name: firstName }).click();
      await page.getByRole('button', { name: 'Edit' }).click();
      await page.getByLabel('Phone', { exact: true }).fill('+256 701 555000');
      await page.getByLabel('Village').fill('Kabale');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await expect(page.getByRole('main').getByText('1 change not yet sent to the central registry')).toBeVisible();
      await indicator(page).click();
      await syncNow(page);
      await expect(indicator(page)).toHaveAccessibleName(/Needs attention.*1 conflict/, { timeout: 60_000 });
    });

    const card = page.getByRole('region', { name: new RegExp(`^Patient ${firstName}`) });
    const phone = card.getByRole('group', { name: 'Phone' });
    const village = card.getByRole('group', { name: 'Village and address' });

    await test.step('the conflict is shown side by side, and nothing is chosen for the nurse', async () => {
      await expect(card.getByText('Changed in two places')).toBeVisible();
      await expect(phone.getByRole('radio', { name: /Keep this laptop’s \+256 701 555000/ })).not.toBeChecked();
      await expect(
        phone.getByRole('radio', { name: /Keep the central registry’s \+256 772 999888/ }),
      ).not.toBeChecked();
      await expect(village.getByRole('radio', { name: /Keep this laptop’s Kabale/ })).toBeVisible();
      await expect(village.getByRole('radio', { name: /Keep the central registry’s Mbarara/ })).toBeVisible();
      await expect(card.getByRole('link', { name: /Open the patient/ })).toHaveAttribute(
        'href',
        `#/patients/${first.id}`,
      );
      await screen(page, '38-sync-conflict');
      await card.getByRole('button', { name: 'Save choices' }).click();
      await expect(card.getByText('Choose which version of “Phone” to keep.')).toBeVisible();
      // The keyboard goes to the first detail still to decide.
      await expect(card.getByRole('radio').first()).toBeFocused();
      await screen(page, '39-sync-conflict-nothing-chosen');
    });

    await test.step('she keeps her phone number and the central village, and the choice reaches the registry', async () => {
      await card.getByRole('button', { name: 'Keep all mine' }).click();
      await expect(village.getByRole('radio', { name: /Keep this laptop’s/ })).toBeChecked();
      await village.getByRole('radio', { name: /Keep the central registry’s/ }).check();
      await expect(card.getByText(/Choose which version of “/)).toHaveCount(0);
      await screen(page, '40-sync-conflict-chosen');
      await card.getByRole('button', { name: 'Save choices' }).click();
      await expect(page.getByRole('main').getByText('Nothing needs your attention.')).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Needs your attention' })).toBeFocused();
      await syncNow(page);
      await waitUntilUpToDate(page);
      await expect
        .poll(async () => {
          const { body } = await central.get<typeof first>(`Patient/${first.id}`);
          return { phone: body.telecom?.[0]?.value, village: body.address?.[0]?.city };
        })
        .toEqual({ phone: '+256 701 555000', village: 'Mbarara' });
    });

    await test.step('a record deleted centrally but changed here is kept and sent again', async () => {
      expect(await central.delete(`Patient/${second.id}`)).toBe(200);
      const core = await connectCore(server.url);
      try {
        const record = await core.invoke('patients:get', { id: second.id });
        await core.invoke('patients:update', {
          id: second.id,
          rev: record.rev,
          draft: { ...record.draft, phone: '+256 700 111222' },
        });
      } finally {
        core.close();
      }
      await syncNow(page);
      const deleted = page.getByRole('region', { name: /^Patient / }).filter({ hasText: 'Deleted centrally' });
      await expect(deleted).toBeVisible({ timeout: 60_000 });
      await expect(deleted.getByRole('button', { name: 'Accept the deletion' })).toBeVisible();
      await screen(page, '41-sync-deleted-centrally');
      await deleted.getByRole('button', { name: 'Keep this record (send it again)' }).click();
      await expect(deleted).toHaveCount(0);
      await syncNow(page);
      await waitUntilUpToDate(page);
      await expect.poll(async () => (await central.get(`Patient/${second.id}`)).status).toBe(200);
    });

    await test.step('without the registry the laptop says it is offline and when it last synced', async () => {
      await icdr.close();
      await syncNow(page);
      await expect(indicator(page)).toHaveAccessibleName(/Offline.*Last sync just now/, { timeout: 60_000 });
      await expect(page.getByRole('main').getByText('Why the last sync stopped:')).toBeVisible();
      await screen(page, '42-sync-offline');
    });
  } finally {
    await icdr.close();
  }
  expect(problems).toEqual([]);
});

test('a change the registry refused shows its reason in words, and "Try again" sends it again', async ({ page }) => {
  const problems = watchForProblems(page);
  // The core cannot be made to refuse on demand without a registry, so its answers are given here.
  const threeHoursAgo = new Date(Date.now() - 3 * 3600_000).toISOString();
  let refused = true;
  const status = (): SyncStatus => ({
    state: 'error',
    lastSuccessAt: threeHoursAgo,
    lastAttemptAt: new Date().toISOString(),
    lastError: 'The central registry has a problem right now (HTTP 503). Sync will try again later.',
    waitingToSend: 3,
    rejected: refused ? 1 : 0,
    conflicts: 0,
    progress: null,
    lastRun: { received: 120_000, sent: 14, merged: 2, deleted: 1, skipped: 0 },
  });
  const refusal: SyncProblem = {
    kind: 'rejected',
    resourceType: 'Patient',
    resourceId: 'p-1',
    title: 'Patient Amina Wanjiru (KX7Q-000123-8)',
    reason: 'The phone number “+256 12” is too short to be a phone number.',
    deletedCentrally: false,
    fields: [],
    since: threeHoursAgo,
  };
  await fakeCore(page, {
    'sync:get-status': status,
    'sync:list-problems': () => (refused ? [refusal] : []),
    'sync:retry-rejected': () => {
      refused = false;
      return null;
    },
  });
  await openPortal(page, server.url);

  await expect(indicator(page)).toHaveAccessibleName(/Needs attention.*1 refused/);
  await indicator(page).click();
  const main = page.getByRole('main');
  await expect(main.getByText('Why the last sync stopped:')).toBeVisible();
  await expect(main.getByText('3 hours ago', { exact: true })).toBeVisible();
  await expect(main.getByText('3 records', { exact: true })).toBeVisible();
  await expect(main.getByText('120,000 records received, 14 changes sent')).toBeVisible();
  const card = page.getByRole('region', { name: 'Patient Amina Wanjiru (KX7Q-000123-8)' });
  await expect(card.getByText('Refused by the central registry')).toBeVisible();
  await expect(card.getByText('is too short to be a phone number')).toBeVisible();
  const retry = card.getByRole('button', { name: 'Try again' });
  await expect(retry).toHaveAccessibleDescription(/saving the record also sends it again/);
  await expect(card.getByRole('link', { name: /Open the patient/ })).toHaveAttribute('href', '#/patients/p-1');
  await screen(page, '43-sync-refused-and-error');

  await retry.click();
  await expect(main.getByText('Nothing needs your attention.')).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('The change will be sent again at the next sync.');
  expect(problems).toEqual([]);
});
