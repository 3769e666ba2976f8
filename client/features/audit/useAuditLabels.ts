import { useTranslation } from 'react-i18next';
import { auditActionLabel, auditFieldLabel, type Label } from '../../../shared/audit/events';
import { zhCN } from '../../i18n/locales/zh-CN';
import type { AuditRow } from './auditTypes';

type TargetType = keyof typeof zhCN.audit.targets;
const isTargetType = (type: string): type is TargetType => Object.hasOwn(zhCN.audit.targets, type);

/**
 * Human names for what an audit row holds as codes: the action and payload fields from the
 * event registry (shared/audit/events.ts), actors and targets by name. An action no desk
 * version registered comes back with `known: false`, to be shown as stored and flagged.
 */
export function useAuditLabels() {
  const { t, i18n } = useTranslation();
  const pick = (label: Label) => (i18n.language.startsWith('en') ? label.en : label.zh);
  return {
    action(action: string): { text: string; known: boolean } {
      const label = auditActionLabel(action);
      return label ? { text: pick(label), known: true } : { text: action, known: false };
    },
    /** A payload field path (`facts.items`): its first segment named, the rest as stored. */
    field(action: string, path: string): string {
      const [head = path, ...rest] = path.split('.');
      const label = auditFieldLabel(action, head);
      return [label ? pick(label) : head, ...rest].join(' · ');
    },
    actor(row: Pick<AuditRow, 'actor'>): string {
      if (row.actor.type === 'system') return t('audit.systemActor');
      return row.actor.name ?? row.actor.key;
    },
    target(target: AuditRow['target']): string {
      if (!target) return '—';
      const id = target.id ?? '';
      if (!isTargetType(target.type)) return `${target.type} ${id}`;
      return t(`audit.targets.${target.type}`, { id, name: target.name ?? id });
    },
    targetType(type: string): string {
      return isTargetType(type) ? t(`audit.targetTypes.${type}`) : type;
    },
  };
}
