import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIcdr, type TestIcdr } from '../../support/icdr';
import { BEHAVIOURS, sleep } from './helpers';

let icdr: TestIcdr;
let other: TestIcdr;

beforeAll(async () => {
  icdr = await startTestIcdr();
  // A second iCDR sharing the provider: its tokens carry another audience.
  other = await startTestIcdr({ oidc: icdr.oidc! });
});
afterAll(async () => {
  await other.close();
  await icdr.close();
});

async function tokenBy(auth: 'basic' | 'post', resource?: string): Promise<Response> {
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  if (resource) form.set('resource', resource);
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (auth === 'post') {
    form.set('client_id', icdr.clientId);
    form.set('client_secret', icdr.clientSecret);
  } else headers.authorization = `Basic ${Buffer.from(`${icdr.clientId}:${icdr.clientSecret}`).toString('base64')}`;
  return fetch(icdr.tokenUrl, { method: 'POST', headers, body: form });
}

const read = (token?: string): Promise<Response> =>
  fetch(`${icdr.baseUrl}/Patient`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('device authentication against the OpenID provider', () => {
  it('publishes the token endpoint through OpenID discovery, SMART configuration and the CapabilityStatement', async () => {
    const discovery = (await (await fetch(`${icdr.issuer}/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    expect(discovery.token_endpoint).toBe(icdr.tokenUrl);
    expect(discovery.grant_types_supported).toContain('client_credentials');
    const smart = (await (await fetch(`${icdr.baseUrl}/.well-known/smart-configuration`)).json()) as Record<
      string,
      unknown
    >;
    expect(smart.token_endpoint).toBe(icdr.tokenUrl);
    const metadata = await fetch(`${icdr.baseUrl}/metadata`);
    expect(metadata.status).toBe(200);
    expect(JSON.stringify(await metadata.json())).toContain(icdr.tokenUrl);
  });

  it('issues JWT access tokens for the FHIR base with client_secret_basic and client_secret_post', async () => {
    for (const auth of ['basic', 'post'] as const) {
      const response = await tokenBy(auth);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { access_token: string; token_type: string };
      expect(body.token_type).toBe('Bearer');
      const claims = JSON.parse(Buffer.from(body.access_token.split('.')[1]!, 'base64url').toString()) as Record<
        string,
        unknown
      >;
      expect(claims.aud).toBe(icdr.baseUrl);
      expect(claims.iss).toBe(icdr.issuer);
      expect((await read(body.access_token)).status).toBe(200);
    }
  });

  it('refuses a wrong client secret at the token endpoint', async () => {
    const response = await fetch(icdr.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: icdr.clientId, client_secret: 'wrong' }),
    });
    expect(response.status).toBe(401);
  });

  it.each(BEHAVIOURS)(
    'answers 401 with WWW-Authenticate without a token, with a bad one, or one for another server (%s)',
    async (name) => {
      icdr.setBehaviour(name);
      const none = await read();
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
      const token = await icdr.getToken();
      const [h, p] = token.split('.');
      const forged = `${h}.${p}.${Buffer.from('not a signature').toString('base64url')}`;
      const bad = await read(forged);
      expect(bad.status).toBe(401);
      expect(bad.headers.get('www-authenticate')).toContain('invalid_token');
      expect((await read('not-a-jwt')).status).toBe(401);
      const foreign = await other.getToken();
      expect((await read(foreign)).status).toBe(401);
      expect((await read(token)).status).toBe(200);
    },
  );

  it('stops accepting a token after expireTokensAfterMs; a fresh token works', async () => {
    const token = await icdr.getToken();
    expect((await read(token)).status).toBe(200);
    icdr.setFaults({ expireTokensAfterMs: 150 });
    await sleep(250);
    const expired = await read(token);
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(icdr.requestLog.at(-1)?.fault).toBe('token-expired');
    const fresh = await icdr.getToken();
    expect((await read(fresh)).status).toBe(200);
    icdr.setFaults({});
  });

  it('expireTokens() ends every token seen so far', async () => {
    const token = await icdr.getToken();
    expect((await read(token)).status).toBe(200);
    icdr.expireTokens();
    expect((await read(token)).status).toBe(401);
    expect((await read(await icdr.getToken())).status).toBe(200);
  });
});
