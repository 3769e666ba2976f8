import { Alert, Box, Link, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ListingSnapshotData } from '../../../../shared/api/evidenceData';
import { formatEvidenceTime, formatMoney } from './evidenceFormat';

/** A listing as it was when reported; the seller may have changed it since, so the capture time leads. */
export function ListingSnapshot({ data }: { data: ListingSnapshotData }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack spacing={1.5}>
      <Alert severity="info" variant="outlined">
        {t('evidence.listing.capturedAt', { time: formatEvidenceTime(data.capturedAt, i18n.language) })}
      </Alert>
      <Box>
        <Typography variant="h6" component="p">
          {data.title}
        </Typography>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'baseline' }}>
          <Typography variant="h5" component="p" color="secondary">
            {formatMoney(data.price, data.currency, i18n.language)}
          </Typography>
          {data.listingId && (
            <Typography variant="body2" color="text.secondary">
              {t('evidence.listing.listingId')}: {data.listingId}
            </Typography>
          )}
        </Stack>
      </Box>
      <Box>
        <Typography variant="subtitle2">{t('evidence.listing.description')}</Typography>
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
          {data.description}
        </Typography>
      </Box>
      {data.images && data.images.length > 0 && (
        <Box>
          <Typography variant="subtitle2">{t('evidence.listing.images')}</Typography>
          {/* Links only: loading another site's pictures would tell it who is looking, and they may have changed. */}
          <Box component="ol" sx={{ m: 0, pl: 2.5 }}>
            {data.images.map((url) => (
              <li key={url}>
                <Link href={url} target="_blank" rel="noopener noreferrer" sx={{ wordBreak: 'break-all' }}>
                  {url}
                </Link>
              </li>
            ))}
          </Box>
        </Box>
      )}
    </Stack>
  );
}
