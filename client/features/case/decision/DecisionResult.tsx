import { Alert, AlertTitle, Button, Stack } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecideOutput } from '../../../../shared/api/decisions';
import { useTranslatedError } from '../../../lib/useTranslatedError';
import { useClaimNextCase } from '../../worklist/nextCase';
import { NoticeDialog } from '../history/NoticeDialog';
import type { DecisionKind } from './decisionKinds';
import { useApprovalReasonsText } from './FourEyesNotice';

/**
 * What a decision did: submitted for a second person's approval, or in effect (with its
 * notice to the subject), dismissed or escalated. "Next case" has the focus, so Enter moves on
 * to the next case at once (claimed by the server, not through the queue page).
 */
export function DecisionResult(props: { caseId: number; kind: DecisionKind; output: DecideOutput }) {
  const { t } = useTranslation();
  const next = useClaimNextCase();
  const nextError = useTranslatedError(next.error);
  const reasonsText = useApprovalReasonsText();
  const [showNotice, setShowNotice] = useState(false);
  const nextRef = useRef<HTMLButtonElement>(null);
  useEffect(() => nextRef.current?.focus(), []);
  const { output } = props;
  const title = output.requiresApproval
    ? t('decision.result.submitted')
    : t(`decision.result.${props.kind}`, { status: t(`status.${output.status}`, { defaultValue: output.status }) });
  return (
    <Alert severity={output.requiresApproval ? 'info' : 'success'} data-testid="decision-result">
      <AlertTitle>{title}</AlertTitle>
      {output.requiresApproval && (
        <div>{t('decision.result.awaiting', { reasons: reasonsText(output.approvalReasons) })}</div>
      )}
      <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
        <Button
          ref={nextRef}
          variant="contained"
          size="small"
          onClick={() => next.claimNext()}
          disabled={next.pending}
          aria-keyshortcuts="n"
        >
          {t('decision.nextCase')}
        </Button>
        {output.noticeId !== null && (
          <Button size="small" variant="outlined" onClick={() => setShowNotice(true)}>
            {t('decision.result.viewNotice', { id: output.noticeId })}
          </Button>
        )}
      </Stack>
      {nextError && <div role="alert">{nextError}</div>}
      {output.noticeId !== null && (
        <NoticeDialog
          caseId={props.caseId}
          noticeId={output.noticeId}
          open={showNotice}
          onClose={() => setShowNotice(false)}
        />
      )}
    </Alert>
  );
}
