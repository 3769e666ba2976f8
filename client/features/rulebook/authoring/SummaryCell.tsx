import { Box, Button, TableCell } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Rulebook } from '../../../../shared/rulebook';
import { useLocalized } from '../rulebookContext';
import { type ChangedFlags, describeSummary, type Summary } from './summaryText';

/** One side (before or after, live or shadow) of a subject's standing, a line per aspect. */
export function SummaryCell(props: { rulebook: Rulebook; summary: Summary; changed: ChangedFlags }) {
  const { t, i18n } = useTranslation();
  const localized = useLocalized();
  return (
    <TableCell>
      {describeSummary(t, localized, props.rulebook, props.summary, props.changed, i18n.language).map((line) => (
        <div key={line}>{line}</div>
      ))}
    </TableCell>
  );
}

/** "More" under a paged list of subjects or divergences. */
export function MorePages(props: {
  pages: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage(): unknown };
}) {
  const { t } = useTranslation();
  if (!props.pages.hasNextPage) return null;
  return (
    <Box>
      <Button onClick={() => void props.pages.fetchNextPage()} disabled={props.pages.isFetchingNextPage}>
        {t('rulebookAuthoring.simulation.more')}
      </Button>
    </Box>
  );
}
