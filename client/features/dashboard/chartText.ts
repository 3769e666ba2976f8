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
