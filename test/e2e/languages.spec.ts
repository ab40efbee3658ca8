import { expect, test, type Page } from '@playwright/test';
import { CATALOGS } from '../../src-shared/i18n/catalog';
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

/**
 * English sentences of the portal that have a different translation: if one of them is on the
 * screen after switching, something was left untranslated. Short words are left out because
 * they also occur inside names and data.
 */
function englishLeftOn(text: string, language: 'fr' | 'sw'): string[] {
  return Object.entries(CATALOGS[language])
    .filter(([english, translated]) => english !== translated && english.length >= 14 && !english.includes('{'))
    .map(([english]) => english)
    .filter((english) => text.includes(english));
}

async function expectNoEnglish(page: Page, language: 'fr' | 'sw'): Promise<void> {
  const text = await page.locator('body').innerText();
  expect.soft(englishLeftOn(text, language)).toEqual([]);
}

async function chooseLanguage(page: Page, name: string, settingsHeading: string): Promise<void> {
  await page
    .getByRole('navigation')
    .getByRole('link', { name: /^(Settings|Paramètres|Mipangilio)$/ })
    .click();
  await page.getByRole('radio', { name }).check();
  await expect(page.getByRole('heading', { level: 1, name: settingsHeading })).toBeVisible();
}

test('a nurse switches the portal to French, then Swahili, and back to English', async ({ page }) => {
  const problems = watchForProblems(page);
  await openPortal(page, server.url);
  const core = await connectCore(server.url);
  const patient = await core.invoke('patients:register', {
    draft: {
      given: 'Amani',
      family: 'Mwangi',
      sex: 'female',
      birth: { kind: 'exact', date: '2024-03-14' },
      nationalId: '',
      phone: '0722 000 222',
      village: 'Githurai',
      addressLine: '',
      guardian: { name: 'Esther Mwangi', relationship: 'mother', phone: '0722 000 223' },
    },
  });
  const visit = await core.invoke('visits:start', { patientId: patient.summary.id, type: 'Sick visit', reason: '' });
  await core.invoke('visits:record-vitals', { id: visit.id, vitals: { temperature: { value: '38.6', unit: '°C' } } });
  core.close();
  const main = page.getByRole('main');

  await test.step('French in Settings applies at once and keeps what was being typed', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Full name').fill('Joy Akello');
    await page.getByRole('radio', { name: 'Français' }).check();
    await expect(page.getByRole('heading', { level: 1, name: 'Paramètres' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByLabel('Nom complet')).toHaveValue('Joy Akello');
    await expect(page).toHaveTitle('Paramètres – Kliniki');
    await page.getByLabel('Nom complet').fill('');
    await screen(page, 'languages-01-settings-fr');
    await expectNoEnglish(page, 'fr');
  });

  await test.step('search in French', async () => {
    await page
      .getByRole('navigation', { name: 'Menu principal' })
      .getByRole('link', { name: 'Trouver un patient' })
      .click();
    await page.getByLabel('Nom, numéro de dossier, téléphone ou pièce d’identité').fill('Amani');
    await expect(main.getByText('1 patient trouvé.')).toBeVisible();
    await expect(main.getByRole('row', { name: /Amani Mwangi/ })).toContainText(/\d+ ans et \d+ mois|\d+ ans/);
    await screen(page, 'languages-02-search-fr');
    await expectNoEnglish(page, 'fr');
  });

  await test.step('the core refuses a registration and says why in French, beside the field', async () => {
    await page.getByRole('link', { name: 'Enregistrer', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Enregistrer un nouveau patient' })).toBeVisible();
    await page.getByLabel('Prénoms').fill('Baraka');
    await page.getByLabel('Nom de famille').fill('Otieno');
    await page.getByRole('radio', { name: 'Masculin', exact: true }).check();
    await page.getByLabel('Date de naissance').fill('2022-07-03');
    await page.getByLabel('Téléphone', { exact: true }).fill('12');
    await page.getByRole('button', { name: 'Enregistrer le patient' }).click();
    await expect(page.getByLabel(/^Nom du tuteur/)).toHaveAccessibleDescription(
      /Les enfants de moins de 18 ans doivent avoir un parent/,
    );
    await expect(page.getByLabel('Téléphone', { exact: true })).toHaveAccessibleDescription(
      /Saisissez un numéro de téléphone de 7 à 15 chiffres/,
    );
    await expect(main.getByText('3 juil. 2022')).toBeVisible();
    await screen(page, 'languages-03-register-error-fr');
    await expectNoEnglish(page, 'fr');
  });

  await test.step('the patient page in French: dates in words, decimals with a comma', async () => {
    await page.goto(`${server.url.split('?')[0]}#/patients/${patient.summary.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Amani Mwangi' })).toBeVisible();
    await expect(main.getByText('14 mars 2024')).toBeVisible();
    await expect(main.getByText(/Consultation pour maladie/)).toBeVisible();
    await screen(page, 'languages-04-patient-fr');
    await expectNoEnglish(page, 'fr');
    await page.goto(`${server.url.split('?')[0]}#/visits/${visit.id}`);
    await expect(main.getByText('38,6 °C', { exact: true })).toBeVisible();
    await expect(main.getByText(/Une température de 38,6 °C est une fièvre/)).toBeVisible();
    await screen(page, 'languages-05-visit-fr');
    await expectNoEnglish(page, 'fr');
  });

  await test.step('the sync centre and today’s visits in French', async () => {
    await page.getByRole('link', { name: 'Synchronisation', exact: true }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Synchronisation avec le registre central' }),
    ).toBeVisible();
    await expect(main.getByText('Cet ordinateur n’est pas encore connecté au registre central')).toBeVisible();
    await screen(page, 'languages-05b-sync-fr');
    await expectNoEnglish(page, 'fr');
    await page.getByRole('link', { name: 'Visites du jour', exact: true }).click();
    await expect(main.getByText(/1 visite, les plus récentes d’abord/)).toBeVisible();
    await screen(page, 'languages-05c-today-fr');
    await expectNoEnglish(page, 'fr');
  });

  await test.step('French fits at 1024 pixels', async () => {
    await page.setViewportSize({ width: 1024, height: 720 });
    await page.goto(`${server.url.split('?')[0]}#/patients/${patient.summary.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Amani Mwangi' })).toBeVisible();
    await screen(page, 'languages-06-patient-fr-1024');
    await chooseLanguage(page, 'Français', 'Paramètres');
    await screen(page, 'languages-07-settings-fr-1024');
    // Nothing wider than the window: no sideways scrolling.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  await test.step('Swahili', async () => {
    await chooseLanguage(page, 'Kiswahili', 'Mipangilio');
    await expect(page.locator('html')).toHaveAttribute('lang', 'sw');
    await screen(page, 'languages-08-settings-sw');
    await expectNoEnglish(page, 'sw');
    await page.getByRole('navigation', { name: 'Menyu kuu' }).getByRole('link', { name: 'Tafuta mgonjwa' }).click();
    await page.getByLabel('Jina, namba ya kliniki, simu au kitambulisho').fill('Amani');
    await expect(main.getByText('Mgonjwa 1 amepatikana.')).toBeVisible();
    await expect(main.getByRole('row', { name: /Amani Mwangi/ })).toContainText(/miaka \d+( na miezi \d+)?/);
    await screen(page, 'languages-09-search-sw');
    await expectNoEnglish(page, 'sw');
    await page.setViewportSize({ width: 1024, height: 720 });
    await screen(page, 'languages-09b-search-sw-1024');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${server.url.split('?')[0]}#/patients/${patient.summary.id}`);
    await expect(main.getByText('14 Mac 2024')).toBeVisible();
    await expect(main.getByText(/Ziara ya ugonjwa/)).toBeVisible();
    await screen(page, 'languages-10-patient-sw');
    await expectNoEnglish(page, 'sw');
  });

  await test.step('the unlock screen speaks the laptop’s language before anyone signs in', async () => {
    await page.getByRole('button', { name: 'Funga sasa' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Fungua Kliniki' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Fungua Kliniki' })).toBeVisible();
    await screen(page, 'languages-11-unlock-sw');
    await page.getByLabel('Jina la mtumiaji').fill('grace');
    await page.getByLabel('Nenosiri').fill('mango tree 42');
    await page.getByRole('button', { name: 'Fungua', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Funga sasa' })).toBeVisible();
  });

  await test.step('back to English', async () => {
    await chooseLanguage(page, 'English', 'Settings');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page).toHaveTitle('Settings – Kliniki');
  });
  expect(problems).toEqual([]);
});

test('on a new laptop the first account is made in French, and the laptop keeps speaking it', async ({ page }) => {
  const problems = watchForProblems(page);
  const fresh = await startKliniki();
  try {
    await page.goto(fresh.url);
    await expect(page.getByRole('heading', { name: 'Welcome to Kliniki' })).toBeVisible();
    await page.getByRole('button', { name: 'Français' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Bienvenue dans Kliniki' })).toBeVisible();
    await expect(page).toHaveTitle('Premier compte – Kliniki');
    await page.getByLabel('Nom complet').fill('Aline Uwase');
    await page.getByLabel('Nom d’utilisateur').fill('aline');
    await page.getByLabel(/^Mot de passe/).fill('lac kivu 2026');
    await page.getByLabel('Saisissez à nouveau le mot de passe').fill('lac kivu 2026');
    await screen(page, 'languages-12-first-run-fr');
    await page.getByRole('button', { name: 'Créer le compte et ouvrir Kliniki' }).click();
    await page.getByRole('button', { name: 'Passer pour l’instant — travailler hors ligne' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Trouver un patient' })).toBeVisible();
    // Saved for the laptop: a new window opens in French, before anyone signs in again.
    await page.getByRole('button', { name: 'Verrouiller' }).click();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Déverrouiller Kliniki' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  } finally {
    await fresh.stop();
  }
  expect(problems).toEqual([]);
});
