import { expect, test } from '@playwright/test';
import { startKliniki, type KlinikiServer } from './support/kliniki-server';
import {
  ADMIN,
  createFirstAccount,
  fillPatientForm,
  screen,
  skipConnectStep,
  unlock,
  unlockIfAsked,
  watchForProblems,
  yearsAgo,
} from './support/ui';

let server: KlinikiServer;

test.beforeAll(async () => {
  server = await startKliniki();
});

test.afterAll(async () => {
  await server?.stop();
});

test('a nurse sets up the laptop, registers a child, finds her by a misspelled name and edits her record', async ({
  page,
}) => {
  const problems = watchForProblems(page);
  await page.goto(server.url);

  await test.step('first run: the first account is an administrator', async () => {
    await expect(page.getByRole('heading', { name: 'Welcome to Kliniki' })).toBeVisible();
    await expect(page.getByText('This account unlocks the portal on this laptop')).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Administrator' })).toBeChecked();
    // The access token leaves the address bar once it is read.
    expect(page.url()).not.toContain('token=');
    await screen(page, '01-first-run');
    await createFirstAccount(page);
  });

  await test.step('first run: connecting to the central registry can wait; it is offered once', async () => {
    await expect(page.getByRole('heading', { level: 1, name: 'Connect to the central registry' })).toBeFocused();
    await expect(page.getByText('Step 2 of 2')).toBeVisible();
    await expect(page.getByLabel('Central registry (iCDR) address')).toHaveValue('');
    await expect(page.getByLabel('Device secret')).toHaveAttribute('type', 'password');
    await expect(page.getByRole('button', { name: 'Save and start the first sync' })).toBeVisible();
    await screen(page, '01b-first-run-connect');
    await skipConnectStep(page);
    await expect(page.getByRole('status')).toHaveText(/^Kliniki is working offline\./);
    await expect(page.getByRole('banner')).toContainText(ADMIN.fullName);
    await screen(page, '02-search-empty');
  });

  await test.step('lock, a wrong password is refused in words, the right one unlocks', async () => {
    await page.getByRole('button', { name: 'Lock now' }).click();
    await expect(page.getByRole('heading', { name: 'Unlock Kliniki' })).toBeVisible();
    await screen(page, '03-unlock');
    await unlock(page, 'not the password');
    const main = page.getByRole('main');
    await expect(main.getByText('That username and password do not match')).toBeVisible();
    await expect(page.getByLabel('Password')).toHaveAccessibleDescription(/do not match/);
    await screen(page, '04-unlock-wrong-password');

    // Guessing is slowed down: after five wrong tries the button waits, with a countdown.
    await page.getByLabel('Username').fill('nobody');
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('Password').fill(`guess ${i}`);
      await page.getByRole('button', { name: 'Unlock' }).click();
      await expect(main.getByText(/do not match|Too many/)).toBeVisible();
    }
    await expect(main.getByText(/^Too many wrong tries\. Try again in \d+ seconds\.$/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Unlock' })).toBeDisabled();
    await screen(page, '04b-unlock-rate-limited');

    await page.getByLabel('Username').fill(ADMIN.username);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('heading', { name: 'Find a patient' })).toBeVisible();
  });

  await test.step('register a child with her mother as guardian', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Register' }).click();
    await expect(page.getByRole('heading', { name: 'Register a new patient' })).toBeVisible();
    await screen(page, '05-register-empty');
    await fillPatientForm(page, {
      given: 'Nakato Sarah',
      family: 'Mukasa',
      sex: 'Female',
      birthDate: yearsAgo(7, 3),
      village: 'Kisoro',
      guardian: { name: 'Namubiru Ruth', relationship: 'Mother', phone: '+256 772 123456' },
    });
    await expect(page.getByText('Required: this patient is under 18.')).toBeVisible();
    await screen(page, '06-register-filled');
    await page.getByRole('button', { name: 'Save patient' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Nakato Sarah/ })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('Patient saved.');
    await expect(page.getByText('Namubiru Ruth')).toBeVisible();
    await expect(page.getByText('7 years')).toBeVisible();
    await screen(page, '07-patient');
  });

  await test.step('a misspelled name finds her; the keyboard opens the record', async () => {
    await page.getByRole('link', { name: 'Find patient' }).click();
    const box = page.getByLabel('Name, clinic number, phone or ID');
    await box.fill('Nakkato');
    const result = page.getByRole('link', { name: /Nakato Sarah/ });
    await expect(result).toBeVisible();
    await expect(page.getByRole('status')).toHaveText(/1 patient found/);
    await screen(page, '08-search-results');
    await box.press('ArrowDown');
    await expect(result).toBeFocused();
    await result.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: /Nakato Sarah/ })).toBeVisible();
  });

  await test.step('edit the phone and village', async () => {
    await page.getByRole('button', { name: 'Edit' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Edit Nakato Sarah/ })).toBeVisible();
    await expect(page.getByLabel('Village')).toHaveValue('Kisoro');
    await page.getByLabel('Phone', { exact: true }).fill('+256 701 555000');
    await page.getByLabel('Village').fill('Kabale');
    await screen(page, '09-edit');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Nakato Sarah/ })).toBeVisible();
    await expect(page.getByText('Kabale')).toBeVisible();
  });

  await test.step('after a reload the edit is still there', async () => {
    await page.reload();
    await unlockIfAsked(page);
    await expect(page.getByRole('heading', { level: 1, name: /^Nakato Sarah/ })).toBeVisible();
    await expect(page.getByText('Kabale')).toBeVisible();
    await expect(page.getByText('+256 701 555000')).toBeVisible();
    await screen(page, '10-patient-after-reload');
  });

  await test.step('settings: the administrator adds a nurse', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    const form = page.getByRole('region', { name: 'Add user' });
    await form.getByLabel('Full name').fill('Peter Okello');
    await form.getByLabel('Username').fill('peter');
    await form.getByRole('radio', { name: 'Nurse' }).check();
    await form.getByLabel(/^Password/).fill('river stone 17');
    await form.getByLabel('Type the password again').fill('river stone 17');
    await form.getByRole('button', { name: 'Add user' }).click();
    await expect(page.getByRole('cell', { name: 'Peter Okello' })).toBeVisible();
    await expect(form.getByText('Peter Okello can now unlock Kliniki on this laptop.')).toBeVisible();
    await screen(page, '11-settings');
  });

  await test.step('a nurse sees the settings but cannot change them', async () => {
    await page.getByRole('button', { name: 'Lock now' }).click();
    // Settings has a "Username" box of its own (Add user): wait for the lock screen first.
    await expect(page.getByRole('heading', { name: 'Unlock Kliniki' })).toBeVisible();
    await page.getByLabel('Username').fill('peter');
    await page.getByLabel('Password').fill('river stone 17');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('banner')).toContainText('Peter Okello');
    await expect(page.getByRole('banner')).toContainText('Nurse');
    // The screen the portal was on when it locked comes back.
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(page.getByText('Only an administrator can change these settings.')).toBeVisible();
    await expect(page.getByLabel('Clinic name')).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Add user' })).toHaveCount(0);
    await screen(page, '11b-settings-nurse');
  });

  expect(problems).toEqual([]);
});
