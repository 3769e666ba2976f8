import {
  Button,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * One list of the outbox page (deliveries, DSA statements): what to say when it is empty, its
 * rows in a table under their column titles, and "load more" while pages remain.
 */
export function PagedTable<T extends { id: number }>(props: {
  labelledBy: string;
  testId: string;
  columns: { label: string; width?: number }[];
  /** Undefined until the first page arrives (nothing is said then). */
  items: T[] | undefined;
  empty: string;
  row(item: T): ReactNode;
  pages: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage(): unknown };
}) {
  const { t } = useTranslation();
  const { items, pages } = props;
  if (!items) return null;
  return (
    <>
      {items.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ py: 2 }}>
          {props.empty}
        </Typography>
      )}
      {items.length > 0 && (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-labelledby={props.labelledBy} data-testid={props.testId}>
            <TableHead>
              <TableRow>
                {props.columns.map((c) => (
                  <TableCell key={c.label} sx={c.width ? { width: c.width } : undefined}>
                    {c.label}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>{items.map((item) => props.row(item))}</TableBody>
          </Table>
        </TableContainer>
      )}
      {pages.hasNextPage && (
        <Button
          onClick={() => void pages.fetchNextPage()}
          disabled={pages.isFetchingNextPage}
          sx={{ alignSelf: 'center' }}
        >
          {t('outbox.loadMore')}
        </Button>
      )}
    </>
  );
}
