import ContentCopy from '@mui/icons-material/ContentCopy';
import Download from '@mui/icons-material/Download';
import { Box, Button, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type EvidenceItem, formatBytes } from './evidenceFormat';

/** What the file is, by the server's account: its SHA-256 (to compare with what the source holds), size and type. */
export function EvidenceMeta({ item }: { item: EvidenceItem }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  if (!item.sha256 || !item.contentUrl) return null;
  const sha256 = item.sha256;
  const copy = async () => {
    await navigator.clipboard?.writeText(sha256);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <Box sx={{ bgcolor: 'action.hover', borderRadius: 1, px: 1.5, py: 1 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', minWidth: 0 }}>
        <Typography variant="caption" color="text.secondary" sx={{ flexShrink: 0 }}>
          {t('evidence.sha256')}
        </Typography>
        <Typography
          data-testid="evidence-sha256"
          variant="body2"
          sx={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', wordBreak: 'break-all' }}
        >
          {sha256}
        </Typography>
        <Tooltip title={copied ? t('evidence.copied') : t('evidence.copy')}>
          <IconButton size="small" aria-label={t('evidence.copy')} onClick={() => void copy()}>
            <ContentCopy fontSize="inherit" />
          </IconButton>
        </Tooltip>
      </Stack>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        {item.fileName && (
          <Typography variant="body2">
            {t('evidence.fileName')}: {item.fileName}
          </Typography>
        )}
        <Typography variant="body2">
          {t('evidence.type')}: {item.contentType}
        </Typography>
        {item.size !== null && (
          <Typography variant="body2">
            {t('evidence.size')}: {formatBytes(item.size)}
          </Typography>
        )}
        <Box sx={{ flexGrow: 1 }} />
        <Button size="small" startIcon={<Download />} href={`${item.contentUrl}&download=1`}>
          {t('evidence.download')}
        </Button>
      </Stack>
    </Box>
  );
}
