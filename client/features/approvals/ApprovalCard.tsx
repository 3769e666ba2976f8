import { Alert, Button, Chip, Paper, Stack, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { AppRouter } from '../../../server/trpc/appRouter';
import { previewOutput } from '../../../shared/api/decisions';
import type { ErrorKey } from '../../i18n/errorMessages';
import { formatPlatformTime } from '../../lib/platformTime';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { useApprovalReasonsText } from '../case/decision/FourEyesNotice';
import { PreviewSummary } from '../case/decision/PreviewSummary';
import { useLocalized, useRulebook } from '../rulebook/rulebookContext';
import { SubjectLink } from '../subject/SubjectLink';
import { ReviewDialog } from './ReviewDialog';

type PendingDecision = inferRouterOutputs<AppRouter>['approvals']['list'][number];

/** One decision waiting for approval: what it does (the stored preview), why it waits, who decided. */
export function ApprovalCard({ item, mine }: { item: PendingDecision; mine: boolean }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { view } = useRulebook();
  const localized = useLocalized();
  const reasonsText = useApprovalReasonsText();
  const [dialog, setDialog] = useState<'approve' | 'sendBack' | null>(null);
  const refresh = () => {
    setDialog(null);
    void queryClient.invalidateQueries({ queryKey: trpc.approvals.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.accounts.pathKey() });
  };
  const approve = useMutation(trpc.approvals.approve.mutationOptions({ onSuccess: refresh }));
  const sendBack = useMutation(trpc.approvals.sendBack.mutationOptions({ onSuccess: refresh }));
  const errorText = useTranslatedError(approve.error ?? sendBack.error);
  // The preview is stored as JSON with the decision; read it with the shared schema.
  const preview = previewOutput.safeParse(item.preview);
  const rule = view.rules.find((r) => r.id === item.rule);
  // The server says whether this reviewer may act on it (four eyes, queue membership).
  const refused = mine || item.refusal !== null;
  const openDialog = (next: 'approve' | 'sendBack') => {
    approve.reset();
    sendBack.reset();
    setDialog(next);
  };
  return (
    <Paper sx={{ p: 2 }} component="article" aria-label={t('case.title', { id: item.caseId })} data-testid="approval">
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <Typography variant="h6" component="h2">
          {t(`decisionKind.${item.kind}`, { defaultValue: item.kind })} ·{' '}
          {rule ? localized(rule.name) : (item.rule ?? '')}
        </Typography>
        <Button component={RouterLink} to={`/cases/${item.caseId}`} size="small">
          {t('approvals.openCase', { id: item.caseId })}
        </Button>
        {mine && <Chip size="small" color="warning" label={t('approvals.mine')} />}
      </Stack>
      <Typography variant="body2" color="text.secondary">
        <SubjectLink id={item.subject.id} name={item.subject.name}>
          {t('approvals.subject', { name: item.subject.name ?? item.subject.id, id: item.subject.id })}
        </SubjectLink>{' '}
        · {item.summary}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('approvals.decidedBy', { name: item.decidedBy.name, at: formatPlatformTime(item.decidedAt, i18n.language) })}
      </Typography>
      <Typography variant="body2" sx={{ mt: 1 }}>
        {t('history.decisions.reason', { reason: item.reason })}
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {t('approvals.reasons', { reasons: reasonsText(item.approvalReasons) })}
      </Typography>
      {preview.success && <PreviewSummary preview={{ ...preview.data, approvalReasons: [] }} compact />}
      {errorText && dialog === null && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {errorText}
        </Alert>
      )}
      {/* Four eyes: the server refuses the author; the buttons say so before anyone clicks. */}
      <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
        <Button variant="contained" disabled={refused} onClick={() => openDialog('approve')}>
          {t('approvals.approve')}
        </Button>
        <Button variant="outlined" disabled={refused} onClick={() => openDialog('sendBack')}>
          {t('approvals.sendBack')}
        </Button>
        {refused && (
          <Typography variant="body2" color="text.secondary" data-testid="approval-refused">
            {mine ? t('approvals.mineDisabled') : t(`error.${item.refusal ?? 'generic'}` satisfies ErrorKey)}
          </Typography>
        )}
      </Stack>
      <ReviewDialog
        open={dialog !== null}
        title={
          dialog === 'sendBack'
            ? t('approvals.sendBackTitle', { id: item.caseId })
            : t('approvals.approveTitle', { id: item.caseId })
        }
        noteRequired={dialog === 'sendBack'}
        confirmLabel={dialog === 'sendBack' ? t('approvals.sendBack') : t('approvals.approve')}
        busy={approve.isPending || sendBack.isPending}
        error={errorText}
        onCancel={() => setDialog(null)}
        onConfirm={(note) =>
          dialog === 'sendBack'
            ? sendBack.mutate({ decisionId: item.decisionId, note })
            : approve.mutate({ decisionId: item.decisionId, note: note || undefined })
        }
      />
    </Paper>
  );
}
