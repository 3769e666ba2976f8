import { List, ListItem, ListItemText, Paper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { RelatedSubject } from '../../../shared/api/subjects';
import { SubjectLink } from './SubjectLink';

/** Members tied to this one by a shared phone, address, alert phone or SMS sender in evidence. */
export function RelatedSubjectsCard({ related }: { related: RelatedSubject[] }) {
  const { t } = useTranslation();
  return (
    <Paper component="section" aria-labelledby="subject-related-title" sx={{ p: 2 }} data-testid="subject-related">
      <Typography variant="h6" component="h2" id="subject-related-title">
        {t('subjectPage.related.title')}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="p">
        {t('subjectPage.related.intro')}
      </Typography>
      {related.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {t('subjectPage.related.empty')}
        </Typography>
      ) : (
        <List dense>
          {related.map((r) => (
            <ListItem key={`${r.id}-${r.via}`} disableGutters divider>
              <ListItemText
                primary={
                  <>
                    <SubjectLink id={r.id} name={r.name} />{' '}
                    <Typography component="span" variant="caption" color="text.secondary">
                      {r.kind ? t(`subjectKind.${r.kind}`) : t('subjectPage.related.unknownKind')} · {r.id}
                    </Typography>
                  </>
                }
                secondary={t(`subjectPage.related.via.${r.via}`, { clue: r.clue })}
              />
            </ListItem>
          ))}
        </List>
      )}
    </Paper>
  );
}
