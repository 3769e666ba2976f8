import {
  Alert,
  Button,
  Checkbox,
  Chip,
  FormControlLabel,
  FormGroup,
  FormLabel,
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
import { Link as RouterLink, useNavigate } from 'react-router';
import { CALIBRATION_MAX_CASES } from '../../../shared/api/qaGold';
import { can } from '../../../shared/auth/roles';
import { FormDialog } from '../../lib/FormDialog';
import { LoadErrorAlert } from '../../lib/LoadErrorAlert';
import { formatPlatformTime } from '../../lib/platformTime';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { useSession } from '../auth/useSession';

/** Calibration sessions: leads see and create them all; a reviewer sees the ones they are invited to. */
export function CalibrationPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const { user } = useSession();
  const lead = Boolean(user && can(user.role, 'qa.manage'));
  const [creating, setCreating] = useState(false);
  const list = useQuery(trpc.qa.calibration.list.queryOptions());
  const rows = list.data ?? [];
  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t('qaGold.calibration.title')}
        </Typography>
        {lead && (
          <Button variant="contained" onClick={() => setCreating(true)}>
            {t('qaGold.calibration.create')}
          </Button>
        )}
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {t('qaGold.calibration.intro')}
      </Typography>
      {list.error && (
        <LoadErrorAlert onRetry={() => void list.refetch()}>{t('qaGold.calibration.loadFailed')}</LoadErrorAlert>
      )}
      <Paper>
        <Table size="small" aria-label={t('qaGold.calibration.title')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('qaGold.calibration.columns.name')}</TableCell>
              <TableCell>{t('qaGold.calibration.columns.createdBy')}</TableCell>
              <TableCell>{t('qaGold.calibration.columns.createdAt')}</TableCell>
              <TableCell>{t('qaGold.calibration.columns.items')}</TableCell>
              <TableCell>{t('qaGold.calibration.columns.progress')}</TableCell>
              <TableCell>{t('qaGold.calibration.columns.state')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.length === 0 && !list.isLoading && (
              <TableRow>
                <TableCell colSpan={6}>{t('qaGold.calibration.empty')}</TableCell>
              </TableRow>
            )}
            {rows.map((s) => {
              const mine = s.reviewers.find((r) => r.id === user?.id);
              const answered = s.reviewers.reduce((n, r) => n + r.answered, 0);
              return (
                <TableRow key={s.id} data-testid={`calibration-row-${s.id}`}>
                  <TableCell>
                    <RouterLink to={`/qa/calibration/${s.id}`}>{s.name}</RouterLink>
                  </TableCell>
                  <TableCell>{s.createdBy.name}</TableCell>
                  <TableCell>{formatPlatformTime(s.createdAt, i18n.language)}</TableCell>
                  <TableCell>{s.itemCount}</TableCell>
                  <TableCell>
                    {t('qaGold.calibration.progress', {
                      answered: mine ? mine.answered : answered,
                      total: mine ? s.itemCount : s.itemCount * s.reviewers.length,
                    })}
                  </TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      variant="outlined"
                      color={s.closedAt ? 'default' : 'primary'}
                      label={s.closedAt ? t('qaGold.calibration.closed') : t('qaGold.calibration.open')}
                    />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </Paper>
      {creating && <CreateSessionDialog onClose={() => setCreating(false)} />}
    </Stack>
  );
}

/** Case numbers typed as "12, 15 18": the ids, or undefined when something else is there. */
function parseIds(text: string): number[] | undefined {
  const parts = text.split(/[\s,，、]+/).filter(Boolean);
  const ids = parts.map(Number);
  return ids.every((n) => Number.isInteger(n) && n > 0) ? [...new Set(ids)] : undefined;
}

function CreateSessionDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [casesText, setCasesText] = useState('');
  const [reviewerIds, setReviewerIds] = useState<number[]>([]);
  const [goldIds, setGoldIds] = useState<number[]>([]);
  const candidates = useQuery(trpc.qa.calibration.candidates.queryOptions());
  const golds = useQuery(trpc.qa.gold.list.queryOptions({ includeRetired: false }));
  const create = useMutation(
    trpc.qa.calibration.create.mutationOptions({
      onSuccess: async ({ id }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.qa.calibration.pathKey() });
        navigate(`/qa/calibration/${id}`);
      },
    }),
  );
  const error = useTranslatedError(create.error);
  const caseIds = parseIds(casesText);
  const toggle = (list: number[], id: number) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
  const total = (caseIds?.length ?? 0) + goldIds.length;
  return (
    <FormDialog
      title={t('qaGold.calibration.createTitle')}
      pending={create.isPending}
      error={error}
      confirmLabel={t('qaGold.calibration.create')}
      incomplete={!name.trim() || !caseIds || total === 0 || total > CALIBRATION_MAX_CASES || reviewerIds.length < 2}
      onSubmit={() => caseIds && create.mutate({ name: name.trim(), caseIds, reviewerIds, goldCaseIds: goldIds })}
      onClose={onClose}
    >
      <Stack spacing={2} sx={{ pt: 1 }}>
        <TextField
          autoFocus
          label={t('qaGold.calibration.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          slotProps={{ htmlInput: { maxLength: 100 } }}
        />
        <TextField
          label={t('qaGold.calibration.cases', { max: CALIBRATION_MAX_CASES })}
          value={casesText}
          onChange={(e) => setCasesText(e.target.value)}
          error={!caseIds}
          helperText={caseIds ? ' ' : t('qaGold.calibration.casesInvalid')}
          slotProps={{ htmlInput: { 'data-testid': 'calibration-cases' } }}
        />
        {(golds.data ?? []).length > 0 && (
          <FormGroup>
            <FormLabel component="legend">{t('qaGold.calibration.goldCases')}</FormLabel>
            {(golds.data ?? []).map((g) => (
              <FormControlLabel
                key={g.id}
                control={
                  <Checkbox checked={goldIds.includes(g.id)} onChange={() => setGoldIds(toggle(goldIds, g.id))} />
                }
                label={`#${g.id} ${g.summary}`}
              />
            ))}
          </FormGroup>
        )}
        <FormGroup>
          <FormLabel component="legend">{t('qaGold.calibration.reviewers')}</FormLabel>
          {(candidates.data ?? []).map((u) => (
            <FormControlLabel
              key={u.id}
              control={
                <Checkbox
                  checked={reviewerIds.includes(u.id)}
                  onChange={() => setReviewerIds(toggle(reviewerIds, u.id))}
                />
              }
              label={u.name}
            />
          ))}
        </FormGroup>
        {candidates.error && <Alert severity="error">{t('qaGold.calibration.loadFailed')}</Alert>}
      </Stack>
    </FormDialog>
  );
}
