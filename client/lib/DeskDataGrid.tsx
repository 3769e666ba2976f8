import { Box, LinearProgress } from '@mui/material';
import { DataGrid, type DataGridProps, type GridValidRowModel } from '@mui/x-data-grid';
import { zhCN as gridZhCN } from '@mui/x-data-grid/locales';
import { useTranslation } from 'react-i18next';

const ZH_LOCALE_TEXT = gridZhCN.components.MuiDataGrid.defaultProps.localeText;

/**
 * MUI's DataGrid as every grid of the desk needs it: its own texts in the page's language, the
 * grid's empty text, and a loading bar a screen reader can name.
 *
 * While rows refetch, the grid's own loading bar sits inside its `role="grid"` element, nameless
 * (the grid renders that slot with no props) and where only rows may be (axe's
 * aria-progressbar-name and aria-required-children). So over rows already shown, the bar is
 * ours, named and just outside the grid; with no rows yet the grid's skeleton stays.
 */
export function DeskDataGrid<R extends GridValidRowModel>({
  noRowsLabel,
  localeText,
  loading,
  ...props
}: DataGridProps<R> & { noRowsLabel?: string }) {
  const { t, i18n } = useTranslation();
  const refetching = Boolean(loading) && (props.rows?.length ?? 0) > 0;
  return (
    <Box sx={{ position: 'relative', height: '100%' }}>
      {refetching && (
        <LinearProgress
          aria-label={t('common.loading')}
          sx={{ position: 'absolute', top: 0, left: 0, right: 0, zIndex: 1, borderRadius: '6px 6px 0 0' }}
        />
      )}
      <DataGrid<R>
        {...props}
        loading={loading && !refetching}
        localeText={{
          ...(i18n.language === 'en' ? {} : ZH_LOCALE_TEXT),
          ...(noRowsLabel ? { noRowsLabel } : {}),
          ...localeText,
        }}
      />
    </Box>
  );
}
