/**
 * A subject's standing as a simulation or a shadow run summarizes it, in words: ledger points,
 * punishments (by their measures' names), sealed or not, demoted items. Only the aspects that
 * changed are worded, so the before and after cells read side by side.
 */
import type { TFunction } from 'i18next';
import { localDate } from '../../../../shared/rulebook/time';
import type { LocalizedText, Rulebook } from '../../../../shared/rulebook/types';
import { formatList } from '../../../lib/formatList';

export interface Summary {
  points: Record<string, number>;
  nodes: string[];
  punishments: { ledger: string; node: number; measures: string[]; until: string | null; active: boolean }[];
  sealed: boolean;
  demotions: { item: string; from: string; until: string }[];
}

export interface ChangedFlags {
  points: boolean;
  nodes: boolean;
  punishments: boolean;
  seals: boolean;
  demotions: boolean;
}

export const ASPECTS = ['points', 'nodes', 'punishments', 'seals', 'demotions'] as const;

export function describeSummary(
  t: TFunction,
  localized: (text: LocalizedText) => string,
  rulebook: Rulebook,
  summary: Summary,
  changed: ChangedFlags,
  language: string,
): string[] {
  const ledgerName = (id: string) => (rulebook.ledgers[id] ? localized(rulebook.ledgers[id].name) : id);
  const measureName = (id: string) => (rulebook.measures[id] ? localized(rulebook.measures[id].label) : id);
  const list = (items: string[]) => formatList(items, language);
  const lines: string[] = [];
  if (changed.points || changed.nodes) {
    lines.push(
      list(
        Object.entries(summary.points).map(([ledger, points]) =>
          t('rulebookAuthoring.simulation.pointsOf', { ledger: ledgerName(ledger), points }),
        ),
      ),
    );
  }
  if (changed.punishments) {
    const active = summary.punishments.filter((p) => p.active);
    lines.push(
      active.length === 0
        ? t('rulebookAuthoring.simulation.noPunishment')
        : list(
            active.map((p) => {
              const measures = list(p.measures.map(measureName));
              return p.until === null
                ? t('rulebookAuthoring.simulation.punishmentPermanent', { measures })
                : t('rulebookAuthoring.simulation.punishmentUntil', {
                    measures,
                    until: localDate(Date.parse(p.until), rulebook.utcOffsetMinutes),
                  });
            }),
          ),
    );
  }
  if (changed.seals) {
    lines.push(summary.sealed ? t('rulebookAuthoring.simulation.sealed') : t('rulebookAuthoring.simulation.notSealed'));
  }
  if (changed.demotions) {
    lines.push(
      summary.demotions.length === 0
        ? t('rulebookAuthoring.simulation.noDemotion')
        : list(
            summary.demotions.map((d) =>
              t('rulebookAuthoring.simulation.demotion', { item: d.item, from: d.from, until: d.until }),
            ),
          ),
    );
  }
  return lines;
}
