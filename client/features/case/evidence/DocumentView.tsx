import Description from '@mui/icons-material/Description';
import Download from '@mui/icons-material/Download';
import { Button, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { type EvidenceItem, formatBytes } from './evidenceFormat';

/**
 * A document file (a PDF agreement, say): offered as a download only. The desk never renders
 * it itself, and the server sends it as an attachment with a CSP that runs nothing.
 */
export function DocumentView({ item }: { item: EvidenceItem }) {
  const { t } = useTranslation();
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
        <Description color="action" fontSize="large" />
        <Stack sx={{ minWidth: 0 }}>
          <Typography noWrap>{item.fileName ?? item.title}</Typography>
          <Typography variant="caption" color="text.secondary">
            {item.contentType}
            {item.size !== null && ` · ${formatBytes(item.size)}`}
          </Typography>
        </Stack>
        {item.contentUrl && (
          <Button variant="outlined" startIcon={<Download />} href={`${item.contentUrl}&download=1`}>
            {t('evidence.download')}
          </Button>
        )}
      </Stack>
      {item.contentUrl && (
        <Typography variant="body2" color="text.secondary">
          {t('evidence.document.downloadOnly')}
        </Typography>
      )}
      {item.text && (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
          {item.text}
        </Typography>
      )}
    </Stack>
  );
}
