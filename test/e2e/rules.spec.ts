/**
 * The clinic's checks on entries, as a nurse meets them: a warning asks before saving, in her
 * words, and she may go back or save anyway; Settings lists the checks in force and where they
 * come from, in the language she chose.
 */
import { expect, test } from '@playwright/test';
import type { SyncStatus } from '../../src-shared/domain/sync';
import { startTestIcdr } from '../support/icdr';
import { pack } from '../unit/rules/support';
import { connectCore } from './support/core-client';
import { startKliniki, type KlinikiServer } from './support/kliniki-server';
import { fillPatientForm, openPortal, screen, watchForProblems, yearsAgo } from './support/ui';

let server: KlinikiServer;

test.beforeAll(async () => {
  server = await startKliniki();
});

test.afterAll(async () => {
  await server?.stop();
});

const OLD_AGE = 'This person would be over 100 years old. Please check the date of birth or the age before saving.';

test('a warning from the checks asks before saving a patient and a measurement, and Settings lists the checks', async ({
  page,
}) => {
  const problems = watchForProblems(page);
  await openPortal(page, server.url);
  const main = page.getByRole('main');

  await test.step('an unusual date of birth asks for confirmation and saves nothing yet', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Register' }).click();
    await fillPatientForm(page, {
      given: 'Kiprono',
      family: 'Cheruiyot',
      sex: 'Male',
      birthDate: yearsAgo(101),
      phone: '0722 123 456',
      village: 'Kapsabet',
    });
    await page.getByRole('button', { name: 'Save patient' }).click();
    const warning = page.getByRole('group', { name: 'Please check before saving' });
    await expect(warning).toBeFocused();
    await expect(warning).toContainText(OLD_AGE);
    await expect(warning).toContainText('Nothing has been saved yet.');
    await screen(page, 'rules-01-patient-warning');

    await warning.getByRole('button', { name: 'Go back and change' }).click();
    await expect(warning).toBeHidden();
    await expect(page.getByLabel('Given names')).toBeFocused();
    await expect(page.getByLabel('Given names')).toHaveValue('Kiprono');
  });

  await test.step('she checks the card, the date is right: she saves anyway', async () => {
    await page.getByRole('button', { name: 'Save patient' }).click();
    const warning = page.getByRole('group', { name: 'Please check before saving' });
    await expect(warning).toBeFocused();
    await warning.getByRole('button', { name: 'Save anyway' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Kiprono Cheruiyot' })).toBeVisible();
  });

  await test.step('a weight unusual for his age asks before the measurements are saved', async () => {
    await page.getByRole('button', { name: 'Start a visit' }).click();
    await page.getByLabel(/^Type of visit/).selectOption({ label: 'Sick visit' });
    await page.getByRole('button', { name: 'Check in and open the visit' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Visit: Kiprono Cheruiyot' })).toBeVisible();
    await page.getByLabel('Weight', { exact: true }).fill('21');
    await page.getByRole('button', { name: 'Save measurements' }).click();
    const warning = page.getByRole('group', { name: 'Please check before saving' });
    await expect(warning).toBeFocused();
    await expect(warning).toContainText('A weight under 25 kg is very low for someone aged 15 or more.');
    await expect(main.getByText('Nothing was saved')).toHaveCount(0);
    await screen(page, 'rules-02-vitals-warning');
    await warning.getByRole('button', { name: 'Save anyway' }).click();
    await expect(main.getByText('Measurements saved.')).toBeVisible();
    await expect(warning).toBeHidden();
    await expect(page.getByLabel('Weight', { exact: true })).toHaveValue('');
  });

  await test.step('a check that blocks shows beside its field', async () => {
    await page.getByLabel('Temperature', { exact: true }).fill('28');
    await page.getByRole('button', { name: 'Save measurements' }).click();
    await expect(page.getByLabel('Temperature', { exact: true })).toHaveAccessibleDescription(
      /must be between 30 and 45 °C/,
    );
    await screen(page, 'rules-03-vitals-error');
  });

  await test.step('Settings lists the checks in force, with their source, in the chosen language', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const section = page.getByRole('region', { name: 'Checks on entries' });
    await expect(section).toContainText(OLD_AGE);
    await expect(section).toContainText('Asks for confirmation');
    await expect(section).toContainText('Blocks the save');
    await expect(section).toContainText('Shipped with Kliniki, version 2026.1');
    await screen(page, 'rules-04-settings-page');
    // The section alone, readable at full size.
    await section.screenshot({ path: 'test-results/screens/rules-04-settings-list.png' });
    await page.getByRole('radio', { name: 'Français' }).check();
    const fr = page.getByRole('region', { name: 'Contrôles des saisies' });
    await expect(fr).toContainText('Cette personne aurait plus de 100 ans.');
    await expect(fr).toContainText('Demande une confirmation');
    await fr.screenshot({ path: 'test-results/screens/rules-05-settings-list-fr.png' });
    await page.getByRole('radio', { name: 'English' }).check();
  });
  expect(problems).toEqual([]);
});

test('a check published by the central registry arrives at sync, shows its source, and a broken one is listed with why', async ({
  page,
}) => {
  const problems = watchForProblems(page);
  const icdr = await startTestIcdr({ behaviour: 'hapi' });
  try {
    const token = await icdr.getToken();
    const publish = async (resource: Record<string, unknown>) => {
      const response = await fetch(`${icdr.baseUrl}/StructureDefinition/${String(resource.id)}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/fhir+json' },
        body: JSON.stringify(resource),
      });
      expect(response.status).toBeLessThan(300);
      await response.body?.cancel();
    };
    await publish(
      pack(
        'Patient',
        [
          {
            key: 'moh-village',
            severity: 'error',
            human: 'Write the village: the outreach team finds families by village.',
            // On the whole record: a rule on Patient.address would not apply when there is none.
            expression: 'address.where(city.exists() or district.exists()).exists()',
          },
        ],
        { url: 'https://moh.example.org/fhir/StructureDefinition/patient-village', version: '3' },
      ),
    );
    await publish(
      pack('Patient', [{ key: 'moh-soundex', severity: 'warning', expression: 'name.soundex().exists()' }], {
        url: 'https://moh.example.org/fhir/StructureDefinition/patient-soundex',
      }),
    );
    await openPortal(page, server.url);
    const core = await connectCore(server.url);
    await core.invoke('sync:save-settings', {
      baseUrl: icdr.baseUrl,
      tokenUrl: icdr.tokenUrl,
      clientId: icdr.clientId,
      clientSecret: icdr.clientSecret,
      subscriptions: [{ resourceType: 'Patient', query: '' }],
      intervalMinutes: 5,
    });
    await core.invoke('sync:run-now', {});
    await expect
      .poll(async () => {
        const status: SyncStatus = await core.invoke('sync:get-status', {});
        return status.state === 'idle' && status.lastSuccessAt !== null;
      })
      .toBe(true);
    core.close();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const section = page.getByRole('region', { name: 'Checks on entries' });
    await expect(section).toContainText('Write the village: the outreach team finds families by village.');
    await expect(section).toContainText(/Central registry, version 3, received/);
    await expect(section).toContainText('The check uses a function Kliniki does not know, so the rule was skipped.');
    await expect(section).toContainText('central registry: Ministry checks on Patient, moh-soundex');
    await section.screenshot({ path: 'test-results/screens/rules-06-settings-central.png' });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Register' }).click();
    await fillPatientForm(page, {
      given: 'Achieng',
      family: 'Odhiambo',
      sex: 'Female',
      birthDate: yearsAgo(34),
      phone: '0733 222 111',
    });
    await page.getByRole('button', { name: 'Save patient' }).click();
    // A rule about the whole record is listed in the error summary, which takes the focus.
    const summary = page.getByRole('group', { name: /some entries break the clinic’s rules/ });
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Write the village: the outreach team finds families by village.');
    await screen(page, 'rules-07-central-rule-error');
    await page.getByLabel('Village').fill('Kisumu Ndogo');
    await page.getByRole('button', { name: 'Save patient' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Achieng Odhiambo' })).toBeVisible();
  } finally {
    await icdr.close();
  }
  expect(problems).toEqual([]);
});
