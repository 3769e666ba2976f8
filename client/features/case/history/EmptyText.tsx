import { Typography } from '@mui/material';

/** "Nothing here yet" in a history tab. */
export function EmptyText({ text }: { text: string }) {
  return (
    <Typography variant="body2" color="text.secondary">
      {text}
    </Typography>
  );
}
