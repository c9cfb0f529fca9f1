import { describe, expect, it } from "vitest";
import { solveAssignmentDetailed } from "../../../shared/match/assignment/index.js";
import {
  expectSameTotal,
  expectValidAssignment,
  mulberry32,
  referenceMinTotal,
} from "./helpers.js";

/** Minimum total through the reference Hungarian (which wants rows ≤ cols). */
function reference(matrix: number[][]): number {
  if (matrix.length <= matrix[0]!.length) return referenceMinTotal(matrix);
  return referenceMinTotal(matrix[0]!.map((_, j) => matrix.map((row) => row[j]!)));
}

function uniform(rand: () => number, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => rand()));
}

/**
 * Every row's cheapest cells crowd into the first few columns, so the cheapest-cells subproblem is
 * far from the optimum: the certificate must fail and candidates must grow.
 */
function crowded(rand: () => number, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, () =>
    Array.from({ length: cols }, (_, j) => (j < 4 ? rand() : 5 + rand() * 0.01 * j)),
  );
}

describe("candidate cells with the dual certificate stay exact", () => {
  it("on uniform random matrices (square, wide, tall)", () => {
    const rand = mulberry32(7);
    for (const [rows, cols] of [
      [120, 120],
      [100, 170],
      [170, 100],
    ] as const) {
      const matrix = uniform(rand, rows, cols);
      const result = solveAssignmentDetailed(matrix);
      expect(result.strategy).toBe("candidates");
      expectValidAssignment(matrix, result);
      expectSameTotal(result.total, reference(matrix));
    }
  });

  it("when the cheapest cells mislead: the certificate fails, candidates grow, still optimal", () => {
    const rand = mulberry32(11);
    for (const [rows, cols] of [
      [90, 90],
      [80, 130],
      [130, 80],
    ] as const) {
      const matrix = crowded(rand, rows, cols);
      const result = solveAssignmentDetailed(matrix, {
        strategy: "candidates",
        candidates: { perRow: 3, perCol: 1, maxRounds: 20 },
      });
      expect(result.candidates?.rounds).toBeGreaterThan(1);
      expectValidAssignment(matrix, result);
      expectSameTotal(result.total, reference(matrix));
    }
  });

  it("falls back to the full problem when the rounds run out", () => {
    const rand = mulberry32(12);
    const matrix = crowded(rand, 70, 70);
    const result = solveAssignmentDetailed(matrix, {
      strategy: "candidates",
      candidates: { perRow: 2, perCol: 1, maxRounds: 0 },
    });
    expect(result.candidates?.fellBack).toBe(true);
    expectValidAssignment(matrix, result);
    expectSameTotal(result.total, reference(matrix));
  });

  it("recovers when the first candidates admit no complete assignment", () => {
    // Each row's single cheapest cell is column 0 and each column's is row 0: infeasible subproblem.
    const n = 80;
    const matrix = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (i === 0 || j === 0 ? 0 : 1 + ((i * 31 + j * 17) % 23))),
    );
    for (const strategy of ["candidates", "sparse"] as const) {
      const result = solveAssignmentDetailed(matrix, {
        strategy,
        candidates: { perRow: 1, perCol: 1, maxRounds: 10 },
      });
      expectValidAssignment(matrix, result);
      expectSameTotal(result.total, reference(matrix));
    }
  });

  it("sparse candidates (drawn from the allowed cells of a sparse problem) are exact too", () => {
    const rand = mulberry32(13);
    for (const [rows, cols] of [
      [100, 100],
      [90, 140],
    ] as const) {
      const matrix = crowded(rand, rows, cols);
      // A band of forbidden cells keeps the problem sparse-ish but feasible.
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) if ((i + j) % 3 === 0 && j >= 4) matrix[i]![j] = Infinity;
      }
      const result = solveAssignmentDetailed(matrix, {
        strategy: "sparse",
        candidates: { perRow: 3, perCol: 1, maxRounds: 20 },
      });
      expect(result.candidates?.rounds).toBeGreaterThan(1);
      expectValidAssignment(matrix, result);
      const dense = solveAssignmentDetailed(matrix, { strategy: "dense" });
      expectSameTotal(result.total, dense.total);
    }
  });
});
