import Visibility from '@mui/icons-material/Visibility';
import { Box, IconButton, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../shared/auth/roles';
import type { PiiField } from '../../../../shared/pii/mask';
import { useSession } from '../../auth/useSession';
import { RevealPiiDialog } from './RevealPiiDialog';

/**
 * A subject's phone or address, masked, with a reveal button for staff allowed to see it.
 * The revealed value lives only in this component's state: leaving the page forgets it, and
 * seeing it again is another audited reveal. Mount with a key per subject and field.
 */
export function MaskedPii(props: { subjectId: string; caseId?: number; field: PiiField; masked: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [value, setValue] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const label = props.field === 'phone' ? t('pii.revealPhone') : t('pii.revealAddress');

  if (value !== null) {
    return (
      <Box data-testid={`pii-${props.field}`}>
        <span>{value}</span>
        <Typography variant="caption" color="text.secondary" component="div">
          {t('pii.recorded')}
        </Typography>
      </Box>
    );
  }
  return (
    <Box component="span" data-testid={`pii-${props.field}`} sx={{ display: 'inline-flex', alignItems: 'center' }}>
      <span>{props.masked}</span>
      {user && can(user.role, 'pii.reveal') && (
        <Tooltip title={label}>
          <IconButton size="small" aria-label={label} onClick={() => setAsking(true)} sx={{ ml: 0.5, p: 0.25 }}>
            <Visibility fontSize="inherit" />
          </IconButton>
        </Tooltip>
      )}
      {asking && (
        <RevealPiiDialog
          subjectId={props.subjectId}
          caseId={props.caseId}
          field={props.field}
          onClose={() => setAsking(false)}
          onRevealed={(revealed) => {
            setAsking(false);
            setValue(revealed);
          }}
        />
      )}
    </Box>
  );
}
