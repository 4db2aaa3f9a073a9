/**
 * CSV as RFC 4180 defines it: records end with CRLF; a field holding a comma, a double quote, CR
 * or LF is wrapped in double quotes, with each double quote inside doubled. Other fields are
 * written as they are, so plain values stay readable.
 */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csvRecord(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

export function toCsv(rows: ReadonlyArray<readonly string[]>): string {
  return rows.map(csvRecord).join('');
}

/**
 * Spreadsheets run a cell that starts with =, +, - or @ as a formula, so free text from users
 * (names, notes) is prefixed with an apostrophe there (OWASP "CSV injection"). Numbers and codes
 * the system writes itself are left alone.
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
