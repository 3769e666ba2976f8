import { z } from 'zod';
import { auditEvent } from './define';

/** How many changed field paths an event keeps: the rest are counted (a draft can touch every rule). */
export const AUDITED_FIELDS_MAX = 100;

/** What a draft changes against the published version it was copied from, as paths (shared/rulebook/diff.ts). */
const changes = {
  addedRules: z.array(z.string()),
  removedRules: z.array(z.string()),
  changedRules: z.array(z.string()),
  otherFields: z.array(z.string()),
};

/** Field names of this group, in both languages (the shared ones are in ./fieldLabels.ts). */
const FIELDS = {
  platform: { zh: '平台', en: 'Platform' },
  basedOnVersion: { zh: '基于版本', en: 'Based on version' },
  draftVersion: { zh: '草稿修订号', en: 'Draft revision' },
  fields: { zh: '修改的字段', en: 'Fields changed' },
  fieldCount: { zh: '修改字段数', en: 'Number of fields changed' },
  effectiveFrom: { zh: '生效日期', en: 'Effective from' },
  version: { zh: '规则库版本', en: 'Rulebook version' },
  requestedBy: { zh: '发布申请人', en: 'Publication requested by' },
  addedRules: { zh: '新增规则', en: 'Rules added' },
  removedRules: { zh: '删除规则', en: 'Rules removed' },
  changedRules: { zh: '修改规则', en: 'Rules changed' },
  otherFields: { zh: '其他修改', en: 'Other changes' },
};

/** Rulebook authoring: drafts of a new version and their publication under four-eyes. Target: the draft. */
export const rulebookEvents = {
  'rulebook.draft_created': auditEvent(
    '新建规则库草稿',
    'Rulebook draft created',
    z.strictObject({ platform: z.string(), basedOnVersion: z.number().int() }),
    FIELDS,
  ),
  // `fields`: the paths this edit changed against the draft's previous content, at most AUDITED_FIELDS_MAX.
  'rulebook.draft_updated': auditEvent(
    '修改规则库草稿',
    'Rulebook draft edited',
    z.strictObject({
      platform: z.string(),
      draftVersion: z.number().int(),
      fields: z.array(z.string()),
      fieldCount: z.number().int(),
    }),
    FIELDS,
  ),
  'rulebook.draft_discarded': auditEvent(
    '放弃规则库草稿',
    'Rulebook draft discarded',
    z.strictObject({ platform: z.string() }),
    FIELDS,
  ),
  'rulebook.publish_requested': auditEvent(
    '申请发布规则库',
    'Rulebook publication requested',
    z.strictObject({ platform: z.string(), basedOnVersion: z.number().int(), effectiveFrom: z.string(), ...changes }),
    FIELDS,
  ),
  // Written by the second admin; the draft became `version` of its platform.
  'rulebook.published': auditEvent(
    '批准并发布规则库',
    'Rulebook version approved and published',
    z.strictObject({
      platform: z.string(),
      version: z.number().int(),
      effectiveFrom: z.string(),
      requestedBy: z.number().int(),
    }),
    FIELDS,
  ),
};
