import { Button, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/api/caseDetail';
import { EvidenceViewer } from '../case/evidence/EvidenceViewer';

type EvidenceItem = CaseDetail['evidence'][number];

/** An attachment as the evidence viewers take it: typed data, text or a link, never a file. */
function asEvidence(messageId: number, index: number, raw: unknown): EvidenceItem {
  const a = (raw ?? {}) as { kind?: string; title?: string; text?: string; url?: string; data?: unknown };
  return {
    id: messageId * 1000 + index,
    reportId: null,
    kind: a.kind ?? 'text',
    title: a.title ?? '',
    text: a.text ?? null,
    url: a.url ?? null,
    createdAt: '',
    sha256: null,
    contentType: null,
    size: null,
    fileName: null,
    contentUrl: null,
    data: (a.data ?? null) as EvidenceItem['data'],
  };
}

/** A reply's attachments, folded until asked for; each drawn by the viewer of its evidence kind. */
export function MessageAttachments({ messageId, attachments }: { messageId: number; attachments: unknown[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const items = attachments.map((a, i) => asEvidence(messageId, i, a));
  return (
    <Stack spacing={1} sx={{ mt: 1 }} data-testid="message-attachments">
      <Button size="small" sx={{ alignSelf: 'flex-start' }} onClick={() => setOpen(!open)} aria-expanded={open}>
        {open ? t('messages.hideAttachments') : t('messages.attachments', { count: items.length })}
      </Button>
      {open &&
        items.map((item) => (
          <Paper key={item.id} variant="outlined" sx={{ p: 1 }}>
            <Typography variant="subtitle2">
              {t(`evidenceKind.${item.kind}`, { defaultValue: t('evidenceKind.text') })} · {item.title}
            </Typography>
            <EvidenceViewer item={item} images={[]} />
          </Paper>
        ))}
    </Stack>
  );
}
