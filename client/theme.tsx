import { CssBaseline, createTheme, ThemeProvider } from '@mui/material';
import { enUS, zhCN } from '@mui/material/locale';
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Mode = 'light' | 'dark';
const STORAGE_KEY = 'verdict.theme';

const ColorModeContext = createContext<{ mode: Mode; toggle(): void }>({ mode: 'light', toggle: () => {} });
export const useColorMode = () => useContext(ColorModeContext);

function initialMode(): Mode {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function DeskThemeProvider({ children }: { children: ReactNode }) {
  const [mode, setMode] = useState<Mode>(initialMode);
  const { i18n } = useTranslation();
  const theme = useMemo(
    () =>
      createTheme(
        {
          palette: {
            mode,
            primary: { main: mode === 'light' ? '#1f4e8c' : '#8ab4f8' },
            secondary: { main: '#b23a48' },
            // MUI's default orange (#ed6c02) gives white chip text 3.1:1; this one is 5:1 both ways (axe, WCAG AA).
            ...(mode === 'light' ? { warning: { main: '#b45309' } } : {}),
          },
          shape: { borderRadius: 6 },
          typography: {
            fontFamily: '"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Noto Sans SC",system-ui,sans-serif',
            fontSize: 13,
          },
          components: { MuiButton: { defaultProps: { disableElevation: true } } },
        },
        i18n.language === 'en' ? enUS : zhCN,
      ),
    [mode, i18n.language],
  );
  const value = useMemo(
    () => ({
      mode,
      toggle: () =>
        setMode((m) => {
          const next = m === 'light' ? 'dark' : 'light';
          localStorage.setItem(STORAGE_KEY, next);
          return next;
        }),
    }),
    [mode],
  );
  return (
    <ColorModeContext.Provider value={value}>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        {children}
      </ThemeProvider>
    </ColorModeContext.Provider>
  );
}
