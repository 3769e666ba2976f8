import { Paper, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { TargetTags } from '../tags/TargetTags';

/**
 * The case's tags and its subject's, in the side column: under the decision panel, so the
 * decision form and the standing stay in view at 1440×900.
 */
export function CaseTags({ caseId, subjectId }: { caseId: number; subjectId: string }) {
  const { t } = useTranslation();
  return (
    <Paper sx={{ px: 2, py: 1.5 }} component="section" aria-label={t('tags.filter')}>
      <Stack spacing={1}>
        <TargetTags target={{ type: 'case', id: caseId }} label={t('tags.caseTags')} />
        <TargetTags target={{ type: 'subject', id: subjectId }} label={t('tags.subjectTags')} />
      </Stack>
    </Paper>
  );
}
