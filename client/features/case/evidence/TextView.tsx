import { Alert, Box, CircularProgress, Link } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type EvidenceItem, isTextFile } from './evidenceFormat';

/** Past this a text file is cut on screen; the download has it all. */
const SHOWN_CHARS = 200_000;

async function fetchText(url: string): Promise<string> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(String(res.status));
  return res.text();
}

/** Free text: the text filed with the evidence, or an uploaded text, CSV or JSON file (fetching it is an audited view). */
export function TextView({ item }: { item: EvidenceItem }) {
  const { t } = useTranslation();
  const file = isTextFile(item) ? item.contentUrl : null;
  const content = useQuery({
    queryKey: ['evidence-text', item.id],
    queryFn: () => fetchText(file ?? ''),
    enabled: Boolean(file),
    staleTime: Number.POSITIVE_INFINITY,
  });
  let text = item.text ?? '';
  if (file) {
    if (content.isPending) return <CircularProgress size={24} aria-label={t('common.loading')} />;
    if (content.error) return <Alert severity="warning">{t('evidence.text.loadFailed')}</Alert>;
    text = prettyJson(content.data ?? '', item.contentType);
  }
  return (
    <Box>
      <Box
        component="pre"
        sx={{
          m: 0,
          p: 1.5,
          maxHeight: 480,
          overflow: 'auto',
          bgcolor: 'action.hover',
          borderRadius: 1,
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-word',
          fontFamily: file ? 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' : 'inherit',
          fontSize: '0.875rem',
        }}
      >
        {text.slice(0, SHOWN_CHARS)}
      </Box>
      {text.length > SHOWN_CHARS && <Alert severity="info">{t('evidence.text.truncated')}</Alert>}
      {item.url && (
        <Link href={item.url} target="_blank" rel="noopener noreferrer" sx={{ wordBreak: 'break-all' }}>
          {item.url}
        </Link>
      )}
    </Box>
  );
}

function prettyJson(text: string, contentType: string | null): string {
  if (contentType !== 'application/json') return text;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
