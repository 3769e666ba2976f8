import LockOutlined from '@mui/icons-material/LockOutlined';
import { Chip, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { measureUsage } from './ledgerUsage';
import { useLocalized, useRulebook, useRuleName } from './rulebookContext';

/** The measures table: every restriction or sanction, and the rules and ledgers that apply it. */
export function MeasuresPanel() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { view, ledgers } = useRulebook();
  const usage = useMemo(() => measureUsage(view), [view]);
  const ruleName = useRuleName();
  return (
    <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
      <Table size="small" stickyHeader aria-label={t('rulebook.tabs.measures')}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 220 }}>{t('rulebook.measures.name')}</TableCell>
            <TableCell sx={{ width: 220 }}>{t('rulebook.measures.id')}</TableCell>
            <TableCell sx={{ width: 110 }}>{t('rulebook.measures.seals')}</TableCell>
            <TableCell>{t('rulebook.measures.usedBy')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {view.measures.map((measure) => {
            const used = usage.get(measure.id);
            return (
              <TableRow key={measure.id} hover>
                <TableCell sx={{ fontWeight: 500 }}>{localized(measure.label)}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace', fontSize: 12, color: 'text.secondary' }}>
                  {measure.id}
                </TableCell>
                <TableCell>
                  {measure.seals && (
                    <Chip size="small" color="error" icon={<LockOutlined />} label={t('rulebook.measures.sealsYes')} />
                  )}
                </TableCell>
                <TableCell>
                  <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
                    {used?.ledgers.map((id) => {
                      const ledger = ledgers.get(id);
                      return (
                        <Chip
                          key={`ledger-${id}`}
                          size="small"
                          color="primary"
                          variant="outlined"
                          label={t('rulebook.measures.nodeOf', { ledger: ledger ? localized(ledger.name) : id })}
                        />
                      );
                    })}
                    {used?.rules.map((id) => (
                      <Chip key={id} size="small" label={ruleName(id)} title={id} />
                    ))}
                  </Stack>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Paper>
  );
}
