import { expect, test } from '@playwright/test';
import { createCore } from '../../src-main/core';
import { silentLogger } from '../../src-main/log/logger';
import type { PatientRecord } from '../../src-shared/domain/patient';
import type { Visit } from '../../src-shared/domain/visit';
import { startKliniki, type KlinikiServer } from './support/kliniki-server';
import { ADMIN, openPortal, screen, watchForProblems } from './support/ui';

let server: KlinikiServer;

test.beforeAll(async () => {
  server = await startKliniki();
});

test.afterAll(async () => {
  await server?.stop();
});

const DAY = 86_400_000;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Past visits need past clocks, which the running portal does not have: a second core opens the
 * same database with its own clock (as a laptop that recorded them months ago would have).
 */
async function seedChildWithPastVisits(birth: Date): Promise<string> {
  let clock = new Date(birth.getTime() + 7 * DAY + 9 * 3_600_000);
  const core = await createCore({
    dataDir: server.dataDir,
    logger: silentLogger,
    now: () => clock,
    sync: { runner: 'in-process', schedule: false },
  });
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const result = await core.invoke(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as T;
  };
  try {
    await call('auth:unlock', { username: ADMIN.username, password: ADMIN.password });
    const patient = await call<PatientRecord>('patients:register', {
      draft: {
        given: 'Baraka',
        family: 'Otieno',
        sex: 'male',
        birth: { kind: 'exact', date: isoDate(birth) },
        nationalId: '',
        phone: '0722 000 222',
        village: 'Kisumu Ndogo',
        addressLine: '',
        guardian: { name: 'Akinyi Otieno', relationship: 'mother', phone: '0722 000 222' },
      },
    });
    const visits: [number, string, string][] = [
      [7, '3.5', '51.1'],
      [120, '6.0', '61.5'],
      [240, '6.7', '65.5'],
    ];
    for (const [ageDays, weight, length] of visits) {
      clock = new Date(birth.getTime() + ageDays * DAY + 9 * 3_600_000);
      await call('auth:unlock', { username: ADMIN.username, password: ADMIN.password });
      const visit = await call<Visit>('visits:start', {
        patientId: patient.summary.id,
        type: 'Child welfare and growth monitoring',
        reason: '',
      });
      await call('visits:record-vitals', {
        id: visit.id,
        vitals: { weight: { value: weight, unit: 'kg' }, length: { value: length, unit: 'cm' } },
      });
      await call('visits:finish', { id: visit.id });
    }
    return patient.summary.id;
  } finally {
    core.close();
  }
}

test('a nurse sees a child’s growth against the WHO standards, in charts, words and a table', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await openPortal(page, server.url);
  const birth = new Date(Date.now() - 300 * DAY);
  birth.setUTCHours(0, 0, 0, 0);
  const patientId = await seedChildWithPastVisits(birth);
  const growth = page.getByRole('region', { name: 'Growth' });

  await test.step('the growth card shows three charts with the latest result in words', async () => {
    await page.goto(`${server.url.split('?')[0]}#/patients/${patientId}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Baraka Otieno' })).toBeVisible();
    await expect(growth.getByRole('heading', { level: 3 })).toHaveText([
      'Weight-for-age',
      'Length/height-for-age',
      'Weight-for-length',
    ]);
    // At 240 days 6.7 kg is below WHO's −2 SD line for boys (6.9 kg), and 65.5 cm below 66.0 cm.
    await expect(growth.getByTestId('growth-latest-weight-for-age')).toHaveText(/Underweight, z-score −2\.\d, on/);
    await expect(growth.getByTestId('growth-latest-length-height-for-age')).toHaveText(/Stunted, z-score −2\.\d/);
    await expect(growth.getByTestId('growth-latest-weight-for-length-height')).toHaveText(/Normal, z-score/);
    await expect(growth.getByRole('img', { name: /^Weight-for-age: Underweight/ })).toBeVisible();
    await screen(page, 'growth-01-card-1280');
  });

  await test.step('the chart’s content is also a table', async () => {
    const wfa = growth.getByRole('article', { name: 'Weight-for-age' });
    await wfa.getByText('Show the measurements as a table').click();
    const rows = wfa.getByRole('table').getByRole('row');
    await expect(rows).toHaveCount(4);
    await expect(rows.nth(1)).toContainText('7 months');
    await expect(rows.nth(1)).toContainText('6.7 kg');
    await expect(rows.nth(1)).toContainText('Underweight');
    await expect(rows.nth(3)).toContainText('7 days');
    await screen(page, 'growth-02-table-1280');
  });

  await test.step('a weight recorded today joins the chart', async () => {
    await page.getByRole('button', { name: 'Start a visit' }).click();
    await page.getByLabel(/^Type of visit/).selectOption({ label: 'Child welfare and growth monitoring' });
    await page.getByRole('button', { name: 'Check in and open the visit' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Visit: Baraka Otieno' })).toBeVisible();
    await page.getByLabel('Weight', { exact: true }).fill('8.4');
    await page.getByRole('button', { name: 'Save measurements' }).click();
    await expect(page.getByRole('list', { name: 'Recorded values' })).toContainText('Weight 8.4 kg');
    // Beside the weight: WHO's result for this child's age, in words with the z-score.
    await expect(page.getByRole('list', { name: 'Recorded values' })).toContainText(
      /Weight 8\.4 kg\s*Weight-for-age: Normal, z-score −\d\.\d/,
    );
    await screen(page, 'growth-04-visit-note-1280');
    await page.goto(`${server.url.split('?')[0]}#/patients/${patientId}`);
    await expect(growth.getByTestId('growth-latest-weight-for-age')).toHaveText(/Normal, z-score −\d\.\d/);
    // The visit history (newest first) shows the same note, fetched once for the whole list.
    await expect(page.getByRole('list', { name: 'Recorded values' }).first()).toContainText(
      /Weight 8\.4 kg\s*Weight-for-age: Normal, z-score −\d\.\d/,
    );
  });

  await test.step('at a narrower screen the charts stack and stay readable', async () => {
    await page.setViewportSize({ width: 1024, height: 800 });
    await expect(growth.getByRole('img', { name: /^Weight-for-age/ })).toBeVisible();
    await screen(page, 'growth-03-card-1024');
  });
  expect(problems).toEqual([]);
});

test('an adult’s page says the growth charts are for children under 5', async ({ page }) => {
  await openPortal(page, server.url);
  const core = await createCore({
    dataDir: server.dataDir,
    logger: silentLogger,
    sync: { runner: 'in-process', schedule: false },
  });
  let id = '';
  try {
    const unlock = await core.invoke('auth:unlock', { username: ADMIN.username, password: ADMIN.password });
    expect(unlock.ok).toBe(true);
    const result = await core.invoke('patients:register', {
      draft: {
        given: 'Mohamed',
        family: 'Abdi',
        sex: 'male',
        birth: { kind: 'exact', date: '1980-06-15' },
        nationalId: '',
        phone: '',
        village: 'Eastleigh',
        addressLine: '',
        guardian: { name: '', relationship: 'other', phone: '' },
      },
    });
    if (!result.ok) throw new Error(result.error.message);
    id = (result.value as PatientRecord).summary.id;
  } finally {
    core.close();
  }
  await page.goto(`${server.url.split('?')[0]}#/patients/${id}`);
  await expect(
    page.getByRole('region', { name: 'Growth' }).getByText('The growth charts apply to children under 5 years.'),
  ).toBeVisible();
});
