import ContentCopy from '@mui/icons-material/ContentCopy';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  InputAdornment,
  TextField,
  Tooltip,
} from '@mui/material';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The endpoint's signing secret, shown this once (the desk never shows it again). */
export function SecretDialog(props: { secret: string; onClose(): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(props.secret);
    setCopied(true);
  };
  return (
    <Dialog open aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>{t('outbox.secret.title')}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {t('outbox.secret.text')}
        </Alert>
        <TextField
          value={props.secret}
          fullWidth
          label={t('outbox.secret.title')}
          slotProps={{
            htmlInput: { readOnly: true, 'data-testid': 'endpoint-secret', style: { fontFamily: 'monospace' } },
            input: {
              endAdornment: (
                <InputAdornment position="end">
                  <Tooltip title={copied ? t('outbox.secret.copied') : t('outbox.secret.copy')}>
                    <IconButton onClick={() => void copy()} aria-label={t('outbox.secret.copy')} edge="end">
                      <ContentCopy />
                    </IconButton>
                  </Tooltip>
                </InputAdornment>
              ),
            },
          }}
        />
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={props.onClose}>
          {t('outbox.secret.done')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
