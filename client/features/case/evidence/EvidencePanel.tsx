import NavigateBefore from '@mui/icons-material/NavigateBefore';
import NavigateNext from '@mui/icons-material/NavigateNext';
import { Alert, Box, IconButton, Paper, Stack, Tab, Tabs, Tooltip, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_MAX_BYTES } from '../../../../shared/api/evidenceData';
import { formatPlatformTime } from '../../../lib/platformTime';
import { useTRPC } from '../../../lib/trpc';
import { useHotkey } from '../../../lib/useHotkey';
import { EvidenceMeta } from './EvidenceMeta';
import { EvidenceViewer } from './EvidenceViewer';
import { type EvidenceItem, isImage } from './evidenceFormat';
import { UploadEvidenceButton } from './UploadEvidenceButton';
import type { UploadOutcome } from './uploadEvidence';
import { useMarkViewed } from './useMarkViewed';

/**
 * The case's evidence, one piece at a time in its own viewer, with "[" and "]" to step through
 * it, the file's SHA-256 beside it, and an upload button for staff who may add evidence.
 */
export function EvidencePanel(props: { caseId: number; evidence: EvidenceItem[]; canUpload: boolean }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { evidence } = props;
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<UploadOutcome | null>(null);
  const index = Math.max(
    0,
    evidence.findIndex((e) => e.id === selectedId),
  );
  const selected = evidence[index];
  useMarkViewed(selected);

  const move = (by: 1 | -1) => {
    if (evidence.length < 2) return;
    setSelectedId(evidence[(index + by + evidence.length) % evidence.length]?.id ?? null);
  };
  useHotkey('[', () => move(-1), evidence.length > 1);
  useHotkey(']', () => move(1), evidence.length > 1);

  const uploaded = async (result: UploadOutcome) => {
    setOutcome(result);
    if (!result.ok) return;
    await queryClient.invalidateQueries({ queryKey: trpc.cases.get.queryKey({ id: props.caseId }) });
    setSelectedId(result.evidenceId);
  };

  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby="evidence-heading">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h6" component="h2" id="evidence-heading" sx={{ flexGrow: 1 }}>
          {t('case.evidence', { count: evidence.length })}
        </Typography>
        {evidence.length > 1 && (
          <>
            <Tooltip title={t('evidence.previous')}>
              <IconButton size="small" aria-label={t('evidence.previous')} onClick={() => move(-1)}>
                <NavigateBefore />
              </IconButton>
            </Tooltip>
            <Typography variant="body2" color="text.secondary" data-testid="evidence-position">
              {t('evidence.position', { index: index + 1, total: evidence.length })}
            </Typography>
            <Tooltip title={t('evidence.next')}>
              <IconButton size="small" aria-label={t('evidence.next')} onClick={() => move(1)}>
                <NavigateNext />
              </IconButton>
            </Tooltip>
          </>
        )}
        {props.canUpload && <UploadEvidenceButton caseId={props.caseId} onDone={(r) => void uploaded(r)} />}
      </Stack>
      {outcome && (
        <Alert severity={outcome.ok ? 'success' : 'error'} onClose={() => setOutcome(null)} sx={{ mb: 1 }}>
          {uploadMessage(outcome, t)}
        </Alert>
      )}
      {!selected ? (
        <Typography color="text.secondary">{t('case.noEvidence')}</Typography>
      ) : (
        <>
          <Tabs
            value={index}
            onChange={(_e, i: number) => setSelectedId(evidence[i]?.id ?? null)}
            variant="scrollable"
            scrollButtons="auto"
            aria-label={t('evidence.list')}
            sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}
          >
            {evidence.map((e) => (
              <Tab
                key={e.id}
                id={`evidence-tab-${e.id}`}
                aria-controls={`evidence-panel-${e.id}`}
                label={`${t(`evidenceKind.${e.kind}`, { defaultValue: e.kind })} · ${e.title}`}
                sx={{ textTransform: 'none', maxWidth: 280 }}
              />
            ))}
          </Tabs>
          <Stack
            spacing={1.5}
            role="tabpanel"
            id={`evidence-panel-${selected.id}`}
            aria-labelledby={`evidence-tab-${selected.id}`}
          >
            <Typography variant="caption" color="text.secondary">
              {t(`evidenceKind.${selected.kind}`, { defaultValue: selected.kind })} ·{' '}
              {formatPlatformTime(selected.createdAt, i18n.language)}
            </Typography>
            <EvidenceMeta item={selected} />
            <Box key={selected.id}>
              <EvidenceViewer item={selected} images={evidence.filter(isImage)} />
            </Box>
          </Stack>
        </>
      )}
    </Paper>
  );
}

function uploadMessage(outcome: UploadOutcome, t: ReturnType<typeof useTranslation>['t']): string {
  if (outcome.ok) return t('evidence.upload.done', { sha256: outcome.sha256 });
  switch (outcome.problem) {
    case 'tooLarge':
      return t('evidence.upload.tooLarge', { max: EVIDENCE_MAX_BYTES / 1024 / 1024 });
    case 'unsupported':
      return t('evidence.upload.unsupported', { type: outcome.detail ?? '?' });
    case 'empty':
      return t('evidence.upload.empty');
    case 'forbidden':
      return t('error.FORBIDDEN');
    default:
      return t('evidence.upload.failed');
  }
}
