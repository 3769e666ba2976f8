import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FactView } from '../../../shared/api/rulebook';
import { useLocalized } from './rulebookContext';

/** What the reviewer records about a violation of the rule: the decision form's fields. */
export function FactsTable({ facts }: { facts: FactView[] }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  if (facts.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('rulebook.facts.none')}
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label={t('rulebook.facts.title')}>
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: 150 }}>{t('rulebook.facts.name')}</TableCell>
          <TableCell sx={{ width: 100 }}>{t('rulebook.facts.type')}</TableCell>
          <TableCell sx={{ width: 240 }}>{t('rulebook.facts.constraints')}</TableCell>
          <TableCell>{t('rulebook.facts.description')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {facts.map((fact) => (
          <TableRow key={fact.name} hover>
            <TableCell sx={{ fontFamily: 'monospace' }}>{fact.name}</TableCell>
            <TableCell>{t(`rulebook.facts.types.${fact.type}`)}</TableCell>
            <TableCell>{constraints(t, fact).join(' · ')}</TableCell>
            <TableCell>{localized(fact.description)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function constraints(t: TFunction, fact: FactView): string[] {
  const parts: string[] = [];
  if (fact.required) parts.push(t('rulebook.facts.required'));
  if (fact.requiredWhen) {
    parts.push(
      t('rulebook.facts.requiredWhen', { fact: fact.requiredWhen.fact, value: String(fact.requiredWhen.equals) }),
    );
  }
  if (fact.min !== null) parts.push(t('rulebook.facts.min', { value: fact.min }));
  if (fact.max !== null) parts.push(t('rulebook.facts.max', { value: fact.max }));
  if (fact.values) parts.push(fact.values.join(' / '));
  if (parts.length === 0) parts.push(t('rulebook.facts.optional'));
  return parts;
}
