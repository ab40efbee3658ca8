import { expect, test } from '@playwright/test';
import { connectCore } from './support/core-client';
import { startKliniki, type KlinikiServer } from './support/kliniki-server';
import { openPortal, screen, watchForProblems, yearsAgo } from './support/ui';

let server: KlinikiServer;

test.beforeAll(async () => {
  server = await startKliniki();
});

test.afterAll(async () => {
  await server?.stop();
});

test('a nurse starts a visit, has an impossible value refused and a worrying one flagged, and finishes it', async ({
  page,
}) => {
  const problems = watchForProblems(page);
  await openPortal(page, server.url);
  const core = await connectCore(server.url);
  const record = await core.invoke('patients:register', {
    draft: {
      given: 'Wanjiru',
      family: 'Kamau',
      sex: 'female',
      birth: { kind: 'exact', date: yearsAgo(31) },
      nationalId: '',
      phone: '0722 000 111',
      village: 'Githurai',
      addressLine: '',
      guardian: { name: '', relationship: 'mother', phone: '' },
    },
  });
  core.close();
  const main = page.getByRole('main');

  await test.step('open the patient and start a visit', async () => {
    await page.goto(`${server.url.split('?')[0]}#/patients/${record.summary.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Wanjiru Kamau' })).toBeVisible();
    await expect(main.getByText('No visits recorded yet.')).toBeVisible();
    await page.getByRole('button', { name: 'Start a visit' }).click();
    await expect(page.getByLabel(/^Type of visit/)).toBeFocused();
    // A visit needs a type: refused in words next to the field.
    await page.getByRole('button', { name: 'Check in and open the visit' }).click();
    await expect(page.getByLabel(/^Type of visit/)).toHaveAccessibleDescription(/Choose the type of visit/);
    await page.getByLabel(/^Type of visit/).selectOption({ label: 'Sick visit' });
    await page.getByLabel('Reason for the visit').fill('Fever for two days');
    await screen(page, 'visits-01-start');
    await page.getByRole('button', { name: 'Check in and open the visit' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Visit: Wanjiru Kamau' })).toBeVisible();
    await expect(main.getByText('Checked in', { exact: true })).toBeVisible();
    await expect(main.getByText('Sick visit — Fever for two days')).toBeVisible();
  });

  await test.step('an impossible weight is refused next to the field and nothing is saved', async () => {
    await page.getByLabel('Weight', { exact: true }).fill('700');
    await page.getByLabel('Temperature', { exact: true }).fill('39.8');
    await page.getByLabel('Systolic (top number)').fill('150');
    await page.getByLabel('Diastolic (bottom number)').fill('95');
    await page.getByRole('button', { name: 'Save measurements' }).click();
    await expect(page.getByLabel('Weight', { exact: true })).toHaveAccessibleDescription(/700 kg is not possible/);
    await expect(main.getByText(/Nothing was saved/)).toBeVisible();
    await expect(page.getByRole('status')).toHaveText(/Please correct/);
    await expect(main.getByText('Nothing recorded yet.')).toBeVisible();
    await screen(page, 'visits-02-impossible-refused');
  });

  await test.step('corrected, the values are saved and the worrying ones flagged with the reason', async () => {
    await page.getByLabel('Weight', { exact: true }).fill('154');
    await page.getByLabel('Unit for weight').selectOption('lb');
    await page.getByRole('button', { name: 'Save measurements' }).click();
    const warning = main.getByText(/^Saved\. Some values need attention/);
    await expect(warning).toBeVisible();
    await expect(main.getByText(/Temperature of 39\.8 °C is a high fever/).first()).toBeVisible();
    await expect(page.getByRole('status')).toHaveText(/Measurements saved\. Needs attention/);
    const recorded = page.getByRole('list', { name: 'Recorded values' });
    await expect(recorded).toContainText('Weight 69.9 kg');
    await expect(recorded).toContainText('Blood pressure 150/95 mmHg');
    await expect(recorded).toContainText('Needs attention: Temperature of 39.8 °C');
    await expect(main.getByText('In progress', { exact: true })).toBeVisible();
    await expect(page.getByLabel('Weight', { exact: true })).toHaveValue('');
    await screen(page, 'visits-03-flagged');
  });

  await test.step('finish the visit', async () => {
    await page.getByRole('button', { name: 'Finish visit' }).click();
    await expect(main.getByText('Finished', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save measurements' })).toHaveCount(0);
    await expect(page.getByRole('status')).toHaveText('Visit finished.');
    await screen(page, 'visits-04-finished');
  });

  await test.step("the visit is in today's visits and in the patient's history", async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: "Today's visits" }).click();
    await expect(page.getByRole('heading', { level: 1, name: "Today's visits" })).toBeFocused();
    const today = main.getByRole('listitem').filter({ hasText: 'Wanjiru Kamau' });
    await expect(today).toContainText('Finished');
    await expect(today).toContainText('Temperature 39.8 °C');
    await screen(page, 'visits-05-today');
    // The longer nav still fits on one line, down to the smallest laptops.
    for (const width of [1280, 1024]) {
      await page.setViewportSize({ width, height: 720 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
    await screen(page, 'visits-05b-today-1024');
    await page.setViewportSize({ width: 1280, height: 720 });
    await today.getByRole('link', { name: 'Wanjiru Kamau' }).click();
    await page.getByRole('link', { name: '← Back to Wanjiru Kamau' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Wanjiru Kamau' })).toBeVisible();
    const history = main.getByRole('region', { name: 'Visits' });
    await expect(history).toContainText('Sick visit — Fever for two days');
    await expect(history).toContainText('Blood pressure 150/95 mmHg');
    await history.scrollIntoViewIfNeeded();
    await screen(page, 'visits-06-patient-history');
  });

  expect(problems).toEqual([]);
});
