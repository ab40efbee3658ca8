/**
 * The laptop signs in to the iCDR as a registered device: OAuth 2.0 client credentials
 * against the iCDR's token endpoint. Tokens are kept until shortly before they expire, and
 * renewed at once when the server says an old one is no longer good.
 */
import { SyncHttpError } from './fhir-http';

export interface DeviceCredentials {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** The FHIR base URL, sent as the resource indicator (RFC 8707) the token is for. */
  resource: string;
  scope?: string;
}

const EARLY_RENEWAL_MS = 30_000;

export function deviceTokenSource(
  credentials: DeviceCredentials,
  fetchImpl: typeof fetch = fetch,
  now: () => number = Date.now,
) {
  let cached: { token: string; expiresAt: number } | null = null;
  return async function token(renew: boolean): Promise<string> {
    if (!renew && cached && cached.expiresAt - EARLY_RENEWAL_MS > now()) return cached.token;
    const form = new URLSearchParams({ grant_type: 'client_credentials', resource: credentials.resource });
    if (credentials.scope) form.set('scope', credentials.scope);
    let response: Response;
    try {
      response = await fetchImpl(credentials.tokenUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${encodeURIComponent(credentials.clientId)}:${encodeURIComponent(credentials.clientSecret)}`).toString('base64')}`,
        },
        body: form,
        signal: AbortSignal.timeout(30_000),
      });
    } catch {
      throw new SyncHttpError('offline', 'The sign-in server of the central registry could not be reached.');
    }
    const body = (await response.json().catch(() => null)) as {
      access_token?: string;
      expires_in?: number;
      error?: string;
    } | null;
    if (!response.ok || !body?.access_token) {
      if (response.status >= 500)
        throw new SyncHttpError(
          'server',
          `The sign-in server has a problem right now (HTTP ${response.status}).`,
          response.status,
        );
      throw new SyncHttpError(
        'unauthorised',
        body?.error === 'invalid_client'
          ? 'The central registry does not accept this device ID and secret. Check both, as the central registry gave them.'
          : `The central registry refused to sign this laptop in (${body?.error ?? `HTTP ${response.status}`}).`,
        response.status,
      );
    }
    cached = { token: body.access_token, expiresAt: now() + (body.expires_in ?? 300) * 1000 };
    return cached.token;
  };
}
