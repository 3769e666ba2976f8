import AttachFileIcon from '@mui/icons-material/AttachFile';
import { Button, Chip, Stack } from '@mui/material';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_MAX_BYTES } from '../../../shared/api/evidenceData';
import { uploadEvidenceFile } from '../case/evidence/uploadEvidence';

/** A file to attach and, once the report is filed, how its upload went (`ok: null` while it runs). */
export interface FileOutcome {
  name: string;
  ok: boolean | null;
}

/** Picks files to attach to the report; too-large and empty files are refused at once. */
export function AttachFiles(props: { files: File[]; onChange(files: File[]): void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <Button startIcon={<AttachFileIcon />} onClick={() => input.current?.click()}>
        {t('intake.attachFiles')}
      </Button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        aria-label={t('intake.attachFiles')}
        onChange={(e) => {
          const known = new Set(props.files.map(fileKey));
          // The same file picked twice is attached once.
          const picked = [...(e.target.files ?? [])].filter((f) => !known.has(fileKey(f)));
          e.target.value = '';
          props.onChange([...props.files, ...picked]);
        }}
      />
      {props.files.map((f) => {
        const bad = f.size === 0 || f.size > EVIDENCE_MAX_BYTES;
        return (
          <Chip
            key={fileKey(f)}
            label={bad ? t('intake.fileRefused', { name: f.name }) : f.name}
            color={bad ? 'error' : 'default'}
            onDelete={() => props.onChange(props.files.filter((other) => other !== f))}
          />
        );
      })}
    </Stack>
  );
}

const fileKey = (f: File) => `${f.name}:${f.size}:${f.lastModified}`;

/** Uploads each file to the new case in turn (the server allows a few at once per person). */
export async function uploadAll(
  caseId: number,
  files: File[],
  progress: (outcomes: FileOutcome[]) => void,
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = files.map((f) => ({ name: f.name, ok: null }));
  progress([...outcomes]);
  for (const [i, file] of files.entries()) {
    const result = await uploadEvidenceFile(caseId, file);
    outcomes[i] = { name: file.name, ok: result.ok };
    progress([...outcomes]);
  }
  return outcomes;
}
