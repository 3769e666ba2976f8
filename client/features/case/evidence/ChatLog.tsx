import { Box, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ChatData } from '../../../../shared/api/evidenceData';
import { formatEvidenceTime } from './evidenceFormat';

/** A conversation as captured: the first speaker on the left, everyone else on the right. */
export function ChatLog({ data }: { data: ChatData }) {
  const { t, i18n } = useTranslation();
  const first = data.messages[0]?.from;
  return (
    <Stack spacing={1}>
      <Typography variant="body2" color="text.secondary">
        {t('evidence.chat.messages', { count: data.messages.length })}
      </Typography>
      <Stack
        component="ol"
        spacing={1}
        aria-label={t('evidenceKind.chat')}
        sx={{
          listStyle: 'none',
          m: 0,
          p: 1,
          maxHeight: 480,
          overflow: 'auto',
          bgcolor: 'action.hover',
          borderRadius: 1,
        }}
      >
        {data.messages.map((m, i) => {
          const left = m.from === first;
          return (
            <Box
              component="li"
              // Messages have no id of their own; their order is the identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: a captured log never reorders
              key={i}
              sx={{ display: 'flex', flexDirection: 'column', alignItems: left ? 'flex-start' : 'flex-end' }}
            >
              <Typography variant="caption" color="text.secondary">
                {m.from} · {formatEvidenceTime(m.at, i18n.language)}
              </Typography>
              <Box
                sx={{
                  maxWidth: '80%',
                  px: 1.5,
                  py: 1,
                  borderRadius: 2,
                  bgcolor: left ? 'background.paper' : 'primary.main',
                  color: left ? 'text.primary' : 'primary.contrastText',
                  whiteSpace: 'pre-wrap',
                  wordBreak: 'break-word',
                  boxShadow: 1,
                }}
              >
                {m.text}
              </Box>
            </Box>
          );
        })}
      </Stack>
    </Stack>
  );
}
