import { Alert, Paper, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/api/caseDetail';
import type { DecideOutput } from '../../../../shared/api/decisions';
import { can } from '../../../../shared/auth/roles';
import { useTRPC } from '../../../lib/trpc';
import { useSession } from '../../auth/useSession';
import { RulebookGate } from '../../rulebook/RulebookGate';
import { useLocalized, useRulebook } from '../../rulebook/rulebookContext';
import { DraftingGuard } from '../presence/DraftingGuard';
import { useCasePresence } from '../presence/PresenceContext';
import { DecisionForm } from './DecisionForm';
import { DecisionResult } from './DecisionResult';
import type { DecisionKind } from './decisionKinds';
import { PendingApprovalNote } from './PendingApprovalNote';

/**
 * The decision panel of the case page, for staff who may decide: the rule's facts, the
 * engine's live preview, and apply / waive / dismiss / escalate. While a decision waits
 * for four-eyes it says so instead. Mount it with `key={c.id}`: its state belongs to one case.
 */
export function DecisionPanel({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const { user } = useSession();
  // Kept here, above the form: the result stays on screen after the case's status moves on.
  const [result, setResult] = useState<{ kind: DecisionKind; output: DecideOutput } | null>(null);
  const { setEditing } = useCasePresence();
  const mayDecide = Boolean(user && can(user.role, 'cases.decide'));
  const decidable = c.allowedEvents.includes('decide') || c.allowedEvents.includes('dismiss');
  // The server refuses a case someone else holds unless a lead decides it.
  const held = Boolean(user && c.assignee && c.assignee.id !== user.id && !can(user.role, 'queues.manage'));
  const enabled = mayDecide && decidable && !held;
  // Once the form was usable it stays, even if the case moves on under the reviewer: their
  // input and the "changed since you opened it" explanation must not vanish.
  const [engaged, setEngaged] = useState(enabled);
  if (enabled && !engaged) setEngaged(true);
  if (!mayDecide) return null;
  const pending = c.status === 'pending_approval';
  let body: ReactNode;
  if (result) body = <DecisionResult caseId={c.id} kind={result.kind} output={result.output} />;
  else if (pending) body = <PendingApprovalNote caseId={c.id} />;
  else if (enabled || engaged) {
    body = (
      <DecisionBody
        c={c}
        enabled={enabled}
        heldBy={held ? (c.assignee?.name ?? null) : null}
        onDecided={(kind, output) => {
          setResult({ kind, output });
          setEditing(false);
        }}
      />
    );
  } else if (held && decidable)
    body = <Alert severity="info">{t('decision.heldBy', { name: c.assignee?.name ?? '' })}</Alert>;
  // A closed case has nothing to decide: its decisions are in the history.
  else return null;
  return (
    <Paper
      // Compact notices, so the whole form and its buttons fit beside the case at 1440×900.
      sx={{ p: 2, '& .MuiAlert-root': { py: 0 }, '& .MuiAlert-message, & .MuiAlert-icon': { py: 0.5 } }}
      component="section"
      aria-labelledby="decision-title"
    >
      <Typography id="decision-title" variant="h6" component="h2" sx={{ mb: 1 }}>
        {t('decision.title')}
      </Typography>
      <RulebookGate>
        {/* Always the same wrapper, so a case moving on under the reviewer never remounts their form. */}
        <DraftingGuard active={enabled && !result && !pending}>{body}</DraftingGuard>
      </RulebookGate>
    </Paper>
  );
}

function DecisionBody(props: {
  c: CaseDetail;
  enabled: boolean;
  heldBy: string | null;
  onDecided(kind: DecisionKind, output: DecideOutput): void;
}) {
  const { c } = props;
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { view } = useRulebook();
  const localized = useLocalized();
  const history = useQuery(trpc.cases.history.queryOptions({ id: c.id }));
  const rule = view.rules.find((r) => r.id === c.rule);
  if (!rule) return <Typography color="error">{t('decision.unknownRule', { rule: c.rule })}</Typography>;
  // Wait for the history: a decision sent back refills the form with what its author entered.
  if (!history.data && !history.error) return null;
  // The latest decision, if sent back, stays the latest until the next one is made: a stable key.
  const latest = history.data?.decisions.at(-1);
  const sentBack = latest?.status === 'sent_back' ? latest : null;
  return (
    <Stack spacing={1.5}>
      <Typography variant="body2" color="text.secondary">
        {t('decision.rule', { rule: localized(rule.name) })}
      </Typography>
      <DecisionForm
        // A new case, or a decision sent back, starts a fresh form.
        key={`${c.id}-${sentBack?.id ?? 0}`}
        c={c}
        rule={rule}
        sentBack={sentBack}
        enabled={props.enabled}
        heldBy={props.heldBy}
        onDecided={props.onDecided}
      />
    </Stack>
  );
}
