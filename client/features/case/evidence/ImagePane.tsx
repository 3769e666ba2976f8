import RotateLeft from '@mui/icons-material/RotateLeft';
import RotateRight from '@mui/icons-material/RotateRight';
import ZoomIn from '@mui/icons-material/ZoomIn';
import ZoomOut from '@mui/icons-material/ZoomOut';
import { Alert, Box, Button, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceItem } from './evidenceFormat';

const ZOOM_STEPS = [0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4];

/** One image with its own zoom (relative to the pane's width) and quarter-turn rotation. */
export function ImagePane({ item, height }: { item: EvidenceItem; height: number }) {
  const { t } = useTranslation();
  const [zoom, setZoom] = useState(1);
  const [rotation, setRotation] = useState(0);
  const [pixels, setPixels] = useState<{ width: number; height: number } | null>(null);
  const [failed, setFailed] = useState(false);
  const step = (direction: 1 | -1) => {
    const index = ZOOM_STEPS.indexOf(zoom) + direction;
    setZoom(ZOOM_STEPS[Math.min(ZOOM_STEPS.length - 1, Math.max(0, index))] ?? 1);
  };
  return (
    <Stack spacing={1} sx={{ minWidth: 0 }}>
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
        <Tooltip title={t('evidence.image.zoomOut')}>
          <span>
            <IconButton
              size="small"
              aria-label={t('evidence.image.zoomOut')}
              onClick={() => step(-1)}
              disabled={zoom === ZOOM_STEPS[0]}
            >
              <ZoomOut />
            </IconButton>
          </span>
        </Tooltip>
        <Button size="small" onClick={() => setZoom(1)} aria-label={t('evidence.image.resetZoom')}>
          {Math.round(zoom * 100)}%
        </Button>
        <Tooltip title={t('evidence.image.zoomIn')}>
          <span>
            <IconButton
              size="small"
              aria-label={t('evidence.image.zoomIn')}
              onClick={() => step(1)}
              disabled={zoom === ZOOM_STEPS.at(-1)}
            >
              <ZoomIn />
            </IconButton>
          </span>
        </Tooltip>
        <Tooltip title={t('evidence.image.rotateLeft')}>
          <IconButton
            size="small"
            aria-label={t('evidence.image.rotateLeft')}
            onClick={() => setRotation((r) => (r + 270) % 360)}
          >
            <RotateLeft />
          </IconButton>
        </Tooltip>
        <Tooltip title={t('evidence.image.rotateRight')}>
          <IconButton
            size="small"
            aria-label={t('evidence.image.rotateRight')}
            onClick={() => setRotation((r) => (r + 90) % 360)}
          >
            <RotateRight />
          </IconButton>
        </Tooltip>
        <Typography variant="caption" color="text.secondary" noWrap sx={{ ml: 1 }}>
          {item.title}
          {pixels && ` · ${t('evidence.image.pixels', pixels)}`}
        </Typography>
      </Stack>
      {failed ? (
        <Alert severity="warning">{t('evidence.image.loadFailed')}</Alert>
      ) : (
        <Box
          sx={{
            height,
            overflow: 'auto',
            bgcolor: 'action.hover',
            borderRadius: 1,
            display: 'grid',
            placeItems: zoom <= 1 ? 'center' : 'start',
          }}
        >
          {/* Each load of the file is an audited view on the server. */}
          <Box
            component="img"
            src={item.contentUrl ?? undefined}
            alt={item.title}
            data-testid="evidence-image"
            onLoad={(e) => {
              const img = e.currentTarget as HTMLImageElement;
              setPixels({ width: img.naturalWidth, height: img.naturalHeight });
            }}
            onError={() => setFailed(true)}
            sx={{
              width: `${zoom * 100}%`,
              maxWidth: 'none',
              height: zoom <= 1 ? '100%' : 'auto',
              objectFit: 'contain',
              transform: `rotate(${rotation}deg)`,
              transition: 'transform 120ms',
              imageRendering: zoom > 2 ? 'pixelated' : 'auto',
            }}
          />
        </Box>
      )}
    </Stack>
  );
}
