import { Alert, Box, Button, CircularProgress, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { type KeyboardEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/api/caseDetail';
import type { DecideOutput } from '../../../../shared/api/decisions';
import type { RuleView } from '../../../../shared/api/rulebook';
import { isoToPlatformLocal, platformLocalToIso, platformZoneName } from '../../../lib/platformTime';
import { errorReason, useTRPC } from '../../../lib/trpc';
import { useHotkey } from '../../../lib/useHotkey';
import { useTranslatedError } from '../../../lib/useTranslatedError';
import { CaseChangedAlert } from './CaseChangedAlert';
import { DecisionDialog } from './DecisionDialog';
import { DECISION_KEYS, type DecisionKind, needsFacts } from './decisionKinds';
import { FactsForm, factFieldId } from './FactsForm';
import { type FactInput, initialFactInputs, toFacts } from './factsForm';
import { PreviewSummary } from './PreviewSummary';
import { EMPTY_REASON, type ReasonValue } from './ReasonFields';
import { useDecisionPreview } from './useDecisionPreview';

const KINDS: DecisionKind[] = ['apply', 'waive', 'dismiss', 'escalate'];

/** Escape leaves a field, so the single-key shortcuts (a, w, d, e, n) work again. */
function leaveFieldOnEscape(e: KeyboardEvent) {
  const el = e.target as HTMLElement;
  if (e.key !== 'Escape' || e.defaultPrevented) return;
  if (['INPUT', 'TEXTAREA'].includes(el.tagName) || el.getAttribute('role') === 'combobox') el.blur();
}

/** The part of a sent-back decision the form refills and shows. */
interface SentBack {
  facts: Record<string, unknown> | null;
  violationAt: string | null;
  reviewedBy: { name: string } | null;
  reviewNote: string | null;
}

interface Conflict {
  /** Refused on submit (CONFLICT stale_version), rather than seen live. */
  refused: boolean;
  status: string;
  version: number;
}

/**
 * The facts, the live preview and the four decisions of one case. The `version` sent is the
 * one the reviewer has seen: when the case changes under them, they are told and choose to go
 * on with the newer one; a refused submit keeps every field as it was.
 */
export function DecisionForm(props: {
  c: CaseDetail;
  rule: RuleView;
  sentBack: SentBack | null;
  enabled: boolean;
  heldBy: string | null;
  onDecided(kind: DecisionKind, output: DecideOutput): void;
}) {
  const { c, rule } = props;
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();

  const [inputs, setInputs] = useState(() =>
    initialFactInputs(rule.facts, [props.sentBack?.facts ?? null, ...c.reports.map((r) => r.facts)]),
  );
  const [violationLocal, setViolationLocal] = useState(() =>
    props.sentBack?.violationAt ? isoToPlatformLocal(props.sentBack.violationAt) : '',
  );
  const [reasons, setReasons] = useState<Record<DecisionKind, ReasonValue>>({
    apply: EMPTY_REASON,
    waive: EMPTY_REASON,
    dismiss: EMPTY_REASON,
    escalate: EMPTY_REASON,
  });
  const [dialog, setDialog] = useState<DecisionKind | null>(null);
  const [showAllProblems, setShowAllProblems] = useState(false);
  const [serverField, setServerField] = useState<{ field: string; error: unknown } | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);

  // The version the reviewer has seen: taken once the case page shows fresh data, not a cached copy.
  const caseQuery = useQuery(trpc.cases.get.queryOptions({ id: c.id }));
  const [seenVersion, setSeenVersion] = useState<number | null>(caseQuery.isFetching ? null : c.version);
  useEffect(() => {
    if (seenVersion === null && !caseQuery.isFetching) setSeenVersion(c.version);
  }, [seenVersion, caseQuery.isFetching, c.version]);
  const changedLive = seenVersion !== null && c.version !== seenVersion;

  const { facts, problems } = useMemo(() => toFacts(rule.facts, inputs), [rule.facts, inputs]);
  const factsValid = Object.keys(problems).length === 0;
  const violationAt = platformLocalToIso(violationLocal);
  const violationInvalid = violationLocal !== '' && !violationAt;
  const previewRequest = { caseId: c.id, facts, violationAt, decision: 'apply' as const };
  const preview = useDecisionPreview(previewRequest, props.enabled && factsValid && !violationInvalid);
  // A waiver's four-eyes differs (any serious points): ask the engine when the waive dialog opens.
  const waivePreview = useQuery({
    ...trpc.cases.preview.queryOptions({ ...previewRequest, decision: 'waive' }),
    enabled: dialog === 'waive' && factsValid && !violationInvalid,
  });

  const decide = useMutation(trpc.cases.decide.mutationOptions());
  const previewError = useTranslatedError(preview.error);
  const decideError = useTranslatedError(decide.error);
  const serverFieldError = useTranslatedError(serverField?.error);

  const previewField =
    preview.error instanceof TRPCClientError ? (preview.error.data?.field as string | undefined) : undefined;
  const problemField = serverField?.field ?? previewField;
  const serverProblem = problemField?.startsWith('facts.')
    ? { fact: problemField.slice('facts.'.length).split('.')[0] ?? '', message: serverFieldError ?? previewError ?? '' }
    : null;

  const setFact = (name: string, value: FactInput) => {
    setInputs((prev) => ({ ...prev, [name]: value }));
    if (serverField?.field === `facts.${name}`) setServerField(null);
  };

  const open = (kind: DecisionKind) => {
    if (!props.enabled || decide.isPending) return;
    if (needsFacts(kind) && !factsValid) {
      // Point at what is missing instead of opening a dialog that cannot succeed.
      setShowAllProblems(true);
      const first = rule.facts.find((f) => problems[f.name]);
      if (first) document.getElementById(factFieldId(first.name))?.focus();
      return;
    }
    decide.reset();
    setDialog(kind);
  };
  const shortcuts = props.enabled && dialog === null;
  useHotkey(DECISION_KEYS.apply, () => open('apply'), shortcuts);
  useHotkey(DECISION_KEYS.waive, () => open('waive'), shortcuts);
  useHotkey(DECISION_KEYS.dismiss, () => open('dismiss'), shortcuts);
  useHotkey(DECISION_KEYS.escalate, () => open('escalate'), shortcuts);
  useHotkey(
    'f',
    () => {
      const first = rule.facts[0];
      if (first) document.getElementById(factFieldId(first.name))?.focus();
    },
    shortcuts,
  );

  const submit = () => {
    if (!dialog || seenVersion === null) return;
    const kind = dialog;
    const reason = reasons[kind];
    decide.mutate(
      {
        id: c.id,
        version: seenVersion,
        decision: kind,
        ...(needsFacts(kind) ? { rule: c.rule, facts, violationAt } : {}),
        reason: reason.text.trim(),
        reasonTemplate: reason.template ?? undefined,
      },
      {
        onSuccess: (output) => {
          setDialog(null);
          props.onDecided(kind, output);
          void queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
          void queryClient.invalidateQueries({ queryKey: trpc.accounts.pathKey() });
          void queryClient.invalidateQueries({ queryKey: trpc.approvals.pathKey() });
        },
        onError: (error) => {
          const data = error instanceof TRPCClientError ? error.data : undefined;
          if (errorReason(error) === 'stale_version') {
            const current = (data?.details as { current?: { version: number; status: string } } | undefined)?.current;
            setDialog(null);
            setConflict({ refused: true, status: current?.status ?? c.status, version: current?.version ?? c.version });
            void queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
          } else if (
            typeof data?.field === 'string' &&
            (data.field.startsWith('facts') || data.field === 'violationAt')
          ) {
            setDialog(null);
            setShowAllProblems(true);
            setServerField({ field: data.field, error });
          }
        },
      },
    );
  };

  const continueWithLatest = () => {
    setSeenVersion(c.version);
    setConflict(null);
  };
  const shownConflict: Conflict | null =
    conflict ?? (changedLive ? { refused: false, status: c.status, version: c.version } : null);
  // After a refusal, "continue" is offered once the page shows the version the server reported.
  const canContinue = props.enabled && (!conflict || c.version >= conflict.version);

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
    const reasons4 =
      kind === 'apply' ? preview.data?.approvalReasons : kind === 'waive' ? waivePreview.data?.approvalReasons : [];
    return reasons4?.length ? t('decision.submitForApproval') : t(`decision.confirm.${kind}`);
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
      {shownConflict && (
        <CaseChangedAlert
          refused={shownConflict.refused}
          status={shownConflict.status}
          version={shownConflict.version}
          canContinue={canContinue}
          onContinue={continueWithLatest}
        />
      )}
      <FactsForm
        ruleId={rule.id}
        facts={rule.facts}
        inputs={inputs}
        onChange={setFact}
        problems={problems}
        showAllProblems={showAllProblems}
        serverProblem={serverProblem}
        disabled={!props.enabled}
      />
      <TextField
        id="decision-violation-at"
        type="datetime-local"
        size="small"
        fullWidth
        label={t('decision.violationAt', { zone: platformZoneName() })}
        value={violationLocal}
        onChange={(e) => {
          setViolationLocal(e.target.value);
          if (serverField?.field === 'violationAt') setServerField(null);
        }}
        disabled={!props.enabled}
        error={violationInvalid || problemField === 'violationAt'}
        helperText={
          violationInvalid
            ? t('decision.problem.time')
            : problemField === 'violationAt'
              ? (serverFieldError ?? previewError)
              : t('decision.violationAtHint')
        }
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <Box aria-live="polite" aria-busy={preview.isFetching || preview.settling}>
        {props.enabled && factsValid && !violationInvalid ? (
          preview.data ? (
            <Box sx={{ opacity: preview.isPlaceholderData || preview.settling ? 0.6 : 1 }}>
              <PreviewSummary preview={preview.data} />
            </Box>
          ) : preview.error && !serverProblem && problemField !== 'violationAt' ? (
            <Alert severity="error">{previewError}</Alert>
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
      {serverField && !serverProblem && problemField !== 'violationAt' && (
        <Alert severity="error">{serverFieldError}</Alert>
      )}
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {KINDS.map((kind) => (
          <Button
            key={kind}
            variant={kind === 'apply' ? 'contained' : 'outlined'}
            color={kind === 'apply' ? 'error' : kind === 'escalate' ? 'secondary' : 'primary'}
            onClick={() => open(kind)}
            disabled={!props.enabled || decide.isPending}
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
        kind={dialog}
        title={dialog ? t(`decision.dialogTitle.${dialog}`, { id: c.id }) : ''}
        confirmLabel={dialog ? confirmLabel(dialog) : ''}
        summary={dialog ? summaryFor(dialog) : null}
        reason={dialog ? reasons[dialog] : EMPTY_REASON}
        onReasonChange={(next) => dialog && setReasons((prev) => ({ ...prev, [dialog]: next }))}
        busy={decide.isPending || seenVersion === null}
        error={decide.isError ? decideError : null}
        onCancel={() => setDialog(null)}
        onConfirm={submit}
      />
    </Stack>
  );
}
