/**
 * The draft editor's fields, each bound to a path of the draft rulebook: it shows the value there,
 * writes edits back there, and shows the problem filed under that path (ours or the server's).
 */
import { Checkbox, FormControlLabel, Stack, TextField } from '@mui/material';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MultiSelectField } from '../../../lib/MultiSelectField';
import { useLocalized } from '../rulebookContext';
import { useDraftEditing } from './draftEditing';
import { type DraftPath, getIn, numberFromText } from './draftEdits';

function textOf(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

/**
 * A whole number. It keeps what was typed while it is not a number (the check says so at the
 * field) and follows the draft when it changes elsewhere (JSON tab, undo).
 */
export function DraftNumberField(props: {
  path: DraftPath;
  label: string;
  /** Empty text removes the key (an optional setting), instead of being an error. */
  optional?: boolean;
  helperText?: string;
  width?: number;
}) {
  const { rulebook, edit, issueAt, readOnly } = useDraftEditing();
  const value = getIn(rulebook, props.path);
  const [text, setText] = useState(textOf(value));
  useEffect(() => {
    setText((shown) => (numberFromText(shown) === (value ?? '') ? shown : textOf(value)));
  }, [value]);
  const issue = issueAt(props.path);
  return (
    <TextField
      size="small"
      label={props.label}
      value={text}
      disabled={readOnly}
      onChange={(e) => {
        setText(e.target.value);
        const next = numberFromText(e.target.value);
        edit(props.path, next === '' && props.optional ? undefined : next);
      }}
      error={Boolean(issue)}
      helperText={issue ?? props.helperText}
      slotProps={{ htmlInput: { inputMode: 'numeric' } }}
      sx={{ width: props.width ?? 140 }}
    />
  );
}

export function DraftTextField(props: { path: DraftPath; label: string; multiline?: boolean; disabled?: boolean }) {
  const { rulebook, edit, issueAt, readOnly } = useDraftEditing();
  const issue = issueAt(props.path);
  return (
    <TextField
      size="small"
      fullWidth
      multiline={props.multiline}
      label={props.label}
      value={textOf(getIn(rulebook, props.path))}
      disabled={readOnly || props.disabled}
      onChange={(e) => edit(props.path, e.target.value)}
      error={Boolean(issue)}
      helperText={issue}
    />
  );
}

/** Days a punishment lasts, or permanent (`null`). */
export function DraftDaysField({ path, label }: { path: DraftPath; label: string }) {
  const { t } = useTranslation();
  const { rulebook, edit, readOnly } = useDraftEditing();
  const value = getIn(rulebook, path);
  const permanent = value === null;
  const [lastDays, setLastDays] = useState<unknown>(permanent ? 30 : value);
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
      {!permanent && <DraftNumberField path={path} label={label} width={110} />}
      <FormControlLabel
        disabled={readOnly}
        control={
          <Checkbox
            size="small"
            checked={permanent}
            onChange={(e) => {
              if (e.target.checked) {
                setLastDays(value);
                edit(path, null);
              } else edit(path, typeof lastDays === 'number' ? lastDays : 30);
            }}
          />
        }
        label={t('rulebookAuthoring.ledger.permanent')}
      />
    </Stack>
  );
}

/** Measures of the draft's own table, by their names. */
export function DraftMeasuresField({ path, label }: { path: DraftPath; label: string }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { rulebook, edit, issueAt, readOnly } = useDraftEditing();
  const value = (getIn(rulebook, path) as string[] | undefined) ?? [];
  const ids = Object.keys(rulebook.measures);
  if (readOnly) {
    return (
      <TextField
        size="small"
        label={label}
        disabled
        value={value.map((m) => (rulebook.measures[m] ? localized(rulebook.measures[m].label) : m)).join('、')}
      />
    );
  }
  return (
    <MultiSelectField
      size="small"
      label={label}
      options={ids}
      value={value}
      onChange={(next) => edit(path, next)}
      labelOf={(id) => (rulebook.measures[id] ? localized(rulebook.measures[id].label) : id)}
      error={issueAt(path)}
      helperText={value.length === 0 ? t('rulebookAuthoring.ledger.noMeasures') : ''}
    />
  );
}

export function DraftCheckbox({ path, label }: { path: DraftPath; label: string }) {
  const { rulebook, edit, readOnly } = useDraftEditing();
  const id = useId();
  return (
    <FormControlLabel
      disabled={readOnly}
      control={
        <Checkbox
          id={id}
          size="small"
          checked={Boolean(getIn(rulebook, path))}
          onChange={(e) => edit(path, e.target.checked || undefined)}
        />
      }
      label={label}
    />
  );
}
