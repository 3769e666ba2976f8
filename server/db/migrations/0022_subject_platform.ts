import type { Kysely } from 'kysely';
import { DEFAULT_PLATFORM, PLATFORM_IDS, platformOfRule } from '../../../shared/rulebook/platforms';

/**
 * A subject trades on one platform and is judged by that platform's rulebook only
 * (`subjects.platform`, one of `PLATFORM_IDS`, given at intake; `taobao` when not said).
 *
 * Before this, every subject was judged by Taobao's rulebook, yet some were reported under
 * another platform's rule (a Kuaishou unfair-competition finding, a 1688 improper-info-use
 * one, a Xianyu point rule). Each existing subject takes the platform of the rule of its
 * earliest case: that first report said where it trades. Taobao when the rule is Taobao's or
 * unknown. The rules are read once (a few distinct ids) and mapped by `platformOfRule`, then
 * one UPDATE per platform moves its subjects, so a million subjects cost a handful of statements.
 *
 * Indexed: the worklist and the dashboard filter by platform.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('subjects')
    .addColumn('platform', 'text', (c) => c.notNull().defaultTo(DEFAULT_PLATFORM))
    .execute();

  const rules = await db.selectFrom('cases').select('rule').distinct().execute();
  for (const platform of PLATFORM_IDS) {
    if (platform === DEFAULT_PLATFORM) continue;
    const own = rules.map((r) => r.rule as string).filter((rule) => platformOfRule(rule) === platform);
    if (own.length === 0) continue;
    await db
      .updateTable('subjects')
      .set({ platform })
      .where((eb) =>
        eb(
          eb
            .selectFrom('cases')
            .select('cases.rule')
            .whereRef('cases.subject_id', '=', 'subjects.id')
            .orderBy('cases.created_at')
            .orderBy('cases.id')
            .limit(1),
          'in',
          own,
        ),
      )
      .execute();
  }

  await db.schema.createIndex('subjects_platform_idx').on('subjects').column('platform').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('subjects_platform_idx').execute();
  await db.schema.alterTable('subjects').dropColumn('platform').execute();
}
