import { Alert, Box, Button, Chip, Divider, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MESSAGE_MAX_LENGTH, type MessageView } from '../../../shared/api/messages';
import { PRESENCE_CHANGED } from '../../../shared/api/presence';
import { can } from '../../../shared/auth/roles';
import { MESSAGE_TEMPLATE_IDS, type MessageTemplateId, templateText } from '../../../shared/messages/templates';
import { FormDialog } from '../../lib/FormDialog';
import { formatPlatformTime } from '../../lib/platformTime';
import { useTRPC } from '../../lib/trpc';
import { useCaseChangeRefresh } from '../../lib/useCaseChangeRefresh';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { useSession } from '../auth/useSession';
import { MessageAttachments } from './MessageAttachments';

/**
 * The case's thread with its subject (the member), through the platform: what staff sent, the
 * member's replies with their attachments, live as they arrive, and a form to write (from a
 * reason template, confirmed before it goes). Internal notes are a separate panel and never here.
 */
export function MessagesPanel({ caseId }: { caseId: number }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const thread = useQuery(trpc.messages.list.queryOptions({ caseId }));
  const [templateId, setTemplateId] = useState<MessageTemplateId | ''>('');
  const [body, setBody] = useState('');
  const [confirming, setConfirming] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.messages.list.queryKey({ caseId }) });
  // Replies (and anything else on this case, e.g. an appeal's request for evidence) arrive live.
  useCaseChangeRefresh(refresh, (change) => change.caseId === caseId && change.action !== PRESENCE_CHANGED);
  const send = useMutation(
    trpc.messages.send.mutationOptions({
      onSuccess: () => {
        setBody('');
        setTemplateId('');
        setConfirming(false);
        void refresh();
      },
    }),
  );
  const sendError = useTranslatedError(send.error);
  const loadError = useTranslatedError(thread.error);
  const canSend = Boolean(user && can(user.role, 'messages.send'));
  const lang = i18n.language.startsWith('zh') ? 'zh' : 'en';
  const time = (iso: string) => formatPlatformTime(iso, i18n.language);

  const pickTemplate = (id: MessageTemplateId | '') => {
    setTemplateId(id);
    if (id) setBody(templateText(id, lang));
  };

  return (
    <Paper sx={{ p: 2 }} data-testid="messages-panel">
      <Typography variant="h6" component="h2">
        {t('messages.title')}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
        {t('messages.hint')}
      </Typography>
      {loadError && <Alert severity="error">{t('messages.loadFailed')}</Alert>}
      {thread.data?.evidenceRequest && (
        <Alert severity="info" sx={{ mb: 1 }} data-testid="evidence-request">
          {t('messages.evidenceRequest', {
            deadline: thread.data.evidenceRequest.deadline ? time(thread.data.evidenceRequest.deadline) : '—',
          })}
        </Alert>
      )}
      <Stack spacing={1} divider={<Divider flexItem />} aria-live="polite">
        {thread.data?.messages.length === 0 && <Typography color="text.secondary">{t('messages.none')}</Typography>}
        {thread.data?.messages.map((m) => (
          <MessageItem key={m.id} message={m} time={time} />
        ))}
      </Stack>
      {canSend && (
        <Stack
          component="form"
          spacing={1}
          sx={{ mt: 2 }}
          onSubmit={(e) => {
            e.preventDefault();
            if (body.trim()) setConfirming(true);
          }}
        >
          <TextField
            select
            size="small"
            label={t('messages.template')}
            value={templateId}
            onChange={(e) => pickTemplate(e.target.value as MessageTemplateId | '')}
            slotProps={{ htmlInput: { 'data-testid': 'message-template' } }}
          >
            <MenuItem value="">{t('messages.templateNone')}</MenuItem>
            {MESSAGE_TEMPLATE_IDS.map((id) => (
              <MenuItem key={id} value={id}>
                {t(`messages.templates.${id}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            multiline
            minRows={3}
            label={t('messages.body')}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            helperText={t('messages.length', { count: body.length, max: MESSAGE_MAX_LENGTH })}
            error={body.length > MESSAGE_MAX_LENGTH}
            slotProps={{ htmlInput: { 'data-testid': 'message-body' } }}
          />
          <Button
            type="submit"
            variant="contained"
            disabled={!body.trim() || body.length > MESSAGE_MAX_LENGTH}
            sx={{ alignSelf: 'flex-end' }}
          >
            {t('messages.send')}
          </Button>
        </Stack>
      )}
      <FormDialog
        open={confirming}
        title={t('messages.confirmTitle')}
        text={t('messages.confirmText')}
        pending={send.isPending}
        error={sendError}
        confirmLabel={t('messages.confirmSend')}
        confirmTestId="message-confirm"
        maxWidth="xs"
        onSubmit={() => send.mutate({ caseId, body, ...(templateId && { templateId }) })}
        onClose={() => setConfirming(false)}
      >
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', mt: 1 }}>
          {body}
        </Typography>
      </FormDialog>
    </Paper>
  );
}

function MessageItem({ message: m, time }: { message: MessageView; time: (iso: string) => string }) {
  const { t } = useTranslation();
  const fromStaff = m.direction === 'out';
  return (
    <Box data-testid={`message-${m.direction}`} sx={{ pl: fromStaff ? 0 : 2 }}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Chip
          size="small"
          color={fromStaff ? 'default' : 'primary'}
          label={fromStaff ? t('messages.fromStaff') : t('messages.fromSubject')}
        />
        {m.appealId !== null && (
          <Chip size="small" variant="outlined" label={t('messages.appeal', { id: m.appealId })} />
        )}
        <Typography variant="caption" color="text.secondary">
          {fromStaff
            ? t('messages.staffByline', { name: m.author?.name ?? '', at: time(m.createdAt) })
            : t('messages.subjectByline', { at: time(m.createdAt) })}
        </Typography>
      </Stack>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', mt: 0.5 }}>
        {m.body}
      </Typography>
      {m.attachments.length > 0 && <MessageAttachments messageId={m.id} attachments={m.attachments} />}
    </Box>
  );
}
