/** Thrown when no complete assignment of the smaller side avoids every forbidden cell. */
export class InfeasibleAssignmentError extends Error {
  readonly code = "infeasible-assignment";

  constructor(
    message = "No complete assignment exists: too many pairs are forbidden to give every row (or every column, when there are more rows than columns) a partner.",
  ) {
    super(message);
    this.name = "InfeasibleAssignmentError";
  }
}

/** Thrown when the matrix (or sparse edge list) is malformed: ragged rows, non-numbers, bad sizes. */
export class InvalidMatrixError extends Error {
  readonly code = "invalid-matrix";

  constructor(message: string) {
    super(message);
    this.name = "InvalidMatrixError";
  }
}
