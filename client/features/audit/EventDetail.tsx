import Close from '@mui/icons-material/Close';
import {
  Box,
  Chip,
  Divider,
  Drawer,
  IconButton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatPlatformTime } from '../../lib/platformTime';
import { SubjectLink } from '../subject/SubjectLink';
import { ActionLabel } from './ActionLabel';
import type { AuditRow } from './auditTypes';
import { type DiffRow, diffEventData, flatten, formatValue } from './eventDiff';
import { useAuditLabels } from './useAuditLabels';

const mono = {
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace',
  fontSize: 12,
  wordBreak: 'break-all',
} as const;

/** Everything an event records, with its before/after as a readable diff. */
export function EventDetail({ event, onClose }: { event: AuditRow | null; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const labels = useAuditLabels();
  return (
    <Drawer
      anchor="right"
      open={event !== null}
      onClose={onClose}
      // Above the app bar, which the shell lifts over the navigation drawer.
      sx={{ zIndex: (theme) => theme.zIndex.modal }}
      slotProps={{ paper: { sx: { width: 560, maxWidth: '100vw' } } }}
    >
      {event && (
        <Box sx={{ p: 2 }} role="region" aria-label={t('audit.detail.title', { seq: event.seq })}>
          <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
            <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
              {t('audit.detail.title', { seq: event.seq })}
            </Typography>
            <IconButton aria-label={t('audit.detail.close')} onClick={onClose}>
              <Close />
            </IconButton>
          </Stack>
          <Table size="small" sx={{ tableLayout: 'fixed' }}>
            <TableBody>
              <Field label={t('audit.columns.at')}>{formatPlatformTime(event.at, i18n.language)}</Field>
              <Field label={t('audit.columns.actor')}>{labels.actor(event)}</Field>
              <Field label={t('audit.columns.action')}>
                <ActionLabel action={event.action} />
              </Field>
              <Field label={t('audit.columns.target')}>
                {event.target?.type === 'subject' && event.target.id ? (
                  <SubjectLink id={event.target.id}>{labels.target(event.target)}</SubjectLink>
                ) : (
                  labels.target(event.target)
                )}
              </Field>
              <Field label={t('audit.columns.batch')}>{event.batchId ?? '—'}</Field>
              <Field label={t('audit.detail.requestId')}>{event.requestId || '—'}</Field>
              <Field label={t('audit.columns.ip')}>{event.ip ?? '—'}</Field>
              <Field label={t('audit.detail.userAgent')}>{event.userAgent ?? '—'}</Field>
              <Field label={t('audit.detail.prevHash')}>
                <span style={mono}>{event.prevHash}</span>
              </Field>
              <Field label={t('audit.detail.hash')}>
                <span style={mono}>{event.hash}</span>
              </Field>
            </TableBody>
          </Table>
          <Divider sx={{ my: 2 }} />
          <EventData action={event.action} data={event.data} />
        </Box>
      )}
    </Drawer>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <TableRow>
      <TableCell component="th" scope="row" sx={{ width: 120, color: 'text.secondary', verticalAlign: 'top' }}>
        {label}
      </TableCell>
      <TableCell sx={{ overflowWrap: 'anywhere' }}>{children}</TableCell>
    </TableRow>
  );
}

const KIND_COLOR = { added: 'success', removed: 'error', changed: 'warning', same: 'default' } as const;

function EventData({ action, data }: { action: string; data: unknown }) {
  const { t } = useTranslation();
  if (data === null || data === undefined) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('audit.detail.noData')}
      </Typography>
    );
  }
  const diff = diffEventData(data);
  return (
    <Stack spacing={2}>
      {diff ? <DiffTable action={action} rows={diff} /> : <PayloadTable action={action} data={data} />}
      <details>
        <summary>
          <Typography variant="caption" component="span">
            {t('audit.detail.raw')}
          </Typography>
        </summary>
        <Box component="pre" sx={{ ...mono, whiteSpace: 'pre-wrap', bgcolor: 'action.hover', p: 1, borderRadius: 1 }}>
          {JSON.stringify(data, null, 2)}
        </Box>
      </details>
    </Stack>
  );
}

function DiffTable({ action, rows }: { action: string; rows: DiffRow[] }) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  return (
    <div>
      <Typography variant="subtitle2" component="h3" gutterBottom>
        {t('audit.detail.changes')}
      </Typography>
      <Table size="small" sx={{ tableLayout: 'fixed' }} aria-label={t('audit.detail.changes')} data-testid="audit-diff">
        <TableHead>
          <TableRow>
            <TableCell>{t('audit.detail.field')}</TableCell>
            <TableCell>{t('audit.detail.before')}</TableCell>
            <TableCell>{t('audit.detail.after')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.path} sx={row.kind === 'same' ? { opacity: 0.6 } : undefined}>
              <TableCell>
                {labels.field(action, row.path)}{' '}
                {row.kind !== 'same' && (
                  <Chip
                    size="small"
                    variant="outlined"
                    color={KIND_COLOR[row.kind]}
                    label={t(`audit.detail.kinds.${row.kind}`)}
                  />
                )}
              </TableCell>
              <TableCell
                sx={{
                  ...mono,
                  textDecoration: row.kind === 'changed' || row.kind === 'removed' ? 'line-through' : undefined,
                }}
              >
                {formatValue(row.before)}
              </TableCell>
              <TableCell sx={{ ...mono, fontWeight: row.kind === 'same' ? undefined : 600 }}>
                {formatValue(row.after)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function PayloadTable({ action, data }: { action: string; data: unknown }) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const fields = [...flatten(typeof data === 'object' ? data : { value: data })];
  return (
    <div>
      <Typography variant="subtitle2" component="h3" gutterBottom>
        {t('audit.detail.payload')}
      </Typography>
      <Table size="small" sx={{ tableLayout: 'fixed' }}>
        <TableHead>
          <TableRow>
            <TableCell>{t('audit.detail.field')}</TableCell>
            <TableCell>{t('audit.detail.value')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {fields.map(([path, value]) => (
            <TableRow key={path}>
              <TableCell>{labels.field(action, path)}</TableCell>
              <TableCell sx={mono}>{formatValue(value)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
