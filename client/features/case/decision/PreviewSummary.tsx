import { Alert, Box, Chip, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreviewOutput } from '../../../../shared/api/decisions';
import { formatPlatformTime } from '../../../lib/platformTime';
import { MeasureChips } from '../../rulebook/MeasureChips';
import { useLocalized, useRulebook } from '../../rulebook/rulebookContext';
import { FourEyesNotice } from './FourEyesNotice';

type Punishment = PreviewOutput['punishments'][number];

/**
 * What the rulebook engine says a finding would do: points and ledger, each ledger's total
 * before → after, nodes crossed, measures and punishments with their end dates (platform
 * time), search demotions, sealing, the rule version and its basis, and four-eyes.
 * Also shows the preview stored with a pending decision on the approvals page. Each decision
 * kind shows its own effect: a waiver adds nothing (what it forgives is set apart, never as a
 * penalty), dismiss and escalate impose nothing; an old violation is called out.
 */
export function PreviewSummary({ preview, compact = false }: { preview: PreviewOutput; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const localized = useLocalized();
  const { view, ledgers } = useRulebook();
  const ledgerName = (id: string) => {
    const ledger = ledgers.get(id);
    return ledger ? localized(ledger.name) : id;
  };
  const time = (iso: string) => formatPlatformTime(iso, i18n.language);
  const until = (p: { until: string | null }) => (p.until ? time(p.until) : t('preview.permanent'));
  // A version without a start date in the seeds is "since records begin", not 1970-01-01.
  const sinceRecordsBegin = view.rules.some((r) =>
    r.versions.some((v) => v.effectiveFrom === preview.ruleVersion && v.sinceRecordsBegin),
  );
  const version = sinceRecordsBegin ? t('rulebook.version.sinceRecordsBegin') : preview.ruleVersion;

  if (preview.kind === 'dismiss' || preview.kind === 'escalate') {
    return (
      <Stack spacing={1} data-testid="decision-preview">
        <Alert severity="info" data-testid="preview-no-penalty">
          {t('preview.noPenalty')}
        </Alert>
      </Stack>
    );
  }
  return (
    <Stack spacing={1} data-testid="decision-preview">
      {preview.timing?.old && (
        <Alert severity="warning" data-testid="preview-late">
          {t('preview.late', {
            violationAt: time(preview.timing.violationAt),
            days: preview.timing.daysLate,
            recordedAt: time(preview.timing.recordedAt),
          })}
          {preview.timing.earlierYear && ` ${t('preview.lateYear')}`}
        </Alert>
      )}
      {preview.kind === 'waive' && (
        <Alert severity="info" data-testid="preview-waive-nothing">
          {t('preview.waivedNothing')}
        </Alert>
      )}
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h6" component="p" data-testid="preview-points">
          {t('preview.points', { points: preview.points, ledger: ledgerName(preview.ledger) })}
        </Typography>
        <Chip size="small" label={t(`rulebook.outcome.${preview.outcome}`, { defaultValue: preview.outcome })} />
        <Chip size="small" variant="outlined" label={t('preview.occurrence', { n: preview.occurrence })} />
      </Stack>
      {preview.seals && (
        <Alert severity="error" data-testid="preview-seals">
          {t('preview.seals')}
        </Alert>
      )}
      <Table size="small" aria-label={t('preview.ledgerTable')}>
        <TableBody>
          {view.ledgers.map((l) => {
            const before = preview.pointsBefore[l.id] ?? 0;
            const after = preview.pointsAfter[l.id] ?? 0;
            return (
              <TableRow key={l.id}>
                <TableCell sx={{ pl: 0 }}>{localized(l.name)}</TableCell>
                <TableCell align="right" sx={{ pr: 0, fontWeight: after !== before ? 700 : undefined }}>
                  {t('preview.beforeAfter', { before, after })}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {preview.crossedNodes.length > 0 && (
        <Typography variant="body2">
          {t('preview.crossed', {
            nodes: preview.crossedNodes.join(', '),
            ledger: ledgerName(preview.ledger),
          })}{' '}
          {preview.nodeOutcome !== 'none' &&
            t(`preview.nodeOutcome.${preview.nodeOutcome}`, { defaultValue: preview.nodeOutcome })}
        </Typography>
      )}
      {preview.measures.length > 0 && (
        <Section title={t('preview.measures')}>
          <MeasureChips ids={preview.measures} />
        </Section>
      )}
      {preview.punishments.length > 0 && (
        <Section title={t('preview.punishments')}>
          {preview.punishments.map((p) => (
            <Box key={`${p.ledger}-${p.node}-${p.trigger}-${p.from}`} sx={{ mb: 0.5 }}>
              <Typography variant="body2">
                {punishmentLabel(t, p, ledgerName)} · {time(p.from)} – {until(p)}
              </Typography>
              <MeasureChips ids={p.measures} />
            </Box>
          ))}
        </Section>
      )}
      {preview.endedEarly.length > 0 && !compact && (
        <Section title={t('preview.endedEarly')}>
          {preview.endedEarly.map((p) => (
            <Typography key={`${p.ledger}-${p.node}-${p.from}`} variant="body2" color="text.secondary">
              {punishmentLabel(t, p, ledgerName)} · {t('preview.endsAt', { at: until(p) })}
            </Typography>
          ))}
        </Section>
      )}
      {preview.demotions.length > 0 && (
        <Section title={t('preview.demotions')}>
          {preview.demotions.map((d) => (
            <Typography key={d.item} variant="body2">
              {t('preview.demotion', { item: d.item, days: d.days, from: d.from, until: d.until })}
            </Typography>
          ))}
        </Section>
      )}
      {preview.waived && (
        <Box data-testid="preview-waived" sx={{ borderLeft: 3, borderColor: 'info.main', pl: 1.5 }}>
          <Typography variant="caption" color="text.secondary" component="p">
            {t('preview.waivedTitle')}
          </Typography>
          <Typography variant="body2">
            {t('preview.waivedPoints', { points: preview.waived.points, ledger: ledgerName(preview.waived.ledger) })}
          </Typography>
          {preview.waived.seals && <Typography variant="body2">{t('preview.waivedSeal')}</Typography>}
          {preview.waived.punishments.map((p) => (
            <Box key={`${p.ledger}-${p.node}-${p.trigger}-${p.from}`} sx={{ mb: 0.5 }}>
              <Typography variant="body2" color="text.secondary">
                {punishmentLabel(t, p, ledgerName)}
              </Typography>
              <MeasureChips ids={p.measures} />
            </Box>
          ))}
        </Box>
      )}
      {!compact && (
        // One line, the clause in full on hover: the panel must fit beside the case at 1440×900.
        <Typography
          variant="caption"
          color="text.secondary"
          component="p"
          noWrap
          title={localized(preview.basis)}
          data-testid="preview-basis"
        >
          {t('preview.version', { version })} · {localized(preview.basis)}
        </Typography>
      )}
      <FourEyesNotice reasons={preview.approvalReasons} />
    </Stack>
  );
}

function punishmentLabel(
  t: (key: string, o?: Record<string, unknown>) => string,
  p: Punishment,
  ledgerName: (id: string) => string,
) {
  if (p.trigger === 'strikes') return t('preview.trigger.strikes', { n: p.node, ledger: ledgerName(p.ledger) });
  if (p.trigger === 'finding') return t('preview.trigger.finding');
  return t('preview.trigger.node', { node: p.node, ledger: ledgerName(p.ledger) });
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <Typography variant="caption" color="text.secondary" component="p">
        {title}
      </Typography>
      {children}
    </div>
  );
}
