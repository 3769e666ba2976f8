import Sms from '@mui/icons-material/Sms';
import { Box, Grid, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { LogisticsData } from '../../../../shared/api/evidenceData';
import { formatEvidenceTime } from './evidenceFormat';

/** A waybill: the carrier's tracking events beside the text messages the buyer received about it. */
export function LogisticsView({ data }: { data: LogisticsData }) {
  const { t, i18n } = useTranslation();
  const time = (at: string) => formatEvidenceTime(at, i18n.language);
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Typography>
          {t('evidence.logistics.carrier')}: <b>{data.carrier}</b>
        </Typography>
        <Typography>
          {t('evidence.logistics.waybill')}:{' '}
          <Box component="b" sx={{ fontFamily: 'monospace' }}>
            {data.waybill}
          </Box>
        </Typography>
      </Stack>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <Typography variant="subtitle2" gutterBottom>
            {t('evidence.logistics.sms')}
          </Typography>
          {(data.sms ?? []).length === 0 && (
            <Typography color="text.secondary">{t('evidence.logistics.none')}</Typography>
          )}
          <Stack spacing={1}>
            {(data.sms ?? []).map((m) => (
              <Paper key={`${m.at}-${m.from}-${m.text}`} variant="outlined" sx={{ p: 1.5 }}>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <Sms fontSize="small" color="action" />
                  <Typography variant="caption" color="text.secondary">
                    {m.from} · {time(m.at)}
                  </Typography>
                </Stack>
                <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', mt: 0.5 }}>
                  {m.text}
                </Typography>
              </Paper>
            ))}
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Typography variant="subtitle2" gutterBottom>
            {t('evidence.logistics.events')}
          </Typography>
          {(data.events ?? []).length === 0 && (
            <Typography color="text.secondary">{t('evidence.logistics.none')}</Typography>
          )}
          <Box component="ol" sx={{ m: 0, pl: 2.5 }}>
            {(data.events ?? []).map((e) => (
              <Box component="li" key={`${e.at}-${e.text}`} sx={{ mb: 1 }}>
                <Typography variant="body2">{e.text}</Typography>
                <Typography variant="caption" color="text.secondary">
                  {time(e.at)}
                  {e.location && ` · ${e.location}`}
                </Typography>
              </Box>
            ))}
          </Box>
        </Grid>
      </Grid>
    </Stack>
  );
}
