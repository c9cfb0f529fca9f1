import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  InfeasibleAssignmentError,
  solveAssignment,
  solveAssignmentDetailed,
  solveSparseAssignment,
} from "../../../shared/match/assignment/index.js";
import { bruteForce, expectSameTotal, expectValidAssignment, toSparse } from "./helpers.js";

const cell = fc.oneof(
  { weight: 8, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 4, arbitrary: fc.integer({ min: -5, max: 5 }) },
  { weight: 1, arbitrary: fc.constantFrom(-Infinity, Infinity, NaN) },
);

const smallMatrix = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
  .chain(([rows, cols]) =>
    fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), {
      minLength: rows,
      maxLength: rows,
    }),
  );

const mediumMatrix = fc
  .tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }))
  .chain(([rows, cols]) =>
    fc.array(
      fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: cols, maxLength: cols }),
      {
        minLength: rows,
        maxLength: rows,
      },
    ),
  );

describe("solveAssignment properties", () => {
  it("is optimal (brute force) and valid on small random matrices", () => {
    fc.assert(
      fc.property(smallMatrix, fc.boolean(), (matrix, maximize) => {
        const expected = bruteForce(matrix, maximize);
        if (expected === null) {
          expect(() => solveAssignment(matrix, { maximize })).toThrow(InfeasibleAssignmentError);
          return;
        }
        const result = solveAssignment(matrix, { maximize });
        expectValidAssignment(matrix, result);
        expectSameTotal(result.total, expected);
      }),
      { numRuns: 400 },
    );
  });

  it("never mutates its input, in either form", () => {
    fc.assert(
      fc.property(smallMatrix, fc.boolean(), (matrix, maximize) => {
        const copy = matrix.map((row) => [...row]);
        const data = Float64Array.from(matrix.flat());
        const dataCopy = data.slice();
        const dense = { rows: matrix.length, cols: matrix[0]!.length, data };
        const sparse = toSparse(matrix);
        const sparseCopy = {
          rowStart: sparse.edges.rowStart.slice(),
          col: sparse.edges.col.slice(),
          value: sparse.edges.value.slice(),
        };
        for (const solve of [
          () => solveAssignment(matrix, { maximize }),
          () => solveAssignment(dense, { maximize }),
          () => solveSparseAssignment(sparse, { maximize }),
        ]) {
          try {
            solve();
          } catch (error) {
            expect(error).toBeInstanceOf(InfeasibleAssignmentError);
          }
        }
        expect(matrix).toEqual(copy);
        expect(data).toEqual(dataCopy);
        expect(sparse.edges).toEqual(sparseCopy);
      }),
      { numRuns: 200 },
    );
  });

  it("gives the same optimum through every kernel on medium matrices", () => {
    fc.assert(
      fc.property(mediumMatrix, fc.boolean(), (matrix, maximize) => {
        const reference = solveAssignmentDetailed(matrix, { maximize, strategy: "dense" });
        expectValidAssignment(matrix, reference);
        for (const strategy of ["sparse", "candidates"] as const) {
          const result = solveAssignmentDetailed(matrix, { maximize, strategy });
          expectValidAssignment(matrix, result);
          expectSameTotal(result.total, reference.total);
        }
        const tiny = solveAssignmentDetailed(matrix, {
          maximize,
          strategy: "candidates",
          candidates: { perRow: 2, perCol: 1, maxRounds: 6 },
        });
        expectValidAssignment(matrix, tiny);
        expectSameTotal(tiny.total, reference.total);
      }),
      { numRuns: 60 },
    );
  });

  it("maximising a matrix is minimising its negation", () => {
    fc.assert(
      fc.property(mediumMatrix, (matrix) => {
        const max = solveAssignment(matrix, { maximize: true });
        const min = solveAssignment(
          matrix.map((row) => row.map((x) => -x)),
          { maximize: false },
        );
        expectSameTotal(max.total, -min.total);
      }),
      { numRuns: 40 },
    );
  });

  it("is unchanged by transposition", () => {
    fc.assert(
      fc.property(mediumMatrix, fc.boolean(), (matrix, maximize) => {
        const transposed = matrix[0]!.map((_, j) => matrix.map((row) => row[j]!));
        const a = solveAssignment(matrix, { maximize });
        const b = solveAssignment(transposed, { maximize });
        expectSameTotal(a.total, b.total);
      }),
      { numRuns: 40 },
    );
  });
});
