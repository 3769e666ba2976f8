import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { DraftCheckbox, DraftTextField } from './DraftFields';
import { useDraftEditing } from './draftEditing';

/** The draft's measures: their names in both languages and whether one seals the account. */
export function MeasuresEditor() {
  const { t } = useTranslation();
  const { rulebook } = useDraftEditing();
  return (
    <Table size="small" aria-label={t('rulebookAuthoring.editor.sections.measures')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('rulebookAuthoring.measure.labelZh')}</TableCell>
          <TableCell>{t('rulebookAuthoring.measure.labelEn')}</TableCell>
          <TableCell sx={{ width: 220 }}>{t('rulebookAuthoring.measure.seals')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {Object.keys(rulebook.measures).map((id) => (
          <TableRow key={id}>
            <TableCell>
              <DraftTextField path={['measures', id, 'label', 'zh']} label={t('rulebookAuthoring.measure.labelZh')} />
            </TableCell>
            <TableCell>
              <DraftTextField path={['measures', id, 'label', 'en']} label={t('rulebookAuthoring.measure.labelEn')} />
            </TableCell>
            <TableCell>
              <DraftCheckbox path={['measures', id, 'seals']} label={t('rulebookAuthoring.measure.seals')} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
