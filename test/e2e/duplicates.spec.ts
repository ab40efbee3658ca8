import { expect, test, type Page } from '@playwright/test';
import { startKliniki, type KlinikiServer } from './support/kliniki-server';
import { fillPatientForm, openPortal, screen, watchForProblems, type PatientInput } from './support/ui';

let server: KlinikiServer;

test.beforeAll(async () => {
  server = await startKliniki();
});

test.afterAll(async () => {
  await server?.stop();
});

const MOHAMED: PatientInput = {
  given: 'Mohamed',
  family: 'Abdi',
  sex: 'Male',
  birthDate: '1984-07-21',
  phone: '+256 772 400 100',
  village: 'Kasangati',
};

async function register(page: Page, patient: PatientInput): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Register' }).click();
  await expect(page.getByRole('heading', { name: 'Register a new patient' })).toBeVisible();
  await fillPatientForm(page, patient);
  await page.getByRole('button', { name: 'Save patient' }).click();
}

test('registering the same person again warns with the reasons and opens the existing record', async ({ page }) => {
  const problems = watchForProblems(page);
  await openPortal(page, server.url);
  await register(page, MOHAMED);
  await expect(page.getByRole('heading', { level: 1, name: 'Mohamed Abdi' })).toBeVisible();
  const clinicNumber =
    (await page
      .getByText(/^Clinic number/)
      .first()
      .locator('strong')
      .textContent()) ?? '';

  await register(page, { ...MOHAMED, given: 'Muhammad', phone: '0772 400100' });
  const warning = page.getByRole('region', { name: 'This may be someone already registered' });
  await expect(warning).toBeVisible();
  await expect(warning).toBeFocused();
  await expect(warning).toContainText('Mohamed Abdi');
  await expect(warning).toContainText(clinicNumber);
  await expect(warning).toContainText('21 Jul 1984');
  await expect(warning).toContainText('Kasangati');
  await expect(warning).toContainText('Very likely the same person');
  const reasons = warning.getByRole('list', { name: 'Why it matched:' });
  await expect(
    reasons.getByRole('listitem').filter({ hasText: 'Names sound alike: Muhammad ~ Mohamed' }),
  ).toBeVisible();
  await expect(reasons.getByRole('listitem').filter({ hasText: 'Born the same day' })).toBeVisible();
  await expect(reasons.getByRole('listitem').filter({ hasText: 'Same phone number' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'may be someone already registered' })).toBeAttached();
  await page.getByRole('heading', { name: 'Register a new patient' }).scrollIntoViewIfNeeded();
  await screen(page, '40-duplicate-warning');

  await warning.getByRole('button', { name: 'Open this record: Mohamed Abdi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mohamed Abdi' })).toBeVisible();
  await expect(page.getByText(clinicNumber)).toBeVisible();
  expect(problems).toEqual([]);
});

test('saving anyway after the warning registers a second record, and the two can be linked', async ({ page }) => {
  const problems = watchForProblems(page);
  await openPortal(page, server.url);
  const amina: PatientInput = { given: 'Aisha', family: 'Nakato', sex: 'Female', birthDate: '1990-03-05' };
  await register(page, amina);
  await expect(page.getByRole('heading', { level: 1, name: 'Aisha Nakato' })).toBeVisible();

  await register(page, { ...amina, given: 'Aysha', family: 'Nakkato' });
  const warning = page.getByRole('region', { name: 'This may be someone already registered' });
  await expect(warning).toContainText('Aisha Nakato');
  await warning.getByRole('button', { name: 'Save as a new patient anyway' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Aysha Nakkato' })).toBeVisible();

  // On the new record: "Same person as…", the first record suggested, linked from there.
  await page.getByRole('button', { name: 'Same person as…' }).click();
  const panel = page.getByRole('region', { name: 'Same person as another record?' });
  await expect(panel.getByRole('heading', { name: 'Same person as another record?' })).toBeFocused();
  await expect(panel.getByRole('heading', { name: /Aisha Nakato/ })).toBeVisible();
  await panel.getByLabel('Find the other record').fill('Aisha Nakato');
  await panel.getByRole('button', { name: 'Search' }).click();
  await expect(panel.getByRole('list', { name: 'Search results' })).toContainText('Aisha Nakato');
  await screen(page, '41-link-same-person');
  await panel
    .getByRole('list', { name: 'Search results' })
    .getByRole('button', { name: /^Same person: link to Aisha Nakato/ })
    .click();

  await expect(page.getByRole('main').getByText(/Linked: Aisha Nakato .* is the same person/)).toBeVisible();
  const links = page.getByRole('region', { name: 'Also registered as' });
  await expect(links.getByRole('link', { name: 'Aisha Nakato' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Same person as…' })).toBeFocused();
  await screen(page, '42-linked-records');

  await links.getByRole('link', { name: 'Aisha Nakato' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Aisha Nakato' })).toBeVisible();
  const back = page.getByRole('region', { name: 'Also registered as' });
  await expect(back.getByRole('link', { name: 'Aysha Nakkato' })).toBeVisible();

  // Linking again is refused in words.
  await page.getByRole('button', { name: 'Same person as…' }).click();
  const again = page.getByRole('region', { name: 'Same person as another record?' });
  await again.getByLabel('Find the other record').fill('Nakkato');
  await again.getByRole('button', { name: 'Search' }).click();
  await expect(again.getByRole('list', { name: 'Search results' })).toContainText('Already linked');
  await screen(page, '43-linked-other-side');
  await again.getByRole('button', { name: 'Close' }).click();

  // A link made by mistake is undone after a confirmation; both records stay.
  await back.getByRole('button', { name: 'Not the same person: undo the link to Aysha Nakkato' }).click();
  await expect(back.getByRole('button', { name: 'Yes, undo the link' })).toBeFocused();
  await screen(page, '43b-unlink-confirm');
  await back.getByRole('button', { name: 'Yes, undo the link' }).click();
  await expect(
    page.getByRole('main').getByText('The link to Aysha Nakkato was undone. Both records are kept.'),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Also registered as' })).toHaveCount(0);
  await screen(page, '43c-unlinked');
  expect(problems).toEqual([]);
});
