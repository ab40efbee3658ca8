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

function draft(given: string, family: string) {
  return {
    given,
    family,
    sex: 'male' as const,
    birth: { kind: 'exact' as const, date: yearsAgo(40) },
    nationalId: '',
    phone: '',
    village: 'Lira',
    addressLine: '',
    guardian: { name: '', relationship: 'guardian' as const, phone: '' },
  };
}

test('results page with "Load more", and a patient registered elsewhere appears without a reload', async ({ page }) => {
  const problems = watchForProblems(page);
  await openPortal(page, server.url);
  const core = await connectCore(server.url);
  try {
    for (let i = 1; i <= 25; i++) await core.invoke('patients:register', { draft: draft(`Patient${i}`, 'Ocen') });

    const box = page.getByLabel('Name, clinic number, phone or ID');
    await box.fill('Ocen');
    const results = page.getByRole('table').getByRole('link');
    await expect(results).toHaveCount(20);
    await expect(page.getByRole('status')).toHaveText('20 patients found, more available.');
    await screen(page, '19-search-many');

    await page.getByRole('button', { name: 'Load more' }).click();
    await expect(results).toHaveCount(25);
    await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0);
    // The keyboard lands on the first of the newly shown patients.
    await expect(results.nth(20)).toBeFocused();

    // Another window registers one more: the list follows without the nurse doing anything.
    await core.invoke('patients:register', { draft: draft('Latecomer', 'Ocen') });
    await expect(results).toHaveCount(26);
    await expect(page.getByRole('link', { name: 'Latecomer Ocen' })).toBeVisible();

    // The filters narrow the same search.
    await page.getByLabel('Sex').selectOption({ label: 'Female' });
    await expect(page.getByRole('heading', { name: 'No patient found' })).toBeVisible();
    await page.getByLabel('Sex').selectOption({ label: 'Male' });
    await expect(page.getByRole('table').getByRole('link')).toHaveCount(20);
  } finally {
    core.close();
  }
  expect(problems).toEqual([]);
});
