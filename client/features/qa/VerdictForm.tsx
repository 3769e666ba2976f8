import {
  Alert,
  Box,
  Button,
  CircularProgress,
  FormControl,
  FormHelperText,
  FormLabel,
  MenuItem,
  Paper,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { QaTaskView } from '../../../shared/api/qa';
import { FactsFields } from '../case/decision/FactsFields';
import { ReasonFields } from '../case/decision/ReasonFields';
import { useLocalized, useRulebook } from '../rulebook/rulebookContext';
import { SubmitVerdictDialog } from './SubmitVerdictDialog';
import { useVerdictForm } from './useVerdictForm';
import { VerdictResult } from './VerdictResult';
import { VerdictWorth } from './VerdictWorth';
import { judgesFinding, VERDICT_KEYS, VERDICT_KINDS } from './verdictForm';

/**
 * The QA reviewer's own verdict on a blind task, built from the decision form's pieces: the
 * kind (a, w, d), the rule, its facts generated from the rulebook, and the reason with the
 * desk's templates. Submitting asks for confirmation; afterwards the field-by-field result shows.
 * Mount inside the subject's platform's RulebookGate.
 */
export function VerdictForm({ task }: { task: QaTaskView }) {
  const { t } = useTranslation();
  const { view } = useRulebook();
  const localized = useLocalized();
  const enabled = task.mine && (task.status === 'open' || task.status === 'taken');
  const form = useVerdictForm(task, enabled);
  const finding = judgesFinding(form.kind);
  if (form.result) return <VerdictResult taskId={task.taskId} result={form.result} />;
  return (
    <Paper component="section" aria-labelledby="qa-verdict-title" sx={{ p: 2 }}>
      <Typography id="qa-verdict-title" variant="h6" component="h2" sx={{ mb: 1.5 }}>
        {t('qa.verdict.title')}
      </Typography>
      {!enabled && (
        <Alert severity="info" sx={{ mb: 1.5 }}>
          {t('qa.task.done')}
        </Alert>
      )}
      <Stack spacing={2}>
        <FormControl error={Boolean(form.problems.kind)} disabled={!enabled}>
          <FormLabel id="qa-kind-label" required>
            {t('qa.verdict.kind')}
          </FormLabel>
          <ToggleButtonGroup
            exclusive
            size="small"
            color="primary"
            aria-labelledby="qa-kind-label"
            value={form.kind}
            disabled={!enabled}
            onChange={(_e, next) => next && form.setKind(next)}
            sx={{ mt: 0.5 }}
          >
            {VERDICT_KINDS.map((k) => (
              <ToggleButton key={k} value={k} aria-keyshortcuts={VERDICT_KEYS[k]} sx={{ px: 2 }}>
                {t(`qa.verdict.kinds.${k}`)}
                <Box component="kbd" sx={{ ml: 1, opacity: 0.7, fontFamily: 'inherit', fontSize: '0.75em' }}>
                  {VERDICT_KEYS[k].toUpperCase()}
                </Box>
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
          <FormHelperText>{form.problems.kind ? t('qa.verdict.required') : t('qa.verdict.kindHint')}</FormHelperText>
        </FormControl>
        {finding && (
          <TextField
            id="qa-verdict-rule"
            select
            required
            fullWidth
            size="small"
            label={t('qa.verdict.rule')}
            value={form.rule}
            disabled={!enabled}
            onChange={(e) => form.setRule(e.target.value)}
            error={Boolean(form.problems.rule)}
            helperText={form.problems.rule ? t('qa.verdict.required') : t('qa.verdict.ruleHint')}
          >
            {view.rules.map((r) => (
              <MenuItem key={r.id} value={r.id}>
                {localized(r.name)}
              </MenuItem>
            ))}
          </TextField>
        )}
        {finding && form.ruleView && (
          <FactsFields
            ruleId={form.ruleView.id}
            facts={form.ruleView.facts}
            inputs={form.inputs}
            onChange={form.setFact}
            problems={form.problems.facts}
            showAllProblems={form.showAllFacts}
            disabled={!enabled}
          />
        )}
        {finding && form.preview && (
          <Box aria-live="polite" aria-busy={form.preview.isFetching}>
            {form.preview.data ? (
              <Box sx={{ opacity: form.preview.isPlaceholderData ? 0.6 : 1 }}>
                <VerdictWorth worth={form.preview.data} />
              </Box>
            ) : form.previewError ? (
              <Alert severity="error">{form.previewError}</Alert>
            ) : (
              <CircularProgress size={20} aria-label={t('decision.previewLoading')} />
            )}
          </Box>
        )}
        {form.kind && (
          <Box>
            <ReasonFields
              idPrefix="qa-verdict"
              decision={form.kind}
              value={form.reason}
              onChange={form.setReason}
              onSubmit={form.open}
            />
            {form.problems.reason && (
              <FormHelperText error role="alert">
                {t(form.problems.reason === 'required' ? 'qa.verdict.required' : 'qa.verdict.reasonTooLong')}
              </FormHelperText>
            )}
          </Box>
        )}
        <Box>
          <Button variant="contained" onClick={form.open} disabled={!enabled || form.dialog.busy}>
            {t('qa.verdict.submit')}
          </Button>
        </Box>
      </Stack>
      <SubmitVerdictDialog
        taskId={task.taskId}
        open={form.dialog.open}
        kind={form.kind}
        ruleName={finding && form.ruleView ? localized(form.ruleView.name) : null}
        worth={finding ? (form.preview?.data ?? null) : null}
        busy={form.dialog.busy}
        error={form.dialog.error}
        onConfirm={form.dialog.confirm}
        onClose={form.dialog.close}
      />
    </Paper>
  );
}
