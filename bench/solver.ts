/**
 * Assignment-solver benchmark: our exact solver against scipy's `linear_sum_assignment` (run in
 * python3 on the very same matrices) and the npm `munkres` package, in one run.
 *
 * Targets: the objective equals scipy's on every case (relative 1e-9) and our median time is at
 * or below scipy's. Misses are printed clearly; the run still succeeds.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import munkres from "munkres";
import {
  solveAssignmentDetailed,
  solveSparseAssignmentDetailed,
  type DenseMatrix,
  type DetailedAssignmentResult,
  type SparseProblem,
} from "../shared/match/assignment/index.js";
import { institutionSparse, realisticDense, sparseToDense, uniformDense } from "./generators.js";

/** munkres is run only up to this many cells (2000 × 2000); above that it is skipped. */
const MUNKRES_MAX_CELLS = 2000 * 2000;
const OBJECTIVE_TOLERANCE = 1e-9;
const scipyScript = fileURLToPath(new URL("./scipy_lsa.py", import.meta.url));

interface Variant {
  /** How our solver receives the input, e.g. "dense" or "sparse CSR". */
  readonly input: string;
  readonly runs: number;
  readonly solve: () => DetailedAssignmentResult;
}

interface BenchCase {
  readonly name: string;
  readonly size: string;
  /** Our solver's inputs; `dense` is what scipy (and munkres) receive. */
  readonly dense: DenseMatrix;
  readonly variants: readonly Variant[];
  readonly scipyRuns: number;
  readonly munkresRuns: number;
}

export interface SolverBenchRow {
  readonly caseName: string;
  readonly size: string;
  readonly input: string;
  readonly strategy: string;
  readonly oursSeconds: number;
  readonly oursTotal: number;
  readonly scipySeconds: number | null;
  readonly scipyTotal: number | null;
  readonly munkresSeconds: number | null;
  readonly munkresTotal: number | null;
  readonly munkresNote: string;
}

export interface SolverBenchOptions {
  /** Skip the two largest cases (4000 × 4000 and the institution-wide roster). */
  readonly quick?: boolean;
  readonly log?: (line: string) => void;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function timeRuns<T>(runs: number, fn: () => T): { seconds: number; result: T } {
  const times: number[] = [];
  let result: T | undefined;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    result = fn();
    times.push((performance.now() - start) / 1000);
  }
  return { seconds: median(times), result: result as T };
}

export function scipyAvailable(): boolean {
  try {
    execFileSync("python3", ["-c", "import scipy, numpy"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export function runScipy(
  matrix: DenseMatrix,
  runs: number,
  dir: string,
): { seconds: number; total: number; version: string } {
  const path = join(dir, `matrix-${matrix.rows}x${matrix.cols}.f64`);
  const { data } = matrix;
  writeFileSync(path, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  try {
    const out = execFileSync(
      "python3",
      [scipyScript, path, String(matrix.rows), String(matrix.cols), String(runs), "max"],
      { encoding: "utf8", maxBuffer: 1 << 20, timeout: 15 * 60 * 1000 },
    );
    const lines = out.trim().split("\n");
    const parsed = JSON.parse(lines[lines.length - 1]!) as {
      total: number;
      seconds: number;
      scipy: string;
    };
    return { seconds: parsed.seconds, total: parsed.total, version: parsed.scipy };
  } finally {
    rmSync(path, { force: true });
  }
}

/** munkres minimises, so it gets the negated matrix (forbidden -∞ becomes +∞). */
function runMunkres(matrix: DenseMatrix, runs: number): { seconds: number; total: number } {
  const { rows, cols, data } = matrix;
  const cost: Float64Array[] = [];
  for (let i = 0; i < rows; i++) {
    cost.push(Float64Array.from(data.subarray(i * cols, (i + 1) * cols), (x) => -x));
  }
  const { seconds, result } = timeRuns(runs, () => munkres(cost));
  let total = 0;
  for (const [y, x] of result) total += data[y * cols + x]!;
  return { seconds, total };
}

function denseCase(name: string, matrix: DenseMatrix, runs: number, scipyRuns: number): BenchCase {
  const munkresRuns = matrix.rows * matrix.cols <= MUNKRES_MAX_CELLS ? Math.min(runs, 3) : 0;
  return {
    name,
    size: `${matrix.rows}×${matrix.cols}`,
    dense: matrix,
    variants: [
      {
        input: "dense",
        runs,
        solve: () => solveAssignmentDetailed(matrix, { maximize: true }),
      },
    ],
    scipyRuns,
    munkresRuns,
  };
}

function institutionCase(sparse: SparseProblem): BenchCase {
  const dense = sparseToDense(sparse);
  return {
    name: "institution (cap 2)",
    size: `${sparse.rows}×${sparse.cols}, ${sparse.edges.col.length} allowed`,
    dense,
    variants: [
      {
        input: "sparse CSR",
        runs: 3,
        solve: () => solveSparseAssignmentDetailed(sparse, { maximize: true }),
      },
      {
        input: "dense -inf",
        runs: 2,
        solve: () => solveAssignmentDetailed(dense, { maximize: true }),
      },
    ],
    scipyRuns: 1,
    munkresRuns: 0,
  };
}

/** The cases, built one at a time so that only one large matrix is in memory. */
function* cases(quick: boolean): Generator<BenchCase> {
  yield denseCase("dense uniform", uniformDense(1000, 1000, 1), 7, 7);
  yield denseCase("dense uniform", uniformDense(2000, 2000, 2), 5, 5);
  if (!quick) yield denseCase("dense uniform", uniformDense(4000, 4000, 3), 3, 3);
  yield denseCase("rectangular uniform", uniformDense(2000, 3000, 4), 5, 5);
  yield denseCase("realistic (cap 1-4)", realisticDense(1000, 500, 5), 5, 5);
  if (!quick) yield institutionCase(institutionSparse(10_000, 5_000, 2, 6));
}

function warmUp(): void {
  const dense = [
    uniformDense(400, 400, 91),
    uniformDense(300, 450, 92),
    realisticDense(300, 150, 93),
  ];
  const sparse = institutionSparse(1000, 500, 2, 94);
  for (let round = 0; round < 6; round++) {
    for (const m of dense) solveAssignmentDetailed(m, { maximize: true });
    solveSparseAssignmentDetailed(sparse, { maximize: true });
  }
}

function describeStrategy(r: DetailedAssignmentResult): string {
  if (r.candidates === undefined) return r.strategy;
  const { rounds, edges, fellBack } = r.candidates;
  return `${r.strategy}+cand ${rounds}r/${edges}e${fellBack ? " fallback" : ""}`;
}

function fmt(x: number | null, digits = 3): string {
  return x === null ? "–" : x.toFixed(digits);
}

function relDiff(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(1, Math.abs(b));
}

function pad(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((c, k) => c.padEnd(widths[k]!)).join(" | ");
}

/** Runs every case and prints the comparison table; returns the rows for programmatic use. */
export async function runSolverBenchmark(
  options: SolverBenchOptions = {},
): Promise<SolverBenchRow[]> {
  const log = options.log ?? ((line: string) => console.log(line));
  const quick = options.quick === true;
  const haveScipy = scipyAvailable();
  if (!haveScipy) {
    log("scipy is unavailable (python3 -c 'import scipy' failed): skipping scipy and the ratios.");
  }
  const dir = mkdtempSync(join(tmpdir(), "mentor-match-bench-"));
  // Warm the JIT on small problems of every kind so that the timed cases measure the solver's
  // steady state, not V8 compiling it (scipy's C++ needs no warm-up). A cold first call in a
  // fresh process costs a few tens of milliseconds more.
  warmUp();

  const rows: SolverBenchRow[] = [];
  try {
    for (const c of cases(quick)) {
      log(`running ${c.name} ${c.size} …`);
      let scipy: { seconds: number; total: number; version: string } | null = null;
      if (haveScipy) scipy = runScipy(c.dense, c.scipyRuns, dir);
      let munk: { seconds: number; total: number } | null = null;
      let munkresNote = "";
      if (c.munkresRuns > 0) munk = runMunkres(c.dense, c.munkresRuns);
      else munkresNote = `skipped (> 2000×2000)`;
      for (const v of c.variants) {
        const { seconds, result } = timeRuns(v.runs, v.solve);
        rows.push({
          caseName: c.name,
          size: c.size,
          input: v.input,
          strategy: describeStrategy(result),
          oursSeconds: seconds,
          oursTotal: result.total,
          scipySeconds: scipy?.seconds ?? null,
          scipyTotal: scipy?.total ?? null,
          munkresSeconds: munk?.seconds ?? null,
          munkresTotal: munk?.total ?? null,
          munkresNote,
        });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  printTable(rows, log);
  return rows;
}

function printTable(rows: readonly SolverBenchRow[], log: (line: string) => void): void {
  const header = [
    "case",
    "size",
    "ours input",
    "ours kernel",
    "ours s",
    "scipy s",
    "ours/scipy",
    "munkres s",
    "ours/munkres",
    "Δobj vs scipy",
    "Δobj munkres",
  ];
  const table = rows.map((r) => [
    r.caseName,
    r.size,
    r.input,
    r.strategy,
    fmt(r.oursSeconds),
    fmt(r.scipySeconds),
    r.scipySeconds === null ? "–" : (r.oursSeconds / r.scipySeconds).toFixed(2),
    r.munkresSeconds === null ? r.munkresNote : fmt(r.munkresSeconds),
    r.munkresSeconds === null ? "–" : (r.oursSeconds / r.munkresSeconds).toFixed(2),
    r.scipyTotal === null ? "–" : relDiff(r.oursTotal, r.scipyTotal).toExponential(1),
    r.munkresTotal === null || r.scipyTotal === null
      ? "–"
      : relDiff(r.munkresTotal, r.scipyTotal).toExponential(1),
  ]);
  const widths = header.map((h, k) => Math.max(h.length, ...table.map((row) => row[k]!.length)));
  log("");
  log(pad(header, widths));
  log(widths.map((w) => "-".repeat(w)).join("-|-"));
  for (const row of table) log(pad(row, widths));
  log("");
  log("Seconds are medians (after a JIT warm-up); ours = solveAssignment / solveSparseAssignment");
  log("(maximize) on the given input form, scipy = linear_sum_assignment(maximize=True) timed");
  log("inside python on the dense matrix (-inf = forbidden), munkres on the negated matrix.");

  const misses: string[] = [];
  for (const r of rows) {
    const label = `${r.caseName} ${r.size} (${r.input})`;
    if (r.scipyTotal !== null && relDiff(r.oursTotal, r.scipyTotal) > OBJECTIVE_TOLERANCE) {
      misses.push(`${label}: objective ${r.oursTotal} differs from scipy's ${r.scipyTotal}`);
    }
    if (r.scipySeconds !== null && r.oursSeconds > r.scipySeconds) {
      misses.push(
        `${label}: ${fmt(r.oursSeconds)} s is slower than scipy's ${fmt(r.scipySeconds)} s`,
      );
    }
  }
  if (misses.length === 0) {
    log(
      rows.some((r) => r.scipyTotal !== null)
        ? "All targets met: objective equal to scipy's (rel 1e-9) and time at or below scipy's."
        : "Targets not checked: scipy unavailable.",
    );
  } else {
    log(`TARGET MISSED (${misses.length}):`);
    for (const m of misses) log(`  ✗ ${m}`);
  }
}
