import Edit from '@mui/icons-material/Edit';
import { Button, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueView } from '../../../shared/api/queues';
import { formatList } from '../../lib/formatList';
import { LoadErrorAlert } from '../../lib/LoadErrorAlert';
import type { Notify } from '../../lib/SuccessSnackbar';
import { useTRPC } from '../../lib/trpc';
import { useRuleLabel } from '../../lib/usePlatformNames';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { queueName } from '../queueAdmin/queueName';
import { QaPolicyDialog } from './QaPolicyDialog';

/** Queue administration's QA part, for leads: each queue's sampling policy and its editor. */
export function QaPoliciesSection({ queues, notify }: { queues: QueueView[]; notify: Notify }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ruleLabel = useRuleLabel();
  const query = useQuery(trpc.qa.policies.queryOptions());
  const errorText = useTranslatedError(query.error);
  const [editing, setEditing] = useState<QueueView | null>(null);
  const policyOf = (id: string) => query.data?.find((p) => p.queueId === id);
  const summary = (id: string) => {
    const p = policyOf(id);
    if (!p || (p.percent === 0 && !p.alwaysRules.length && !p.alwaysSeals && !p.alwaysSeriousWaivers))
      return [t('qa.policy.off')];
    return [
      t('qa.policy.summary', { percent: p.percent }),
      ...(p.alwaysRules.length
        ? [t('qa.policy.summaryRules', { rules: formatList(p.alwaysRules.map(ruleLabel), i18n.language) })]
        : []),
      ...(p.alwaysSeals ? [t('qa.policy.alwaysSeals')] : []),
      ...(p.alwaysSeriousWaivers ? [t('qa.policy.alwaysSeriousWaivers')] : []),
    ];
  };
  return (
    <Paper component="section" aria-labelledby="qa-policies-title" sx={{ p: 2 }}>
      <Typography id="qa-policies-title" variant="h6" component="h2">
        {t('qa.policy.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('qa.policy.intro')}
      </Typography>
      {errorText && (
        <LoadErrorAlert onRetry={() => void query.refetch()} retrying={query.isFetching}>
          {t('qa.policy.loadFailed')}: {errorText}
        </LoadErrorAlert>
      )}
      {query.data && (
        <Table size="small" aria-labelledby="qa-policies-title">
          <TableHead>
            <TableRow>
              <TableCell>{t('qa.policy.queue')}</TableCell>
              <TableCell>{t('qa.policy.percent')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {queues.map((q) => {
              const name = queueName(q, i18n.language);
              return (
                <TableRow key={q.id} data-testid={`qa-policy-${q.id}`}>
                  <TableCell>{name}</TableCell>
                  <TableCell>
                    <Stack spacing={0.25}>
                      {summary(q.id).map((line) => (
                        <span key={line}>{line}</span>
                      ))}
                    </Stack>
                  </TableCell>
                  <TableCell align="right">
                    <Button
                      size="small"
                      startIcon={<Edit />}
                      onClick={() => setEditing(q)}
                      aria-label={t('qa.policy.editOf', { queue: name })}
                    >
                      {t('qa.policy.edit')}
                    </Button>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {editing && (
        <QaPolicyDialog
          queueId={editing.id}
          queueLabel={queueName(editing, i18n.language)}
          policy={policyOf(editing.id)}
          onClose={() => setEditing(null)}
          onSaved={() => {
            notify(t('qa.policy.saved', { queue: queueName(editing, i18n.language) }));
            setEditing(null);
            void queryClient.invalidateQueries({ queryKey: trpc.qa.policies.queryKey() });
          }}
        />
      )}
    </Paper>
  );
}
