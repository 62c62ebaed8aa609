/**
 * A small RFC 4180 reader for the reference tables the product ships (UTF-8, comma-separated, double-quoted fields
 * with "" escapes, LF or CRLF). Pure: the caller reads the file.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += char;
      continue;
    }
    if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * Rows as objects keyed by the header, after checking the header is exactly the expected one, so a changed file
 * fails loudly instead of shifting columns.
 */
export function readCsvRecords<const K extends string>(
  text: string,
  header: readonly K[],
): Record<K, string>[] {
  const [first, ...rest] = parseCsv(text);
  if (!first || first.join(',') !== header.join(',')) {
    throw new Error(`unexpected CSV header "${first?.join(',') ?? ''}", expected "${header.join(',')}"`);
  }
  return rest.map((cells, index) => {
    if (cells.length !== header.length) {
      throw new Error(`CSV row ${index + 2} has ${cells.length} fields, expected ${header.length}`);
    }
    const record = {} as Record<K, string>;
    header.forEach((key, column) => {
      record[key] = cells[column] ?? '';
    });
    return record;
  });
}
