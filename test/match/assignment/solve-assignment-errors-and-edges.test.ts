import { describe, expect, it } from "vitest";
import {
  InfeasibleAssignmentError,
  InvalidMatrixError,
  solveAssignment,
  solveAssignmentDetailed,
  solveSparseAssignment,
  type MatrixInput,
  type SparseProblem,
} from "../../../shared/match/assignment/index.js";
import { toSparse } from "./helpers.js";

const strategies = ["dense", "sparse", "candidates"] as const;

function expectInfeasible(matrix: number[][], maximize = false): void {
  expect(() => solveAssignment(matrix, { maximize })).toThrow(InfeasibleAssignmentError);
  for (const strategy of strategies) {
    expect(() => solveAssignmentDetailed(matrix, { maximize, strategy })).toThrow(
      InfeasibleAssignmentError,
    );
  }
  expect(() => solveSparseAssignment(toSparse(matrix), { maximize })).toThrow(
    InfeasibleAssignmentError,
  );
}

describe("infeasible matrices", () => {
  it("throw a typed error with a code and a plain message", () => {
    try {
      solveAssignment([[-Infinity, -Infinity]], { maximize: true });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InfeasibleAssignmentError);
      expect(error).toBeInstanceOf(Error);
      const e = error as InfeasibleAssignmentError;
      expect(e.code).toBe("infeasible-assignment");
      expect(e.name).toBe("InfeasibleAssignmentError");
      expect(e.message).toMatch(/no complete assignment/i);
    }
  });

  it("a row with every cell forbidden", () => {
    expectInfeasible([
      [1, 2, 3],
      [Infinity, NaN, Infinity],
    ]);
  });

  it("a column with every cell forbidden when rows outnumber columns", () => {
    expectInfeasible(
      [
        [1, -Infinity],
        [2, -Infinity],
        [3, -Infinity],
      ],
      true,
    );
  });

  it("two rows that can only use the same column (Hall's condition)", () => {
    expectInfeasible([
      [1, Infinity, Infinity],
      [2, Infinity, Infinity],
      [3, 4, 5],
    ]);
  });

  it("a larger square matrix whose allowed cells admit no perfect matching", () => {
    // 80 × 80: rows 0–9 may only use columns 0–8.
    const n = 80;
    const a = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (i < 10 && j >= 9 ? Infinity : (i * 7 + j * 13) % 17)),
    );
    expectInfeasible(a);
  });
});

describe("invalid input", () => {
  it("ragged rows", () => {
    expect(() => solveAssignment([[1, 2], [3]])).toThrow(InvalidMatrixError);
    expect(() => solveAssignment([[1, 2], [3]])).toThrow(/ragged/);
  });

  it("non-numbers", () => {
    const bad = [[1, "2"]] as unknown as number[][];
    expect(() => solveAssignment(bad)).toThrow(InvalidMatrixError);
    const notRow = [[1], 2] as unknown as number[][];
    expect(() => solveAssignment(notRow)).toThrow(InvalidMatrixError);
    expect(() => solveAssignment(null as unknown as MatrixInput)).toThrow(InvalidMatrixError);
  });

  it("typed matrices with inconsistent sizes", () => {
    expect(() => solveAssignment({ rows: 2, cols: 2, data: new Float64Array(3) })).toThrow(
      InvalidMatrixError,
    );
    expect(() => solveAssignment({ rows: -1, cols: 2, data: new Float64Array(0) })).toThrow(
      InvalidMatrixError,
    );
    const notTyped = { rows: 1, cols: 1, data: [1] } as unknown as MatrixInput;
    expect(() => solveAssignment(notTyped)).toThrow(InvalidMatrixError);
  });

  it("malformed sparse problems", () => {
    const edges = {
      rowStart: Int32Array.of(0, 1),
      col: Int32Array.of(0),
      value: Float64Array.of(1),
    };
    const ok: SparseProblem = { rows: 1, cols: 1, edges };
    expect(solveSparseAssignment(ok)).toEqual({ rowToCol: [0], total: 1 });
    const bad: SparseProblem[] = [
      { rows: 2, cols: 1, edges },
      { rows: 1, cols: 1, edges: { ...edges, col: Int32Array.of(1) } },
      { rows: 1, cols: 1, edges: { ...edges, rowStart: Int32Array.of(0, 2) } },
      { rows: 1, cols: 1, edges: { ...edges, value: Float64Array.of(1, 2) } },
      { rows: 1, cols: 1, edges: { ...edges, col: [0] as unknown as Int32Array } },
    ];
    for (const problem of bad) {
      expect(() => solveSparseAssignment(problem)).toThrow(InvalidMatrixError);
    }
  });
});

describe("empty matrices", () => {
  it("0 × n and n × 0 assign nothing and total 0", () => {
    expect(solveAssignment([])).toEqual({ rowToCol: [], total: 0 });
    expect(solveAssignment([[], []])).toEqual({ rowToCol: [-1, -1], total: 0 });
    expect(solveAssignment({ rows: 0, cols: 4, data: new Float64Array(0) })).toEqual({
      rowToCol: [],
      total: 0,
    });
    expect(
      solveAssignment({ rows: 3, cols: 0, data: new Float64Array(0) }, { maximize: true }),
    ).toEqual({ rowToCol: [-1, -1, -1], total: 0 });
    const edges = {
      rowStart: new Int32Array(3),
      col: new Int32Array(0),
      value: new Float64Array(0),
    };
    expect(solveSparseAssignment({ rows: 2, cols: 0, edges })).toEqual({
      rowToCol: [-1, -1],
      total: 0,
    });
  });
});

describe("sparse form details", () => {
  it("a cell listed twice counts with its better value; non-finite values are forbidden", () => {
    const problem: SparseProblem = {
      rows: 2,
      cols: 2,
      edges: {
        rowStart: Int32Array.of(0, 3, 5),
        col: Int32Array.of(0, 0, 1, 0, 1),
        value: Float64Array.of(1, 9, NaN, 4, 7),
      },
    };
    // Row 0 may only use column 0 (its column-1 value is NaN).
    expect(solveSparseAssignment(problem, { maximize: true })).toEqual({
      rowToCol: [0, 1],
      total: 16,
    });
    expect(solveSparseAssignment(problem)).toEqual({ rowToCol: [0, 1], total: 8 });
  });
});
