import {
  Alert,
  Button,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QA_OUTCOMES, type QaOutcome } from '../../../shared/api/qa';
import { ConfirmDialog } from '../../lib/ConfirmDialog';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';

export interface Adjudicated {
  taskId: number;
  outcome: QaOutcome;
  note: string;
}

/**
 * The lead's ruling on one disagreement: uphold, correct or reverse, with a note the original
 * reviewer reads. It is final, so it asks first; a correction or reversal goes through the
 * decision path on the server (standing, notice and outbox follow).
 */
export function AdjudicateForm(props: { taskId: number; disabled: boolean; onDone(result: Adjudicated): void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<QaOutcome | null>(null);
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const [noteTouched, setNoteTouched] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const adjudicate = useMutation(trpc.qa.adjudicate.mutationOptions());
  const errorText = useTranslatedError(adjudicate.error);
  const noteMissing = note.trim().length === 0;
  const open = () => {
    setTried(true);
    if (!outcome || noteMissing) return;
    adjudicate.reset();
    setConfirming(true);
  };
  const confirm = () => {
    if (!outcome) return;
    adjudicate.mutate(
      { taskId: props.taskId, outcome, note: note.trim() },
      {
        onSuccess: () => {
          setConfirming(false);
          props.onDone({ taskId: props.taskId, outcome, note: note.trim() });
          void queryClient.invalidateQueries({ queryKey: trpc.qa.pathKey() });
          void queryClient.invalidateQueries({ queryKey: trpc.metrics.pathKey() });
          void queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
        },
      },
    );
  };
  return (
    <Stack spacing={2} component="section" aria-label={t('qa.adjudication.outcome')}>
      <FormControl error={tried && !outcome} disabled={props.disabled}>
        <FormLabel id={`qa-outcome-${props.taskId}`} required>
          {t('qa.adjudication.outcome')}
        </FormLabel>
        <RadioGroup
          aria-labelledby={`qa-outcome-${props.taskId}`}
          value={outcome ?? ''}
          onChange={(e) => setOutcome(e.target.value as QaOutcome)}
        >
          {QA_OUTCOMES.map((o) => (
            <FormControlLabel
              key={o}
              value={o}
              control={<Radio size="small" />}
              label={
                <span>
                  {t(`qa.adjudication.outcomes.${o}`)}
                  <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                    {t(`qa.adjudication.outcomeHints.${o}`)}
                  </Typography>
                </span>
              }
            />
          ))}
        </RadioGroup>
        {tried && !outcome && <FormHelperText>{t('qa.verdict.required')}</FormHelperText>}
      </FormControl>
      <TextField
        id={`qa-adjudication-note-${props.taskId}`}
        label={t('qa.adjudication.note')}
        required
        multiline
        minRows={2}
        fullWidth
        value={note}
        disabled={props.disabled}
        onChange={(e) => setNote(e.target.value)}
        onBlur={() => setNoteTouched(true)}
        error={(tried || noteTouched) && noteMissing}
        helperText={(tried || noteTouched) && noteMissing ? t('qa.verdict.required') : t('qa.adjudication.noteHint')}
        slotProps={{ htmlInput: { maxLength: 2000 } }}
      />
      {props.disabled && <Alert severity="info">{t('qa.adjudication.selfHint')}</Alert>}
      <div>
        <Button variant="contained" onClick={open} disabled={props.disabled || adjudicate.isPending}>
          {t('qa.adjudication.decide')}
        </Button>
      </div>
      {confirming && outcome && (
        <ConfirmDialog
          title={t('qa.adjudication.confirmTitle', { id: props.taskId })}
          text={t('qa.adjudication.confirmText', { outcome: t(`qa.adjudication.outcomes.${outcome}`) })}
          confirmLabel={t('qa.adjudication.confirm')}
          busy={adjudicate.isPending}
          error={adjudicate.isError ? errorText : null}
          onConfirm={confirm}
          onClose={() => setConfirming(false)}
        />
      )}
    </Stack>
  );
}
