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

/** The new token, shown this once: the desk keeps only its hash. */
export function TokenShownOnce(props: { token: string; onClose(): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(props.token);
    setCopied(true);
  };
  return (
    <Dialog open aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>{t('tokens.shown.title')}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {t('tokens.shown.text')}
        </Alert>
        <TextField
          value={props.token}
          fullWidth
          label={t('tokens.shown.title')}
          slotProps={{
            htmlInput: { readOnly: true, 'data-testid': 'new-token', style: { fontFamily: 'monospace' } },
            input: {
              endAdornment: (
                <InputAdornment position="end">
                  <Tooltip title={copied ? t('tokens.shown.copied') : t('tokens.shown.copy')}>
                    <IconButton onClick={() => void copy()} aria-label={t('tokens.shown.copy')} edge="end">
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
          {t('tokens.shown.done')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
