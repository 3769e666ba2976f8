import { Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import type { AppealView } from '../../../shared/api/appeals';
import { formatPlatformTime } from '../../lib/platformTime';
import { SubjectLink } from '../subject/SubjectLink';
import { AppealStatusChip } from './AppealStageChip';

/** One row per appeal; the whole row opens it, the number is the keyboard's way in. */
export function AppealsTable({ appeals }: { appeals: AppealView[] }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const time = (iso: string) => formatPlatformTime(iso, i18n.language);
  return (
    <Table size="small" aria-label={t('appeals.title')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('appeals.columns.id')}</TableCell>
          <TableCell>{t('appeals.columns.case')}</TableCell>
          <TableCell>{t('appeals.columns.subject')}</TableCell>
          <TableCell>{t('appeals.columns.rule')}</TableCell>
          <TableCell>{t('appeals.columns.status')}</TableCell>
          <TableCell>{t('appeals.columns.submittedAt')}</TableCell>
          <TableCell>{t('appeals.columns.deadline')}</TableCell>
          <TableCell>{t('appeals.columns.assignee')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {appeals.map((a) => (
          <TableRow
            key={a.id}
            hover
            sx={{ cursor: 'pointer' }}
            onClick={() => navigate(`/appeals/${a.id}`)}
            data-testid="appeal-row"
            data-id={a.id}
          >
            <TableCell>
              <Link component={RouterLink} to={`/appeals/${a.id}`} onClick={(e) => e.stopPropagation()}>
                {t('appeals.detail.title', { id: a.id })}
              </Link>
            </TableCell>
            <TableCell>{a.caseId}</TableCell>
            <TableCell>
              <SubjectLink id={a.subject.id} name={a.subject.name} />{' '}
              <Typography component="span" variant="caption" color="text.secondary">
                {a.subject.id}
              </Typography>
            </TableCell>
            <TableCell>{t(`rule.${a.rule}`, { defaultValue: a.rule })}</TableCell>
            <TableCell>
              <AppealStatusChip status={a.status} />
            </TableCell>
            <TableCell>{time(a.createdAt)}</TableCell>
            <TableCell>{a.evidenceDeadline ? time(a.evidenceDeadline) : '—'}</TableCell>
            <TableCell>{a.assignee?.name ?? t('appeals.detail.unassigned')}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
