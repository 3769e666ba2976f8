import { Alert, Box } from '@mui/material';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../lib/ConfirmDialog';
import { formatList } from '../../../lib/formatList';
import { useCasePresence } from './PresenceContext';

/**
 * Around the decision form: the first time the caller starts on it, they become "drafting" for
 * everyone else; if someone else is drafting already, they are asked first. Two decisions on
 * one case cannot both land (the second is refused as stale), so this saves the second
 * reviewer's work rather than guarding the record.
 */
export function DraftingGuard({ active, children }: { active: boolean; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { viewers, editing, setEditing } = useCasePresence();
  const [asking, setAsking] = useState(false);
  const [declined, setDeclined] = useState(false);
  const drafting = viewers.filter((v) => v.editing).map((v) => v.name);
  const names = formatList(drafting, i18n.language);

  const start = (target: EventTarget | null) => {
    if (!active || editing || asking) return;
    if (drafting.length && !declined) {
      if (target instanceof HTMLElement) target.blur();
      setAsking(true);
    } else setEditing(true);
  };

  return (
    <Box onFocusCapture={(e) => start(e.target)} onChangeCapture={(e) => start(e.target)}>
      {active && drafting.length > 0 && (
        <Alert severity="warning" sx={{ mb: 1 }} data-testid="drafting-warning">
          {t('presence.othersDrafting', { names })}
        </Alert>
      )}
      {children}
      {asking && (
        <ConfirmDialog
          title={t('presence.confirmTitle')}
          text={t('presence.confirmText', { names })}
          confirmLabel={t('presence.confirmContinue')}
          busy={false}
          error={null}
          onConfirm={() => {
            setAsking(false);
            setDeclined(true);
            setEditing(true);
          }}
          onClose={() => setAsking(false)}
        />
      )}
    </Box>
  );
}
