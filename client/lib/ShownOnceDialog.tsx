import ContentCopy from '@mui/icons-material/ContentCopy';
import { Alert, IconButton, InputAdornment, TextField, Tooltip } from '@mui/material';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { ViewDialog } from './ViewDialog';

/** The words of a value shown once: its name, the warning, and the copy and done buttons. */
export interface ShownOnceTexts {
  title: string;
  text: string;
  copy: string;
  copied: string;
  done: string;
}

/** The five texts under one locale section (`tokens.shown`: title, text, copy, copied, done). */
export function shownOnceTexts(
  t: TFunction,
  section: 'tokens.shown' | 'outbox.secret' | 'recoveryCodes',
  options?: { count: number },
): ShownOnceTexts {
  return {
    title: t(`${section}.title`),
    text: t(`${section}.text`, options ?? {}),
    copy: t(`${section}.copy`),
    copied: t(`${section}.copied`),
    done: t(`${section}.done`),
  };
}

/**
 * A secret the desk shows this once and keeps only a hash of (a webhook's signing secret, an
 * integration token, recovery codes one per line): read-only, with a copy button, closed only
 * by the explicit "done".
 */
export function ShownOnceDialog(props: { value: string; texts: ShownOnceTexts; testId: string; onClose(): void }) {
  const { texts } = props;
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(props.value);
    setCopied(true);
  };
  return (
    <ViewDialog title={texts.title} closeLabel={texts.done} closeIsPrimary closeOnlyByButton onClose={props.onClose}>
      <Alert severity="warning" sx={{ mb: 2 }}>
        {texts.text}
      </Alert>
      <TextField
        value={props.value}
        fullWidth
        // A list (recovery codes) is one value per line.
        multiline={props.value.includes('\n')}
        label={texts.title}
        slotProps={{
          htmlInput: { readOnly: true, 'data-testid': props.testId, style: { fontFamily: 'monospace' } },
          input: {
            endAdornment: (
              <InputAdornment position="end">
                <Tooltip title={copied ? texts.copied : texts.copy}>
                  <IconButton onClick={() => void copy()} aria-label={texts.copy} edge="end">
                    <ContentCopy />
                  </IconButton>
                </Tooltip>
              </InputAdornment>
            ),
          },
        }}
      />
    </ViewDialog>
  );
}
