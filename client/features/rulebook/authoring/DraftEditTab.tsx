import { Alert, Box, Button, Paper, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useTranslatedError } from '../../../lib/useTranslatedError';
import { useLocalized } from '../rulebookContext';
import { checkMessageKey } from './checkMessages';
import { type DraftEditing, DraftEditingProvider } from './draftEditing';
import { type DraftPath, pathKey } from './draftEdits';
import { describePlace } from './issuePlaces';
import { JsonEditor } from './JsonEditor';
import { LedgersEditor } from './LedgersEditor';
import { MeasuresEditor } from './MeasuresEditor';
import { RulesEditor } from './RulesEditor';
import type { DraftEditor } from './useDraftEditor';

const SECTIONS = ['ledgers', 'rules', 'measures', 'json'] as const;
type SectionId = (typeof SECTIONS)[number];

/**
 * The forms, with a bar above them: save (Ctrl+S works from any field), undo the unsaved edits,
 * how many problems there are and where, and a refused save's reason.
 */
export function DraftEditTab({ editor }: { editor: DraftEditor }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const [params, setParams] = useSearchParams();
  const requested = params.get('section');
  const section: SectionId = SECTIONS.find((s) => s === requested) ?? 'ledgers';
  const setParam = (key: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set(key, value);
        return next;
      },
      { replace: true },
    );
  const saveErrorText = useTranslatedError(editor.conflict ? null : editor.saveError);
  const { localIssues, serverIssues, rulebook } = editor;

  const checkText = useCallback(
    (message: string) => {
      const key = checkMessageKey(message);
      return key ? t(`rulebookAuthoring.checks.${key}`) : t('rulebookAuthoring.issues.server', { message });
    },
    [t],
  );
  const localByPath = useMemo(() => new Map(localIssues.map((i) => [i.path, i])), [localIssues]);
  const serverByPath = useMemo(() => new Map(serverIssues.map((i) => [i.path, i])), [serverIssues]);
  const issueAt = useCallback(
    (path: DraftPath) => {
      const key = pathKey(path);
      const local = localByPath.get(key);
      if (local) return t(`rulebookAuthoring.issues.${local.key}`, local.params ?? {});
      const server = serverByPath.get(key);
      return server ? checkText(server.message) : undefined;
    },
    [localByPath, serverByPath, t, checkText],
  );
  if (!rulebook) return null;
  // Problems the forms show at a field are listed once more here with their place, so none is missed.
  const problems = [
    ...localIssues.map((i) => ({ path: i.path, text: t(`rulebookAuthoring.issues.${i.key}`, i.params ?? {}) })),
    ...serverIssues.filter((i) => !localByPath.has(i.path)).map((i) => ({ path: i.path, text: checkText(i.message) })),
  ];
  const editing: DraftEditing = {
    rulebook,
    published: editor.publishedVersions,
    readOnly: !editor.editable,
    today: editor.today,
    edit: editor.edit,
    issueAt,
  };

  return (
    <Stack
      spacing={1.5}
      sx={{ pt: 1.5 }}
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
          e.preventDefault();
          if (editor.dirty && !editor.saving) editor.save();
        }
      }}
    >
      {!editor.editable && editor.draft && (
        <Alert severity="info">
          {t('rulebookAuthoring.editor.readOnly', { status: t(`rulebookAuthoring.status.${editor.draft.status}`) })}
        </Alert>
      )}
      {editor.editable && (
        <Paper
          variant="outlined"
          sx={{ p: 1.5, position: 'sticky', top: 64, zIndex: 2, bgcolor: 'background.paper' }}
          data-testid="draft-save-bar"
        >
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
            <Button variant="contained" onClick={editor.save} disabled={!editor.dirty || editor.saving}>
              {editor.saving ? t('rulebookAuthoring.editor.saving') : t('rulebookAuthoring.editor.save')}
            </Button>
            <Button onClick={editor.revert} disabled={!editor.dirty || editor.saving}>
              {t('rulebookAuthoring.editor.revert')}
            </Button>
            <Typography variant="body2" color="text.secondary" role="status">
              {editor.dirty ? t('rulebookAuthoring.editor.unsaved') : t('rulebookAuthoring.editor.noChanges')}
              {' · '}
              {problems.length > 0
                ? t('rulebookAuthoring.editor.issuesCount', { count: problems.length })
                : t('rulebookAuthoring.editor.issuesNone')}
            </Typography>
          </Stack>
          {editor.conflict && (
            <Alert
              severity="warning"
              sx={{ mt: 1.5 }}
              action={
                <Button color="inherit" size="small" onClick={() => void editor.reload()}>
                  {t('rulebookAuthoring.editor.reload')}
                </Button>
              }
            >
              {t('rulebookAuthoring.editor.conflict')}
            </Alert>
          )}
          {saveErrorText && (
            <Alert severity="error" sx={{ mt: 1.5 }}>
              {saveErrorText}
            </Alert>
          )}
          {problems.length > 0 && (
            <Box
              component="ul"
              sx={{ m: 0, mt: 1, pl: 3 }}
              aria-label={t('rulebookAuthoring.editor.issuesCount', { count: problems.length })}
            >
              {problems.slice(0, 8).map((p) => (
                <Typography component="li" variant="body2" color="error" key={`${p.path}:${p.text}`}>
                  <Box component="span" sx={{ fontWeight: 500, mr: 1 }}>
                    {describePlace(t, localized, rulebook, p.path)}
                  </Box>
                  {p.text}
                </Typography>
              ))}
            </Box>
          )}
        </Paper>
      )}
      <Tabs
        value={section}
        onChange={(_e, next: SectionId) => setParam('section', next)}
        aria-label={t('rulebookAuthoring.editor.tabs.edit')}
        sx={{ minHeight: 36, '& .MuiTab-root': { minHeight: 36, textTransform: 'none' } }}
      >
        {SECTIONS.map((s) => (
          <Tab key={s} value={s} label={t(`rulebookAuthoring.editor.sections.${s}`)} />
        ))}
      </Tabs>
      <DraftEditingProvider value={editing}>
        {section === 'ledgers' && <LedgersEditor />}
        {section === 'rules' && <RulesEditor selectedId={params.get('rule')} onSelect={(id) => setParam('rule', id)} />}
        {section === 'measures' && <MeasuresEditor />}
        {section === 'json' && <JsonEditor />}
      </DraftEditingProvider>
    </Stack>
  );
}
