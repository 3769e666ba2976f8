/**
 * A small RFC 4180 reader, written independently of the exporter so tests check the export
 * against the standard rather than against itself. An unquoted empty field reads as null, a
 * quoted one (`""`) as the empty string.
 */
export function parseCsv(text: string): (string | null)[][] {
  const rows: (string | null)[][] = [];
  let row: (string | null)[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let field: string | null;
    if (text[i] === '"') {
      let value = '';
      i += 1;
      for (;;) {
        if (i >= n) throw new Error('unterminated quoted field');
        const ch = text[i];
        if (ch === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
          } else {
            i += 1;
            break;
          }
        } else {
          value += ch;
          i += 1;
        }
      }
      field = value;
    } else {
      let end = i;
      while (end < n && text[end] !== ',' && text[end] !== '\r' && text[end] !== '\n') end += 1;
      const value = text.slice(i, end);
      if (value.includes('"')) throw new Error(`bare quote in unquoted field at ${i}`);
      field = value === '' ? null : value;
      i = end;
    }
    row.push(field);
    if (text[i] === ',') {
      i += 1;
      continue;
    }
    if (text.startsWith('\r\n', i)) i += 2;
    else if (i < n) throw new Error(`expected CRLF at ${i}, found ${JSON.stringify(text[i])}`);
    rows.push(row);
    row = [];
  }
  return rows;
}
