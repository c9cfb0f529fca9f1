/** A dense matrix stored row-major: cell (i, j) is `data[i * cols + j]`. */
export interface DenseMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** Any dense input `solveAssignment` accepts. */
export type MatrixInput = readonly (readonly number[])[] | DenseMatrix;

/**
 * A sparse problem in compressed-sparse-row form. Row `i`'s allowed cells are the entries
 * `rowStart[i] .. rowStart[i + 1] - 1` of `col` and `value`; every cell not listed is forbidden.
 */
export interface SparseProblem {
  readonly rows: number;
  readonly cols: number;
  readonly edges: {
    readonly rowStart: Int32Array;
    readonly col: Int32Array;
    readonly value: Float64Array;
  };
}

export interface AssignmentOptions {
  /** Maximise the total instead of minimising it (scipy's `maximize=True`). */
  readonly maximize?: boolean;
}

export interface AssignmentResult {
  /** Column chosen for each row, or -1 when the row is left unassigned. */
  readonly rowToCol: number[];
  /** Sum of the chosen entries. */
  readonly total: number;
}

/**
 * Internal result of the minimisation kernels, always for a problem with rows ≤ cols in which
 * every row is matched. `u`/`v` are dual potentials: `cost(i, j) - u[i] - v[j] ≥ 0` on every
 * allowed cell (up to rounding), with equality on matched cells; when rows < cols also `v ≤ 0`,
 * with `v = 0` on unmatched columns. Together they certify that the matching is optimal.
 */
export interface LapSolution {
  readonly col4row: Int32Array;
  readonly row4col: Int32Array;
  readonly u: Float64Array;
  readonly v: Float64Array;
}
