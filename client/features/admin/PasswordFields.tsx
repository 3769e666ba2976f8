import { Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH, type PasswordProblem } from './passwordCheck';

/**
 * A new password and its repetition. `problem` is shown only once the form was submitted
 * (`showProblem`), so nobody is scolded for a password they are still typing.
 */
export function PasswordFields(props: {
  label: string;
  password: string;
  repeated: string;
  problem: PasswordProblem | null;
  showProblem: boolean;
  onPassword(value: string): void;
  onRepeated(value: string): void;
}) {
  const { t } = useTranslation();
  const shown = props.showProblem ? props.problem : null;
  return (
    <Stack spacing={2}>
      <TextField
        label={props.label}
        type="password"
        autoComplete="new-password"
        required
        value={props.password}
        onChange={(e) => props.onPassword(e.target.value)}
        error={shown === 'tooShort'}
        helperText={
          shown === 'tooShort'
            ? t('admin.staff.passwordTooShort', { min: MIN_PASSWORD_LENGTH })
            : t('admin.staff.passwordHint', { min: MIN_PASSWORD_LENGTH })
        }
        slotProps={{ htmlInput: { maxLength: 256 } }}
      />
      <TextField
        label={t('admin.staff.fields.confirmPassword')}
        type="password"
        autoComplete="new-password"
        required
        value={props.repeated}
        onChange={(e) => props.onRepeated(e.target.value)}
        error={shown === 'mismatch'}
        helperText={shown === 'mismatch' ? t('admin.staff.passwordMismatch') : undefined}
        slotProps={{ htmlInput: { maxLength: 256 } }}
      />
    </Stack>
  );
}
