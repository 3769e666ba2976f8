import { Box, Button, List, ListItem, ListItemButton, ListItemText, Paper, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { SubjectRecordList, SubjectRecords } from '../../../shared/api/subjects';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';

type Page<L extends SubjectRecordList> = Extract<SubjectRecords, { list: L }>;
export type RecordItem<L extends SubjectRecordList> = Page<L>['items'][number];

export interface RecordRow {
  to: string;
  primary: ReactNode;
  secondary: ReactNode;
}

/**
 * One of the subject's lists, newest first: the first page comes with the subject page, "load
 * more" asks `subjects.records` for the next one (keyset), each row links to its own page.
 * Mount with a key per subject, so a new subject starts from its own first page.
 */
export function SubjectRecordsCard<L extends SubjectRecordList>(props: {
  subjectId: string;
  list: L;
  first: Omit<Page<L>, 'list'>;
  row(item: RecordItem<L>): RecordRow;
  footer?: ReactNode;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [more, setMore] = useState<RecordItem<L>[]>([]);
  const [cursor, setCursor] = useState(props.first.nextCursor);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errorText = useTranslatedError(error);
  const items = [...(props.first.items as RecordItem<L>[]), ...more];
  const titleId = `subject-${props.list}-title`;

  const loadMore = async () => {
    if (cursor === null) return;
    setLoading(true);
    setError(null);
    try {
      const page = (await queryClient.fetchQuery(
        trpc.subjects.records.queryOptions({ id: props.subjectId, list: props.list, cursor }),
      )) as Page<L>;
      setMore((prev) => [...prev, ...(page.items as RecordItem<L>[])]);
      setCursor(page.nextCursor);
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  };

  return (
    <Paper
      component="section"
      aria-labelledby={titleId}
      sx={{ p: 2, height: '100%' }}
      data-testid={`subject-${props.list}`}
    >
      <Typography variant="h6" component="h2" id={titleId}>
        {t(`subjectPage.lists.${props.list}`)}
      </Typography>
      {items.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {t('subjectPage.lists.empty')}
        </Typography>
      ) : (
        <List dense>
          {items.map((item) => {
            const row = props.row(item);
            return (
              <ListItem key={item.id} disablePadding divider>
                <ListItemButton component={RouterLink} to={row.to}>
                  <ListItemText primary={row.primary} secondary={row.secondary} />
                </ListItemButton>
              </ListItem>
            );
          })}
        </List>
      )}
      {errorText && (
        <Typography variant="body2" color="error" role="alert">
          {errorText}
        </Typography>
      )}
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 1 }}>
        {cursor !== null && (
          <Button size="small" onClick={() => void loadMore()} disabled={loading}>
            {t('subjectPage.lists.more')}
          </Button>
        )}
        {props.footer}
      </Box>
    </Paper>
  );
}
