import UploadFile from '@mui/icons-material/UploadFile';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_MAX_BYTES } from '../../../../shared/api/evidenceData';
import { type UploadOutcome, uploadEvidenceFile } from './uploadEvidence';

/** What the file picker offers; the server checks the bytes whatever is picked. */
const ACCEPT =
  'image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain,text/csv,application/json,.csv,.json,.txt';

/** Adds a file to the case; the outcome (with the stored SHA-256) goes to `onDone`. */
export function UploadEvidenceButton(props: { caseId: number; onDone(outcome: UploadOutcome): void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      component="label"
      size="small"
      variant="outlined"
      startIcon={<UploadFile />}
      disabled={busy}
      title={t('evidence.upload.hint', { max: EVIDENCE_MAX_BYTES / 1024 / 1024 })}
    >
      {busy ? t('evidence.upload.uploading') : t('evidence.upload.button')}
      <input
        hidden
        type="file"
        accept={ACCEPT}
        data-testid="evidence-upload-input"
        onChange={async (e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          if (!file) return;
          setBusy(true);
          try {
            props.onDone(await uploadEvidenceFile(props.caseId, file));
          } finally {
            setBusy(false);
            input.value = '';
          }
        }}
      />
    </Button>
  );
}
