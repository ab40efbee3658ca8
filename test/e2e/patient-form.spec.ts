import { expect, test } from '@playwright/test';
import { startKliniki, type KlinikiServer } from './support/kliniki-server';
import { fillPatientForm, openPortal, screen, unlockIfAsked, watchForProblems, yearsAgo } from './support/ui';

let server: KlinikiServer;

test.beforeAll(async () => {
  server = await startKliniki();
});

test.afterAll(async () => {
  await server?.stop();
});

test.beforeEach(async ({ page }) => {
  await openPortal(page, server.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Register' }).click();
  await expect(page.getByRole('heading', { name: 'Register a new patient' })).toBeVisible();
});

test('submitting the empty form shows errors next to the fields and saves nothing', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.getByLabel('Given names').fill('Tumusiime');
  await page.getByRole('button', { name: 'Save patient' }).click();

  const summary = page.getByRole('heading', { name: 'Please correct the fields marked below.' });
  await expect(summary).toBeVisible();
  await expect(page.getByLabel('Family name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Family name')).toHaveAccessibleDescription(/Enter the family name/);
  await expect(page.getByLabel('Date of birth')).toHaveAccessibleDescription(/Enter the date of birth/);
  await expect(page.getByRole('group', { name: /^Sex/ })).toContainText('Choose the sex.');
  await expect(page.getByLabel('Given names')).not.toHaveAttribute('aria-invalid', 'true');
  await screen(page, '12-register-errors');

  // The summary's entries take the keyboard to the field.
  await page.getByRole('button', { name: 'Enter the family name.' }).click();
  await expect(page.getByLabel('Family name')).toBeFocused();

  await page.getByRole('link', { name: 'Find patient' }).click();
  await page.getByLabel('Name, clinic number, phone or ID').fill('Tumusiime');
  await expect(page.getByRole('heading', { name: 'No patient found' })).toBeVisible();
  await screen(page, '13-search-no-result');

  // The empty state carries the typed name into a new registration.
  await page.getByRole('button', { name: 'Register a new patient' }).click();
  await expect(page.getByLabel('Given names')).toHaveValue('Tumusiime');
  expect(problems).toEqual([]);
});

test("the core's checks come back next to the field: a child needs a guardian, a phone needs digits", async ({
  page,
}) => {
  const problems = watchForProblems(page);
  await fillPatientForm(page, {
    given: 'Okello',
    family: 'Opio',
    sex: 'Male',
    birthDate: yearsAgo(4),
    phone: '12',
  });
  await page.getByRole('button', { name: 'Save patient' }).click();
  await expect(page.getByLabel(/^Guardian name/)).toHaveAccessibleDescription(/Children under 18/);
  await expect(page.getByLabel('Phone', { exact: true })).toHaveAccessibleDescription(/7 to 15 digits/);
  await expect(page.getByRole('group', { name: /Please correct the 2 fields/ })).toBeFocused();
  await screen(page, '14-register-core-errors');

  await page.getByLabel('Phone', { exact: true }).fill('');
  await page.getByLabel(/^Guardian name/).fill('Akello Grace');
  await page.getByLabel('Relationship').selectOption({ label: 'Mother' });
  await page.getByRole('button', { name: 'Save patient' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Okello/ })).toBeVisible();
  expect(problems).toEqual([]);
});

test('a name made of markup is shown as text and never runs', async ({ page }) => {
  const problems = watchForProblems(page);
  const given = '<img src=x onerror=alert(1)>';
  await fillPatientForm(page, {
    given,
    family: '<script>alert(2)</script>Atim',
    sex: 'Female',
    birthDate: yearsAgo(30),
  });
  await page.getByRole('button', { name: 'Save patient' }).click();
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toContainText(given);
  await expect(heading).toContainText('<script>alert(2)</script>Atim');
  await expect(page.locator('img')).toHaveCount(0);
  await screen(page, '15-patient-markup-name');

  await page.getByRole('link', { name: 'Find patient' }).click();
  await page.getByLabel('Name, clinic number, phone or ID').fill('Atim');
  await expect(page.getByRole('link', { name: given, exact: false })).toBeVisible();
  await expect(page.locator('img')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('saving over a change made elsewhere is refused, and the latest version can be loaded', async ({
  page,
  context,
}) => {
  const problems = watchForProblems(page);
  await fillPatientForm(page, { given: 'Mary', family: 'Achen', sex: 'Female', birthDate: yearsAgo(40) });
  await page.getByRole('button', { name: 'Save patient' }).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit Mary Achen' })).toBeVisible();
  const editHash = new URL(page.url()).hash;

  // A colleague at the same laptop, in a second window, changes the village first.
  const other = await context.newPage();
  await other.goto(server.url + editHash);
  await unlockIfAsked(other);
  await other.getByLabel('Village').fill('Gulu');
  await other.getByRole('button', { name: 'Save changes' }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'Mary Achen' })).toBeVisible();
  await other.close();

  await page.getByLabel('Phone', { exact: true }).fill('0772 000111');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const notice = page.getByRole('heading', { name: 'This record was changed elsewhere after you opened it' });
  await expect(notice).toBeVisible();
  await screen(page, '16-edit-conflict');
  await page.getByRole('button', { name: 'Load the latest version' }).click();
  await expect(page.getByLabel('Village')).toHaveValue('Gulu');
  await expect(notice).toBeHidden();
  await page.getByLabel('Phone', { exact: true }).fill('0772 000111');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mary Achen' })).toBeVisible();
  await expect(page.getByText('Gulu')).toBeVisible();
  await expect(page.getByText('0772 000111')).toBeVisible();
  expect(problems).toEqual([]);
});

test('an estimated age is saved as an estimate and shown as "about"', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.getByLabel('Given names').fill('Aisha');
  await page.getByLabel('Family name').fill('Nabirye');
  await page.getByRole('radio', { name: 'Female', exact: true }).check();
  await page.getByRole('radio', { name: 'Age (estimated)' }).check();
  await page.getByLabel('Age in years').fill('34');
  await screen(page, '17-register-estimated-age');
  await page.getByRole('button', { name: 'Save patient' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Aisha Nabirye' })).toBeVisible();
  await expect(page.getByText('about 34 years')).toBeVisible();
  await expect(page.getByText('estimated', { exact: true })).toBeVisible();

  await page.getByRole('link', { name: 'Find patient' }).click();
  await page.getByLabel('Name, clinic number, phone or ID').fill('Nabirye');
  await expect(page.getByRole('row', { name: /Aisha Nabirye/ })).toContainText('about 34 years');

  await page.getByRole('link', { name: /Aisha Nabirye/ }).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByRole('radio', { name: 'Age (estimated)' })).toBeChecked();
  await expect(page.getByLabel('Age in years')).toHaveValue('34');
  expect(problems).toEqual([]);
});
