import { Button, Chip, Paper, Stack, TextField, Typography } from '@mui/material';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { CaseDetail } from '../../../shared/api/caseDetail';

/** Related cases: open them, link another by its number, or unlink. */
export function LinksCard(props: {
  links: CaseDetail['links'];
  canEdit: boolean;
  onLink(otherCaseId: number): void;
  onUnlink(otherCaseId: number): void;
}) {
  const { t } = useTranslation();
  const [other, setOther] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const id = Number(other);
    if (Number.isInteger(id) && id > 0) {
      props.onLink(id);
      setOther('');
    }
  };
  return (
    <Paper sx={{ p: 2 }}>
      <Typography variant="h6" component="h2">
        {t('case.links')}
      </Typography>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', my: 1 }}>
        {props.links.length === 0 && <Typography color="text.secondary">{t('case.noLinks')}</Typography>}
        {props.links.map((l) => (
          <Chip
            key={l.caseId}
            component={RouterLink}
            to={`/cases/${l.caseId}`}
            clickable
            label={`#${l.caseId} ${t(`rule.${l.rule}`, { defaultValue: l.rule })} · ${t(`status.${l.status}`)}`}
            onDelete={props.canEdit ? () => props.onUnlink(l.caseId) : undefined}
          />
        ))}
      </Stack>
      {props.canEdit && (
        <Stack component="form" direction="row" spacing={1} onSubmit={submit}>
          <TextField
            size="small"
            label={t('case.linkCase')}
            value={other}
            onChange={(e) => setOther(e.target.value.replace(/\D/g, ''))}
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          />
          <Button type="submit" disabled={!other}>
            {t('case.link')}
          </Button>
        </Stack>
      )}
    </Paper>
  );
}
