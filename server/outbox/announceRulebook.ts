import type { Transaction } from 'kysely';
import type { RulebookDiff } from '../../shared/rulebook/diff';
import type { Database } from '../db/database';
import type { RulebookVersionRow } from '../db/tables/rulebooks.table';
import { idempotencyKey } from './idempotencyKey';
import { recordOutbox } from './recordOutbox';

/**
 * The lane a platform's rulebook messages are delivered in: no subject is involved, and one lane
 * per platform keeps its versions in order without waiting behind any subject's messages.
 */
export const rulebookLane = (platform: string) => `rulebook:${platform}`;

/**
 * `rulebook.published`: a platform's new rulebook version, from which date, and what it changes
 * against the version before (docs/OUTBOX.md). Written in the approving transaction.
 */
export async function announceRulebookPublished(
  trx: Transaction<Database>,
  args: { version: RulebookVersionRow; previousVersion: number; diff: RulebookDiff },
  now: Date,
) {
  const { version, diff } = args;
  return recordOutbox(
    trx,
    {
      type: 'rulebook.published',
      key: idempotencyKey('rulebook.published', [version.platform, version.version]),
      subjectId: rulebookLane(version.platform),
      platform: version.platform,
      caseId: null,
      body: {
        platform: version.platform,
        version: version.version,
        effectiveFrom: version.effective_from,
        previousVersion: args.previousVersion,
        changes: {
          addedRules: diff.added.map((r) => r.ruleId),
          removedRules: diff.removed.map((r) => r.ruleId),
          changedRules: diff.changed.map((r) => ({ ruleId: r.ruleId, fields: r.fields.map((f) => f.path) })),
          otherFields: diff.other.map((f) => f.path),
        },
      },
    },
    now,
  );
}
