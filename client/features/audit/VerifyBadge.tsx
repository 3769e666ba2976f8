import ErrorOutline from '@mui/icons-material/ErrorOutlineOutlined';
import VerifiedUser from '@mui/icons-material/VerifiedUser';
import { Chip, type ChipProps, CircularProgress, Tooltip } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc';

const FIELD_KEYS: Record<string, 'kind' | 'rule' | 'status' | 'reversed' | 'role' | 'disabled' | 'assignee' | 'row'> = {
  kind: 'kind',
  rule: 'rule',
  status: 'status',
  reversed: 'reversed',
  role: 'role',
  disabled: 'disabled',
  assignee: 'assignee',
  '(row)': 'row',
};

/** What the badge shows: its state (for tests), words, colour, icon and the tooltip's detail. */
interface Shown {
  state: 'checking' | 'error' | 'ok' | 'mismatch' | 'broken';
  label: string;
  color?: ChipProps['color'];
  icon?: ReactElement;
  tooltip?: string;
}

/** Re-verifies the whole hash chain on the server and says whether it holds, and if not where. */
export function VerifyBadge() {
  const shown = useVerification();
  const chip = (
    <Chip
      size="small"
      color={shown.color}
      icon={shown.icon}
      label={shown.label}
      data-testid="audit-verify"
      data-state={shown.state}
    />
  );
  return shown.tooltip ? <Tooltip title={shown.tooltip}>{chip}</Tooltip> : chip;
}

function useVerification(): Shown {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const verify = useQuery(trpc.audit.verify.queryOptions({}, { staleTime: 60_000 }));

  if (verify.isPending) {
    return {
      state: 'checking',
      label: t('audit.verify.checking'),
      // The chip's label already says it is checking; the spinner is decoration.
      icon: <CircularProgress size={14} aria-hidden />,
    };
  }
  if (verify.isError || !verify.data) return { state: 'error', label: t('audit.verify.failed'), color: 'warning' };
  const result = verify.data;
  if (result.ok) {
    return {
      state: 'ok',
      label: t('audit.verify.ok', { count: result.count }),
      color: 'success',
      icon: <VerifiedUser />,
      tooltip: t('audit.verify.okTooltip', {
        count: result.count,
        head: result.head.slice(0, 16),
        anchors: result.anchors.checked,
      }),
    };
  }
  if (result.firstBad === undefined) {
    // The chain holds, but business rows differ from what it records.
    const list = result.mismatches
      .slice(0, 5)
      .map((m) =>
        t('audit.verify.mismatchItem', {
          table: t(`audit.verify.tables.${m.table}`),
          id: m.id,
          field: m.field in FIELD_KEYS ? t(`audit.verify.fields.${FIELD_KEYS[m.field] ?? 'row'}`) : m.field,
        }),
      )
      .join(i18n.language.startsWith('zh') ? '；' : '; ');
    return {
      state: 'mismatch',
      label: t('audit.verify.mismatch', { count: result.mismatchCount }),
      color: 'error',
      icon: <ErrorOutline />,
      tooltip: t('audit.verify.mismatchTooltip', { list }),
    };
  }
  return {
    state: 'broken',
    label: t('audit.verify.broken', { seq: result.firstBad }),
    color: 'error',
    icon: <ErrorOutline />,
    tooltip: t('audit.verify.brokenTooltip', {
      seq: result.firstBad,
      // Every event before the first bad one verified.
      count: result.firstBad - 1,
      reason: t(`audit.verify.reasons.${result.reason ?? 'altered'}`),
    }),
  };
}
