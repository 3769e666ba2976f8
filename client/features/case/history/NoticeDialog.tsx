import { Alert, CircularProgress } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../lib/trpc';
import { useTranslatedError } from '../../../lib/useTranslatedError';
import { ViewDialog } from '../../../lib/ViewDialog';
import { NoticeText } from './NoticeText';

/** One notice of the case, opened from a decision's result. */
export function NoticeDialog(props: { caseId: number; noticeId: number; open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const history = useQuery({ ...trpc.cases.history.queryOptions({ id: props.caseId }), enabled: props.open });
  const errorText = useTranslatedError(history.error);
  const notice = history.data?.notices.find((n) => n.id === props.noticeId);
  return (
    <ViewDialog
      open={props.open}
      title={t('history.notice.dialogTitle')}
      closeLabel={t('history.notice.close')}
      maxWidth="md"
      onClose={props.onClose}
    >
      {notice ? (
        <NoticeText notice={notice} />
      ) : errorText ? (
        <Alert severity="error">{errorText}</Alert>
      ) : (
        <CircularProgress aria-label={t('common.loading')} />
      )}
    </ViewDialog>
  );
}
