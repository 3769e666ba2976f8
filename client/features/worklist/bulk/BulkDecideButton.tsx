import DoneAll from '@mui/icons-material/DoneAll';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseListItem } from '../../../../shared/api/caseList';
import { BulkDecideDialog } from './BulkDecideDialog';

/** "Decide selected": one decision for the cases ticked in the queue. */
export function BulkDecideButton({ rows, onDecided }: { rows: CaseListItem[]; onDecided(): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="outlined" startIcon={<DoneAll />} disabled={rows.length === 0} onClick={() => setOpen(true)}>
        {t('bulk.open', { count: rows.length })}
      </Button>
      <BulkDecideDialog open={open} rows={rows} onClose={() => setOpen(false)} onDecided={onDecided} />
    </>
  );
}
