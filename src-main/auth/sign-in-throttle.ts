/**
 * How long a user must wait after wrong passwords. Five tries are free (typos happen); then
 * the wait doubles from 30 s up to 15 min. It is stored with the user, so restarting the app
 * does not reset it.
 */
export const FREE_TRIES = 5;
const FIRST_WAIT_S = 30;
const MAX_WAIT_S = 15 * 60;

export function waitAfterFailures(failures: number): number {
  if (failures < FREE_TRIES) return 0;
  return Math.min(FIRST_WAIT_S * 2 ** (failures - FREE_TRIES), MAX_WAIT_S);
}

export function secondsUntil(lockedUntil: string | null, now: Date): number {
  if (!lockedUntil) return 0;
  return Math.max(0, Math.ceil((Date.parse(lockedUntil) - now.getTime()) / 1000));
}
