/**
 * Rules from the iCDR are untrusted: each kind of bad rule is reported in words and skipped, and
 * the good rules of the same pack keep working.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LIMITS, parseRulePack } from '../../../src-main/rules/rule-pack';
import { engineFixture, pack, tempResources, type EngineFixture } from './support';

let f: EngineFixture | null = null;
afterEach(() => {
  f?.close();
  f = null;
});

const observation = { resourceType: 'Observation', status: 'final', code: { text: 'x' } };
const good = { key: 'good', expression: "status = 'final'" };

function problemFor(fixture: EngineFixture, key: string): string | undefined {
  return fixture.engine.overview().problems.find((p) => p.key === key)?.message;
}

describe('a malformed central rule is reported and skipped, the rest of its pack still applies', () => {
  const cases: [name: string, rule: Record<string, unknown>, words: RegExp][] = [
    ['bad FHIRPath', { key: 'bad', expression: "status = 'final' and (" }, /not written correctly/],
    ['an unknown function', { key: 'bad', expression: 'status.launchMissiles()' }, /function Kliniki does not know/],
    ['an unknown variable', { key: 'bad', expression: '%ward.exists()' }, /value Kliniki does not provide/],
    [
      'an expression too long to run safely',
      { key: 'bad', expression: `status.exists()${' and status.exists()'.repeat(60)}` },
      /too long to be run safely/,
    ],
    ['a severity that is neither error nor warning', { key: 'bad', severity: 'fatal', expression: 'true' }, /neither/],
    ['no message', { key: 'bad', human: '', expression: 'false' }, /no message/],
    ['no expression', { key: 'bad', expression: undefined }, /no check written/],
    ['an answer that is not yes or no', { key: 'bad', expression: 'status' }, /does not answer yes or no/],
  ];
  for (const [name, rule, words] of cases) {
    it(`skips a rule with ${name}`, () => {
      f = engineFixture();
      // `good` always holds, so a failure from this pack can only come from the bad rule.
      f.addPack(pack('Observation', [good, { key: 'bad', ...rule }, { key: 'fires', expression: 'false' }]));
      expect(f.failing({ resource: observation, patient: null })).toEqual(['fires']);
      expect(problemFor(f, 'bad')).toMatch(words);
      expect(f.engine.overview().rules.map((r) => r.key)).not.toContain('bad');
    });
  }

  it('gives up on a rule that runs too long, within the deadline, and keeps checking with the others', () => {
    f = engineFixture({ limits: { loadMs: 1_000, requestMs: 300 } });
    // Ten million string concatenations: minutes of work in FHIRPath, on any record.
    const nested = (depth: number): string =>
      depth === 0 ? "$this.toString() + 'x'" : `(1|2|3|4|5|6|7|8|9|10).select(${nested(depth - 1)})`;
    const slow = { key: 'slow', expression: `${nested(7)}.count() > 0` };
    const longOnRealData = {
      key: 'slow-on-data',
      expression:
        // Only slow on the record being saved: found by the save's deadline, not at loading.
        `%resource.code.text = 'slow' implies ${nested(7)}.count() > 0`,
    };
    f.addPack(pack('Observation', [good, slow, longOnRealData, { key: 'fires', expression: 'false' }]));
    expect(f.failing({ resource: { ...observation, code: { text: 'slow' } }, patient: null })).toEqual(['fires']);
    const overview = f.engine.overview();
    expect(
      overview.problems
        .filter((p) => /took too long/.test(p.message))
        .map((p) => p.key)
        .sort(),
    ).toEqual(['slow', 'slow-on-data']);
    // The worker was replaced: the next save is checked as usual.
    expect(f.failing({ resource: observation, patient: null })).toEqual(['fires']);
  });

  it('skips a pack too large to use and a pack that names no record type', () => {
    const huge = pack('Observation', [{ key: 'h', expression: 'true', human: 'x'.repeat(LIMITS.packChars) }]);
    expect(parseRulePack(huge, { source: 'central', receivedAt: null, where: 'x' }).problems[0]?.message).toMatch(
      /too large/,
    );
    const typeless = { ...pack('Observation', [good]), type: undefined };
    expect(parseRulePack(typeless, { source: 'central', receivedAt: null, where: 'x' }).problems[0]?.message).toMatch(
      /which kind of record/,
    );
  });

  it('a shipped rule file that cannot be read is reported, and checks go on without it', () => {
    const resources = tempResources({ 'broken.json': '{ not json' });
    f = engineFixture({ resourcesDir: resources.path });
    f.addPack(pack('Observation', [{ key: 'fires', expression: 'false' }]));
    expect(f.failing({ resource: observation, patient: null })).toEqual(['fires']);
    expect(f.engine.overview().problems.map((p) => p.message)).toContain(
      'This rule file shipped with Kliniki could not be read.',
    );
    resources.remove();
  });
});

describe('packs with the same url', () => {
  it('a central pack replaces the shipped pack of the same url when it is as new or newer', () => {
    f = engineFixture();
    const url = 'https://kliniki.org/fhir/StructureDefinition/kliniki-vital-sign-checks';
    const temperature = {
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '8310-5' }] },
      valueQuantity: { value: 29, code: 'Cel' },
    };
    expect(f.failing({ resource: temperature, patient: null })).toEqual(['obs-temperature-range']);
    f.addPack(pack('Observation', [{ key: 'central-only', expression: 'true' }], { url, version: '2025.1' }));
    // Older than the shipped 2026.1: ignored.
    expect(f.failing({ resource: temperature, patient: null })).toEqual(['obs-temperature-range']);
    f.addPack(pack('Observation', [{ key: 'central-only', expression: 'false' }], { url, version: '2026.2' }));
    expect(f.failing({ resource: temperature, patient: null })).toEqual(['central-only']);
    const rule = f.engine.overview().rules.find((r) => r.key === 'central-only');
    expect(rule).toMatchObject({ source: 'central', packVersion: '2026.2' });
    expect(rule?.receivedAt).toEqual(expect.any(String));
  });
});
