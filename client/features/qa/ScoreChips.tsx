import Check from '@mui/icons-material/Check';
import Close from '@mui/icons-material/Close';
import Remove from '@mui/icons-material/Remove';
import { Chip, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { QaScoresView } from '../../../shared/api/qa';
import { type Agreement, SCORED_FIELDS, type ScoredField } from '../../../shared/qa/score';

/** An agreement's translation key: "n/a" is no key i18next should be asked for. */
export const agreementKey = (a: Agreement) => (a === 'n/a' ? 'notApplicable' : a);

/** One field's agreement as a chip: "Outcome: Agree", green, red or grey. */
export function AgreementChip({
  field,
  agreement,
  bare = false,
}: {
  field: ScoredField;
  agreement: Agreement;
  /** Only the agreement, where the field is named beside it already (the score table). */
  bare?: boolean;
}) {
  const { t } = useTranslation();
  const colour = agreement === 'agree' ? 'success' : agreement === 'disagree' ? 'error' : 'default';
  const icon = agreement === 'agree' ? <Check /> : agreement === 'disagree' ? <Close /> : <Remove />;
  return (
    <Chip
      size="small"
      variant={agreement === 'disagree' ? 'filled' : 'outlined'}
      color={colour}
      icon={icon}
      data-testid={`qa-score-${field}`}
      label={
        bare
          ? t(`qa.score.${agreementKey(agreement)}`)
          : t('qa.scoreLabel', { field: t(`qa.fields.${field}`), score: t(`qa.score.${agreementKey(agreement)}`) })
      }
    />
  );
}

/** Every scored field of a QA verdict, in the order the scoring defines. */
export function ScoreChips({ scores }: { scores: QaScoresView }) {
  const { t } = useTranslation();
  return (
    <Stack
      direction="row"
      spacing={0.5}
      useFlexGap
      sx={{ flexWrap: 'wrap' }}
      aria-label={t('qa.scoreSummary', {
        agreed: SCORED_FIELDS.filter((f) => scores[f] === 'agree').length,
        total: SCORED_FIELDS.filter((f) => scores[f] !== 'n/a').length,
      })}
      role="group"
    >
      {SCORED_FIELDS.map((f) => (
        <AgreementChip key={f} field={f} agreement={scores[f]} />
      ))}
    </Stack>
  );
}
