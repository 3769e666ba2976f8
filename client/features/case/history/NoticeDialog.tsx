import { Alert, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../lib/trpc';
import { useTranslatedError } from '../../../lib/useTranslatedError';
import { NoticeText } from './NoticeText';

/** One notice of the case, opened from a decision's result. */
export function NoticeDialog(props: { caseId: number; noticeId: number; open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const history = useQuery({ ...trpc.cases.history.queryOptions({ id: props.caseId }), enabled: props.open });
  const errorText = useTranslatedError(history.error);
  const notice = history.data?.notices.find((n) => n.id === props.noticeId);
  return (
    <Dialog open={props.open} onClose={props.onClose} fullWidth maxWidth="md">
      <DialogTitle>{t('history.notice.dialogTitle')}</DialogTitle>
      <DialogContent>
        {notice ? (
          <NoticeText notice={notice} />
        ) : errorText ? (
          <Alert severity="error">{errorText}</Alert>
        ) : (
          <CircularProgress aria-label={t('common.loading')} />
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('history.notice.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
