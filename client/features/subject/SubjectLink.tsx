import { Link } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';

export const subjectPath = (id: string) => `/subjects/${encodeURIComponent(id)}`;

/**
 * A subject's name as a link to its page, wherever a subject is named. The click stays on the
 * link: rows that open a case on click (queue, appeals) must not open it as well.
 */
export function SubjectLink({ id, name, children }: { id: string; name?: string | null; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Link
      component={RouterLink}
      to={subjectPath(id)}
      onClick={(e) => e.stopPropagation()}
      title={t('subjectPage.open', { name: name ?? id })}
      data-testid="subject-link"
    >
      {children ?? name ?? id}
    </Link>
  );
}
