/**
 * Measure ids are part of the contract: docs/RULEBOOK.md ("Measure ids") publishes every one of
 * every rulebook, with the platform's wording and the desk's labels, so integrators and auditors
 * can map them. This keeps the table and the code in step.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRulebook, PLATFORM_IDS, type Rulebook, rulebookOf, xianyuRulebook } from '../../../shared/rulebook';

const doc = readFileSync(join(import.meta.dirname, '../../../docs/RULEBOOK.md'), 'utf8');
const section = doc.split('\n## Measure ids\n')[1]?.split('\n## ')[0] ?? '';
const rows = section
  .split('\n')
  .filter((line) => line.startsWith('| `'))
  .map((line) => line.split('|').map((cell) => cell.trim()))
  .map(([, rulebook, id, wording, zh, en, seals]) => ({
    key: `${rulebook?.replaceAll('`', '')} ${id?.replaceAll('`', '')}`,
    wording,
    zh,
    en,
    seals: seals === 'seals',
  }));

/** Every rulebook the desk can judge by, once each. */
const rulebooks: Rulebook[] = [...new Set([defaultRulebook, xianyuRulebook, ...PLATFORM_IDS.map(rulebookOf)])];

describe('the published table of measure ids (docs/RULEBOOK.md)', () => {
  it('lists every measure id of every rulebook, with its labels and whether it seals', () => {
    const expected = rulebooks.flatMap((rulebook) =>
      Object.entries(rulebook.measures).map(([id, m]) => ({
        key: `${rulebook.id} ${id}`,
        zh: m.label.zh,
        en: m.label.en,
        seals: m.seals === true,
      })),
    );
    const published = rows.map(({ key, zh, en, seals }) => ({ key, zh, en, seals }));
    expect(published.filter((row) => !expected.some((e) => e.key === row.key))).toEqual([]);
    for (const measure of expected) expect(published, measure.key).toContainEqual(measure);
  });

  it('quotes the platform wording in Chinese for every row', () => {
    expect(rows.length).toBeGreaterThan(40);
    for (const row of rows) expect(row.wording, row.key).toMatch(/\p{Script=Han}/u);
  });
});
