/** A1-style references, with sheet names quoted the way Excel and Google Sheets accept them. */

export function columnLetter(columnIndex: number): string {
  let n = columnIndex + 1;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Column letters ("C", "AA") to a 0-based index, or null when it is not a column name. */
export function columnIndex(letters: string): number | null {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return null;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function quoteSheetName(sheetName: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheetName) && !/^[A-Za-z]{1,3}[0-9]+$/.test(sheetName)
    ? sheetName
    : `'${sheetName.replace(/'/g, "''")}'`;
}

/** `Mentees!C14` for row and column given 0-based. */
export function cellRef(sheetName: string, rowIndex: number, columnIdx: number): string {
  return `${quoteSheetName(sheetName)}!${columnLetter(columnIdx)}${rowIndex + 1}`;
}
