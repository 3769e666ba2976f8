import PlayArrow from '@mui/icons-material/PlayArrow';
import { Button } from '@mui/material';
import { useTranslation } from 'react-i18next';

/** "Next QA task", with its shortcut shown as on the queue's "next case". */
export function NextQaTaskButton(props: { onClick(): void; pending: boolean; autoFocus?: boolean }) {
  const { t } = useTranslation();
  return (
    <Button
      variant="contained"
      startIcon={<PlayArrow />}
      onClick={props.onClick}
      disabled={props.pending}
      aria-keyshortcuts="n"
      autoFocus={props.autoFocus}
      title={t('qa.nextHint')}
    >
      {t('qa.next')}
    </Button>
  );
}
