import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Alert, Button, IconButton, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { EVIDENCE_MAX_BYTES } from '../../../shared/api/evidenceData';
import { EVIDENCE_KINDS, type ReportSubmitOutput, RULE_IDS } from '../../../shared/api/intake';
import { REPORT_SOURCES, SUBJECT_KINDS } from '../../../shared/cases/enums';
import { PLATFORM_IDS, PLATFORM_NAMES, type PlatformId } from '../../../shared/rulebook/platforms';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { AttachFiles, type FileOutcome, uploadAll } from './AttachFiles';
import {
  emptyEvidence,
  emptyReportForm,
  type FieldProblem,
  formProblems,
  newExternalId,
  type ReportForm,
  rulesOf,
  toReportInput,
  withPlatform,
} from './reportForm';

/**
 * Report intake in the desk, for triagers and leads: the same check as `reports.submit` (the
 * form uses its schema), typed evidence and files, and one idempotency key per report, so a
 * double press or a retry after a lost answer files it once.
 */
export function ReportIntakePage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('zh') ? 'zh' : 'en';
  const trpc = useTRPC();
  const [form, setForm] = useState<ReportForm>(emptyReportForm);
  const [externalId, setExternalId] = useState(newExternalId);
  const [files, setFiles] = useState<File[]>([]);
  const [uploads, setUploads] = useState<FileOutcome[] | null>(null);
  const [tried, setTried] = useState(false);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const submit = useMutation(
    trpc.reports.submit.mutationOptions({
      onSuccess: async (out) => {
        if (files.length) setUploads(await uploadAll(out.caseId, files, setUploads));
      },
    }),
  );
  const error = useTranslatedError(submit.error);
  const serverField =
    submit.error instanceof TRPCClientError ? (submit.error.data?.field as string | undefined) : undefined;
  const problems = formProblems(form);
  const shown = (path: string): FieldProblem | undefined => (tried || touched.has(path) ? problems[path] : undefined);
  const helper = (path: string, hint?: ReactNode) => {
    const problem = shown(path);
    if (problem) return t(`intake.problems.${problem}`);
    if (serverField === path) return error;
    return hint;
  };
  const field = (path: string) => ({
    error: Boolean(shown(path)) || serverField === path,
    helperText: helper(path),
    onBlur: () => setTouched((s) => new Set(s).add(path)),
  });
  const set = <K extends keyof ReportForm>(key: K, value: ReportForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setEvidence = (i: number, patch: Partial<ReportForm['evidence'][number]>) =>
    setForm((f) => ({ ...f, evidence: f.evidence.map((e, j) => (j === i ? { ...e, ...patch } : e)) }));

  const badFiles = files.filter((f) => f.size === 0 || f.size > EVIDENCE_MAX_BYTES);
  // Set at once, unlike `isPending`: a double press must not send twice (or upload the files twice).
  const sending = useRef(false);
  const send = () => {
    setTried(true);
    if (Object.keys(problems).length || badFiles.length || sending.current) return;
    sending.current = true;
    submit.mutate(toReportInput(form, externalId), {
      onSettled: () => {
        sending.current = false;
      },
    });
  };
  const startOver = () => {
    setForm(emptyReportForm());
    setExternalId(newExternalId());
    setFiles([]);
    setUploads(null);
    setTried(false);
    setTouched(new Set());
    submit.reset();
  };

  if (submit.data) {
    return <Filed out={submit.data} uploads={uploads} pendingFiles={files.length} onAnother={startOver} />;
  }
  return (
    <Stack
      spacing={2}
      component="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
      sx={{ maxWidth: 880 }}
    >
      <Typography variant="h5" component="h1">
        {t('intake.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('intake.intro')}
      </Typography>
      <Paper sx={{ p: 2 }}>
        <Stack spacing={2}>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <TextField
              select
              label={t('intake.source')}
              value={form.source}
              onChange={(e) => set('source', e.target.value as ReportForm['source'])}
              sx={{ minWidth: 200 }}
            >
              {REPORT_SOURCES.map((s) => (
                <MenuItem key={s} value={s}>
                  {t(`source.${s}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              label={t('intake.platform')}
              value={form.platform}
              onChange={(e) => setForm((f) => withPlatform(f, e.target.value as PlatformId))}
              sx={{ minWidth: 140 }}
            >
              {PLATFORM_IDS.map((p) => (
                <MenuItem key={p} value={p}>
                  {PLATFORM_NAMES[p][language]}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              label={t('intake.rule')}
              value={form.rule}
              onChange={(e) => set('rule', e.target.value as ReportForm['rule'])}
              {...field('rule')}
              sx={{ minWidth: 240 }}
            >
              {rulesOf(form.platform).map((r) => (
                <MenuItem key={r} value={r}>
                  {t(`rule.${r}`)}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <TextField
              required
              label={t('intake.subjectId')}
              value={form.subjectId}
              onChange={(e) => set('subjectId', e.target.value)}
              {...field('subject.id')}
              sx={{ flex: 1 }}
            />
            <TextField
              select
              label={t('intake.subjectKind')}
              value={form.subjectKind}
              onChange={(e) => set('subjectKind', e.target.value as ReportForm['subjectKind'])}
              sx={{ minWidth: 160 }}
            >
              {SUBJECT_KINDS.map((k) => (
                <MenuItem key={k} value={k}>
                  {t(`subjectKind.${k}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              label={t('intake.subjectName')}
              value={form.subjectName}
              onChange={(e) => set('subjectName', e.target.value)}
              {...field('subject.name')}
              sx={{ flex: 1 }}
            />
          </Stack>
          <TextField
            required
            multiline
            minRows={3}
            label={t('intake.summary')}
            value={form.summary}
            onChange={(e) => set('summary', e.target.value)}
            {...field('summary')}
          />
          <TextField
            label={t('intake.reporterId')}
            value={form.reporterId}
            onChange={(e) => set('reporterId', e.target.value)}
            {...field('reporterId')}
            helperText={helper('reporterId', t('intake.reporterHint'))}
          />
        </Stack>
      </Paper>

      <Paper sx={{ p: 2 }}>
        <Stack spacing={2}>
          <Typography variant="h6" component="h2">
            {t('intake.evidence')}
          </Typography>
          {form.evidence.map((e, i) => (
            // Entries have no id of their own; their position is what the server's field paths name.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <Stack key={i} direction={{ xs: 'column', md: 'row' }} spacing={1} sx={{ alignItems: 'flex-start' }}>
              <TextField
                select
                size="small"
                label={t('intake.evidenceKind')}
                value={e.kind}
                onChange={(ev) => setEvidence(i, { kind: ev.target.value as typeof e.kind })}
                sx={{ minWidth: 150 }}
              >
                {EVIDENCE_KINDS.map((k) => (
                  <MenuItem key={k} value={k}>
                    {t(`intake.evidenceKinds.${k}`)}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                size="small"
                required
                label={t('intake.evidenceTitle')}
                value={e.title}
                onChange={(ev) => setEvidence(i, { title: ev.target.value })}
                {...field(`evidence.${i}.title`)}
              />
              <TextField
                size="small"
                multiline
                label={t('intake.evidenceText')}
                value={e.text}
                onChange={(ev) => setEvidence(i, { text: ev.target.value })}
                {...field(`evidence.${i}.text`)}
                sx={{ flex: 1 }}
              />
              <TextField
                size="small"
                label={t('intake.evidenceUrl')}
                value={e.url}
                onChange={(ev) => setEvidence(i, { url: ev.target.value })}
                {...field(`evidence.${i}.url`)}
              />
              <IconButton
                aria-label={t('intake.removeEvidence', { n: i + 1 })}
                onClick={() =>
                  set(
                    'evidence',
                    form.evidence.filter((_, j) => j !== i),
                  )
                }
              >
                <DeleteIcon />
              </IconButton>
            </Stack>
          ))}
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Button
              startIcon={<AddIcon />}
              onClick={() => set('evidence', [...form.evidence, emptyEvidence()])}
              disabled={form.evidence.length >= 50}
            >
              {t('intake.addEvidence')}
            </Button>
            <AttachFiles files={files} onChange={setFiles} />
          </Stack>
        </Stack>
      </Paper>

      {error && !serverField && <Alert severity="error">{error}</Alert>}
      {tried && (Object.keys(problems).length > 0 || badFiles.length > 0) && (
        <Alert severity="warning">{t('intake.fixFields')}</Alert>
      )}
      <Stack direction="row" spacing={2}>
        <Button type="submit" variant="contained" disabled={submit.isPending}>
          {submit.isPending ? t('intake.submitting') : t('intake.submit')}
        </Button>
      </Stack>
    </Stack>
  );
}

/** After filing: where the report went, and how its files fared. */
function Filed(props: {
  out: ReportSubmitOutput;
  uploads: FileOutcome[] | null;
  pendingFiles: number;
  onAnother(): void;
}) {
  const { t } = useTranslation();
  const failed = props.uploads?.filter((u) => !u.ok) ?? [];
  const uploading = props.pendingFiles > 0 && (!props.uploads || props.uploads.some((u) => u.ok === null));
  return (
    <Stack spacing={2} sx={{ maxWidth: 880 }}>
      <Alert severity="success" data-testid="intake-filed">
        {t(props.out.merged ? 'intake.filedMerged' : 'intake.filed', { caseId: props.out.caseId })}
      </Alert>
      {uploading && <Alert severity="info">{t('intake.uploading')}</Alert>}
      {failed.length > 0 && (
        <Alert severity="error">{t('intake.uploadsFailed', { names: failed.map((f) => f.name).join('、') })}</Alert>
      )}
      <Stack direction="row" spacing={2}>
        <Button variant="contained" component={RouterLink} to={`/cases/${props.out.caseId}`} disabled={uploading}>
          {t('intake.openCase', { caseId: props.out.caseId })}
        </Button>
        <Button onClick={props.onAnother}>{t('intake.another')}</Button>
      </Stack>
    </Stack>
  );
}
