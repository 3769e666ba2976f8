import { Alert, Button, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rulebook } from '../../../../shared/rulebook/types';
import { useDraftEditing } from './draftEditing';

/**
 * The fallback for what the forms do not edit (conditions, new facts, new ledgers): the whole
 * draft as JSON. Applying replaces the draft; the same checks then show problems at their fields.
 */
export function JsonEditor() {
  const { t } = useTranslation();
  const { rulebook, edit, readOnly } = useDraftEditing();
  const [text, setText] = useState(() => JSON.stringify(rulebook, null, 2));
  const [problem, setProblem] = useState<string | null>(null);
  const [applied, setApplied] = useState(false);
  const apply = () => {
    try {
      const parsed = JSON.parse(text) as unknown;
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('{…}');
      edit([], parsed as Rulebook);
      setProblem(null);
      setApplied(true);
    } catch (error) {
      setProblem(t('rulebookAuthoring.json.invalid', { message: error instanceof Error ? error.message : '' }));
      setApplied(false);
    }
  };
  return (
    <Stack spacing={1.5}>
      <Typography variant="body2" color="text.secondary">
        {t('rulebookAuthoring.json.hint')}
      </Typography>
      <TextField
        multiline
        minRows={16}
        maxRows={32}
        label={t('rulebookAuthoring.json.label')}
        value={text}
        disabled={readOnly}
        onChange={(e) => {
          setText(e.target.value);
          setApplied(false);
        }}
        slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace', fontSize: 12 } } }}
      />
      {problem && <Alert severity="error">{problem}</Alert>}
      {applied && <Alert severity="success">{t('rulebookAuthoring.json.applied')}</Alert>}
      <div>
        <Button variant="outlined" onClick={apply} disabled={readOnly}>
          {t('rulebookAuthoring.json.apply')}
        </Button>
      </div>
    </Stack>
  );
}
