import { Alert, Box, Button, CircularProgress, Stack, TextField, Typography } from '@mui/material';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { platformZoneName } from '../../../lib/platformTime';
import { CaseChangedAlert } from './CaseChangedAlert';
import { DecisionDialog } from './DecisionDialog';
import { DECISION_KEYS, type DecisionKind } from './decisionKinds';
import { FactsFields } from './FactsFields';
import { PreviewSummary } from './PreviewSummary';
import { type DecisionFormProps, useDecisionForm } from './useDecisionForm';

const KINDS: DecisionKind[] = ['apply', 'waive', 'dismiss', 'escalate'];

/** Escape leaves a field, so the single-key shortcuts (a, w, d, e, n) work again. */
function leaveFieldOnEscape(e: KeyboardEvent) {
  const el = e.target as HTMLElement;
  if (e.key !== 'Escape' || e.defaultPrevented) return;
  if (['INPUT', 'TEXTAREA'].includes(el.tagName) || el.getAttribute('role') === 'combobox') el.blur();
}

/**
 * The facts, the live preview and the four decisions of one case. The `version` sent is the
 * one the reviewer has seen: when the case changes under them, they are told and choose to go
 * on with the newer one; a refused submit keeps every field as it was (`useDecisionForm`).
 */
export function DecisionForm(props: DecisionFormProps) {
  const { c, rule } = props;
  const { t } = useTranslation();
  const form = useDecisionForm(props);
  const { preview, waivePreview, dialog, refusal } = form;

  const summaryFor = (kind: DecisionKind) => {
    if (kind === 'apply' && preview.data) return <PreviewSummary preview={preview.data} compact />;
    if (kind === 'waive') {
      if (waivePreview.data) return <PreviewSummary preview={waivePreview.data} compact />;
      return <Alert severity="info">{t('decision.waiveSummary', { points: preview.data?.points ?? 0 })}</Alert>;
    }
    if (kind === 'dismiss') return <Alert severity="info">{t('decision.dismissSummary')}</Alert>;
    if (kind === 'escalate') return <Alert severity="info">{t('decision.escalateSummary')}</Alert>;
    return null;
  };
  const confirmLabel = (kind: DecisionKind) => {
    const approvalReasons =
      kind === 'apply' ? preview.data?.approvalReasons : kind === 'waive' ? waivePreview.data?.approvalReasons : [];
    return approvalReasons?.length ? t('decision.submitForApproval') : t(`decision.confirm.${kind}`);
  };

  return (
    <Stack spacing={1.5} onKeyDown={leaveFieldOnEscape}>
      {props.heldBy && <Alert severity="info">{t('decision.heldBy', { name: props.heldBy })}</Alert>}
      {props.sentBack && (
        <Alert severity="warning" data-testid="sent-back">
          {t('decision.sentBack', {
            name: props.sentBack.reviewedBy?.name ?? '',
            note: props.sentBack.reviewNote ?? '',
          })}
        </Alert>
      )}
      {form.conflict.shown && (
        <CaseChangedAlert
          refused={form.conflict.shown.refused}
          status={form.conflict.shown.status}
          version={form.conflict.shown.version}
          canContinue={form.conflict.canContinue}
          onContinue={form.conflict.continueWithLatest}
        />
      )}
      <FactsFields
        ruleId={rule.id}
        facts={rule.facts}
        inputs={form.facts.inputs}
        onChange={form.facts.setFact}
        problems={form.facts.problems}
        showAllProblems={form.facts.showAllProblems}
        serverProblem={form.facts.serverProblem}
        disabled={!props.enabled}
      />
      <TextField
        id="decision-violation-at"
        type="datetime-local"
        size="small"
        fullWidth
        label={t('decision.violationAt', { zone: platformZoneName() })}
        value={form.violation.local}
        onChange={(e) => form.violation.set(e.target.value)}
        disabled={!props.enabled}
        error={form.violation.invalid || refusal.violationAt !== null}
        helperText={
          form.violation.invalid ? t('decision.problem.time') : (refusal.violationAt ?? t('decision.violationAtHint'))
        }
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <Box aria-live="polite" aria-busy={preview.isFetching || preview.settling}>
        {form.previewReady ? (
          preview.data ? (
            <Box sx={{ opacity: preview.isPlaceholderData || preview.settling ? 0.6 : 1 }}>
              <PreviewSummary preview={preview.data} />
            </Box>
          ) : refusal.preview ? (
            <Alert severity="error">{refusal.preview}</Alert>
          ) : (
            preview.isFetching && <CircularProgress size={20} aria-label={t('decision.previewLoading')} />
          )
        ) : (
          props.enabled && (
            <Typography variant="body2" color="text.secondary">
              {t('decision.previewNeedsFacts')}
            </Typography>
          )
        )}
      </Box>
      {refusal.other && <Alert severity="error">{refusal.other}</Alert>}
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {KINDS.map((kind) => (
          <Button
            key={kind}
            variant={kind === 'apply' ? 'contained' : 'outlined'}
            color={kind === 'apply' ? 'error' : kind === 'escalate' ? 'secondary' : 'primary'}
            onClick={() => dialog.open(kind)}
            disabled={!props.enabled || form.deciding}
            aria-keyshortcuts={DECISION_KEYS[kind]}
          >
            {t(`decision.action.${kind}`)}
            <Box component="kbd" sx={{ ml: 1, opacity: 0.7, fontFamily: 'inherit', fontSize: '0.75em' }}>
              {DECISION_KEYS[kind].toUpperCase()}
            </Box>
          </Button>
        ))}
      </Stack>
      <DecisionDialog
        kind={dialog.kind}
        title={dialog.kind ? t(`decision.dialogTitle.${dialog.kind}`, { id: c.id }) : ''}
        confirmLabel={dialog.kind ? confirmLabel(dialog.kind) : ''}
        summary={dialog.kind ? summaryFor(dialog.kind) : null}
        reason={dialog.reason}
        onReasonChange={dialog.setReason}
        busy={dialog.busy}
        error={dialog.error}
        onCancel={dialog.close}
        onConfirm={dialog.submit}
      />
    </Stack>
  );
}
