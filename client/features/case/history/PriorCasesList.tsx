import { Chip, List, ListItemButton, ListItemText, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { formatPlatformTime } from '../../../lib/platformTime';
import { EmptyText } from './EmptyText';
import type { CaseHistoryView as CaseHistory } from './historyTypes';

/** The subject's other cases, newest first, each a link. */
export function PriorCasesList({ cases }: { cases: CaseHistory['priorCases'] }) {
  const { t, i18n } = useTranslation();
  if (cases.length === 0) return <EmptyText text={t('history.prior.none')} />;
  return (
    <List dense disablePadding>
      {cases.map((p) => (
        <ListItemButton key={p.id} component={RouterLink} to={`/cases/${p.id}`} divider>
          <ListItemText
            primary={
              <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <span>
                  {t('case.title', { id: p.id })} · {t(`rule.${p.rule}`, { defaultValue: p.rule })}
                </span>
                <Chip size="small" label={t(`status.${p.status}`, { defaultValue: p.status })} />
                {(p.decisionStatus === 'overturned' || p.decisionStatus === 'adjusted') && (
                  <Chip
                    size="small"
                    color="warning"
                    variant="outlined"
                    label={t(`decisionStatus.${p.decisionStatus}`)}
                  />
                )}
              </Stack>
            }
            secondary={`${formatPlatformTime(p.createdAt, i18n.language)} · ${p.summary}`}
          />
        </ListItemButton>
      ))}
    </List>
  );
}
