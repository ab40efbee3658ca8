/**
 * Duplicate candidates for a new registration (issue 4 target: p95 < 50 ms at 100,000
 * patients). Probes are existing patients registered again with a misspelled given name (the
 * duplicate we must find) and new people from the generator (the common case: no duplicate).
 * Run alone: `npx tsx bench/duplicates-bench.ts` (BENCH_DUP_SIZE, default 100000).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../src-main/core';
import { silentLogger } from '../src-main/log/logger';
import { draftToProbe, findDuplicateCandidates } from '../src-main/patients/duplicates';
import { patientToDraft } from '../src-main/patients/fhir-patient';
import { generatePatients } from '../src-main/demo/generate-patients';
import { misspell } from '../src-main/demo/names';
import { createRng } from '../src-main/demo/random';
import type { Patient } from '../src-shared/fhir/types';
import { populate } from './populate';
import { formatTable, ms, summarize, timeSync } from './stats';

const SIZE = Number(process.env.BENCH_DUP_SIZE ?? 100_000);
const PROBES = 200;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kliniki-dup-bench-'));
  const core = await createCore({ dataDir, logger: silentLogger, sync: { schedule: false } });
  try {
    const now = new Date();
    const pop = populate(core.store.sqlite, SIZE, { userId: null, seed: 4242, now, log: console.log });
    console.log(`Populated ${SIZE.toLocaleString('en')} patients in ${pop.seconds.toFixed(1)} s`);
    const { sqlite } = core.store;
    const rng = createRng(7);
    const read = sqlite.prepare("SELECT id, json FROM resources WHERE type = 'Patient' AND pk = ?");
    const maxPk = (sqlite.prepare('SELECT max(pk) AS n FROM resources').get() as { n: number }).n;

    const again: number[] = [];
    let found = 0;
    for (let i = 0; i < PROBES; i++) {
      const row = read.get(rng.int(1, maxPk)) as { id: string; json: string } | undefined;
      if (!row) continue;
      const draft = patientToDraft(JSON.parse(row.json) as Patient, now);
      draft.given = misspell(draft.given, rng);
      const probe = draftToProbe(draft, now);
      let ids: string[] = [];
      again.push(timeSync(() => (ids = findDuplicateCandidates(sqlite, probe).map((c) => c.summary.id))));
      if (ids.includes(row.id)) found++;
    }
    const fresh: number[] = [];
    let offered = 0;
    let likely = 0;
    const samples: string[] = [];
    for (const draft of generatePatients(PROBES, { seed: 99, now, startIndex: SIZE * 10 })) {
      let found: ReturnType<typeof findDuplicateCandidates> = [];
      fresh.push(timeSync(() => (found = findDuplicateCandidates(sqlite, draftToProbe(draft, now)))));
      if (found.length > 0) offered++;
      if (found.some((c) => c.level === 'likely')) likely++;
      if (found[0] && samples.length < 5)
        samples.push(`${found[0].level} ${found[0].score}: ${found[0].reasons.join('; ')}`);
    }
    const rows = [
      ['same person, given name misspelled', summarize(again)],
      ['new person', summarize(fresh)],
    ] as const;
    console.log(
      formatTable(
        ['probe', 'n', 'p50 ms', 'p95 ms', 'max ms'],
        rows.map(([name, s]) => [name, String(s.n), ms(s.p50), ms(s.p95), ms(s.max)]),
      ),
    );
    console.log(`Existing record offered for ${found}/${again.length} misspelled registrations;`);
    console.log(`new people shown at least one candidate: ${offered}/${fresh.length} (a likely one: ${likely}).`);
    for (const line of samples) console.log(`  e.g. ${line}`);
  } finally {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
