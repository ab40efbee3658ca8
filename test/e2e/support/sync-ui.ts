/** The sync indicator and "Sync now", found as a person finds them. */
import { expect, type Page } from '@playwright/test';

/** The always-visible sync button in the top bar; its name starts with "Sync:". */
export function indicator(page: Page) {
  return page.getByRole('banner').getByRole('button', { name: /^Sync:/ });
}

/** Up to date, ready for another "Sync now". */
export async function waitUntilUpToDate(page: Page): Promise<void> {
  await expect(indicator(page)).toHaveAccessibleName(/Up to date/, { timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Sync now' })).toBeEnabled();
}

/** Presses "Sync now" on the sync centre, first letting a run started by a recent change end. */
export async function syncNow(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: /^(Sync now|Syncing…)$/ });
  await expect(button).toHaveText('Sync now', { timeout: 60_000 });
  await button.click();
}
