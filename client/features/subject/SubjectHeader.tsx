import LockOutlined from '@mui/icons-material/LockOutlined';
import { Box, Chip, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { SubjectOverview } from '../../../shared/api/subjects';
import { PLATFORM_NAMES } from '../../../shared/rulebook/platforms';
import { LabeledField } from '../../lib/LabeledField';
import { formatPlatformTime } from '../../lib/platformTime';
import { MaskedPii } from '../case/pii/MaskedPii';
import { useLocalized, useRulebook } from '../rulebook/rulebookContext';

/** Who the subject is, its contact data masked (each reveal audited), and its points now. */
export function SubjectHeader({ overview }: { overview: SubjectOverview }) {
  const { t, i18n } = useTranslation();
  const { view } = useRulebook();
  const localized = useLocalized();
  const { subject, standing } = overview;
  const time = (iso: string) => formatPlatformTime(iso, i18n.language);
  return (
    <Paper sx={{ p: 2 }} data-testid="subject-header">
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1">
          {subject.name ?? subject.id}
        </Typography>
        <Chip size="small" variant="outlined" label={t(`subjectKind.${subject.kind}`)} />
        {standing.sealed && <Chip color="error" icon={<LockOutlined />} label={t('subjectPage.sealed')} />}
        <Box id="subject-tags" />
      </Stack>
      <Stack direction="row" spacing={3} useFlexGap sx={{ mt: 1.5, flexWrap: 'wrap' }}>
        <LabeledField label={t('subjectPage.id')}>{subject.id}</LabeledField>
        <LabeledField label={t('subjectPage.platform')}>
          {subject.platform ? localized(PLATFORM_NAMES[subject.platform]) : t('subjectPage.platformUnknown')}
        </LabeledField>
        {subject.phoneMasked && (
          <LabeledField label={t('pii.phone')}>
            <MaskedPii key={`${subject.id}-phone`} subjectId={subject.id} field="phone" masked={subject.phoneMasked} />
          </LabeledField>
        )}
        {subject.addressMasked && (
          <LabeledField label={t('pii.address')}>
            <MaskedPii
              key={`${subject.id}-address`}
              subjectId={subject.id}
              field="address"
              masked={subject.addressMasked}
            />
          </LabeledField>
        )}
        {subject.shopLevel && <LabeledField label={t('case.shopLevel')}>{subject.shopLevel}</LabeledField>}
        {subject.registeredAt && (
          <LabeledField label={t('case.registeredAt')}>{time(subject.registeredAt)}</LabeledField>
        )}
        <LabeledField label={t('subjectPage.createdAt')}>{time(subject.createdAt)}</LabeledField>
        <LabeledField label={t('subjectPage.points')}>
          <span data-testid="subject-points">
            {view.ledgers
              .map((l) => `${localized(l.name)} ${standing.points[l.id as keyof typeof standing.points] ?? 0}`)
              .join(' · ')}
          </span>
        </LabeledField>
      </Stack>
    </Paper>
  );
}
