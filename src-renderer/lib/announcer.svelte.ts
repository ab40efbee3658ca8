import { createContext } from 'svelte';

/** Feeds the polite live region so that status changes are read out by screen readers. */
export class Announcer {
  message = $state('');
  private timer: ReturnType<typeof setTimeout> | undefined;

  announce(text: string): void {
    // Clearing first makes a repeated message ("No patient found" twice) be read again.
    this.message = '';
    clearTimeout(this.timer);
    this.timer = setTimeout(() => (this.message = text), 50);
  }
}

export const [getAnnouncer, setAnnouncer] = createContext<Announcer>();
