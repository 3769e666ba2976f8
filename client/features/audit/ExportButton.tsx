import FileDownload from '@mui/icons-material/FileDownload';
import {
  Alert,
  Button,
  FormControlLabel,
  FormLabel,
  LinearProgress,
  Radio,
  RadioGroup,
  Stack,
  Typography,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_EXPORT_FORMATS, type AuditExportFormat } from '../../../shared/api/audit';
import { FormDialog } from '../../lib/FormDialog';
import { formatPlatformTime } from '../../lib/platformTime';
import { useTRPC } from '../../lib/trpc';
import { downloadExport, ExportRefused, saveFile, sha256Hex } from './downloadExport';

type Phase =
  | { kind: 'idle' }
  | { kind: 'running'; received: number; total: number }
  | { kind: 'done'; count: number; check: 'verified' | 'unverified' | 'mismatch' }
  | { kind: 'failed'; error: string };

/**
 * Exports the trail in the time range of the current filters: streams the file with a progress
 * bar, saves it, then saves its manifest and checks the file's SHA-256 against it.
 */
export function ExportButton({ from, to }: { from?: string; to?: string }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<AuditExportFormat>('csv');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);

  const time = (iso?: string) => (iso ? formatPlatformTime(iso, i18n.language) : '…');
  const range = from || to ? `${time(from)} – ${time(to)}` : t('audit.export.allTime');

  const start = async () => {
    abort.current = new AbortController();
    setPhase({ kind: 'running', received: 0, total: 0 });
    try {
      const download = await downloadExport(
        { format, from, to },
        (received, total) => setPhase({ kind: 'running', received, total }),
        abort.current.signal,
      );
      const manifest = await queryClient.fetchQuery(
        trpc.audit.exportManifest.queryOptions(
          { exportId: download.exportId },
          { staleTime: Number.POSITIVE_INFINITY },
        ),
      );
      saveFile(
        new Blob([`${JSON.stringify({ file: download.filename, ...manifest }, null, 2)}\n`], {
          type: 'application/json',
        }),
        `${download.filename}.manifest.json`,
      );
      const digest = await sha256Hex(download.file);
      const check = digest === null ? 'unverified' : digest === manifest.sha256 ? 'verified' : 'mismatch';
      setPhase({ kind: 'done', count: manifest.count, check });
    } catch (err) {
      if (abort.current?.signal.aborted) setPhase({ kind: 'idle' });
      else {
        const error =
          err instanceof ExportRefused
            ? t(`error.${err.code}` as 'error.generic', { defaultValue: err.message })
            : String(err);
        setPhase({ kind: 'failed', error });
      }
    }
  };

  const close = () => {
    abort.current?.abort();
    setOpen(false);
    setPhase({ kind: 'idle' });
  };
  const running = phase.kind === 'running';

  return (
    <>
      <Button variant="outlined" size="small" startIcon={<FileDownload />} onClick={() => setOpen(true)}>
        {t('audit.export.button')}
      </Button>
      <FormDialog
        open={open}
        title={t('audit.export.title')}
        pending={running}
        error={phase.kind === 'failed' ? t('audit.export.failed', { error: phase.error }) : null}
        confirmLabel={t('audit.export.start')}
        cancelLabel={running ? t('audit.export.cancel') : t('audit.export.close')}
        cancelStops
        onSubmit={() => void start()}
        onClose={close}
      >
        <div>
          <FormLabel id="audit-export-format">{t('audit.export.format')}</FormLabel>
          <RadioGroup
            aria-labelledby="audit-export-format"
            value={format}
            onChange={(e) => setFormat(e.target.value as AuditExportFormat)}
          >
            {AUDIT_EXPORT_FORMATS.map((f) => (
              <FormControlLabel
                key={f}
                value={f}
                disabled={running}
                control={<Radio size="small" />}
                label={t(`audit.export.formats.${f}`)}
              />
            ))}
          </RadioGroup>
        </div>
        <Typography variant="body2" color="text.secondary">
          {t('audit.export.rangeHint', { range })}
        </Typography>
        {running && (
          <Stack spacing={0.5}>
            <LinearProgress
              variant={phase.total ? 'determinate' : 'indeterminate'}
              value={phase.total ? (100 * phase.received) / phase.total : 0}
              aria-label={t('audit.export.title')}
            />
            <Typography variant="caption" color="text.secondary" data-testid="audit-export-progress">
              {t('audit.export.progress', { done: phase.received, total: phase.total })}
            </Typography>
          </Stack>
        )}
        {phase.kind === 'done' && (
          <Alert severity={phase.check === 'mismatch' ? 'error' : 'success'} data-testid="audit-export-done">
            {t('audit.export.done', { count: phase.count })}
            <br />
            {t(`audit.export.${phase.check}`)}
          </Alert>
        )}
        <Typography variant="caption" color="text.secondary">
          {t('audit.export.cliHint')}
        </Typography>
      </FormDialog>
    </>
  );
}
