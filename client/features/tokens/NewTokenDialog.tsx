import {
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TOKEN_NAME_PATTERN, TOKEN_SCOPES, type TokenScope } from '../../../shared/api/tokens';
import { FormDialog } from '../../lib/FormDialog';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';

/** Lifetimes offered on the page; the CLI takes any number of days. `never` must be chosen on purpose. */
const LIFETIMES = ['30', '90', '365', 'never'] as const;
type Lifetime = (typeof LIFETIMES)[number];

/** Creates an integration token; on success hands back the token to show once. */
export function NewTokenDialog(props: { onClose(): void; onCreated(token: string): void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const create = useMutation(trpc.tokens.create.mutationOptions());
  const error = useTranslatedError(create.error);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>([]);
  const [lifetime, setLifetime] = useState<Lifetime>('90');
  const nameValid = TOKEN_NAME_PATTERN.test(name);

  const toggle = (scope: TokenScope, on: boolean) =>
    setScopes((current) =>
      on ? TOKEN_SCOPES.filter((x) => x === scope || current.includes(x)) : current.filter((x) => x !== scope),
    );

  const submit = async () => {
    try {
      const created = await create.mutateAsync({
        name,
        scopes,
        expiresInDays: lifetime === 'never' ? null : Number(lifetime),
      });
      props.onCreated(created.token);
    } catch {
      // create.error is shown in the dialog.
    }
  };

  return (
    <FormDialog
      title={t('tokens.dialog.title')}
      pending={create.isPending}
      error={error}
      confirmLabel={create.isPending ? t('tokens.dialog.saving') : t('tokens.dialog.create')}
      incomplete={!nameValid || scopes.length === 0}
      onSubmit={() => void submit()}
      onClose={props.onClose}
    >
      <Stack spacing={2} sx={{ pt: 1 }}>
        <TextField
          label={t('tokens.dialog.name')}
          value={name}
          onChange={(e) => setName(e.target.value.trim())}
          error={name.length > 0 && !nameValid}
          helperText={t('tokens.dialog.nameHint')}
          required
          autoFocus
          fullWidth
          slotProps={{ htmlInput: { maxLength: 64 } }}
        />
        <FormControl error={scopes.length === 0} component="fieldset">
          <FormLabel component="legend">{t('tokens.dialog.scopes')}</FormLabel>
          <FormGroup>
            {TOKEN_SCOPES.map((scope) => (
              <FormControlLabel
                key={scope}
                control={
                  <Checkbox checked={scopes.includes(scope)} onChange={(e) => toggle(scope, e.target.checked)} />
                }
                label={t(`tokens.scope.${scope}`)}
              />
            ))}
          </FormGroup>
          {scopes.length === 0 && <FormHelperText>{t('tokens.dialog.scopesRequired')}</FormHelperText>}
        </FormControl>
        <TextField
          select
          label={t('tokens.dialog.lifetime')}
          value={lifetime}
          onChange={(e) => setLifetime(e.target.value as Lifetime)}
          helperText={lifetime === 'never' ? t('tokens.dialog.neverHint') : undefined}
          fullWidth
        >
          {LIFETIMES.map((value) => (
            <MenuItem key={value} value={value}>
              {value === 'never' ? t('tokens.dialog.never') : t('tokens.dialog.days', { count: Number(value) })}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
    </FormDialog>
  );
}
