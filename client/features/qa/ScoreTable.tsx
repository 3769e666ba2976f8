import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { QaScoresView } from '../../../shared/api/qa';
import { SCORED_FIELDS } from '../../../shared/qa/score';
import { AgreementChip } from './ScoreChips';

/** The field-by-field score of a disagreement, one row per scored field. */
export function ScoreTable({ scores }: { scores: QaScoresView }) {
  const { t } = useTranslation();
  return (
    <Table size="small" aria-label={t('qa.adjudication.scores')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('qa.adjudication.fieldColumn')}</TableCell>
          <TableCell>{t('qa.adjudication.scoreColumn')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {SCORED_FIELDS.map((f) => (
          <TableRow key={f}>
            <TableCell>{t(`qa.fields.${f}`)}</TableCell>
            <TableCell>
              <AgreementChip field={f} agreement={scores[f]} bare />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
