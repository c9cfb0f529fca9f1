import { describe, expect, it } from "vitest";
import {
  InfeasibleAssignmentError,
  solveAssignment,
  solveAssignmentDetailed,
  solveSparseAssignment,
  type AssignmentResult,
  type SparseProblem,
} from "../../../shared/match/assignment/index.js";
import {
  expectSameTotal,
  expectValidAssignment,
  mulberry32,
  randomSparse,
  sparseToRows,
} from "./helpers.js";

function attempt(solve: () => AssignmentResult): AssignmentResult | "infeasible" {
  try {
    return solve();
  } catch (error) {
    if (error instanceof InfeasibleAssignmentError) return "infeasible";
    throw error;
  }
}

/** The sparse form and the dense form (forbidden cells filled in) must agree. */
function expectFormsAgree(problem: SparseProblem, maximize: boolean): "feasible" | "infeasible" {
  const rows = sparseToRows(problem, maximize ? -Infinity : Infinity);
  const sparse = attempt(() => solveSparseAssignment(problem, { maximize }));
  const dense = attempt(() => solveAssignmentDetailed(rows, { maximize, strategy: "dense" }));
  const auto = attempt(() => solveAssignment(rows, { maximize }));
  if (dense === "infeasible") {
    expect(sparse).toBe("infeasible");
    expect(auto).toBe("infeasible");
    return "infeasible";
  }
  expect(sparse).not.toBe("infeasible");
  expect(auto).not.toBe("infeasible");
  if (sparse === "infeasible" || auto === "infeasible") return "infeasible";
  expectValidAssignment(rows, sparse);
  expectValidAssignment(rows, auto);
  expectSameTotal(sparse.total, dense.total);
  expectSameTotal(auto.total, dense.total);
  return "feasible";
}

describe("sparse and dense forms agree on random sparse instances", () => {
  const shapes: [rows: number, cols: number, degree: number, cases: number][] = [
    [8, 8, 2, 40],
    [12, 20, 3, 30],
    [20, 12, 3, 30],
    [60, 60, 4, 10],
    [60, 90, 5, 10],
    [90, 60, 5, 10],
    [150, 150, 3, 4],
    // Degree above the threshold: the sparse form tries candidate edges first.
    [200, 200, 45, 3],
    [150, 260, 50, 3],
    [260, 150, 50, 3],
  ];
  for (const [rows, cols, degree, cases] of shapes) {
    it(`${rows} × ${cols}, ${degree} cells per row`, () => {
      const rand = mulberry32(rows * 1000 + cols + degree);
      const outcomes = new Set<string>();
      for (let c = 0; c < cases; c++) {
        const integers = c % 2 === 0 ? 6 : undefined; // ties on even cases
        const problem = randomSparse(rand, rows, cols, degree, integers);
        outcomes.add(expectFormsAgree(problem, c % 3 !== 0));
      }
      expect(outcomes.size).toBeGreaterThan(0);
    });
  }

  it("a roster-like problem with mentor copies (capacity) agrees", () => {
    // 120 mentees, 40 mentors × capacity 3, copies charged a small penalty each.
    const rand = mulberry32(99);
    const mentees = 120;
    const mentors = 40;
    const capacity = 3;
    const rowStart = new Int32Array(mentees + 1);
    const col: number[] = [];
    const value: number[] = [];
    for (let i = 0; i < mentees; i++) {
      for (let j = 0; j < mentors; j++) {
        if (rand() < 0.6) continue;
        const s = Math.round(rand() * 10);
        for (let k = 0; k < capacity; k++) {
          col.push(j * capacity + k);
          value.push(s - 0.05 * k);
        }
      }
      rowStart[i + 1] = col.length;
    }
    const problem: SparseProblem = {
      rows: mentees,
      cols: mentors * capacity,
      edges: { rowStart, col: Int32Array.from(col), value: Float64Array.from(value) },
    };
    expect(expectFormsAgree(problem, true)).toBe("feasible");
  });
});
