import { Box, CircularProgress } from '@mui/material';
import { type ComponentType, lazy } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A page whose code loads when it is first opened. Every page goes through this, so the first
 * screen (sign-in, then the shell) downloads only the shell: the grids, charts and editors that
 * some pages need arrive with those pages.
 */
export function lazyPage<M extends Record<string, unknown>>(
  load: () => Promise<M>,
  name: keyof M & string,
): ComponentType {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

/** What a page shows while its code loads (the Suspense fallback inside the shell). */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <Box sx={{ display: 'grid', placeItems: 'center', p: 6 }} role="status" aria-label={t('common.loading')}>
      <CircularProgress aria-label={t('common.loading')} />
    </Box>
  );
}
