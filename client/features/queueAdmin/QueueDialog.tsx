import { FormControlLabel, Stack, Switch, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueView } from '../../../shared/api/queues';
import { REPORT_SOURCES } from '../../../shared/cases/enums';
import { FormDialog } from '../../lib/FormDialog';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { newQueueForm, type QueueFormErrors, queueFormOf, validateQueueForm } from './queueForm';

/** Creates a queue (`queue` null) or edits one; a queue's id is its key and is fixed once created. */
export function QueueDialog(props: {
  queue: QueueView | null;
  existingIds: ReadonlySet<string>;
  onClose(): void;
  onSaved(): void | Promise<void>;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const creating = props.queue === null;
  const [values, setValues] = useState(() => (props.queue ? queueFormOf(props.queue) : newQueueForm()));
  const [errors, setErrors] = useState<QueueFormErrors>({});
  const save = useMutation(trpc.queues.save.mutationOptions());
  const serverError = useTranslatedError(save.error);

  const submit = () => {
    const checked = validateQueueForm(values, creating ? props.existingIds : undefined);
    setErrors(checked.errors);
    const input = checked.input;
    if (input) save.mutate({ ...input, create: creating }, { onSuccess: () => props.onSaved() });
  };
  const errorText = (field: keyof QueueFormErrors) => {
    const key = errors[field];
    return key ? t(key) : undefined;
  };

  return (
    <FormDialog
      title={t(creating ? 'queues.form.createTitle' : 'queues.form.editTitle')}
      pending={save.isPending}
      error={serverError}
      confirmLabel={t(save.isPending ? 'queues.saving' : 'queues.save')}
      onSubmit={submit}
      onClose={props.onClose}
    >
      <TextField
        label={t('queues.form.id')}
        value={values.id}
        onChange={(e) => setValues({ ...values, id: e.target.value })}
        disabled={!creating}
        required
        autoFocus={creating}
        error={Boolean(errors.id)}
        helperText={errorText('id') ?? t('queues.form.idHelp')}
        slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'off' } }}
      />
      <TextField
        label={t('queues.form.nameZh')}
        value={values.nameZh}
        onChange={(e) => setValues({ ...values, nameZh: e.target.value })}
        required
        autoFocus={!creating}
        error={Boolean(errors.nameZh)}
        helperText={errorText('nameZh')}
      />
      <TextField
        label={t('queues.form.nameEn')}
        value={values.nameEn}
        onChange={(e) => setValues({ ...values, nameEn: e.target.value })}
        required
        error={Boolean(errors.nameEn)}
        helperText={errorText('nameEn')}
      />
      <Typography variant="subtitle2" component="h3">
        {t('queues.form.slaTitle')}
      </Typography>
      <Stack direction="row" spacing={2}>
        {REPORT_SOURCES.map((source) => (
          <TextField
            key={source}
            label={t(`source.${source}`)}
            value={values.slaDays[source]}
            onChange={(e) => setValues({ ...values, slaDays: { ...values.slaDays, [source]: e.target.value } })}
            required
            error={Boolean(errors[source])}
            helperText={errorText(source)}
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
            sx={{ flex: 1 }}
          />
        ))}
      </Stack>
      <TextField
        label={t('queues.form.holdLimit')}
        value={values.holdLimit}
        onChange={(e) => setValues({ ...values, holdLimit: e.target.value })}
        required
        error={Boolean(errors.holdLimit)}
        helperText={errorText('holdLimit') ?? t('queues.form.holdLimitHelp')}
        slotProps={{ htmlInput: { inputMode: 'numeric' } }}
      />
      <FormControlLabel
        control={
          <Switch
            checked={values.autoAssign}
            onChange={(e) => setValues({ ...values, autoAssign: e.target.checked })}
          />
        }
        label={t('queues.autoAssign')}
      />
    </FormDialog>
  );
}
