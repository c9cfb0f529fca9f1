import { InfeasibleAssignmentError } from "./errors.js";

/**
 * Jonker–Volgenant column reduction, the part the dense and sparse kernels share: each column
 * goes to the row holding its minimum (`colMinRow`, prices `v`), last column first; a row that
 * wins several keeps the cheapest. Returns how many columns each row won.
 */
export function assignColumnMinima(
  colMinRow: Int32Array,
  v: Float64Array,
  x: Int32Array,
  y: Int32Array,
): Int32Array {
  const n = colMinRow.length;
  const matches = new Int32Array(x.length);
  for (let j = n - 1; j >= 0; j--) {
    const i = colMinRow[j]!;
    if (i < 0) throw new InfeasibleAssignmentError();
    if (matches[i]!++ === 0) {
      x[i] = j;
      y[j] = i;
    } else if (v[j]! < v[x[i]!]!) {
      const j1 = x[i]!;
      x[i] = j;
      y[j] = i;
      y[j1] = -1;
    }
  }
  return matches;
}
