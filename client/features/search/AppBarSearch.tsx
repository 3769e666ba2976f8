import SearchIcon from '@mui/icons-material/Search';
import { Box, ButtonBase, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { openCommandPalette } from '../shell/CommandPalette';

/** The app bar's search box: opens the command palette, where results show as one types (also Ctrl K / ⌘K). */
export function AppBarSearch() {
  const { t } = useTranslation();
  return (
    <ButtonBase
      onClick={() => openCommandPalette()}
      // Its name is the visible text (an aria-label differing from it fails axe's label-content-name-mismatch).
      aria-keyshortcuts="Control+K Meta+K"
      sx={{
        mr: 2,
        px: 1.5,
        py: 0.5,
        width: { xs: 160, md: 300 },
        justifyContent: 'flex-start',
        gap: 1,
        borderRadius: 1,
        bgcolor: 'rgba(255,255,255,0.15)',
        '&:hover': { bgcolor: 'rgba(255,255,255,0.25)' },
      }}
    >
      <SearchIcon fontSize="small" aria-hidden />
      <Typography variant="body2" noWrap sx={{ flexGrow: 1, textAlign: 'left', opacity: 0.85 }}>
        {t('search.box')}
      </Typography>
      <Box
        component="kbd"
        aria-hidden
        sx={{ fontSize: 12, px: 0.5, border: 1, borderColor: 'rgba(255,255,255,0.5)', borderRadius: 0.5 }}
      >
        Ctrl K
      </Box>
    </ButtonBase>
  );
}
