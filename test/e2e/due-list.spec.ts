import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { connectCore, type CoreClient } from './support/core-client';
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

async function child(core: CoreClient, given: string, family: string, birth: string, village: string) {
  const record = await core.invoke('patients:register', {
    draft: {
      given,
      family,
      sex: 'female',
      birth: { kind: 'exact', date: birth },
      nationalId: '',
      phone: '',
      village,
      addressLine: '',
      guardian: { name: `Mama ${given}`, relationship: 'mother', phone: '0722 000 111' },
    },
  });
  return record.summary;
}

/** Every page's text, joined, from the PDF Chromium prints. */
async function pdfText(bytes: Buffer): Promise<{ pages: number; text: string }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const texts: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  const pages = pdf.numPages;
  await pdf.destroy();
  return { pages, text: texts.join('\n').replace(/\s+/g, ' ') };
}

test('the nurse opens the due list, filters it, opens a child, prints it, and books a follow-up', async ({ page }) => {
  const problems = watchForProblems(page);
  await openPortal(page, server.url);
  const core = await connectCore(server.url);
  // Nothing given at 20 weeks: the 6-, 10- and 14-week doses are overdue.
  const achieng = await child(core, 'Achieng', 'Otieno', daysAgo(140), 'Githurai');
  // Birth doses given, 7 weeks old: the 6-week doses are due (not yet overdue).
  const baraka = await child(core, 'Baraka', 'Mwangi', daysAgo(49), 'Kasarani');
  // Birth doses given, 3 weeks old: the 6-week doses come in 3 weeks.
  const chausiku = await child(core, 'Chausiku', 'Njeri', daysAgo(21), 'Kasarani');
  for (const c of [baraka, chausiku]) {
    await core.invoke('immunizations:record', {
      patientId: c.id,
      doses: [
        { seriesId: 'who-epi-bcg', outcome: 'given', date: c.birthDate!, lotNumber: 'BCG-0425' },
        { seriesId: 'who-epi-opv', outcome: 'given', date: c.birthDate!, lotNumber: 'OPV-1187' },
      ],
    });
  }
  const main = page.getByRole('main');
  const table = main.getByRole('table').first();

  await test.step('the due list opens from the top bar, most urgent first, with counts', async () => {
    await page.getByRole('link', { name: 'Due list' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Due list' })).toBeVisible();
    await expect(main.getByText(/Showing 1–2 of 2 children: Due now or overdue/)).toBeVisible();
    const rows = table.getByRole('row');
    await expect(rows.nth(1)).toContainText('Achieng Otieno');
    await expect(rows.nth(1)).toContainText('Overdue');
    await expect(rows.nth(1)).toContainText('Mama Achieng');
    await expect(rows.nth(2)).toContainText('Baraka Mwangi');
    await expect(rows.nth(2)).toContainText('Due now');
    await expect(rows.nth(2)).not.toContainText('BCG');
    await expect(page.getByRole('button', { name: /^1 Overdue/ })).toBeVisible();
    await expect(page.getByRole('button', { name: /^1 Due now$/ })).toBeVisible();
    await expect(main.getByText('No missed follow-ups', { exact: false })).toBeVisible();
    await screen(page, 'due-01-morning-list');
  });

  await test.step('filters narrow it: overdue only, a village, upcoming, a name', async () => {
    await page.getByRole('button', { name: /^1 Overdue/ }).click();
    await expect(page.getByRole('button', { name: /^1 Overdue/ })).toHaveAttribute('aria-pressed', 'true');
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table).toContainText('Achieng Otieno');

    await page.getByRole('button', { name: /Due now or overdue/ }).click();
    await page.getByLabel('Village').selectOption('Kasarani');
    await expect(main.getByText(/Showing 1–1 of 1 children: .*Village: Kasarani/)).toBeVisible();
    await expect(table).toContainText('Baraka Mwangi');

    await page.getByRole('button', { name: /Upcoming/ }).click();
    await page.getByLabel('Look ahead').selectOption({ label: '30 days' });
    await expect(table).toContainText('Chausiku Njeri');
    await expect(table).toContainText(/Due in \d+ days/);
    await screen(page, 'due-02-upcoming-kasarani');

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('button', { name: /Due now or overdue/ }).click();
    await page.getByLabel('Name or clinic number').fill('otieno');
    await expect(main.getByText(/Showing 1–1 of 1 children: .*Name or number: otieno/)).toBeVisible();
    await page.getByLabel('Name or clinic number').fill('nobody here');
    await expect(main.getByText(/No child matches/)).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(main.getByText(/Showing 1–2 of 2 children/)).toBeVisible();
  });

  await test.step("a child's name opens their record", async () => {
    await table.getByRole('link', { name: 'Baraka Mwangi' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Baraka Mwangi' })).toBeVisible();
    await page.getByRole('link', { name: 'Due list' }).click();
    await expect(main.getByText(/Showing 1–2 of 2 children/)).toBeVisible();
  });

  await test.step('printed, the paper holds the list alone: clinic, date, filter in words, the children', async () => {
    await page.evaluate(() => {
      const w = window as Window & { printCalls?: number };
      w.printCalls = 0;
      w.print = () => void (w.printCalls = (w.printCalls ?? 0) + 1);
    });
    await page.getByRole('button', { name: 'Print the list' }).click();
    await expect.poll(() => page.evaluate(() => (window as Window & { printCalls?: number }).printCalls)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    await screen(page, 'due-03-print-media');
    const bytes = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync('test-results/screens/due-list-print.pdf', bytes);
    const pdf = await pdfText(bytes);
    expect(pdf.pages).toBe(1);
    expect(pdf.text).toMatch(/Due list – /);
    expect(pdf.text).toContain('Due now or overdue · All vaccines · All ages (0–59 months)');
    expect(pdf.text).toContain('Achieng Otieno');
    expect(pdf.text).toContain('Baraka Mwangi');
    expect(pdf.text).not.toContain('Chausiku Njeri');
    expect(pdf.text).toContain('2 children.');
    // Nothing of the portal around it.
    expect(pdf.text).not.toContain('Find patient');
    expect(pdf.text).not.toContain('Print the list');
    expect(pdf.text).not.toContain('Missed follow-ups');
    await page.emulateMedia({ media: 'screen' });
  });

  await test.step('finishing a visit, the nurse books "come back on"; a past day is refused beside the field', async () => {
    const visit = await core.invoke('visits:start', { patientId: achieng.id, type: 'Immunization', reason: '' });
    await page.goto(`${server.url.split('?')[0]}#/visits/${visit.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Visit: Achieng Otieno' })).toBeVisible();
    const date = page.getByLabel('Follow-up date');
    await date.fill(daysAgo(1));
    await page.getByRole('button', { name: 'Set follow-up' }).click();
    await expect(date).toHaveAccessibleDescription('The follow-up date must be after today.');
    await page.getByRole('button', { name: 'In 2 weeks' }).click();
    await expect(date).toHaveValue(daysAgo(-14));
    await page.getByRole('button', { name: 'Set follow-up' }).click();
    await expect(main.getByText(/^Follow-up booked for/)).toBeVisible();
    await screen(page, 'due-04-visit-follow-up');
    await page.reload();
    await expect(page.getByLabel('Follow-up date')).toHaveValue(daysAgo(-14));
    await expect(page.getByRole('button', { name: 'Cancel follow-up' })).toBeVisible();
  });

  await test.step('the top bar keeps every entry reachable on smaller laptops', async () => {
    for (const width of [1440, 1366, 1301, 1300, 1024]) {
      await page.setViewportSize({ width, height: 700 });
      await page.getByRole('link', { name: 'Due list' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Due list' })).toBeVisible();
      for (const name of ['Due list', 'Settings']) {
        const box = await page.getByRole('link', { name }).boundingBox();
        expect(box && box.x + box.width <= width, `${name} at ${width}px`).toBe(true);
      }
      await expect(page.getByRole('button', { name: 'Lock now' })).toBeInViewport();
      // The list itself fits too: no sideways scrolling.
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `page at ${width}px`).toBeLessThanOrEqual(
        width,
      );
      await screen(page, `due-05-width-${width}`);
    }
  });

  core.close();
  expect(problems).toEqual([]);
});
