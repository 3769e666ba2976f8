import { FormControl, Grid, InputLabel, MenuItem, Select, Stack } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceItem } from './evidenceFormat';
import { ImagePane } from './ImagePane';

/** An image with zoom and rotation, and optionally another image of the case beside it to compare. */
export function ImageViewer({ item, images }: { item: EvidenceItem; images: EvidenceItem[] }) {
  const { t } = useTranslation();
  const [compareId, setCompareId] = useState<number | ''>('');
  const others = images.filter((i) => i.id !== item.id);
  const compared = others.find((i) => i.id === compareId);
  return (
    <Stack spacing={1}>
      {others.length > 0 && (
        <FormControl size="small" sx={{ maxWidth: 320 }}>
          <InputLabel id={`compare-${item.id}`}>{t('evidence.image.compare')}</InputLabel>
          <Select
            labelId={`compare-${item.id}`}
            label={t('evidence.image.compare')}
            value={compared ? compared.id : ''}
            onChange={(e) => setCompareId(String(e.target.value) === '' ? '' : Number(e.target.value))}
          >
            <MenuItem value="">{t('evidence.image.compareNone')}</MenuItem>
            {others.map((o) => (
              <MenuItem key={o.id} value={o.id}>
                {o.title}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
      )}
      <Grid container spacing={2}>
        <Grid size={compared ? { xs: 12, md: 6 } : 12}>
          <ImagePane key={item.id} item={item} height={compared ? 360 : 440} />
        </Grid>
        {compared && (
          <Grid size={{ xs: 12, md: 6 }}>
            <ImagePane key={compared.id} item={compared} height={360} />
          </Grid>
        )}
      </Grid>
    </Stack>
  );
}
