// Bearer-token check of the test iCDR: JWT access tokens from the OpenID provider, verified against
// the provider's JWKS (found through its discovery document) with node:crypto; iss, aud, exp, nbf.
import { constants, createPublicKey, verify, type JsonWebKey, type KeyObject } from 'node:crypto';

export interface VerifiedToken {
  readonly claims: Readonly<Record<string, unknown>>;
  /** jti, or the token itself when the provider sets none. */
  readonly tokenId: string;
  readonly clientId: string | undefined;
  readonly expiresAt: number | undefined;
}

export class TokenError extends Error {
  constructor(
    readonly error: 'invalid_token' | 'invalid_request',
    message: string,
  ) {
    super(message);
  }
}

export interface JwtVerifierOptions {
  readonly issuer: string;
  readonly audience: string;
  readonly leewaySeconds?: number;
}

interface Jwk extends JsonWebKey {
  kid?: string;
  alg?: string;
}

const SUPPORTED = new Set(['RS256', 'PS256', 'ES256']);

function decodePart(part: string | undefined, what: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new TokenError('invalid_token', `malformed JWT ${what}`);
}

export class JwtVerifier {
  private keys = new Map<string, KeyObject>();
  private jwksUri = '';
  private lastFetch = 0;

  private constructor(private readonly options: JwtVerifierOptions) {}

  static async create(options: JwtVerifierOptions): Promise<JwtVerifier> {
    const verifier = new JwtVerifier(options);
    const discovery = (await (await fetch(`${options.issuer}/.well-known/openid-configuration`)).json()) as {
      issuer?: string;
      jwks_uri?: string;
    };
    if (discovery.issuer !== options.issuer || !discovery.jwks_uri) {
      throw new Error(`OpenID discovery at ${options.issuer} did not give a matching issuer and a jwks_uri`);
    }
    verifier.jwksUri = discovery.jwks_uri;
    await verifier.fetchKeys();
    return verifier;
  }

  private async fetchKeys(): Promise<void> {
    this.lastFetch = Date.now();
    const { keys } = (await (await fetch(this.jwksUri)).json()) as { keys?: Jwk[] };
    const next = new Map<string, KeyObject>();
    for (const jwk of keys ?? []) {
      next.set(jwk.kid ?? '', createPublicKey({ key: jwk, format: 'jwk' }));
    }
    this.keys = next;
  }

  async verify(token: string): Promise<VerifiedToken> {
    const parts = token.split('.');
    if (parts.length !== 3) throw new TokenError('invalid_token', 'the access token is not a JWT');
    const header = decodePart(parts[0], 'header');
    const claims = decodePart(parts[1], 'payload');
    const alg = String(header.alg);
    if (!SUPPORTED.has(alg)) throw new TokenError('invalid_token', `unsupported JWT algorithm ${alg}`);
    const kid = typeof header.kid === 'string' ? header.kid : '';
    let key = this.keys.get(kid) ?? (this.keys.size === 1 && !kid ? [...this.keys.values()][0] : undefined);
    if (!key && Date.now() - this.lastFetch > 1000) {
      await this.fetchKeys();
      key = this.keys.get(kid);
    }
    if (!key) throw new TokenError('invalid_token', 'the token was signed with an unknown key');

    const data = Buffer.from(`${parts[0]}.${parts[1]}`);
    const signature = Buffer.from(parts[2]!, 'base64url');
    const ok =
      alg === 'ES256'
        ? verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, signature)
        : alg === 'PS256'
          ? verify('sha256', data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, signature)
          : verify('sha256', data, key, signature);
    if (!ok) throw new TokenError('invalid_token', 'bad token signature');

    const now = Date.now() / 1000;
    const leeway = this.options.leewaySeconds ?? 5;
    if (claims.iss !== this.options.issuer) throw new TokenError('invalid_token', 'token issued by another issuer');
    const aud = claims.aud;
    const audiences = Array.isArray(aud) ? aud : [aud];
    if (!audiences.includes(this.options.audience))
      throw new TokenError('invalid_token', 'token not issued for this server');
    if (typeof claims.exp !== 'number' || claims.exp + leeway < now)
      throw new TokenError('invalid_token', 'the access token expired');
    if (typeof claims.nbf === 'number' && claims.nbf - leeway > now)
      throw new TokenError('invalid_token', 'token not valid yet');
    return {
      claims,
      tokenId: typeof claims.jti === 'string' ? claims.jti : token,
      clientId: typeof claims.client_id === 'string' ? claims.client_id : undefined,
      expiresAt: claims.exp * 1000,
    };
  }
}
