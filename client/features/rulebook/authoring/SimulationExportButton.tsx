import { FileDownload } from '@mui/icons-material';
import { Alert, Button, Stack } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The simulation's CSV. The route wants the desk's header (as every cookie-authenticated export
 * does, so another site cannot make the browser fetch it), so a plain link will not do: fetch it,
 * then hand the file to the browser.
 */
export function SimulationExportButton({ jobId }: { jobId: number }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const download = async () => {
    setBusy(true);
    setFailed(false);
    try {
      const response = await fetch(`/api/rulebook/simulations/${jobId}.csv`, {
        headers: { 'x-verdict-csrf': '1' },
        credentials: 'same-origin',
      });
      if (!response.ok) throw new Error(String(response.status));
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = `verdict-simulation-${jobId}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      // The download has started; free the file a little later.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack spacing={1} sx={{ alignItems: 'flex-end' }}>
      <Button
        onClick={() => void download()}
        disabled={busy}
        startIcon={<FileDownload />}
        variant="outlined"
        size="small"
        data-testid="simulation-export"
      >
        {t('rulebookAuthoring.simulation.export')}
      </Button>
      {failed && <Alert severity="error">{t('rulebookAuthoring.simulation.exportFailed')}</Alert>}
    </Stack>
  );
}
