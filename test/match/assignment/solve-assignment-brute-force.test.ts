import { describe, expect, it } from "vitest";
import {
  InfeasibleAssignmentError,
  solveAssignment,
  solveAssignmentDetailed,
  solveSparseAssignment,
  type AssignmentResult,
} from "../../../shared/match/assignment/index.js";
import {
  bruteForce,
  expectSameTotal,
  expectValidAssignment,
  mulberry32,
  randomMatrix,
  toSparse,
} from "./helpers.js";

type Solver = (matrix: number[][], maximize: boolean) => AssignmentResult;

/** Every entry point and kernel, so each one is held to the brute-force optimum. */
const solvers: Record<string, Solver> = {
  auto: (a, maximize) => solveAssignment(a, { maximize }),
  dense: (a, maximize) => solveAssignmentDetailed(a, { maximize, strategy: "dense" }),
  sparse: (a, maximize) => solveAssignmentDetailed(a, { maximize, strategy: "sparse" }),
  candidates: (a, maximize) => solveAssignmentDetailed(a, { maximize, strategy: "candidates" }),
  // One cheapest cell per row and column: forces certificate failures, retries and fallbacks.
  "tiny candidates": (a, maximize) =>
    solveAssignmentDetailed(a, {
      maximize,
      strategy: "candidates",
      candidates: { perRow: 1, perCol: 1, maxRounds: 3 },
    }),
  "sparse candidates": (a, maximize) =>
    solveAssignmentDetailed(a, {
      maximize,
      strategy: "sparse",
      candidates: { perRow: 1, perCol: 1, maxRounds: 3 },
    }),
  "sparse form": (a, maximize) => solveSparseAssignment(toSparse(a), { maximize }),
};

function check(matrix: number[][], maximize: boolean): void {
  const expected = bruteForce(matrix, maximize);
  for (const [name, solve] of Object.entries(solvers)) {
    if (expected === null) {
      expect(() => solve(matrix, maximize), name).toThrow(InfeasibleAssignmentError);
      continue;
    }
    const result = solve(matrix, maximize);
    expectValidAssignment(matrix, result);
    expectSameTotal(result.total, expected);
  }
}

describe("solveAssignment against brute force on every small shape", () => {
  for (let rows = 1; rows <= 7; rows++) {
    it(`${rows} × 1..7`, () => {
      const rand = mulberry32(1000 + rows);
      for (let cols = 1; cols <= 7; cols++) {
        // Larger shapes get fewer cases: brute force is factorial.
        const cases = rows * cols >= 36 ? 3 : 8;
        for (let c = 0; c < cases; c++) {
          for (const maximize of [false, true]) {
            // Ties (few distinct integers), negatives, and forbidden cells of both kinds.
            check(
              randomMatrix(rand, rows, cols, { forbidden: 0, integers: 4, maximize }),
              maximize,
            );
            check(
              randomMatrix(rand, rows, cols, { forbidden: 0.3, integers: 9, maximize }),
              maximize,
            );
            check(randomMatrix(rand, rows, cols, { forbidden: 0.15, maximize }), maximize);
          }
        }
      }
    });
  }

  it("treats infinities of either sign and NaN as forbidden", () => {
    const a = [
      [Infinity, 1, 2],
      [-Infinity, NaN, 5],
      [3, 4, -Infinity],
    ];
    for (const maximize of [false, true]) check(a, maximize);
    expect(solveAssignment(a).rowToCol).toEqual([1, 2, 0]);
  });

  it("matches scipy on its documented example", () => {
    const cost = [
      [4, 1, 3],
      [2, 0, 5],
      [3, 2, 2],
    ];
    expect(solveAssignment(cost)).toEqual({ rowToCol: [1, 0, 2], total: 5 });
    expect(solveAssignment(cost, { maximize: true }).total).toBe(11);
  });

  it("assigns every column when rows outnumber columns", () => {
    const a = [[1], [5], [3]];
    expect(solveAssignment(a)).toEqual({ rowToCol: [0, -1, -1], total: 1 });
    expect(solveAssignment(a, { maximize: true })).toEqual({ rowToCol: [-1, 0, -1], total: 5 });
  });
});
