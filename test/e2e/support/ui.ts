/** Steps a person takes in the portal, found by role and label as they would find them. */
import { mkdirSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

export const ADMIN = { fullName: 'Grace Achieng', username: 'grace', password: 'mango tree 42' };
const SCREENS = 'test-results/screens';

export async function screen(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true });
}

/**
 * Fails the test on any page error, console error (CSP violations land there) or alert
 * dialog, which is how injected markup in a patient name would show itself.
 */
export function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return problems;
}

/** Creates ADMIN on a new laptop; the portal then asks to connect to the central registry. */
export async function createFirstAccount(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Welcome to Kliniki' })).toBeVisible();
  await page.getByLabel('Full name').fill(ADMIN.fullName);
  await page.getByLabel('Username').fill(ADMIN.username);
  await page.getByLabel(/^Password/).fill(ADMIN.password);
  await page.getByLabel('Type the password again').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Create account and open Kliniki' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Connect to the central registry' })).toBeVisible();
}

/** Leaves the first-run connection step without connecting; patient search opens. */
export async function skipConnectStep(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Skip for now — work offline' }).click();
  await expect(page.getByRole('heading', { name: 'Find a patient' })).toBeVisible();
}

export async function unlock(page: Page, password = ADMIN.password): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Unlock Kliniki' })).toBeVisible();
  await page.getByLabel('Username').fill(ADMIN.username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

/** Opens the portal signed in as ADMIN: creates the account on a fresh laptop, else unlocks. */
export async function openPortal(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const welcome = page.getByRole('heading', { name: 'Welcome to Kliniki' });
  const other = page.getByRole('heading', { name: /Unlock Kliniki|Find a patient/ });
  await expect(welcome.or(other)).toBeVisible();
  if (await welcome.isVisible()) {
    await createFirstAccount(page);
    await skipConnectStep(page);
  } else await unlockIfAsked(page);
}

/** After a reload the core may still hold the session, or the portal may ask to unlock. */
export async function unlockIfAsked(page: Page): Promise<void> {
  const locked = page.getByRole('heading', { name: 'Unlock Kliniki' });
  const open = page.getByRole('button', { name: 'Lock now' });
  await expect(locked.or(open)).toBeVisible();
  if (await locked.isVisible()) await unlock(page);
  await expect(open).toBeVisible();
}

export interface PatientInput {
  given: string;
  family: string;
  sex: 'Female' | 'Male' | 'Other' | 'Unknown';
  birthDate: string;
  phone?: string;
  village?: string;
  guardian?: { name: string; relationship: string; phone: string };
}

export async function fillPatientForm(page: Page, patient: PatientInput): Promise<void> {
  await page.getByLabel('Given names').fill(patient.given);
  await page.getByLabel('Family name').fill(patient.family);
  await page.getByRole('radio', { name: patient.sex, exact: true }).check();
  await page.getByLabel('Date of birth').fill(patient.birthDate);
  if (patient.phone !== undefined) await page.getByLabel('Phone', { exact: true }).fill(patient.phone);
  if (patient.village !== undefined) await page.getByLabel('Village').fill(patient.village);
  if (patient.guardian) {
    await page.getByLabel(/^Guardian name/).fill(patient.guardian.name);
    await page.getByLabel('Relationship').selectOption({ label: patient.guardian.relationship });
    await page.getByLabel('Guardian phone').fill(patient.guardian.phone);
  }
}

/** A date some whole years before today, as a date input takes it. */
export function yearsAgo(years: number, monthOffset = 0): string {
  const d = new Date();
  d.setFullYear(d.getFullYear() - years, d.getMonth() - monthOffset, 10);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
