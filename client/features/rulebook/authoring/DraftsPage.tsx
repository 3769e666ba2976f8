import { Add } from '@mui/icons-material';
import {
  Alert,
  Box,
  Button,
  LinearProgress,
  Link,
  MenuItem,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import type { RulebookDraftSummary } from '../../../../shared/api/rulebookDrafts';
import { can } from '../../../../shared/auth/roles';
import { DEFAULT_PLATFORM, PLATFORM_IDS, type PlatformId } from '../../../../shared/rulebook/platforms';
import { FormDialog } from '../../../lib/FormDialog';
import { LoadErrorAlert } from '../../../lib/LoadErrorAlert';
import { platformParam } from '../../../lib/platforms';
import { formatPlatformTime } from '../../../lib/platformTime';
import { useTRPC } from '../../../lib/trpc';
import { usePlatformName } from '../../../lib/usePlatformNames';
import { useTranslatedError } from '../../../lib/useTranslatedError';
import { useSession } from '../../auth/useSession';

/**
 * Rulebook drafts (`/rulebook/drafts`): publications waiting for a second admin first (they are
 * what someone must act on), then every draft; "New draft" copies a platform's rulebook in force.
 */
export function DraftsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  if (!user || !can(user.role, 'rulebook.manage')) {
    return <Alert severity="warning">{t('rulebookAuthoring.drafts.forbidden')}</Alert>;
  }
  return <Drafts />;
}

function Drafts() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [params] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const drafts = useQuery(trpc.rulebook.drafts.list.queryOptions());
  const errorText = useTranslatedError(drafts.error);
  const list = drafts.data ?? [];
  const pending = list.filter((d) => d.status === 'pending_approval');
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t('rulebookAuthoring.drafts.title')}
        </Typography>
        <Button variant="contained" startIcon={<Add />} onClick={() => setCreating(true)}>
          {t('rulebookAuthoring.drafts.create')}
        </Button>
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {t('rulebookAuthoring.drafts.intro')}
      </Typography>
      {drafts.isPending && <LinearProgress aria-label={t('common.loading')} />}
      {errorText && (
        <LoadErrorAlert onRetry={() => void drafts.refetch()} retrying={drafts.isFetching}>
          {t('rulebookAuthoring.drafts.loadFailed')}: {errorText}
        </LoadErrorAlert>
      )}
      {drafts.data && (
        <>
          <DraftTable
            title={t('rulebookAuthoring.drafts.pendingTitle')}
            empty={t('rulebookAuthoring.drafts.pendingEmpty')}
            drafts={pending}
            testId="drafts-pending"
            pending
          />
          <DraftTable
            title={t('rulebookAuthoring.drafts.mineTitle')}
            empty={t('rulebookAuthoring.drafts.empty')}
            drafts={list}
            testId="drafts-all"
          />
        </>
      )}
      {creating && (
        <NewDraftDialog
          initial={platformParam(params.get('platform')) || DEFAULT_PLATFORM}
          onClose={() => setCreating(false)}
        />
      )}
    </Stack>
  );
}

function DraftTable(props: {
  title: string;
  empty: string;
  drafts: RulebookDraftSummary[];
  testId: string;
  pending?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const platformName = usePlatformName();
  const headingId = `${props.testId}-heading`;
  return (
    <Paper variant="outlined" component="section" aria-labelledby={headingId} data-testid={props.testId}>
      <Typography variant="subtitle1" component="h2" id={headingId} sx={{ px: 2, pt: 1.5 }}>
        {props.title}
      </Typography>
      {props.drafts.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 1.5 }}>
          {props.empty}
        </Typography>
      ) : (
        <Table size="small" aria-labelledby={headingId}>
          <TableHead>
            <TableRow>
              <TableCell>{t('rulebookAuthoring.drafts.columns.platform')}</TableCell>
              <TableCell>{t('rulebookAuthoring.drafts.columns.basedOn')}</TableCell>
              <TableCell>{t('rulebookAuthoring.drafts.columns.status')}</TableCell>
              <TableCell>
                {props.pending
                  ? t('rulebookAuthoring.drafts.columns.requestedBy')
                  : t('rulebookAuthoring.drafts.columns.author')}
              </TableCell>
              <TableCell>
                {props.pending
                  ? t('rulebookAuthoring.drafts.columns.effectiveFrom')
                  : t('rulebookAuthoring.drafts.columns.updatedAt')}
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {props.drafts.map((d) => (
              <TableRow key={d.id} hover>
                <TableCell>
                  <Link component={RouterLink} to={`/rulebook/drafts/${d.id}${props.pending ? '?tab=publish' : ''}`}>
                    {platformName(d.platform)} #{d.id}
                  </Link>
                </TableCell>
                <TableCell>{t('rulebookAuthoring.drafts.version', { n: d.basedOnVersion })}</TableCell>
                <TableCell>{t(`rulebookAuthoring.status.${d.status}`)}</TableCell>
                <TableCell>{props.pending ? (d.publishRequestedBy?.name ?? '') : d.createdBy.name}</TableCell>
                <TableCell>
                  {props.pending ? (d.effectiveFrom ?? '') : formatPlatformTime(d.updatedAt, i18n.language)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}

function NewDraftDialog({ initial, onClose }: { initial: PlatformId; onClose(): void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const platformName = usePlatformName();
  const [platform, setPlatform] = useState<PlatformId>(initial);
  const create = useMutation(
    trpc.rulebook.drafts.create.mutationOptions({
      onSuccess: async (draft) => {
        await queryClient.invalidateQueries({ queryKey: trpc.rulebook.drafts.pathKey() });
        void navigate(`/rulebook/drafts/${draft.id}`);
      },
    }),
  );
  const errorText = useTranslatedError(create.error);
  return (
    <FormDialog
      title={t('rulebookAuthoring.drafts.createTitle')}
      text={t('rulebookAuthoring.drafts.createText')}
      pending={create.isPending}
      error={errorText}
      confirmLabel={t('rulebookAuthoring.drafts.create')}
      confirmTestId="draft-create-confirm"
      onSubmit={() => create.mutate({ platform })}
      onClose={onClose}
    >
      <Box>
        <TextField
          select
          fullWidth
          label={t('rulebookAuthoring.drafts.platform')}
          value={platform}
          onChange={(e) => setPlatform(e.target.value as PlatformId)}
          autoFocus
        >
          {PLATFORM_IDS.map((id) => (
            <MenuItem key={id} value={id}>
              {platformName(id)}
            </MenuItem>
          ))}
        </TextField>
      </Box>
    </FormDialog>
  );
}
