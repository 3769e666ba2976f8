import LockOpen from '@mui/icons-material/LockOpen';
import LockReset from '@mui/icons-material/LockReset';
import PersonOff from '@mui/icons-material/PersonOff';
import { Box, Button, Chip, Stack } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/auth/roles';
import { DeskDataGrid } from '../../lib/DeskDataGrid';
import { formatPlatformTime } from '../../lib/platformTime';
import { RoleSelect } from './RoleSelect';
import { StaffStatus } from './StaffStatus';
import type { StaffMember } from './staffTypes';

export interface StaffGridProps {
  rows: StaffMember[];
  loading: boolean;
  /** The signed-in admin: nobody changes their own role or access (the server refuses it too). */
  selfId: number;
  /** A staff member whose role change is on its way, so their select waits for it. */
  pendingRoleOf: number | null;
  now: number;
  onRoleChange(member: StaffMember, role: Role): void;
  onToggleAccess(member: StaffMember): void;
  onResetPassword(member: StaffMember): void;
}

/** Every staff account, with what an admin can do to each one. */
export function StaffGrid(props: StaffGridProps) {
  const { t, i18n } = useTranslation();
  const { selfId, pendingRoleOf, now, onRoleChange, onToggleAccess, onResetPassword } = props;

  const columns = useMemo<GridColDef<StaffMember>[]>(() => {
    const time = (iso: string | null) => (iso ? formatPlatformTime(iso, i18n.language) : t('admin.staff.never'));
    return [
      { field: 'username', headerName: t('admin.staff.columns.username'), width: 130 },
      {
        field: 'displayName',
        headerName: t('admin.staff.columns.displayName'),
        flex: 1,
        minWidth: 120,
        renderCell: ({ row }) => (
          <>
            {row.displayName}
            {row.id === selfId && <Chip size="small" label={t('admin.staff.you')} sx={{ ml: 1 }} />}
          </>
        ),
      },
      {
        field: 'role',
        headerName: t('admin.staff.columns.role'),
        width: 170,
        valueFormatter: (role: Role) => t(`role.${role}`),
        renderCell: ({ row }) => (
          // The grid moves focus with the keys; inside the select they belong to the select.
          <Box onKeyDown={(e) => e.stopPropagation()} sx={{ width: '100%' }}>
            <RoleSelect
              size="small"
              fullWidth
              value={row.role}
              ariaLabel={t('admin.staff.roleOf', { name: row.username })}
              disabled={row.id === selfId || pendingRoleOf === row.id}
              onChange={(role) => role !== row.role && onRoleChange(row, role)}
            />
          </Box>
        ),
      },
      {
        field: 'status',
        headerName: t('admin.staff.columns.status'),
        width: 170,
        sortable: false,
        renderCell: ({ row }) => <StaffStatus member={row} now={now} />,
      },
      {
        field: 'lastLoginAt',
        headerName: t('admin.staff.columns.lastLoginAt'),
        width: 185,
        valueFormatter: (iso: string | null) => time(iso),
      },
      {
        field: 'createdAt',
        headerName: t('admin.staff.columns.createdAt'),
        width: 185,
        valueFormatter: (iso: string) => time(iso),
      },
      {
        field: 'actions',
        headerName: t('admin.staff.columns.actions'),
        width: 220,
        sortable: false,
        renderCell: ({ row }) =>
          row.id === selfId ? null : (
            <Stack
              direction="row"
              spacing={1}
              sx={{ alignItems: 'center', height: '100%' }}
              role="group"
              aria-label={t('admin.staff.actionsOf', { name: row.username })}
            >
              <Button
                size="small"
                color={row.disabled ? 'primary' : 'error'}
                startIcon={row.disabled ? <LockOpen /> : <PersonOff />}
                onClick={() => onToggleAccess(row)}
              >
                {row.disabled ? t('admin.staff.enable') : t('admin.staff.disable')}
              </Button>
              <Button size="small" startIcon={<LockReset />} onClick={() => onResetPassword(row)}>
                {t('admin.staff.resetPassword')}
              </Button>
            </Stack>
          ),
      },
    ];
  }, [t, i18n.language, selfId, pendingRoleOf, now, onRoleChange, onToggleAccess, onResetPassword]);

  return (
    <DeskDataGrid
      rows={props.rows}
      columns={columns}
      loading={props.loading}
      disableRowSelectionOnClick
      disableColumnFilter
      rowHeight={56}
      noRowsLabel={t('admin.staff.empty')}
      aria-label={t('admin.staff.title')}
    />
  );
}
