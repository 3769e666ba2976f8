import { Alert, Button, Card, CardContent, CardHeader, Link, Stack } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { CaseDetail } from '../../../shared/api/caseDetail';
import { can } from '../../../shared/auth/roles';
import { LabeledField } from '../../lib/LabeledField';
import { formatPlatformTime } from '../../lib/platformTime';
import { useTRPC } from '../../lib/trpc';
import { useNow } from '../../lib/useNow';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { useSession } from '../auth/useSession';
import { AppealStageChip, AppealStatusChip } from './AppealStageChip';
import { FileAppealDialog } from './FileAppealDialog';

/**
 * The case page's view of the appeal side (`appeals.status`): the stage the member sees, until
 * when they may appeal or must send evidence, the appeal itself, and for intake staff a way to
 * file on the member's behalf. Nothing shows while there is no decision to appeal.
 */
export function CaseAppealBox({ c }: { c: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const { user } = useSession();
  const now = useNow(30_000);
  const [filing, setFiling] = useState(false);
  const query = useQuery(trpc.appeals.status.queryOptions({ caseId: c.id }));
  const errorText = useTranslatedError(query.error);
  // The case page is kept live; an appeal filed or ruled moves the case, so follow its version.
  const seenVersion = useRef(c.version);
  const { refetch } = query;
  useEffect(() => {
    if (seenVersion.current === c.version) return;
    seenVersion.current = c.version;
    void refetch();
  }, [c.version, refetch]);

  if (errorText) return <Alert severity="error">{errorText}</Alert>;
  const s = query.data;
  if (!s || s.stage === 'none') return null;
  const time = (iso: string) => formatPlatformTime(iso, i18n.language);
  const future = (iso: string | null) => iso !== null && Date.parse(iso) > now;
  // A first appeal while the window is open, or the evidence the member was asked for in time.
  const answering = s.appeal?.status === 'pending_member';
  const canFile =
    Boolean(user && can(user.role, 'appeals.intake')) &&
    s.stage === 'pending_member' &&
    (answering ? s.evidenceDeadline === null || future(s.evidenceDeadline) : !s.appeal && future(s.appealUntil));
  return (
    <Card variant="outlined" data-testid="case-appeal">
      <CardHeader
        title={t('appeals.caseBox.title')}
        action={<AppealStageChip stage={s.stage} />}
        slotProps={{ title: { variant: 'h6', component: 'h2' } }}
      />
      <CardContent sx={{ pt: 0 }}>
        <Stack spacing={1.5}>
          {s.appealUntil && <LabeledField label={t('appeals.caseBox.appealUntil')}>{time(s.appealUntil)}</LabeledField>}
          {s.evidenceDeadline && (
            <LabeledField label={t('appeals.detail.evidenceDeadline')}>{time(s.evidenceDeadline)}</LabeledField>
          )}
          {s.appeal && (
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Link component={RouterLink} to={`/appeals/${s.appeal.id}`}>
                {t('appeals.caseBox.open', { id: s.appeal.id })}
              </Link>
              <AppealStatusChip status={s.appeal.status} />
            </Stack>
          )}
          {canFile && (
            <Button variant="outlined" onClick={() => setFiling(true)} sx={{ alignSelf: 'flex-start' }}>
              {answering ? t('appeals.caseBox.answer') : t('appeals.caseBox.file')}
            </Button>
          )}
        </Stack>
      </CardContent>
      <FileAppealDialog caseId={c.id} open={filing} answering={answering} onClose={() => setFiling(false)} />
    </Card>
  );
}
