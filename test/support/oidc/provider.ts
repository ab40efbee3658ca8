// A real OpenID provider (oidc-provider) on loopback for device authentication tests: registered
// device clients use the client_credentials grant (client_secret_basic or client_secret_post) and
// receive JWT access tokens whose audience is the FHIR base URL (resource indicators, RFC 8707).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { errors, type Adapter, type AdapterPayload } from 'oidc-provider';

export interface OidcClient {
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface StartOidcProviderOptions {
  /** Resource indicators (FHIR base URLs) tokens may be issued for; the first is the default. */
  readonly audiences?: readonly string[];
  /** Registered device clients; default: one with a random secret. */
  readonly clients?: readonly OidcClient[];
  readonly port?: number;
  readonly tokenTtlSeconds?: number;
}

export interface TokenResponse {
  readonly access_token: string;
  readonly token_type: string;
  readonly expires_in: number;
  readonly scope?: string;
}

export interface TestOidcProvider {
  readonly issuer: string;
  readonly discoveryUrl: string;
  readonly tokenUrl: string;
  readonly jwksUrl: string;
  readonly clients: readonly OidcClient[];
  /** Accept another resource indicator (e.g. a second iCDR sharing this provider). */
  addAudience(audience: string): void;
  /** client_credentials against the real token endpoint. */
  getToken(
    client?: OidcClient,
    options?: { resource?: string; scope?: string; auth?: 'basic' | 'post' },
  ): Promise<TokenResponse>;
  close(): Promise<void>;
}

export const DEVICE_SCOPES = ['system/*.read', 'system/*.write', 'system/*.*'];

function memoryAdapter(): new (name: string) => Adapter {
  const storage = new Map<string, AdapterPayload>();
  return class MemoryAdapter implements Adapter {
    constructor(private readonly name: string) {}
    private key(id: string): string {
      return `${this.name}:${id}`;
    }
    async upsert(id: string, payload: AdapterPayload): Promise<void> {
      storage.set(this.key(id), payload);
    }
    async find(id: string): Promise<AdapterPayload | undefined> {
      return storage.get(this.key(id));
    }
    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      return [...storage.values()].find((p) => p.userCode === userCode);
    }
    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      return [...storage.values()].find((p) => p.uid === uid);
    }
    async consume(id: string): Promise<void> {
      const payload = storage.get(this.key(id));
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string): Promise<void> {
      storage.delete(this.key(id));
    }
    async revokeByGrantId(grantId: string): Promise<void> {
      for (const [key, payload] of storage) if (payload.grantId === grantId) storage.delete(key);
    }
  };
}

export async function startOidcProvider(options: StartOidcProviderOptions = {}): Promise<TestOidcProvider> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const audiences = [...(options.audiences ?? [])];
  const clients: OidcClient[] = options.clients?.length
    ? [...options.clients]
    : [{ clientId: 'kliniki-device-test', clientSecret: randomBytes(24).toString('base64url') }];
  const ttl = options.tokenTtlSeconds ?? 3600;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = {
    ...privateKey.export({ format: 'jwk' }),
    kid: `test-${randomBytes(4).toString('hex')}`,
    use: 'sig',
    alg: 'RS256',
  };

  const provider = new Provider(issuer, {
    adapter: memoryAdapter(),
    clients: clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      grant_types: ['client_credentials'],
      redirect_uris: [],
      response_types: [],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    jwks: { keys: [jwk] },
    scopes: DEVICE_SCOPES,
    ttl: { ClientCredentials: () => ttl, AccessToken: () => ttl },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => audiences[0],
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx: unknown, indicator: string) => {
          if (!audiences.includes(indicator)) throw new errors.InvalidTarget(`unknown resource ${indicator}`);
          return { scope: DEVICE_SCOPES.join(' '), audience: indicator, accessTokenFormat: 'jwt', accessTokenTTL: ttl };
        },
      },
    },
  });
  server.on('request', provider.callback());
  const tokenUrl = `${issuer}/token`;

  const getToken: TestOidcProvider['getToken'] = async (client = clients[0]!, opts = {}) => {
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (opts.scope) form.set('scope', opts.scope);
    if (opts.resource) form.set('resource', opts.resource);
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    if (opts.auth === 'post') {
      form.set('client_id', client.clientId);
      form.set('client_secret', client.clientSecret);
    } else {
      const basic = `${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`;
      headers.authorization = `Basic ${Buffer.from(basic).toString('base64')}`;
    }
    const response = await fetch(tokenUrl, { method: 'POST', headers, body: form });
    const body = (await response.json()) as TokenResponse & { error?: string; error_description?: string };
    if (!response.ok)
      throw new Error(`token request failed: ${response.status} ${body.error ?? ''} ${body.error_description ?? ''}`);
    return body;
  };

  return {
    issuer,
    discoveryUrl: `${issuer}/.well-known/openid-configuration`,
    tokenUrl,
    jwksUrl: `${issuer}/jwks`,
    clients,
    addAudience: (audience) => {
      if (!audiences.includes(audience)) audiences.push(audience);
    },
    getToken,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
