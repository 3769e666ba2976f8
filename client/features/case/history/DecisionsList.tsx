import { Chip, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatPlatformTime } from '../../../lib/platformTime';
import { useApprovalReasonsText } from '../decision/FourEyesNotice';
import { EmptyText } from './EmptyText';
import type { CaseHistoryView as CaseHistory } from './historyTypes';

type Decision = CaseHistory['decisions'][number];

/** Every decision on the case, newest first: kind, status, author, approver and note, batch. */
export function DecisionsList({ decisions }: { decisions: readonly Decision[] }) {
  const { t, i18n } = useTranslation();
  const reasonsText = useApprovalReasonsText();
  const time = (iso: string) => formatPlatformTime(iso, i18n.language);
  if (decisions.length === 0) return <EmptyText text={t('history.decisions.none')} />;
  return (
    <List dense disablePadding>
      {[...decisions].reverse().map((d) => (
        <ListItem key={d.id} disableGutters divider data-testid="history-decision">
          <ListItemText
            disableTypography
            primary={
              <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography variant="subtitle2">{t(`decisionKind.${d.kind}`, { defaultValue: d.kind })}</Typography>
                <Chip size="small" label={t(`decisionStatus.${d.status}`, { defaultValue: d.status })} />
                {d.batchId && (
                  <Chip size="small" variant="outlined" label={t('history.decisions.batch', { id: d.batchId })} />
                )}
              </Stack>
            }
            secondary={
              <Typography variant="body2" component="div" color="text.secondary">
                <div>{t('history.decisions.by', { name: d.decidedBy.name, at: time(d.decidedAt) })}</div>
                <div>{t('history.decisions.reason', { reason: d.reason })}</div>
                {d.approvalReasons.length > 0 && (
                  <div>
                    {t('history.decisions.fourEyes', {
                      reasons: reasonsText(d.approvalReasons),
                    })}
                  </div>
                )}
                {(d.status === 'overturned' || d.status === 'adjusted') && (
                  <div data-testid="decision-state-change">
                    {t('history.decisions.changedBy', {
                      status: t(`decisionStatus.${d.status}`),
                      name: d.statusChangedBy.name,
                      at: time(d.statusChangedAt),
                    })}
                  </div>
                )}
                {d.reviewedBy && (
                  <div>
                    {t(d.status === 'sent_back' ? 'history.decisions.sentBackBy' : 'history.decisions.approvedBy', {
                      name: d.reviewedBy.name,
                      at: d.reviewedAt ? time(d.reviewedAt) : '',
                    })}
                    {d.reviewNote && ` · ${t('history.decisions.note', { note: d.reviewNote })}`}
                  </div>
                )}
              </Typography>
            }
          />
        </ListItem>
      ))}
    </List>
  );
}
