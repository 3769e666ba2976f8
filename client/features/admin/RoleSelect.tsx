import { MenuItem, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../shared/auth/roles';

/** A staff role, chosen by its translated name. */
export function RoleSelect(props: {
  value: Role;
  label?: string;
  ariaLabel?: string;
  disabled?: boolean;
  size?: 'small' | 'medium';
  fullWidth?: boolean;
  onChange(role: Role): void;
}) {
  const { t } = useTranslation();
  return (
    <TextField
      select
      size={props.size}
      fullWidth={props.fullWidth}
      label={props.label}
      value={props.value}
      disabled={props.disabled}
      onChange={(e) => props.onChange(e.target.value as Role)}
      // Without a visible label (in a grid row) the combobox still needs a name.
      slotProps={{ select: { SelectDisplayProps: { 'aria-label': props.ariaLabel } } }}
    >
      {ROLES.map((role) => (
        <MenuItem key={role} value={role}>
          {t(`role.${role}`)}
        </MenuItem>
      ))}
    </TextField>
  );
}
