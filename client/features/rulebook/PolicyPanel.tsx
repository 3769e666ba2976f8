import { Chip, Paper, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useLocalized, useRulebook, useRuleName } from './rulebookContext';

/** How the desk applies the rules on this platform: appeal windows and the four-eyes policy. */
export function PolicyPanel() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { view, measures } = useRulebook();
  const ruleName = useRuleName();
  const yesNo = (on: boolean) => (on ? t('rulebook.policy.required') : t('rulebook.policy.notRequired'));
  const { appeals, fourEyes } = view;
  return (
    <Stack spacing={2} sx={{ pt: 2 }}>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="subtitle1" component="h2" gutterBottom>
          {t('rulebook.policy.appealsTitle')}
        </Typography>
        <Table size="small" aria-label={t('rulebook.policy.appealsTitle')}>
          <TableBody>
            <TableRow>
              <TableCell sx={{ width: 280 }}>{t('rulebook.policy.defaultWindow')}</TableCell>
              <TableCell>{t('rulebook.policy.days', { count: appeals.defaultDays })}</TableCell>
            </TableRow>
            {appeals.byRule.map(({ ruleId, days }) => (
              <TableRow key={ruleId}>
                <TableCell title={ruleId}>{ruleName(ruleId)}</TableCell>
                <TableCell>{t('rulebook.policy.days', { count: days })}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {t('rulebook.policy.appealsNote')}
        </Typography>
      </Paper>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="subtitle1" component="h2" gutterBottom>
          {t('rulebook.policy.fourEyesTitle')}
        </Typography>
        <Table size="small" aria-label={t('rulebook.policy.fourEyesTitle')}>
          <TableBody>
            <TableRow>
              <TableCell sx={{ width: 280 }}>{t('rulebook.policy.seriousPoints')}</TableCell>
              <TableCell>{yesNo(fourEyes.seriousPoints)}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell>{t('rulebook.policy.sealing')}</TableCell>
              <TableCell>{yesNo(fourEyes.sealing)}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell>{t('rulebook.policy.waiveSerious')}</TableCell>
              <TableCell>{yesNo(fourEyes.waiveSerious)}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell>{t('rulebook.policy.measures')}</TableCell>
              <TableCell>
                <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
                  {fourEyes.measures.length === 0 && t('rulebook.policy.noMeasures')}
                  {fourEyes.measures.map((id) => {
                    const measure = measures.get(id);
                    return <Chip key={id} size="small" label={measure ? localized(measure.label) : id} title={id} />;
                  })}
                </Stack>
              </TableCell>
            </TableRow>
          </TableBody>
        </Table>
      </Paper>
    </Stack>
  );
}
