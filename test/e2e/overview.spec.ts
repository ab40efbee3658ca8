import { expect, test, type Page } from '@playwright/test';
import type { Immunization, Resource } from '@medplum/fhirtypes';
import { startTestIcdr, type TestIcdr } from '../support/icdr';
import { connectCore, type CoreClient } from './support/core-client';
import { startKliniki, type KlinikiServer } from './support/kliniki-server';
import { openPortal, screen, watchForProblems } from './support/ui';

const CVX = 'http://hl7.org/fhir/sid/cvx';
let server: KlinikiServer;
let icdr: TestIcdr | undefined;

test.beforeAll(async () => {
  server = await startKliniki();
});

test.afterAll(async () => {
  await icdr?.close();
  await server?.stop();
});

/** The laptop's local calendar (the core runs on this machine, in its time zone). */
function localDay(daysAgo: number): string {
  const d = new Date();
  d.setDate(d.getDate() - daysAgo);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
function at(daysAgo: number, hour = 10): string {
  const d = new Date();
  d.setDate(d.getDate() - daysAgo);
  d.setHours(hour, 0, 0, 0);
  return d.toISOString();
}
const monthName = (date: Date) => new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric' }).format(date);

function patient(id: string, given: string, birthDate: string): Resource {
  return { resourceType: 'Patient', id, name: [{ given: [given], family: 'Odhiambo' }], gender: 'female', birthDate };
}
function encounter(id: string, daysAgo: number, hour = 10): Resource {
  return {
    resourceType: 'Encounter',
    id,
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
    subject: { reference: 'Patient/adult' },
    period: { start: at(daysAgo, hour) },
  };
}
function dose(id: string, patientId: string, code: string, status: 'completed' | 'not-done' = 'completed'): Resource {
  const resource: Immunization = {
    resourceType: 'Immunization',
    id,
    status,
    vaccineCode: { coding: [{ system: CVX, code }] },
    patient: { reference: `Patient/${patientId}` },
    occurrenceDateTime: localDay(0),
  };
  if (status === 'not-done') resource.statusReason = { text: 'Vaccine out of stock' };
  return resource;
}

/** What the central registry holds: a small clinic's last month. */
function clinic(): Resource[] {
  return [
    patient('adult', 'Akinyi', '1990-05-01'),
    // Born today with the birth doses given: up to date.
    patient('newborn', 'Baraka', localDay(0)),
    // Two days old, nothing given yet: BCG and the birth polio dose are due.
    patient('two-days', 'Chausiku', localDay(2)),
    // About four months old with nothing given: doses overdue.
    patient('four-months', 'Dalila', localDay(120)),
    encounter('e-today-1', 0, 8),
    encounter('e-today-2', 0, 9),
    encounter('e-3', 3),
    ...[1, 2, 3, 4].map((n) => encounter(`e-10-${n}`, 10, 8 + n)),
    encounter('e-29', 29),
    // Outside the 30 days.
    encounter('e-35', 35),
    dose('bcg', 'newborn', '19'),
    dose('opv', 'newborn', '178'),
    dose('penta-1', 'adult', '198'),
    dose('penta-2', 'adult', '198'),
    dose('penta-3', 'adult', '198'),
    dose('flu', 'adult', '140'),
    dose('pcv-not-given', 'adult', '133', 'not-done'),
  ];
}

async function syncFrom(core: CoreClient, registry: TestIcdr): Promise<void> {
  await core.invoke('sync:save-settings', {
    baseUrl: registry.baseUrl,
    tokenUrl: registry.tokenUrl,
    clientId: registry.clientId,
    clientSecret: registry.clientSecret,
    subscriptions: [
      { resourceType: 'Patient', query: '' },
      { resourceType: 'Encounter', query: '' },
      { resourceType: 'Immunization', query: '' },
    ],
    intervalMinutes: 60,
  });
  await core.invoke('sync:run-now', {});
  await expect
    .poll(async () => (await core.invoke('sync:get-status', {})).lastSuccessAt, { timeout: 60_000 })
    .not.toBeNull();
}

async function fitsWithoutSideScroll(page: Page, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

test('the clinic overview says when there is nothing yet, then counts visits, vaccinations and coverage as records arrive', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const problems = watchForProblems(page);
  await openPortal(page, server.url);
  const main = page.getByRole('main');
  const thisMonth = monthName(new Date());

  await test.step('an empty clinic: each chart says in words that there is nothing to count', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clinic overview' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Clinic overview' })).toBeFocused();
    await expect(main.getByText('No visits recorded in the last 30 days.')).toBeVisible();
    await expect(main.getByText(`No vaccinations recorded in ${thisMonth}.`)).toBeVisible();
    await expect(main.getByText('No children under five are registered on this laptop.')).toBeVisible();
    await expect(main.getByRole('term').filter({ hasText: 'Patients registered' })).toBeVisible();
    await screen(page, 'overview-01-empty');
  });

  await test.step('records pulled from the central registry appear without reloading the page', async () => {
    icdr = await startTestIcdr({ behaviour: 'hapi', seed: clinic() });
    const core = await connectCore(server.url);
    await syncFrom(core, icdr);
    core.close();
    const visits = main.getByRole('region', { name: 'Visits per day, last 30 days' });
    await expect(visits.getByText(/^Visits in the last 30 days: 8\. Busiest day: .+ \(4\)\.$/)).toBeVisible();
    await expect(main.getByRole('definition').first()).toHaveText('4');
    await screen(page, 'overview-02-counted');
  });

  await test.step('each chart has its numbers as a table, for anyone who prefers reading them', async () => {
    const visits = main.getByRole('region', { name: 'Visits per day, last 30 days' });
    const table = visits.getByRole('table', { name: 'Visits per day, last 30 days' });
    // In the page for screen readers from the start; shown to everyone on request.
    await expect(table.getByRole('row')).toHaveCount(31);
    await visits.getByRole('button', { name: 'Show the numbers as a table' }).click();
    await expect(visits.getByRole('button', { name: 'Hide the table' })).toHaveAttribute('aria-expanded', 'true');
    await expect(table).toBeVisible();
    await expect(table.getByRole('row').last().getByRole('cell')).toHaveText('2');
    await expect(table.getByRole('row').nth(1).getByRole('cell')).toHaveText('1');
    await expect(table.getByRole('row').nth(2).getByRole('cell')).toHaveText('0');

    const vaccinations = main.getByRole('region', { name: `Vaccinations by antigen, ${thisMonth}` });
    await expect(
      vaccinations.getByText(`In ${thisMonth}, doses given: 6; recorded as not given: 1.`, { exact: true }),
    ).toBeVisible();
    await expect(vaccinations.getByText('Why doses were not given: Vaccine out of stock (1)')).toBeVisible();
    await vaccinations.getByRole('button', { name: 'Show the numbers as a table' }).click();
    const antigens = vaccinations.getByRole('table');
    await expect(antigens.getByRole('row', { name: /^Pentavalent/ })).toHaveText(/3\s*0$/);
    await expect(antigens.getByRole('row', { name: /^Pneumococcal/ })).toHaveText(/0\s*1$/);
    await expect(antigens.getByRole('row', { name: /^Other vaccines/ })).toHaveText(/1\s*0$/);

    const coverage = main.getByRole('region', { name: 'Coverage of the due list' });
    await expect(coverage.getByRole('listitem').filter({ hasText: 'Up to date' })).toHaveText(
      /Up to date\s*1\s*\(33%\)/,
    );
    await expect(coverage.getByRole('listitem').filter({ hasText: 'Dose due' })).toHaveText(/Dose due\s*1\s*\(33%\)/);
    await expect(coverage.getByRole('listitem').filter({ hasText: 'Dose overdue' })).toHaveText(
      /Dose overdue\s*1\s*\(33%\)/,
    );
    await screen(page, 'overview-03-tables');
  });

  await test.step('a visit started elsewhere is counted at once', async () => {
    const core = await connectCore(server.url);
    await core.invoke('visits:start', { patientId: 'adult', type: 'Sick visit', reason: '' });
    core.close();
    await expect(main.locator('dl > div').filter({ hasText: 'Visits today' }).getByRole('definition')).toHaveText('3');
  });

  await test.step('another month can be chosen for the vaccinations', async () => {
    const last = new Date();
    last.setDate(1);
    last.setMonth(last.getMonth() - 1);
    await main.getByLabel('Month').selectOption({ label: monthName(last) });
    await expect(main.getByText(`No vaccinations recorded in ${monthName(last)}.`)).toBeVisible();
    await main.getByLabel('Month').selectOption({ label: thisMonth });
    await expect(main.getByText(`In ${thisMonth}, doses given: 6; recorded as not given: 1.`)).toBeVisible();
  });

  await test.step('the page fits the smallest laptops without scrolling sideways', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await fitsWithoutSideScroll(page, 1280);
    await screen(page, 'overview-04-1280');
    await fitsWithoutSideScroll(page, 1024);
    await screen(page, 'overview-05-1024');
  });

  await test.step('in French, titles, axis and dates follow the language', async () => {
    const core = await connectCore(server.url);
    await core.invoke('settings:update', { language: 'fr' });
    core.close();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Vue d’ensemble' })).toBeVisible();
    const mois = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric' }).format(new Date());
    await expect(main.getByRole('region', { name: `Vaccinations par antigène, ${mois}` })).toBeVisible();
    await expect(
      main.getByText(/^Visites des 30 derniers jours : 9\. Jour le plus chargé : .+ \(4\)\.$/),
    ).toBeVisible();
    await screen(page, 'overview-06-french');
  });

  expect(problems).toEqual([]);
});
