import { Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatList } from '../../lib/formatList';
import { useLocalized, useRulebook } from '../rulebook/rulebookContext';

/** A finding's worth as the engine judges it: points on a ledger, and the measures it brings. */
export interface Worth {
  ledger: string;
  points: number;
  measures: string[];
}

/** "12 points · general violations; measures: …", in the rulebook's own names (never ids). */
export function VerdictWorth({ worth }: { worth: Worth }) {
  const { t, i18n } = useTranslation();
  const { ledgers, measures } = useRulebook();
  const localized = useLocalized();
  const ledger = ledgers.get(worth.ledger);
  const measureNames = worth.measures.map((id) => {
    const m = measures.get(id);
    return m ? localized(m.label) : id;
  });
  return (
    <Typography variant="body2" data-testid="qa-verdict-worth">
      {t('preview.points', { points: worth.points, ledger: ledger ? localized(ledger.name) : worth.ledger })}
      {measureNames.length > 0 && ` · ${formatList(measureNames, i18n.language)}`}
    </Typography>
  );
}
