// The bearer-token gate of the FHIR endpoints, with the token-expiry fault: a token is refused once
// `expireTokensAfterMs` has passed since the iCDR first saw it, or when it was seen before
// expireTokens() was called. Answers the WWW-Authenticate challenge to send, or null to let through.
import type { IncomingMessage } from 'node:http';
import { TokenError, type JwtVerifier } from './auth';

/** When the iCDR first saw each token (by jti). */
export class TokenState {
  readonly firstSeen = new Map<string, number>();
  revokedBefore = 0;
  clear(): void {
    this.firstSeen.clear();
    this.revokedBefore = 0;
  }
}

const REALM = 'Bearer realm="kliniki-test-icdr"';

export async function checkBearer(
  req: IncomingMessage,
  entry: { clientId?: string; fault?: string },
  verifier: JwtVerifier | null,
  tokens: TokenState,
  expireAfterMs: number | undefined,
): Promise<Record<string, string> | null> {
  if (!verifier) return null;
  const authz = req.headers.authorization ?? '';
  if (!/^Bearer\s+\S+/i.test(authz)) return { 'WWW-Authenticate': REALM };
  try {
    const token = await verifier.verify(authz.replace(/^Bearer\s+/i, '').trim());
    entry.clientId = token.clientId;
    const now = Date.now();
    const first = tokens.firstSeen.get(token.tokenId) ?? now;
    tokens.firstSeen.set(token.tokenId, first);
    if ((expireAfterMs !== undefined && now - first > expireAfterMs) || first < tokens.revokedBefore) {
      entry.fault = 'token-expired';
      return { 'WWW-Authenticate': `${REALM}, error="invalid_token", error_description="The access token expired"` };
    }
    return null;
  } catch (err) {
    if (!(err instanceof TokenError)) throw err;
    return {
      'WWW-Authenticate': `${REALM}, error="${err.error}", error_description="${err.message.replace(/"/g, "'")}"`,
    };
  }
}
