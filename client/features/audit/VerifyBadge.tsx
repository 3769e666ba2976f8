import ErrorOutline from '@mui/icons-material/ErrorOutlineOutlined';
import VerifiedUser from '@mui/icons-material/VerifiedUser';
import { Chip, CircularProgress, Tooltip } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
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

/** Re-verifies the whole hash chain on the server and says whether it holds, and if not where. */
export function VerifyBadge() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const verify = useQuery(trpc.audit.verify.queryOptions({}, { staleTime: 60_000 }));

  if (verify.isPending) {
    return (
      <Chip
        size="small"
        // The chip's label already says it is checking; the spinner is decoration.
        icon={<CircularProgress size={14} aria-hidden />}
        label={t('audit.verify.checking')}
        data-testid="audit-verify"
        data-state="checking"
      />
    );
  }
  if (verify.isError || !verify.data) {
    return (
      <Chip
        size="small"
        color="warning"
        label={t('audit.verify.failed')}
        data-testid="audit-verify"
        data-state="error"
      />
    );
  }
  const result = verify.data;
  if (result.ok) {
    return (
      <Tooltip
        title={t('audit.verify.okTooltip', {
          count: result.count,
          head: result.head.slice(0, 16),
          anchors: result.anchors.checked,
        })}
      >
        <Chip
          size="small"
          color="success"
          icon={<VerifiedUser />}
          label={t('audit.verify.ok', { count: result.count })}
          data-testid="audit-verify"
          data-state="ok"
        />
      </Tooltip>
    );
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
    return (
      <Tooltip title={t('audit.verify.mismatchTooltip', { list })}>
        <Chip
          size="small"
          color="error"
          icon={<ErrorOutline />}
          label={t('audit.verify.mismatch', { count: result.mismatchCount })}
          data-testid="audit-verify"
          data-state="mismatch"
        />
      </Tooltip>
    );
  }
  return (
    <Tooltip
      title={t('audit.verify.brokenTooltip', {
        seq: result.firstBad,
        // Every event before the first bad one verified.
        count: result.firstBad - 1,
        reason: t(`audit.verify.reasons.${result.reason ?? 'altered'}`),
      })}
    >
      <Chip
        size="small"
        color="error"
        icon={<ErrorOutline />}
        label={t('audit.verify.broken', { seq: result.firstBad })}
        data-testid="audit-verify"
        data-state="broken"
      />
    </Tooltip>
  );
}
