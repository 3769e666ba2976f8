import CallSplit from '@mui/icons-material/CallSplit';
import { Button, Chip, List, ListItem, ListItemText, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/api/caseDetail';
import { formatPlatformTime } from '../../lib/platformTime';
import { ReporterChips } from '../messages/ReporterChips';

/** Every report merged into the case, with its reporter and how credible they have been. */
export function ReportsCard(props: {
  reports: CaseDetail['reports'];
  canSplit: boolean;
  onSplit(reportId: number): void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Paper sx={{ p: 2 }}>
      <Typography variant="h6" component="h2">
        {t('case.reports', { count: props.reports.length })}
      </Typography>
      <List dense>
        {props.reports.map((r, i) => (
          <ListItem
            key={r.id}
            divider
            secondaryAction={
              props.canSplit && i > 0 ? (
                <Button size="small" startIcon={<CallSplit />} onClick={() => props.onSplit(r.id)}>
                  {t('case.split')}
                </Button>
              ) : undefined
            }
          >
            <ListItemText
              primary={r.summary}
              secondary={
                <Stack
                  direction="row"
                  spacing={1}
                  useFlexGap
                  component="span"
                  sx={{ flexWrap: 'wrap', alignItems: 'center' }}
                >
                  <span>{t(`source.${r.source}`)}</span>
                  <span>{formatPlatformTime(r.createdAt, i18n.language)}</span>
                  <span>#{r.externalId}</span>
                  {r.reporterId && (
                    <Chip
                      size="small"
                      component="span"
                      label={
                        r.reporterCredibility === null
                          ? t('case.reporter', { id: r.reporterId })
                          : t('case.reporterCredibility', {
                              id: r.reporterId,
                              percent: Math.round(r.reporterCredibility * 100),
                            })
                      }
                    />
                  )}
                  <ReporterChips report={r} />
                </Stack>
              }
            />
          </ListItem>
        ))}
      </List>
    </Paper>
  );
}
