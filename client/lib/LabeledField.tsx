import { Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** A small caption over a value: the fields of the case header and of an appeal. */
export function LabeledField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography variant="body2" component="div">
        {children}
      </Typography>
    </div>
  );
}
