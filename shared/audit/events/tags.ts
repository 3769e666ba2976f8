import { z } from 'zod';
import { auditEvent } from './define';

/** A tag as the trail keeps it: its names at the time, so the event reads right after a rename. */
const tagFields = { nameZh: z.string(), nameEn: z.string(), color: z.string(), retired: z.boolean() };

const applied = z.strictObject({ tagId: z.string(), nameZh: z.string(), nameEn: z.string() });

const savedViewFields = {
  name: z.string(),
  sharedQueue: z.string().nullable(),
};

/** Field names of this group, in both languages (the shared ones are in ./fieldLabels.ts). */
const FIELDS = {
  tagId: { zh: '标签', en: 'Tag' },
  nameZh: { zh: '中文名', en: 'Chinese name' },
  nameEn: { zh: '英文名', en: 'English name' },
  color: { zh: '颜色', en: 'Colour' },
  retired: { zh: '已停用', en: 'Retired' },
  name: { zh: '视图名称', en: 'View name' },
  sharedQueue: { zh: '共享给队列', en: 'Shared with queue' },
  state: { zh: '筛选条件', en: 'Filters' },
  replaced: { zh: '覆盖同名视图', en: 'Replaced a view of that name' },
  previousQueue: { zh: '原共享队列', en: 'Previously shared with' },
};

/** Tags on cases and subjects, their vocabulary, and saved queue views. */
export const tagEvents = {
  'tag.created': auditEvent(
    '新建标签',
    'Tag created',
    z.strictObject({ nameZh: z.string(), nameEn: z.string(), color: z.string() }),
    FIELDS,
  ),
  'tag.updated': auditEvent(
    '修改标签',
    'Tag changed',
    z.strictObject({ before: z.strictObject(tagFields), after: z.strictObject(tagFields) }),
    FIELDS,
  ),
  // Target: the case or subject the tag was put on or taken off.
  'tag.applied': auditEvent('添加标签', 'Tag added', applied, FIELDS),
  'tag.removed': auditEvent('移除标签', 'Tag removed', applied, FIELDS),
  'view.saved': auditEvent(
    '保存队列视图',
    'Queue view saved',
    z.strictObject({ ...savedViewFields, state: z.record(z.string(), z.unknown()), replaced: z.boolean() }),
    FIELDS,
  ),
  // sharedQueue null: no longer shared.
  'view.shared': auditEvent(
    '共享队列视图',
    'Queue view shared',
    z.strictObject({ ...savedViewFields, previousQueue: z.string().nullable() }),
    FIELDS,
  ),
  'view.deleted': auditEvent('删除队列视图', 'Queue view deleted', z.strictObject(savedViewFields), FIELDS),
};
