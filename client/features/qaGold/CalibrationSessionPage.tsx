import { Alert, Button, Card, CardContent, Chip, Divider, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { CalibrationDetail } from '../../../shared/api/qaGold';
import { can } from '../../../shared/auth/roles';
import { ConfirmDialog } from '../../lib/ConfirmDialog';
import { LoadErrorAlert } from '../../lib/LoadErrorAlert';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { useSession } from '../auth/useSession';
import { CalibrationMatrixView } from './CalibrationMatrixView';
import { type VerdictDraft, VerdictFields, verdictOf } from './VerdictFields';
import { useVerdictText } from './verdictText';

type Item = CalibrationDetail['items'][number];

/** One calibration session: the blind answer page while open, the matrix and everyone's answers once closed. */
export function CalibrationSessionPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const id = Number(useParams().id);
  const session = useQuery({
    ...trpc.qa.calibration.get.queryOptions({ id }),
    enabled: Number.isInteger(id) && id > 0,
  });
  const [closing, setClosing] = useState(false);
  const close = useMutation(
    trpc.qa.calibration.close.mutationOptions({
      onSuccess: async () => {
        setClosing(false);
        await queryClient.invalidateQueries({ queryKey: trpc.qa.calibration.pathKey() });
      },
    }),
  );
  const closeError = useTranslatedError(close.error);
  const loadError = useTranslatedError(session.error);
  const s = session.data;
  if (session.error) return <LoadErrorAlert onRetry={() => void session.refetch()}>{loadError}</LoadErrorAlert>;
  if (!s) return null;
  const lead = Boolean(user && can(user.role, 'qa.manage'));
  const closed = s.closedAt !== null;
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t('qaGold.calibration.answerTitle', { name: s.name })}
        </Typography>
        <Chip
          variant="outlined"
          color={closed ? 'default' : 'primary'}
          label={closed ? t('qaGold.calibration.closed') : t('qaGold.calibration.open')}
        />
        {lead && !closed && (
          <Button variant="contained" onClick={() => setClosing(true)}>
            {t('qaGold.calibration.close')}
          </Button>
        )}
      </Stack>
      {!closed && <Alert severity="info">{t('qaGold.calibration.blindNote')}</Alert>}
      {!closed && !s.invited && <Alert severity="warning">{t('qaGold.calibration.notInvited')}</Alert>}
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {s.reviewers.map((r) => (
          <Chip
            key={r.id}
            size="small"
            label={`${r.name} · ${t('qaGold.calibration.progress', { answered: r.answered, total: s.itemCount })}`}
          />
        ))}
      </Stack>
      {closed && s.matrix && <CalibrationMatrixView sessionId={s.id} matrix={s.matrix} />}
      {s.items.map((item, i) => (
        <ItemCard
          key={item.caseId}
          sessionId={s.id}
          item={item}
          n={i + 1}
          total={s.items.length}
          canAnswer={s.invited && !closed}
          names={new Map(s.reviewers.map((r) => [r.id, r.name]))}
        />
      ))}
      {closing && (
        <ConfirmDialog
          title={t('qaGold.calibration.closeTitle')}
          text={t('qaGold.calibration.closeText')}
          confirmLabel={t('qaGold.calibration.close')}
          busy={close.isPending}
          error={closeError}
          onConfirm={() => close.mutate({ id: s.id })}
          onClose={() => {
            setClosing(false);
            close.reset();
          }}
        />
      )}
    </Stack>
  );
}

function ItemCard(props: {
  sessionId: number;
  item: Item;
  n: number;
  total: number;
  canAnswer: boolean;
  names: Map<number, string>;
}) {
  const { t } = useTranslation();
  const { item } = props;
  const { verdict, ruleName } = useVerdictText();
  return (
    <Card variant="outlined" data-testid={`calibration-item-${props.n}`}>
      <CardContent>
        <Stack spacing={1.5}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Typography variant="subtitle1" component="h2" sx={{ flexGrow: 1 }}>
              {t('qaGold.calibration.item', { n: props.n, total: props.total })} · {ruleName(item.case.rule)}
            </Typography>
            {item.gold && <Chip size="small" color="warning" label={t('qaGold.calibration.goldItem')} />}
            {item.myAnswer && <Chip size="small" color="success" label={t('qaGold.calibration.answered')} />}
          </Stack>
          <Typography variant="body2">
            <strong>{t('qaGold.calibration.summary')}：</strong>
            {item.case.summary}
          </Typography>
          {item.case.reports.length > 0 && (
            <Stack spacing={0.5}>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {t('qaGold.calibration.reports')}
              </Typography>
              {item.case.reports.map((r, i) => (
                // Reports have no id in the blind view; their order is stable.
                // biome-ignore lint/suspicious/noArrayIndexKey: stable order, no id
                <Typography key={i} variant="body2" color="text.secondary">
                  {r.summary}
                </Typography>
              ))}
            </Stack>
          )}
          <Stack spacing={0.5}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {t('qaGold.calibration.evidence')}
            </Typography>
            {item.case.evidence.length === 0 && (
              <Typography variant="body2" color="text.secondary">
                {t('qaGold.calibration.noEvidence')}
              </Typography>
            )}
            {item.case.evidence.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: stable order, no id
              <Typography key={i} variant="body2" color="text.secondary">
                {e.title}
                {e.text ? `：${e.text}` : ''}
              </Typography>
            ))}
          </Stack>
          {item.answers && (
            <>
              <Divider />
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {t('qaGold.calibration.answers')}
              </Typography>
              {item.answers.map((a) => (
                <Typography key={a.reviewerId} variant="body2">
                  {props.names.get(a.reviewerId) ?? a.reviewerId}：{verdict(a)}（{a.reason}）
                </Typography>
              ))}
              {item.goldAnswer && (
                <Typography variant="body2">
                  {t('qaGold.calibration.goldAnswer')}：{verdict(item.goldAnswer)}
                </Typography>
              )}
              {item.realDecision && (
                <Typography variant="body2">
                  {t('qaGold.calibration.realDecision')}：{verdict(item.realDecision)}
                </Typography>
              )}
            </>
          )}
          {props.canAnswer && <AnswerForm sessionId={props.sessionId} item={item} n={props.n} />}
        </Stack>
      </CardContent>
    </Card>
  );
}

function AnswerForm({ sessionId, item, n }: { sessionId: number; item: Item; n: number }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mine = item.myAnswer;
  const [draft, setDraft] = useState<VerdictDraft>({
    decision: mine?.decision ?? 'apply',
    facts: mine && Object.keys(mine.facts).length ? JSON.stringify(mine.facts) : '',
  });
  const [reason, setReason] = useState(mine?.reason ?? '');
  const answer = useMutation(
    trpc.qa.calibration.answer.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.qa.calibration.pathKey() }),
    }),
  );
  const error = useTranslatedError(answer.error);
  const verdict = verdictOf(item.case.rule, draft);
  return (
    <Stack spacing={2} component="form" onSubmit={(e) => e.preventDefault()}>
      <Divider />
      <VerdictFields
        rule={item.case.rule}
        value={draft}
        onChange={setDraft}
        decisionLabel={t('qaGold.calibration.decision')}
        ruleLabel={t('qaGold.calibration.rule')}
        factsLabel={t('qaGold.mark.facts')}
        idPrefix={`answer-${n}`}
      />
      <TextField
        label={t('qaGold.calibration.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        slotProps={{ htmlInput: { maxLength: 2000, 'data-testid': `answer-${n}-reason` } }}
      />
      {error && <Alert severity="error">{error}</Alert>}
      {answer.isSuccess && <Alert severity="success">{t('qaGold.calibration.saved')}</Alert>}
      <Stack direction="row">
        <Button
          variant="contained"
          type="submit"
          disabled={!verdict || !reason.trim() || answer.isPending}
          onClick={() =>
            verdict && answer.mutate({ sessionId, caseId: item.caseId, ...verdict, reason: reason.trim() })
          }
          data-testid={`answer-${n}-submit`}
        >
          {t('qaGold.calibration.submit')}
        </Button>
      </Stack>
    </Stack>
  );
}
