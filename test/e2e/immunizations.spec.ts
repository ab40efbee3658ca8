import { expect, test, type Locator } from '@playwright/test';
import { connectCore } from './support/core-client';
import { startKliniki, type KlinikiServer } from './support/kliniki-server';
import { openPortal, screen, watchForProblems } from './support/ui';

let server: KlinikiServer;

test.beforeAll(async () => {
  server = await startKliniki();
});

test.afterAll(async () => {
  await server?.stop();
});

function daysAgo(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() - days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The row of one series in the patient's vaccinations table. */
const seriesRow = (table: Locator, title: string) =>
  table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name: title, exact: true }) });

test('the six-week visit: a nurse finds the child, records the weight, gives the due vaccines and sees them against the schedule', async ({
  page,
}) => {
  const problems = watchForProblems(page);
  await openPortal(page, server.url);
  const birth = daysAgo(42);
  const core = await connectCore(server.url);
  const child = await core.invoke('patients:register', {
    draft: {
      given: 'Baraka',
      family: 'Otieno',
      sex: 'male',
      birth: { kind: 'exact', date: birth },
      nationalId: '',
      phone: '',
      village: 'Kisumu Ndogo',
      addressLine: '',
      guardian: { name: 'Achieng Otieno', relationship: 'mother', phone: '0711 222 333' },
    },
  });
  core.close();
  const main = page.getByRole('main');
  const vaccinations = main.getByRole('region', { name: 'Vaccinations' });
  const table = vaccinations.getByRole('table');

  await test.step('find the child; the patient page shows what the schedule says is due', async () => {
    await page.getByLabel('Name, clinic number, phone or ID').fill('Baraka Otieno');
    await page.getByRole('table').getByRole('link', { name: 'Baraka Otieno' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Baraka Otieno' })).toBeVisible();
    await expect(vaccinations).toContainText('Default WHO EPI schedule shipped with Kliniki, version 2026.1.');
    await expect(seriesRow(table, 'BCG')).toContainText('Overdue');
    await expect(seriesRow(table, 'Pentavalent (DTP-HepB-Hib)')).toContainText('Due');
    await expect(seriesRow(table, 'Measles-rubella (MR)')).toContainText('Upcoming on');
    await expect(seriesRow(table, 'Oral polio (bOPV)')).toContainText('OPV birth dose: missed, no longer given');
    await vaccinations.scrollIntoViewIfNeeded();
    await screen(page, 'imm-01-patient-before');
  });

  await test.step("copy the BCG dose from the child's card", async () => {
    await vaccinations.getByRole('button', { name: 'Record an earlier dose' }).click();
    const form = vaccinations.getByRole('form', { name: 'Record an earlier dose' });
    // A date in the future is refused beside the field.
    await form.getByLabel(/^Vaccine/).selectOption({ label: 'BCG' });
    await form.getByLabel(/^Date given/).fill(daysAgo(-3));
    await form.getByRole('button', { name: 'Save earlier dose' }).click();
    await expect(form.getByLabel(/^Date given/)).toHaveAccessibleDescription(/in the future/);
    await form.getByLabel(/^Date given/).fill(daysAgo(41));
    await form.getByLabel('Where or by whom (if written)').fill('Kisumu County Hospital');
    await form.getByRole('button', { name: 'Save earlier dose' }).click();
    await expect(form.getByRole('status')).toContainText('Saved: BCG given on');
    await expect(seriesRow(table, 'BCG')).toContainText('Complete');
    await expect(seriesRow(table, 'BCG')).toContainText('BCG:');
    await screen(page, 'imm-02-earlier-dose');
    await form.getByRole('button', { name: 'Close' }).click();
  });

  await test.step('start the visit and record the weight', async () => {
    await main.getByRole('button', { name: 'Start a visit' }).click();
    await page.getByLabel(/^Type of visit/).selectOption({ label: 'Immunization' });
    await page.getByRole('button', { name: 'Check in and open the visit' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Visit: Baraka Otieno' })).toBeVisible();
    await page.getByLabel('Weight', { exact: true }).fill('4.9');
    await page.getByRole('button', { name: 'Save measurements' }).click();
    await expect(page.getByRole('list', { name: 'Recorded values' })).toContainText('Weight 4.9 kg');
  });

  const vaccines = main.getByRole('region', { name: 'Vaccines' });
  const dose = (title: string) => vaccines.getByRole('group', { name: title, exact: true });

  await test.step('the due vaccines are listed; an absurd lot number refuses the whole save', async () => {
    for (const title of ['OPV 1', 'Pentavalent 1', 'PCV 1', 'Rotavirus 1']) await expect(dose(title)).toBeVisible();
    await expect(dose('BCG')).toHaveCount(0);
    await expect(vaccines).toContainText('IPV 1 from');

    await dose('Pentavalent 1').getByRole('radio', { name: 'Given', exact: true }).check();
    await dose('Pentavalent 1').getByLabel('Lot number').fill('??');
    await dose('Pentavalent 1').getByRole('radio', { name: 'Left thigh' }).check();
    await dose('PCV 1').getByRole('radio', { name: 'Given', exact: true }).check();
    await dose('PCV 1').getByLabel('Lot number').fill('PCV-88120');
    await dose('PCV 1').getByRole('radio', { name: 'Right thigh' }).check();
    await dose('OPV 1').getByRole('radio', { name: 'Given', exact: true }).check();
    // Oral polio goes by mouth: no injection site is asked.
    await expect(dose('OPV 1').getByLabel('Route')).toHaveValue('PO');
    await expect(dose('OPV 1').getByRole('group', { name: 'Site' })).toHaveCount(0);
    await dose('Rotavirus 1').getByRole('radio', { name: 'Not given' }).check();
    await vaccines.getByRole('button', { name: 'Save vaccines' }).click();
    await expect(dose('Pentavalent 1').getByLabel('Lot number')).toHaveAccessibleDescription(
      /lot number does not look right/,
    );
    await expect(dose('Rotavirus 1').getByRole('group', { name: /Why was it not given/ })).toHaveAccessibleDescription(
      /Choose why the vaccine was not given/,
    );
    await expect(vaccines.getByRole('alert')).toContainText('No vaccine was saved.');
    // The keyboard lands on the first field to correct.
    await expect(dose('Pentavalent 1').getByLabel('Lot number')).toBeFocused();
    await screen(page, 'imm-03-refused');
  });

  const warning = vaccines.getByRole('group', { name: 'Please check before saving' });

  await test.step("OPV 1 without a lot number: the clinic's check asks first, and going back keeps everything", async () => {
    await dose('Pentavalent 1').getByLabel('Lot number').fill('PV-2291A');
    await dose('Rotavirus 1').getByRole('radio', { name: 'Vaccine out of stock' }).check();
    await dose('Rotavirus 1').getByLabel('Details (optional)').fill('Next delivery on Friday');
    await screen(page, 'imm-04-filled');
    await vaccines.getByRole('button', { name: 'Save vaccines' }).click();
    await expect(warning).toBeFocused();
    await expect(warning.getByRole('listitem')).toHaveText([
      'OPV 1 — No lot number was entered for this dose. Copy it from the vial if you can; save without it only if it cannot be read.',
    ]);
    await expect(warning).toContainText('Nothing has been saved yet.');
    await expect(vaccines.getByRole('alert')).toHaveCount(0);
    await warning.scrollIntoViewIfNeeded();
    await screen(page, 'imm-04b-no-lot-warning');

    await warning.getByRole('button', { name: 'Go back and change' }).click();
    await expect(warning).toHaveCount(0);
    // Back at the dose the warning was about, with every choice as typed and nothing saved.
    await expect(dose('OPV 1').getByLabel('Lot number')).toBeFocused();
    await expect(dose('OPV 1').getByRole('radio', { name: 'Given', exact: true })).toBeChecked();
    await expect(dose('Pentavalent 1').getByLabel('Lot number')).toHaveValue('PV-2291A');
    await expect(dose('Pentavalent 1').getByRole('radio', { name: 'Left thigh' })).toBeChecked();
    await expect(dose('PCV 1').getByLabel('Lot number')).toHaveValue('PCV-88120');
    await expect(dose('Rotavirus 1').getByLabel('Details (optional)')).toHaveValue('Next delivery on Friday');
    await expect(vaccines.getByRole('list', { name: 'Vaccination records' })).toHaveCount(0);
  });

  await test.step('the lot number cannot be read: saved anyway, all in one go, with the one not given and its reason', async () => {
    await vaccines.getByRole('button', { name: 'Save vaccines' }).click();
    await expect(warning).toBeFocused();
    await warning.getByRole('button', { name: 'Save anyway' }).click();
    await expect(warning).toHaveCount(0);
    await expect(vaccines.getByText(/^Vaccines saved\./)).toContainText(
      'Given: OPV 1, Pentavalent 1, PCV 1. Not given: Rotavirus.',
    );
    await expect(page.getByRole('status')).toHaveText(/Vaccines saved\./);
    const recorded = vaccines.getByRole('list', { name: 'Vaccination records' });
    await expect(recorded).toContainText('Pentavalent 1');
    await expect(recorded).toContainText('Lot PV-2291A · Left thigh · Given by Grace Achieng');
    await expect(recorded).toContainText('Vaccine out of stock — Next delivery on Friday');
    // Rotavirus is still due; the others are no longer offered.
    await expect(dose('Pentavalent 1')).toHaveCount(0);
    await expect(dose('Rotavirus 1')).toContainText(
      'Already recorded as not given today: Vaccine out of stock — Next delivery on Friday',
    );
    await expect(main.getByText('In progress', { exact: true })).toBeVisible();
    await screen(page, 'imm-05-saved');
  });

  await test.step('finish the visit; the patient page shows the history against the schedule', async () => {
    await page.getByRole('button', { name: 'Finish visit' }).click();
    await expect(main.getByText('Finished', { exact: true })).toBeVisible();
    await expect(vaccines.getByRole('button', { name: 'Save vaccines' })).toHaveCount(0);
    await page.getByRole('link', { name: '← Back to Baraka Otieno' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Baraka Otieno' })).toBeVisible();
    await expect(seriesRow(table, 'Pentavalent (DTP-HepB-Hib)')).toContainText('Up to date');
    await expect(seriesRow(table, 'Pentavalent (DTP-HepB-Hib)')).toContainText('Pentavalent 2');
    await expect(seriesRow(table, 'Rotavirus')).toContainText('Due');
    await expect(seriesRow(table, 'Rotavirus')).toContainText('Not given on');
    await expect(seriesRow(table, 'BCG')).toContainText('Complete');
    const history = vaccinations.getByRole('list', { name: 'All vaccination records' });
    await expect(history.getByRole('listitem')).toHaveCount(5);
    await expect(history).toContainText('From the card · Kisumu County Hospital');
    // Doses given in a visit lead back to it; the one from the card has no visit.
    await expect(history.getByRole('link', { name: 'Open the visit' })).toHaveCount(4);
    await vaccinations.scrollIntoViewIfNeeded();
    await screen(page, 'imm-06-patient-after');
  });

  await test.step('a wrong record is marked entered in error and stops counting', async () => {
    const history = vaccinations.getByRole('list', { name: 'All vaccination records' });
    const pcv = history.getByRole('listitem').filter({ hasText: 'Lot PCV-88120' });
    await pcv.getByRole('button', { name: 'This record is wrong…' }).click();
    await expect(page.getByLabel(/^What is wrong with this record/)).toBeFocused();
    await pcv.getByRole('button', { name: 'Mark as entered in error' }).click();
    await expect(page.getByLabel(/^What is wrong with this record/)).toHaveAccessibleDescription(/Say what was wrong/);
    await page.getByLabel(/^What is wrong with this record/).fill('Given to his twin brother');
    await pcv.getByRole('button', { name: 'Mark as entered in error' }).click();
    await expect(pcv).toContainText('Entered in error: Given to his twin brother');
    await expect(seriesRow(table, 'Pneumococcal conjugate (PCV)')).toContainText('Due');
    await screen(page, 'imm-07-entered-in-error');
  });

  await test.step('settings say where the schedule comes from', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const section = main.getByRole('region', { name: 'Immunization schedule' });
    await expect(section).toContainText('The default WHO EPI schedule shipped with Kliniki');
    await expect(section).toContainText('2026.1');
    await expect(section).toContainText('Pentavalent 1 (6 weeks)');
    await section.scrollIntoViewIfNeeded();
    await screen(page, 'imm-08-settings');
  });

  await test.step("in French, the vaccinations read in French, the core's words too", async () => {
    await page.getByRole('radio', { name: 'Français' }).check();
    await page.goto(`${server.url.split('?')[0]}#/patients/${child.summary.id}`);
    const card = main.getByRole('region', { name: 'Vaccinations' });
    await expect(card).toContainText('Calendrier PEV de l’OMS fourni avec Kliniki, version 2026.1.');
    await expect(seriesRow(card.getByRole('table'), 'Pentavalent (DTP-HepB-Hib)')).toContainText('À jour');
    await expect(card).toContainText('Vaccin en rupture de stock — Next delivery on Friday');
    await expect(card).toContainText('Saisi par erreur : Given to his twin brother');
    await card.scrollIntoViewIfNeeded();
    await screen(page, 'imm-09-patient-french');
  });

  await test.step("in French, the clinic's check on a missing lot number asks in French", async () => {
    const setup = await connectCore(server.url);
    const visit = await setup.invoke('visits:start', { patientId: child.summary.id, type: 'Immunization', reason: '' });
    setup.close();
    await page.goto(`${server.url.split('?')[0]}#/visits/${visit.id}`);
    const vaccins = main.locator('#vaccines');
    const rota = vaccins.getByRole('group', { name: 'Rotavirus 1', exact: true });
    await rota.getByRole('radio', { name: 'Administré', exact: true }).check();
    await vaccins.getByRole('button', { name: 'Enregistrer les vaccins' }).click();
    const avertissement = vaccins.getByRole('group', { name: 'Vérifiez avant d’enregistrer' });
    await expect(avertissement.getByRole('listitem')).toHaveText([
      'Rotavirus 1 — Aucun numéro de lot n’a été saisi pour cette dose. Recopiez-le depuis le flacon si possible ; enregistrez sans lui seulement s’il est illisible.',
    ]);
    await avertissement.scrollIntoViewIfNeeded();
    await screen(page, 'imm-10-no-lot-warning-french');
    await avertissement.getByRole('button', { name: 'Enregistrer quand même' }).click();
    await expect(vaccins.getByText(/^Vaccins enregistrés\./)).toBeVisible();
    await expect(avertissement).toHaveCount(0);
  });

  expect(problems).toEqual([]);
});
