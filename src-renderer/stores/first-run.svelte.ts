import { createContext } from 'svelte';

/** Kept for this window only: a reload during the step comes back to it, a new start does not. */
const KEY = 'kliniki:first-run-connect';

function readMark(): boolean {
  try {
    return window.sessionStorage.getItem(KEY) === 'pending';
  } catch {
    // Storage refused (a locked-down profile): the step then lasts until the page reloads.
    return false;
  }
}

function writeMark(pending: boolean): void {
  try {
    if (pending) window.sessionStorage.setItem(KEY, 'pending');
    else window.sessionStorage.removeItem(KEY);
  } catch {
    // As above: remembered in memory only.
  }
}

/**
 * The steps that follow the first account on a new laptop. Only the renderer knows about them:
 * once the account exists, the core has nothing to wait for, and skipping is always allowed.
 */
export class FirstRunStore {
  /** The "connect to the central registry" step is still to be shown or finished. */
  connectPending = $state(readMark());

  /** Called just before the first account is created, so the step follows with no flash of search. */
  begin(): void {
    this.connectPending = true;
    writeMark(true);
  }

  /** The step was saved, skipped, or the account was not created; it never comes back. */
  finish(): void {
    this.connectPending = false;
    writeMark(false);
  }
}

export const [getFirstRun, setFirstRun] = createContext<FirstRunStore>();
