import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { OPS, getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { formatCardCode, luhnDigit } from '../../src-shared/domain/card-code';
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

const MM = 72 / 25.4;

interface PdfFacts {
  pages: number;
  text: string;
  /** Width and height (mm) of every filled or stroked path's bounding box on page 1. */
  boxes: { w: number; h: number }[];
}

async function readPdf(bytes: Buffer): Promise<PdfFacts> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const page = await pdf.getPage(1);
  const content = await page.getTextContent();
  const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
  const ops = await page.getOperatorList();
  const boxes: { w: number; h: number }[] = [];
  // Chromium draws in CSS pixels under a scaling transform: follow the scale (no rotation here).
  let scale = { x: 1, y: 1 };
  const saved: (typeof scale)[] = [];
  ops.fnArray.forEach((fn, i) => {
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) saved.push(scale);
    else if (fn === OPS.restore) scale = saved.pop() ?? { x: 1, y: 1 };
    else if (fn === OPS.transform) {
      const [a, , , d] = args as number[];
      scale = { x: scale.x * Math.abs(a!), y: scale.y * Math.abs(d!) };
    } else if (fn === OPS.constructPath) {
      // pdf.js gives each path's bounding box as its third argument: [minX, minY, maxX, maxY].
      const minMax = args[2] as ArrayLike<number> | undefined;
      if (!minMax || minMax.length < 4) return;
      boxes.push({ w: ((minMax[2]! - minMax[0]!) * scale.x) / MM, h: ((minMax[3]! - minMax[1]!) * scale.y) / MM });
    }
  });
  const pages = pdf.numPages;
  await pdf.destroy();
  return { pages, text, boxes };
}

function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

/** A keyboard-wedge scanner: the code's characters in quick succession, then Enter. */
async function scan(page: Page, text: string): Promise<void> {
  const box = page.getByLabel('Name, clinic number, phone or ID');
  await box.click();
  await box.fill('');
  await page.keyboard.type(text, { delay: 8 });
  await page.keyboard.press('Enter');
}

test('a nurse prints a patient card, and scanning it later opens the record', async ({ page }) => {
  const problems = watchForProblems(page);
  await openPortal(page, server.url);
  const core = await connectCore(server.url);
  await core.invoke('settings:update', { clinicName: 'Githurai Health Centre' });
  const record = await core.invoke('patients:register', {
    draft: {
      given: 'Wanjiru Achieng',
      family: 'Kamau',
      sex: 'female',
      birth: { kind: 'exact', date: '2019-03-14' },
      nationalId: '',
      phone: '0722 000 111',
      village: 'Githurai',
      addressLine: '',
      guardian: { name: 'Grace Kamau', relationship: 'mother', phone: '0722 000 111' },
    },
  });
  core.close();
  const number = record.summary.clinicNumber;
  const code = formatCardCode(number);
  expect(code).toBe(`KLK-${number}`);
  const base = server.url.split('?')[0]!;
  // The portal learnt the clinic name at sign-in: reload so the card shows the new one.
  await page.goto(`${base}#/patients/${record.summary.id}`);
  await page.reload();

  await test.step('the patient page leads to the card', async () => {
    await expect(page.getByRole('heading', { level: 1, name: 'Wanjiru Achieng Kamau' })).toBeVisible();
    await screen(page, 'card-00-patient-page');
    await page.getByRole('link', { name: 'Print card' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Patient card: Wanjiru Achieng Kamau' })).toBeVisible();
    const card = page.getByRole('article', { name: 'Patient card of Wanjiru Achieng Kamau' });
    await expect(card).toContainText('Githurai Health Centre');
    await expect(card).toContainText(number);
    await expect(card).toContainText('14 March 2019');
    await expect(card).toContainText('Female');
    await screen(page, 'card-01-on-screen');
  });

  await test.step('the QR code on the card reads back as the card code', async () => {
    const qr = page.getByRole('img', { name: `Code to scan: clinic number ${number}` });
    expect(decodeQr(await qr.screenshot())).toBe(code);
    // Version 2 at most (25 modules a side) plus the quiet zone: large modules on a worn card.
    expect(Number(await qr.getAttribute('data-version'))).toBeLessThanOrEqual(2);
    expect(await qr.getAttribute('viewBox')).toBe('0 0 33 33');
  });

  await test.step('"Print card" opens the print window', async () => {
    await page.evaluate(() => {
      const w = window as Window & { printCalls?: number };
      w.printCalls = 0;
      w.print = () => void (w.printCalls = (w.printCalls ?? 0) + 1);
    });
    await page.getByRole('button', { name: 'Print card' }).click();
    expect(await page.evaluate(() => (window as Window & { printCalls?: number }).printCalls)).toBe(1);
  });

  await test.step('printed (to PDF), it is one page with the card alone at bank-card size', async () => {
    await page.emulateMedia({ media: 'print' });
    await screen(page, 'card-02-print-media');
    for (const format of ['A4', 'Letter'] as const) {
      const bytes = await page.pdf({ format, printBackground: true });
      writeFileSync(`test-results/screens/card-print-${format}.pdf`, bytes);
      const pdf = await readPdf(bytes);
      expect(pdf.pages, format).toBe(1);
      expect(pdf.text).toContain('Wanjiru Achieng Kamau');
      expect(pdf.text).toContain(number);
      expect(pdf.text).toContain('14 March 2019');
      expect(pdf.text).toContain('Githurai Health Centre');
      // Nothing of the portal around it: no top bar, no buttons, no instructions.
      expect(pdf.text).not.toContain('Find patient');
      expect(pdf.text).not.toContain('Back to the record');
      // The card's border: 85.6 × 54 mm, give or take the line width.
      const edge = pdf.boxes.find((b) => Math.abs(b.w - 85.6) < 1 && Math.abs(b.h - 54) < 1);
      expect(edge, `${format}: ${JSON.stringify(pdf.boxes.slice(0, 5))}`).toBeDefined();
    }
    await page.emulateMedia({ media: 'screen' });
  });

  await test.step('scanned into the search box, the card opens the record', async () => {
    await page.getByRole('link', { name: 'Find patient' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Find a patient' })).toBeVisible();
    // The card's print copy left with its page: printing the search page prints the search page.
    await expect(page.locator('body > .print-sheet')).toHaveCount(0);
    await scan(page, code!);
    await expect(page.getByRole('heading', { level: 1, name: 'Wanjiru Achieng Kamau' })).toBeVisible();
  });

  await test.step('a scanner set for a US keyboard on a French (AZERTY) laptop still opens it', async () => {
    await page.getByRole('link', { name: 'Find patient' }).click();
    const azerty: Record<string, string> = {
      ...Object.fromEntries([...'1234567890'].map((d, i) => [d, '&é"\'(-è_çà'[i]!])),
      '-': ')',
      A: 'Q',
      Q: 'A',
      W: 'Z',
      Z: 'W',
      M: '?',
    };
    await scan(page, [...code!].map((ch) => azerty[ch] ?? ch).join(''));
    await expect(page.getByRole('heading', { level: 1, name: 'Wanjiru Achieng Kamau' })).toBeVisible();
  });

  await test.step('a card from elsewhere that no record here holds is named in words', async () => {
    await page.getByRole('link', { name: 'Find patient' }).click();
    // "Z" is never drawn for a laptop's prefix, so this number is no one's here.
    const unknown = `ZZZZ-000042-${luhnDigit('000042')}`;
    await scan(page, formatCardCode(unknown)!);
    await expect(
      page.getByRole('main').getByText(`No patient on this laptop has the card number ${unknown}.`),
    ).toBeVisible();
    await expect(page.getByLabel('Name, clinic number, phone or ID')).toHaveAccessibleDescription(
      new RegExp(`No patient on this laptop has the card number ${unknown}`),
    );
    await expect(page.getByRole('status')).toHaveText(`No patient on this laptop has the card number ${unknown}.`);
    await screen(page, 'card-03-unknown-card');
    // The next scan replaces the text rather than adding to it.
    await page.keyboard.type(code!, { delay: 8 });
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Wanjiru Achieng Kamau' })).toBeVisible();
  });

  await test.step('a clinic number typed by hand still finds the patient through the search', async () => {
    await page.getByRole('link', { name: 'Find patient' }).click();
    await page.getByLabel('Name, clinic number, phone or ID').fill(number);
    await expect(page.getByRole('link', { name: /Wanjiru Achieng Kamau/ })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Find a patient' })).toBeVisible();
  });

  await test.step('in French and in Swahili, the card speaks the language and names the month', async () => {
    const settings = await connectCore(server.url);
    try {
      for (const [language, heading, month, name] of [
        ['fr', 'Carte patient\u00a0: Wanjiru Achieng Kamau', '14 mars 2019', 'Imprimer la carte'],
        ['sw', 'Kadi ya mgonjwa: Wanjiru Achieng Kamau', '14 Machi 2019', 'Chapisha kadi'],
      ] as const) {
        await settings.invoke('settings:update', { language });
        await page.goto(`${base}#/patients/${record.summary.id}/card`);
        await page.reload();
        await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
        await expect(page.getByRole('article')).toContainText(month);
        await expect(page.getByRole('button', { name })).toBeVisible();
        await screen(page, `card-04-${language}`);
      }
    } finally {
      await settings.invoke('settings:update', { language: 'en' });
      settings.close();
    }
  });

  expect(problems).toEqual([]);
});

test('a long name and an estimated birth date still fit the card at its true size', async ({ page }) => {
  const problems = watchForProblems(page);
  await openPortal(page, server.url);
  const core = await connectCore(server.url);
  await core.invoke('settings:update', {
    clinicName: 'Centre de Santé Communautaire de Kinshasa-Ngaliema, Quartier Binza Pigeon',
  });
  const record = await core.invoke('patients:register', {
    draft: {
      given: 'Marie-Thérèse Nsimba Kabedi Mwamba',
      family: 'Tshibangu-Ilunga wa Mutombo',
      sex: 'unknown',
      birth: { kind: 'estimated', years: 34, months: 0 },
      nationalId: '',
      phone: '',
      village: 'Binza',
      addressLine: '',
      guardian: { name: '', relationship: 'other', phone: '' },
    },
  });
  core.close();
  const base = server.url.split('?')[0]!;
  await page.goto(`${base}#/patients/${record.summary.id}/card`);
  await page.reload();
  const card = page.getByRole('article');
  await expect(card).toContainText(record.summary.clinicNumber);
  await expect(card).toContainText(`About ${record.summary.birthDate!.slice(0, 4)}`);
  await expect(card).toContainText('Not recorded');
  // Nothing is cut off: neither the family name nor the clinic's name.
  for (const text of ['Tshibangu-Ilunga wa Mutombo', 'Quartier Binza Pigeon']) {
    const cut = await card
      .getByText(text, { exact: false })
      .evaluate((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
    expect(cut, text).toBe(false);
  }
  await screen(page, 'card-05-long-name');
  await page.emulateMedia({ media: 'print' });
  // 85.6 × 54 mm in CSS pixels (96 per inch): the name wraps inside the card instead of growing it.
  const box = await page.locator('.print-sheet article').boundingBox();
  expect(box!.width).toBeCloseTo((85.6 * 96) / 25.4, 0);
  expect(box!.height).toBeCloseTo((54 * 96) / 25.4, 0);
  const qr = page.locator('.print-sheet').getByRole('img');
  expect(decodeQr(await qr.screenshot())).toBe(formatCardCode(record.summary.clinicNumber));
  expect(problems).toEqual([]);
});
