/**
 * `npm run icdr`: the test iCDR for demos — a FHIR R4 server and its OpenID provider on loopback,
 * seeded with the Synthea fixtures (../shared/fixtures/synthea-r4 from the repository root) and,
 * optionally, a generated clinic. Not part of the app.
 *
 * Environment:
 *   ICDR_BEHAVIOUR   hapi | medplum | santedb            (default hapi)
 *   ICDR_PORT        FHIR port on 127.0.0.1               (default 8103; 0 = random)
 *   ICDR_OIDC_PORT   OpenID provider port                 (default ICDR_PORT + 1, or random)
 *   ICDR_PATIENTS    size of a generated clinic to add    (default 0)
 *   ICDR_CLIENT_ID / ICDR_CLIENT_SECRET   device credentials (default: kliniki-device-demo, random secret)
 *   ICDR_FAULTS      JSON faults, e.g. {"latencyMs":200,"status5xx":{"times":3}}
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { isBehaviourName } from '../test/support/icdr/behaviours';
import { loadSyntheaBundles, startTestIcdr, SYNTHEA_DIR, type IcdrFaults } from '../test/support/icdr';

function fail(message: string): never {
  console.error(`icdr: ${message}`);
  process.exit(1);
}

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) fail(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

const behaviour = process.env.ICDR_BEHAVIOUR ?? 'hapi';
if (!isBehaviourName(behaviour)) fail(`ICDR_BEHAVIOUR must be hapi, medplum or santedb, got "${behaviour}"`);
const port = intEnv('ICDR_PORT', 8103);
const oidcPort = intEnv('ICDR_OIDC_PORT', port === 0 ? 0 : port + 1);
const patients = intEnv('ICDR_PATIENTS', 0);
let faults: IcdrFaults = {};
if (process.env.ICDR_FAULTS) {
  try {
    faults = JSON.parse(process.env.ICDR_FAULTS) as IcdrFaults;
  } catch {
    fail('ICDR_FAULTS is not valid JSON');
  }
}
const client = {
  clientId: process.env.ICDR_CLIENT_ID ?? 'kliniki-device-demo',
  clientSecret: process.env.ICDR_CLIENT_SECRET ?? randomBytes(18).toString('base64url'),
};

const started = Date.now();
const icdr = await startTestIcdr({ behaviour, port, oidcPort, clients: [client], faults }).catch((err: unknown) =>
  fail(`could not start: ${err instanceof Error ? err.message : String(err)}`),
);

if (existsSync(SYNTHEA_DIR)) {
  const synthea = icdr.seed(loadSyntheaBundles());
  console.log(`Seeded ${synthea.created} resources from the Synthea fixtures in ${SYNTHEA_DIR}`);
} else {
  console.log(`No Synthea fixtures at ${SYNTHEA_DIR}: starting without them.`);
}
if (patients > 0) {
  const clinic = icdr.seedClinic({ patients });
  console.log(`Seeded a generated clinic: ${patients} patients, ${clinic.created} resources`);
}

console.log(`
Kliniki test iCDR (${behaviour}-like) ready in ${Date.now() - started} ms — ${icdr.size()} resources
  FHIR base URL   ${icdr.baseUrl}
  Token URL       ${icdr.tokenUrl}
  Issuer          ${icdr.issuer}
  Client id       ${icdr.clientId}
  Client secret   ${icdr.clientSecret}

  curl -s -u '${icdr.clientId}:${icdr.clientSecret}' -d grant_type=client_credentials ${icdr.tokenUrl}
Ctrl+C to stop.`);

const stop = (): void => {
  void icdr.close().finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
