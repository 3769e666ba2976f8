import { ArrowBack } from '@mui/icons-material';
import { Alert, Box, Button, Chip, LinearProgress, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams, useSearchParams } from 'react-router';
import { can } from '../../../../shared/auth/roles';
import { LoadErrorAlert } from '../../../lib/LoadErrorAlert';
import { formatPlatformTime } from '../../../lib/platformTime';
import { usePlatformName } from '../../../lib/usePlatformNames';
import { useTranslatedError } from '../../../lib/useTranslatedError';
import { useSession } from '../../auth/useSession';
import { DiffView } from './DiffView';
import { DraftEditTab } from './DraftEditTab';
import { PublishPanel } from './PublishPanel';
import { ShadowPanel } from './ShadowPanel';
import { SimulationPanel } from './SimulationPanel';
import { useDraftEditor } from './useDraftEditor';

const TABS = ['edit', 'diff', 'simulation', 'shadow', 'publish'] as const;
type TabId = (typeof TABS)[number];

/** One draft (`/rulebook/drafts/:id`): edit it, read its changes, simulate, shadow, publish. */
export function DraftEditorPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  if (!user || !can(user.role, 'rulebook.manage')) {
    return <Alert severity="warning">{t('rulebookAuthoring.drafts.forbidden')}</Alert>;
  }
  return <DraftEditor />;
}

function DraftEditor() {
  const { t, i18n } = useTranslation();
  const params = useParams();
  const id = Number(params.id);
  const editor = useDraftEditor(id);
  const platformName = usePlatformName();
  const errorText = useTranslatedError(editor.query.error);
  const [search, setSearch] = useSearchParams();
  const requested = search.get('tab');
  const tab: TabId = TABS.find((x) => x === requested) ?? 'edit';
  const { draft } = editor;
  // Closing or reloading the tab with unsaved edits asks first (the browser words the question).
  useEffect(() => {
    if (!editor.dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [editor.dirty]);

  return (
    <Stack spacing={1.5}>
      <Box>
        <Button component={RouterLink} to="/rulebook/drafts" size="small" startIcon={<ArrowBack />}>
          {t('rulebookAuthoring.editor.back')}
        </Button>
      </Box>
      {editor.query.isPending && <LinearProgress aria-label={t('common.loading')} />}
      {errorText && (
        <LoadErrorAlert onRetry={() => void editor.query.refetch()} retrying={editor.query.isFetching}>
          {t('rulebookAuthoring.drafts.loadFailed')}: {errorText}
        </LoadErrorAlert>
      )}
      {draft && editor.rulebook && (
        <>
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
            <Typography variant="h5" component="h1">
              {t('rulebookAuthoring.editor.title', { platform: platformName(draft.platform) })}
            </Typography>
            <Chip
              data-testid="draft-status"
              label={t(`rulebookAuthoring.status.${draft.status}`)}
              color={
                draft.status === 'published' ? 'success' : draft.status === 'pending_approval' ? 'warning' : 'default'
              }
            />
          </Stack>
          <Typography variant="body2" color="text.secondary">
            {t('rulebookAuthoring.editor.subtitle', {
              version: draft.basedOnVersion,
              author: draft.createdBy.name,
              at: formatPlatformTime(draft.updatedAt, i18n.language),
            })}
          </Typography>
          <Tabs
            value={tab}
            onChange={(_e, next: TabId) =>
              setSearch(
                (prev) => {
                  const updated = new URLSearchParams(prev);
                  updated.set('tab', next);
                  return updated;
                },
                { replace: true },
              )
            }
            aria-label={t('rulebookAuthoring.drafts.title')}
            sx={{ borderBottom: 1, borderColor: 'divider', '& .MuiTab-root': { textTransform: 'none' } }}
          >
            {TABS.map((x) => (
              <Tab
                key={x}
                value={x}
                label={t(`rulebookAuthoring.editor.tabs.${x}`)}
                id={`draft-tab-${x}`}
                aria-controls="draft-panel"
              />
            ))}
          </Tabs>
          <Box role="tabpanel" id="draft-panel" aria-labelledby={`draft-tab-${tab}`}>
            {tab === 'edit' && <DraftEditTab editor={editor} />}
            {tab === 'diff' && <DiffView editor={editor} />}
            {tab === 'simulation' && <SimulationPanel draftId={id} dirty={editor.dirty} rulebook={editor.rulebook} />}
            {tab === 'shadow' && (
              <ShadowPanel draftId={id} editable={draft.status === 'draft'} rulebook={editor.rulebook} />
            )}
            {tab === 'publish' && <PublishPanel editor={editor} />}
          </Box>
        </>
      )}
    </Stack>
  );
}
