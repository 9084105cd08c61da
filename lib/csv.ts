/**
 * CSV as RFC 4180 says (CRLF line ends, quotes doubled), with a UTF-8 byte-order mark so spreadsheet
 * programs read accents right. Every cell is quoted, so a comma, semicolon, tab or line break in a
 * name never shifts the columns.
 *
 * Formula injection (OWASP): a spreadsheet runs a cell that starts with =, +, -, @, tab or CR. It is
 * not enough to look at the start of the whole cell: a program that splits on ";" or "|" (common in
 * European locales) reads "Zed;=cmd|' /C calc'!A0" as two cells, the second a formula. So an
 * apostrophe goes before a formula character at the start and after every separator. Numbers are
 * written as numbers.
 */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

// Fullwidth forms too: some spreadsheet programs normalise them to the ASCII operators.
const FORMULA_AFTER_SEPARATOR = /(^|[,;|\t\r\n])(?=[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/g;

function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '""';
  if (typeof value === 'number') return Number.isFinite(value) ? `"${value}"` : '""';
  const safe = value.replace(FORMULA_AFTER_SEPARATOR, "$1'");
  return `"${safe.replace(/"/g, '""')}"`;
}
