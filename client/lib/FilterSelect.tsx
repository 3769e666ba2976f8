import { FormControl, InputLabel, MenuItem, Select } from '@mui/material';

/**
 * A small labelled select of a list's server-side filters. With `anyLabel`, a first option
 * (value '') lifts the filter.
 */
export function FilterSelect(props: {
  id: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  anyLabel?: string;
  minWidth?: number;
  onChange(value: string): void;
}) {
  return (
    <FormControl size="small" sx={{ minWidth: props.minWidth ?? 140 }}>
      <InputLabel id={`${props.id}-label`}>{props.label}</InputLabel>
      <Select
        labelId={`${props.id}-label`}
        id={props.id}
        label={props.label}
        value={props.value}
        onChange={(e) => props.onChange(String(e.target.value))}
      >
        {props.anyLabel !== undefined && <MenuItem value="">{props.anyLabel}</MenuItem>}
        {props.options.map((o) => (
          <MenuItem key={o.value} value={o.value}>
            {o.label}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}
