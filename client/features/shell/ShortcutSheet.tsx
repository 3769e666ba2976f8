import { Box, Table, TableBody, TableCell, TableRow } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ViewDialog } from '../../lib/ViewDialog';

/** Every keyboard shortcut of the desk, grouped by where it works. */
const SHORTCUTS: { keys: string[]; id: string }[] = [
  { keys: ['Ctrl', 'K'], id: 'palette' },
  { keys: ['?'], id: 'sheet' },
  { keys: ['N'], id: 'next' },
  { keys: ['F'], id: 'facts' },
  { keys: ['Esc'], id: 'leaveField' },
  { keys: ['A'], id: 'apply' },
  { keys: ['W'], id: 'waive' },
  { keys: ['D'], id: 'dismiss' },
  { keys: ['E'], id: 'escalate' },
  { keys: ['Enter'], id: 'confirm' },
  { keys: ['['], id: 'evidencePrevious' },
  { keys: [']'], id: 'evidenceNext' },
];

export function ShortcutSheet({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <ViewDialog open={open} title={t('shortcuts.title')} closeLabel={t('shortcuts.close')} onClose={onClose}>
      <Table size="small">
        <TableBody>
          {SHORTCUTS.map((s) => (
            <TableRow key={s.id}>
              <TableCell sx={{ width: 130, whiteSpace: 'nowrap' }}>
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' + '}
                    <Box
                      component="kbd"
                      sx={{
                        px: 0.75,
                        py: 0.25,
                        border: 1,
                        borderColor: 'divider',
                        borderRadius: 0.5,
                        fontFamily: 'monospace',
                      }}
                    >
                      {k}
                    </Box>
                  </span>
                ))}
              </TableCell>
              <TableCell>{t(`shortcuts.keys.${s.id}`)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ViewDialog>
  );
}
