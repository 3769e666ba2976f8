import { Box, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { RelatedSubject } from '../../../shared/api/subjects';
import { SubjectLink } from './SubjectLink';

/**
 * Members tied to this one by a shared phone, address, alert phone or SMS sender in evidence,
 * grouped by what they share: one sender texting many shops' buyers reads as one clue.
 */
export function RelatedSubjectsCard({ related }: { related: RelatedSubject[] }) {
  const { t } = useTranslation();
  const groups = new Map<string, RelatedSubject[]>();
  for (const r of related) {
    const key = `${r.via}|${r.clue}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
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
        <Stack spacing={1.5} sx={{ mt: 1.5 }}>
          {[...groups.values()].map((members) => {
            const first = members[0] as RelatedSubject;
            return (
              <Box key={`${first.via}|${first.clue}`}>
                <Typography variant="body2" color="text.secondary">
                  {t(`subjectPage.related.via.${first.via}`, { clue: first.clue })}
                </Typography>
                <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none', display: 'flex', flexWrap: 'wrap', gap: 1 }}>
                  {members.map((r) => (
                    <li key={r.id}>
                      <SubjectLink id={r.id} name={r.name} />
                      <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 0.5 }}>
                        {r.kind ? t(`subjectKind.${r.kind}`) : t('subjectPage.related.unknownKind')} · {r.id}
                      </Typography>
                    </li>
                  ))}
                </Box>
              </Box>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}
