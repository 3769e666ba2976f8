import { Alert, Button, List, ListItem, ListItemText, Paper, Stack, Typography } from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import type { StaffMember } from './staffTypes';

/**
 * Privileged grants (senior reviewer, lead, admin) waiting for a second admin: each can be
 * approved or rejected by any admin but the one who asked (the server holds that rule too).
 */
export function PendingGrants(props: { selfId: number; staff: StaffMember[]; onDecided(message: string): void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const grants = useQuery(trpc.users.grants.queryOptions());
  const decide = useMutation(trpc.users.decideGrant.mutationOptions());
  const error = useTranslatedError(decide.error);
  if (!grants.data?.length) return null;
  const nameOf = (id: number) => props.staff.find((s) => s.id === id)?.displayName ?? `#${id}`;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="pending-grants">
      <Typography variant="h6" component="h2">
        {t('admin.grants.title')}
      </Typography>
      {error && (
        <Alert severity="error" onClose={decide.reset}>
          {error}
        </Alert>
      )}
      <List dense>
        {grants.data.map((grant) => {
          const vars = { name: grant.displayName, role: t(`role.${grant.role}`), by: nameOf(grant.requestedBy) };
          const own = grant.requestedBy === props.selfId;
          const act = (approve: boolean) =>
            decide.mutate(
              { grantId: grant.id, approve },
              {
                onSuccess: () => props.onDecided(t(approve ? 'admin.grants.approved' : 'admin.grants.rejected', vars)),
              },
            );
          return (
            <ListItem
              key={grant.id}
              secondaryAction={
                own ? (
                  <Typography variant="body2" color="text.secondary">
                    {t('admin.grants.yours')}
                  </Typography>
                ) : (
                  <Stack direction="row" spacing={1}>
                    <Button size="small" variant="contained" disabled={decide.isPending} onClick={() => act(true)}>
                      {t('admin.grants.approve')}
                    </Button>
                    <Button size="small" disabled={decide.isPending} onClick={() => act(false)}>
                      {t('admin.grants.reject')}
                    </Button>
                  </Stack>
                )
              }
            >
              <ListItemText
                primary={t(grant.kind === 'create' ? 'admin.grants.create' : 'admin.grants.role', vars)}
                secondary={t('admin.grants.requestedBy', vars)}
              />
            </ListItem>
          );
        })}
      </List>
    </Paper>
  );
}
