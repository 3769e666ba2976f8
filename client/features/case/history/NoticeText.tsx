import { Box, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoticeView } from '../../../../shared/api/caseHistory';
import { formatPlatformTime } from '../../../lib/platformTime';

/**
 * The statement of reasons as the subject received it, in the staff's language first; the
 * other language is one click away (the subject may have read either).
 */
export function NoticeText({ notice }: { notice: NoticeView }) {
  const { t, i18n } = useTranslation();
  const [lang, setLang] = useState<'zh' | 'en'>(i18n.language.startsWith('en') ? 'en' : 'zh');
  const time = (iso: string) => formatPlatformTime(iso, i18n.language);
  return (
    <Stack spacing={1} id={`notice-${notice.id}`} data-testid="notice">
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="subtitle2" sx={{ flexGrow: 1 }}>
          {t('history.notice.title', { id: notice.id, at: time(notice.createdAt) })}
        </Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={lang}
          onChange={(_e, next: 'zh' | 'en' | null) => next && setLang(next)}
          aria-label={t('history.notice.language')}
        >
          <ToggleButton value="zh" lang="zh-CN">
            中文
          </ToggleButton>
          <ToggleButton value="en" lang="en">
            English
          </ToggleButton>
        </ToggleButtonGroup>
      </Stack>
      <Box
        component="pre"
        lang={lang === 'zh' ? 'zh-CN' : 'en'}
        sx={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', m: 0, p: 1.5, bgcolor: 'action.hover', borderRadius: 1 }}
      >
        {lang === 'zh' ? notice.bodyZh : notice.bodyEn}
      </Box>
      {notice.appealUntil && (
        <Typography variant="caption" color="text.secondary">
          {t('history.notice.appealUntil', { at: time(notice.appealUntil) })}
        </Typography>
      )}
    </Stack>
  );
}
