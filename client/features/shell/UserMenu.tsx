import AccountCircle from '@mui/icons-material/AccountCircle';
import DarkMode from '@mui/icons-material/DarkMode';
import LightMode from '@mui/icons-material/LightMode';
import Logout from '@mui/icons-material/Logout';
import ManageAccounts from '@mui/icons-material/ManageAccounts';
import PhonelinkErase from '@mui/icons-material/PhonelinkErase';
import Translate from '@mui/icons-material/Translate';
import { Button, Divider, ListItemIcon, ListItemText, ListSubheader, Menu, MenuItem } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LANGUAGES } from '../../i18n';
import { useColorMode } from '../../theme';
import { useSession } from '../auth/useSession';
import { SignOutEverywhereDialog } from './SignOutEverywhereDialog';

export function UserMenu() {
  const { t, i18n } = useTranslation();
  const { user, logout } = useSession();
  const { mode, toggle } = useColorMode();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [confirmEverywhere, setConfirmEverywhere] = useState(false);
  const navigate = useNavigate();
  if (!user) return null;
  const close = () => setAnchor(null);

  return (
    <>
      <Button
        color="inherit"
        startIcon={<AccountCircle />}
        // The accessible name starts with the visible one (WCAG 2.5.3, axe label-content-name-mismatch).
        aria-label={`${user.displayName} · ${t('userMenu.open')}`}
        aria-haspopup="menu"
        aria-expanded={Boolean(anchor)}
        onClick={(e) => setAnchor(e.currentTarget)}
        data-testid="user-menu"
      >
        {user.displayName}
      </Button>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={close}>
        <ListSubheader>
          {t('userMenu.signedInAs', { name: user.username })} · {t(`role.${user.role}` as 'role.admin')}
        </ListSubheader>
        <Divider />
        <ListSubheader>{t('userMenu.language')}</ListSubheader>
        {LANGUAGES.map((lang) => (
          <MenuItem
            key={lang.code}
            selected={i18n.language === lang.code}
            lang={lang.code}
            onClick={() => {
              void i18n.changeLanguage(lang.code);
              close();
            }}
          >
            <ListItemIcon>
              <Translate fontSize="small" />
            </ListItemIcon>
            <ListItemText>{lang.label}</ListItemText>
          </MenuItem>
        ))}
        <Divider />
        <MenuItem
          onClick={() => {
            close();
            void navigate('/account');
          }}
        >
          <ListItemIcon>
            <ManageAccounts fontSize="small" />
          </ListItemIcon>
          <ListItemText>{t('userMenu.account')}</ListItemText>
        </MenuItem>
        <MenuItem onClick={toggle}>
          <ListItemIcon>
            {mode === 'light' ? <DarkMode fontSize="small" /> : <LightMode fontSize="small" />}
          </ListItemIcon>
          <ListItemText>
            {t('userMenu.theme')}: {mode === 'light' ? t('userMenu.light') : t('userMenu.dark')}
          </ListItemText>
        </MenuItem>
        <MenuItem
          onClick={() => {
            close();
            logout.mutate();
          }}
        >
          <ListItemIcon>
            <Logout fontSize="small" />
          </ListItemIcon>
          <ListItemText>{t('userMenu.logout')}</ListItemText>
        </MenuItem>
        <MenuItem
          onClick={() => {
            close();
            setConfirmEverywhere(true);
          }}
        >
          <ListItemIcon>
            <PhonelinkErase fontSize="small" />
          </ListItemIcon>
          <ListItemText>{t('userMenu.logoutEverywhere')}</ListItemText>
        </MenuItem>
      </Menu>
      <SignOutEverywhereDialog open={confirmEverywhere} onClose={() => setConfirmEverywhere(false)} />
    </>
  );
}
