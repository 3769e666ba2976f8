import { Autocomplete, Box, TextField, Typography } from '@mui/material';

/** A multi-select of fixed values with chips; an empty selection means "any" in routing rules. */
export function MultiSelectField<T extends string>(props: {
  label: string;
  options: readonly T[];
  value: T[];
  onChange(next: T[]): void;
  labelOf(value: T): string;
  /** Quieter text after an option (e.g. a rule's severity), if any. */
  detailOf?(value: T): string | undefined;
  error?: string;
  helperText: string;
  autoFocus?: boolean;
  /** `small` where space is tight (the decision panel beside the case). */
  size?: 'small' | 'medium';
}) {
  return (
    <Autocomplete
      multiple
      size={props.size}
      options={props.options as T[]}
      value={props.value}
      onChange={(_e, next) => props.onChange(next)}
      getOptionLabel={props.labelOf}
      filterSelectedOptions
      renderOption={({ key, ...optionProps }, option) => (
        <Box component="li" key={key} {...optionProps}>
          {props.labelOf(option)}
          {props.detailOf?.(option) && (
            <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
              {props.detailOf(option)}
            </Typography>
          )}
        </Box>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          label={props.label}
          autoFocus={props.autoFocus}
          error={Boolean(props.error)}
          helperText={props.error ?? props.helperText}
        />
      )}
    />
  );
}
