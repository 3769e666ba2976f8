import { useTranslation } from 'react-i18next';

/** What the charts say in the staff's language: empty and loading overlays, and number formats. */
export function useChartText() {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  return {
    localeText: { noData: t('dashboard.noData'), loading: t('common.loading') },
    percent: (v: number | null) => (v === null ? '' : percent.format(v)),
    number: (v: number | null) => (v === null ? '' : number.format(v)),
  };
}

/**
 * Room under a category axis for its tick labels. The library's default is too short for the
 * line height of CJK fonts, and a label that does not fit is ellipsized away entirely.
 */
export const CATEGORY_AXIS_HEIGHT = 40;

/**
 * A category axis of names (queues, rules, people): English names are long and a label that
 * does not fit is ellipsized ("Listing without a…"), so labels slant steeply (a chart of every rule
 * leaves each one a narrow band) and get the room to show in full; the axis tooltip names the category on hover as well.
 */
export const NAME_AXIS = {
  height: 150,
  tickLabelStyle: { angle: -50, textAnchor: 'end', dominantBaseline: 'hanging' },
} as const;

/** Room beside a vertical category axis of rule names (the decisions chart). */
export const NAME_AXIS_WIDTH = 190;

/** A count axis: from zero, whole numbers only (no 0.5 ticks, nothing like "0.00…" when empty). */
export const COUNT_AXIS = {
  min: 0,
  tickMinStep: 1,
  valueFormatter: (v: number | null) => (v !== null && Number.isInteger(v) ? String(v) : ''),
} as const;

/**
 * The age buckets on an ordered scale, older more alarming: calm green to deep red, so the
 * oldest cases are never the lightest colour.
 */
export const AGE_COLOURS = {
  under1d: '#8bc34a',
  from1to3d: '#fbc02d',
  from3to7d: '#f57c00',
  over7d: '#b71c1c',
} as const;
