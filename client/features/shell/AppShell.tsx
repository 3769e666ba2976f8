import Balance from '@mui/icons-material/Balance';
import FactCheck from '@mui/icons-material/FactCheck';
import Gavel from '@mui/icons-material/Gavel';
import History from '@mui/icons-material/History';
import Inbox from '@mui/icons-material/Inbox';
import Insights from '@mui/icons-material/Insights';
import Key from '@mui/icons-material/Key';
import LocalOffer from '@mui/icons-material/LocalOffer';
import ManageAccounts from '@mui/icons-material/ManageAccounts';
import MenuBook from '@mui/icons-material/MenuBook';
import Outbox from '@mui/icons-material/Outbox';
import PostAdd from '@mui/icons-material/PostAdd';
import RecordVoiceOver from '@mui/icons-material/RecordVoiceOver';
import Security from '@mui/icons-material/Security';
import SettingsSuggest from '@mui/icons-material/SettingsSuggest';
import TaskAlt from '@mui/icons-material/TaskAlt';
import Tune from '@mui/icons-material/Tune';
import WorkspacePremium from '@mui/icons-material/WorkspacePremium';
import {
  AppBar,
  Box,
  Drawer,
  List,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  Toolbar,
  Typography,
} from '@mui/material';
import { type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { can, type Permission } from '../../../shared/auth/roles';
import { PageLoading } from '../../lib/lazyPage';
import { useHotkey } from '../../lib/useHotkey';
import { useSession } from '../auth/useSession';
import { InboxBell } from '../notes/InboxBell';
import { PlatformClockGate } from '../rulebook/PlatformClockGate';
import { AppBarSearch } from '../search/AppBarSearch';
import { CommandPalette } from './CommandPalette';
import { ShortcutSheet } from './ShortcutSheet';
import { UserMenu } from './UserMenu';

const DRAWER_WIDTH = 200;

const NAV: {
  to: string;
  labelKey:
    | 'nav.queue'
    | 'nav.rulebook'
    | 'nav.queues'
    | 'nav.appeals'
    | 'nav.approvals'
    | 'nav.staff'
    | 'nav.audit'
    | 'nav.outbox'
    | 'nav.tokens'
    | 'nav.dashboard'
    | 'nav.alerts'
    | 'intake.nav'
    | 'tags.nav'
    | 'qaGold.nav.gold'
    | 'qaGold.nav.calibration'
    | 'messages.reporters.nav'
    | 'qa.nav';
  icon: ReactNode;
  /** Shown only to staff with this permission. */
  permission?: Permission;
}[] = [
  { to: '/queue', labelKey: 'nav.queue', icon: <Inbox /> },
  // Everyone sees figures: a lead the team's, anyone else their own (server/services/metrics.service.ts).
  { to: '/reports/new', labelKey: 'intake.nav', icon: <PostAdd />, permission: 'cases.intake' },
  { to: '/dashboard', labelKey: 'nav.dashboard', icon: <Insights /> },
  // Every role has `cases.read`, which is all the appeals list needs.
  { to: '/appeals', labelKey: 'nav.appeals', icon: <Balance /> },
  { to: '/approvals', labelKey: 'nav.approvals', icon: <FactCheck />, permission: 'cases.approve' },
  // Blind QA checks for staff who decide; leads adjudicate from the same page.
  { to: '/qa', labelKey: 'qa.nav', icon: <TaskAlt />, permission: 'qa.review' },
  { to: '/alerts', labelKey: 'nav.alerts', icon: <Security /> },
  { to: '/rulebook', labelKey: 'nav.rulebook', icon: <MenuBook /> },
  { to: '/queues', labelKey: 'nav.queues', icon: <SettingsSuggest /> },
  // Everyone may read the vocabulary; only leads change it (the page hides its buttons).
  { to: '/tags', labelKey: 'tags.nav', icon: <LocalOffer />, permission: 'tags.apply' },
  // Gold cases: leads. Calibration: leads run sessions, reviewers answer the ones they are invited to.
  { to: '/qa/gold', labelKey: 'qaGold.nav.gold', icon: <WorkspacePremium />, permission: 'qa.manage' },
  { to: '/qa/calibration', labelKey: 'qaGold.nav.calibration', icon: <Tune />, permission: 'cases.decide' },
  // Reporters' scores and mutes: leads.
  { to: '/reporters', labelKey: 'messages.reporters.nav', icon: <RecordVoiceOver />, permission: 'reporters.mute' },
  { to: '/audit', labelKey: 'nav.audit', icon: <History />, permission: 'audit.read' },
  { to: '/admin/staff', labelKey: 'nav.staff', icon: <ManageAccounts />, permission: 'users.manage' },
  { to: '/outbox', labelKey: 'nav.outbox', icon: <Outbox />, permission: 'users.manage' },
  { to: '/admin/tokens', labelKey: 'nav.tokens', icon: <Key />, permission: 'users.manage' },
];

export function AppShell() {
  const { t } = useTranslation();
  const { user } = useSession();
  const nav = NAV.filter((item) => !item.permission || (user && can(user.role, item.permission)));
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  useHotkey('?', () => setShortcutsOpen(true));
  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar position="fixed" sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
        <Toolbar variant="dense">
          <Gavel sx={{ mr: 1 }} aria-hidden />
          <Typography variant="h6" component="div" sx={{ flexGrow: 1 }}>
            {t('app.name')}
          </Typography>
          <AppBarSearch />
          <InboxBell />
          <UserMenu />
        </Toolbar>
      </AppBar>
      <Drawer
        variant="permanent"
        sx={{
          width: DRAWER_WIDTH,
          flexShrink: 0,
          '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' },
        }}
      >
        <Toolbar variant="dense" />
        <List component="nav" aria-label={t('nav.navigation')}>
          {nav.map((item) => (
            <ListItemButton key={item.to} component={NavLink} to={item.to}>
              <ListItemIcon>{item.icon}</ListItemIcon>
              <ListItemText primary={t(item.labelKey)} />
            </ListItemButton>
          ))}
        </List>
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, p: 2, minWidth: 0 }}>
        <Toolbar variant="dense" />
        <PlatformClockGate>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </PlatformClockGate>
      </Box>
      <CommandPalette
        nav={nav.map((item) => ({ to: item.to, label: t(item.labelKey) }))}
        onShowShortcuts={() => setShortcutsOpen(true)}
      />
      <ShortcutSheet open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
    </Box>
  );
}
