import { MenuItem, Stack, TextField } from '@mui/material';
import type { HTMLAttributes, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type ReasonTemplate, templatesFor } from '../../../../shared/decisions/reasonTemplates';

export interface ReasonValue {
  text: string;
  /** The template the text started from, recorded with the decision; null when typed freely. */
  template: string | null;
}

export const EMPTY_REASON: ReasonValue = { text: '', template: null };

/**
 * The reason a decision needs, with the desk's templates: picking one fills the text, which
 * stays editable. `onTemplatePicked` lets the dialog move focus on to its confirm button,
 * so a template and Enter are all a keyboard needs.
 */
export function ReasonFields(props: {
  decision: ReasonTemplate['decision'];
  value: ReasonValue;
  onChange(next: ReasonValue): void;
  onTemplatePicked?(): void;
  onSubmit?(): void;
  autoFocus?: boolean;
  idPrefix: string;
}) {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  const templates = templatesFor(props.decision);
  const textOf = (tpl: ReasonTemplate) => (english ? tpl.en : tpl.zh);
  return (
    <Stack spacing={1.5}>
      {templates.length > 0 && (
        <TextField
          id={`${props.idPrefix}-template`}
          select
          fullWidth
          size="small"
          autoFocus={props.autoFocus}
          label={t('decision.template')}
          value={props.value.template ?? ''}
          onChange={(e) => {
            const tpl = templates.find((x) => x.id === e.target.value);
            props.onChange(tpl ? { text: textOf(tpl), template: tpl.id } : { ...props.value, template: null });
            if (tpl) props.onTemplatePicked?.();
          }}
          slotProps={{
            select: {
              SelectDisplayProps: {
                // Once a template is chosen, Enter on the closed select confirms rather than
                // reopening the menu: the browser may deliver a quick Enter before the focus
                // has moved on to the confirm button, and it must still mean "confirm".
                onKeyDownCapture: (e: KeyboardEvent<HTMLDivElement>) => {
                  if (e.key !== 'Enter' || !props.value.template || !props.value.text.trim() || !props.onSubmit) return;
                  e.preventDefault();
                  e.stopPropagation();
                  props.onSubmit();
                },
              } as HTMLAttributes<HTMLDivElement>,
            },
          }}
        >
          <MenuItem value="">
            <em>{t('decision.noTemplate')}</em>
          </MenuItem>
          {templates.map((tpl) => (
            <MenuItem key={tpl.id} value={tpl.id}>
              {textOf(tpl)}
            </MenuItem>
          ))}
        </TextField>
      )}
      <TextField
        id={`${props.idPrefix}-reason`}
        fullWidth
        required
        multiline
        minRows={2}
        autoFocus={props.autoFocus && templates.length === 0}
        label={t('decision.reason')}
        helperText={t('decision.reasonHint')}
        value={props.value.text}
        onChange={(e) => props.onChange({ ...props.value, text: e.target.value })}
        onKeyDown={(e) => {
          // Enter confirms (the reason is usually one sentence); Shift+Enter starts a new line.
          if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing && props.onSubmit) {
            e.preventDefault();
            props.onSubmit();
          }
        }}
        slotProps={{ htmlInput: { maxLength: 2000 } }}
      />
    </Stack>
  );
}
