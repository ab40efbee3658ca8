import { createContext } from 'svelte';

/** A hash router: the hash survives a reload and works under app:// and http:// alike. */
export type Route =
  | { name: 'search' }
  | { name: 'register'; prefillName: string }
  | { name: 'patient'; id: string }
  | { name: 'edit'; id: string }
  | { name: 'card'; id: string }
  | { name: 'settings'; section: string }
  | { name: 'sync' }
  | { name: 'visit'; id: string }
  | { name: 'today' }
  | { name: 'overview' }
  | { name: 'due' }
  | { name: 'not-found' };

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { name: 'search' };
  if (parts[0] === 'register' && parts.length === 1) {
    return { name: 'register', prefillName: queryValue(query, 'name') };
  }
  if (parts[0] === 'settings' && parts.length === 1) {
    return { name: 'settings', section: queryValue(query, 'section') };
  }
  if (parts[0] === 'sync' && parts.length === 1) return { name: 'sync' };
  if (parts[0] === 'today' && parts.length === 1) return { name: 'today' };
  if (parts[0] === 'overview' && parts.length === 1) return { name: 'overview' };
  if (parts[0] === 'due' && parts.length === 1) return { name: 'due' };
  if (parts[0] === 'visits' && parts[1] && parts.length === 2) return { name: 'visit', id: parts[1] };
  if (parts[0] === 'patients' && parts[1]) {
    if (parts.length === 2) return { name: 'patient', id: parts[1] };
    if (parts.length === 3 && parts[2] === 'edit') return { name: 'edit', id: parts[1] };
    if (parts.length === 3 && parts[2] === 'card') return { name: 'card', id: parts[1] };
  }
  return { name: 'not-found' };
}

function queryValue(query: string, key: string): string {
  for (const pair of query.split('&')) {
    const [k = '', v = ''] = pair.split('=');
    if (k !== key) continue;
    try {
      return decodeURIComponent(v.replace(/\+/g, ' '));
    } catch {
      return '';
    }
  }
  return '';
}

export const paths = {
  search: () => '#/',
  register: (prefillName = '') => (prefillName ? `#/register?name=${encodeURIComponent(prefillName)}` : '#/register'),
  patient: (id: string) => `#/patients/${encodeURIComponent(id)}`,
  edit: (id: string) => `#/patients/${encodeURIComponent(id)}/edit`,
  /** The printable patient card. */
  card: (id: string) => `#/patients/${encodeURIComponent(id)}/card`,
  settings: () => '#/settings',
  sync: () => '#/sync',
  visit: (id: string) => `#/visits/${encodeURIComponent(id)}`,
  today: () => '#/today',
  overview: () => '#/overview',
  due: () => '#/due',
  /** The sync connection section of Settings. */
  syncSettings: () => '#/settings?section=sync',
};

export class Router {
  hash = $state(window.location.hash);
  route = $derived(parseRoute(this.hash));

  /** Returns the cleanup for the hashchange listener. */
  start(): () => void {
    const update = () => (this.hash = window.location.hash);
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }

  go(hash: string): void {
    if (window.location.hash === hash) return;
    window.location.hash = hash;
  }
}

export const [getRouter, setRouter] = createContext<Router>();
