import {
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  Switch,
  TextField,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTBOX_EVENT_TYPES, type OutboxEventType } from '../../../shared/api/outbox';
import { FormDialog } from '../../lib/FormDialog';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { eventTypeLabel } from './eventTypeLabel';

/** Registers a webhook endpoint; on success hands back the secret to show once. */
export function EndpointDialog(props: { onClose(): void; onCreated(secret: string): void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const create = useMutation(trpc.outbox.endpoints.create.mutationOptions());
  const error = useTranslatedError(create.error);
  const [url, setUrl] = useState('https://');
  const [description, setDescription] = useState('');
  const [types, setTypes] = useState<OutboxEventType[]>([...OUTBOX_EVENT_TYPES]);
  const [enabled, setEnabled] = useState(true);
  const urlValid = /^https?:\/\/[^\s/]+/.test(url);

  const toggle = (type: OutboxEventType, on: boolean) =>
    setTypes((current) =>
      on ? OUTBOX_EVENT_TYPES.filter((x) => x === type || current.includes(x)) : current.filter((x) => x !== type),
    );

  const submit = async () => {
    try {
      const result = await create.mutateAsync({ url: url.trim(), description, eventTypes: types, enabled });
      props.onCreated(result.secret);
    } catch {
      // create.error is shown in the dialog.
    }
  };

  return (
    <FormDialog
      title={t('outbox.dialog.createTitle')}
      pending={create.isPending}
      error={error}
      confirmLabel={create.isPending ? t('outbox.dialog.saving') : t('outbox.dialog.create')}
      incomplete={!urlValid || types.length === 0}
      onSubmit={() => void submit()}
      onClose={props.onClose}
    >
      <TextField
        label={t('outbox.dialog.url')}
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        error={url.length > 8 && !urlValid}
        required
        autoFocus
        fullWidth
      />
      <TextField
        label={t('outbox.dialog.description')}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        slotProps={{ htmlInput: { maxLength: 200 } }}
        fullWidth
      />
      <FormControl error={types.length === 0} component="fieldset">
        <FormLabel component="legend">{t('outbox.dialog.events')}</FormLabel>
        <FormGroup>
          {OUTBOX_EVENT_TYPES.map((type) => (
            <FormControlLabel
              key={type}
              control={<Checkbox checked={types.includes(type)} onChange={(e) => toggle(type, e.target.checked)} />}
              label={`${eventTypeLabel(t, type)} (${type})`}
            />
          ))}
        </FormGroup>
        {types.length === 0 && <FormHelperText>{t('outbox.dialog.eventsRequired')}</FormHelperText>}
      </FormControl>
      <FormControlLabel
        control={<Switch checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />}
        label={t('outbox.dialog.enabled')}
      />
    </FormDialog>
  );
}
