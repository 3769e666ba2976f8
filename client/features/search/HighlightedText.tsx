import { Box } from '@mui/material';
import type { SearchHit } from '../../../shared/api/search';

/**
 * A hit's snippet with the matched terms marked: the ranges become <mark> elements around plain
 * text nodes, so whatever the text holds (angle brackets, scripts) is shown, never run.
 */
export function HighlightedText({ text, highlights }: Pick<SearchHit, 'highlights'> & { text: string }) {
  const parts: { at: number; text: string; marked: boolean }[] = [];
  let at = 0;
  for (const { start, end } of highlights) {
    if (start < at || end <= start || end > text.length) continue;
    if (start > at) parts.push({ at, text: text.slice(at, start), marked: false });
    parts.push({ at: start, text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) parts.push({ at, text: text.slice(at), marked: false });
  return (
    <>
      {parts.map((part) =>
        part.marked ? (
          <Box
            component="mark"
            key={part.at}
            sx={{ bgcolor: 'warning.light', color: 'inherit', borderRadius: 0.5, px: 0.25 }}
          >
            {part.text}
          </Box>
        ) : (
          <span key={part.at}>{part.text}</span>
        ),
      )}
    </>
  );
}
