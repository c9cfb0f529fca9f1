/**
 * End-to-end matching benchmark: `matchRoster` (rules, scores, solve, explanations) on
 * generated rosters, against scipy solving the very same assignment the one-mentor programs
 * reduce to (measured in the same run). Prints times, the ratio and objective agreement.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  matchRoster,
  presetSettings,
  type Person,
  type PresetName,
  type Roster,
} from "../shared/index.js";
import { matchProblem } from "../shared/match/match-roster.js";
import { isSingleSlotProblem, singleSlotAssignment } from "../shared/match/solve-single-slot.js";
import { solveSparseAssignment } from "../shared/match/assignment/index.js";
import { mulberry32, sparseToDense } from "./generators.js";
import { median, runScipy, scipyAvailable } from "./solver.js";

const ladder = ["Instructor", "Assistant Professor", "Associate Professor", "Professor"] as const;

/** A department-like roster: 40 divisions, 200 topics, mentors senior, capacities 1–3. */
export function generatedRoster(mentees: number, mentors: number, seed: number): Roster {
  const rand = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const topics = Array.from({ length: 200 }, (_, i) => `topic ${i}`);
  const divisions = Array.from({ length: 40 }, (_, i) => `Division ${i}`);
  const person = (i: number, role: "mentor" | "mentee"): Person => {
    const level = role === "mentor" ? 2 + Math.floor(rand() * 2) : Math.floor(rand() * 2);
    const email = `${role}${i}@example.org`;
    return {
      id: email,
      name: `${role} ${i}`,
      firstName: role,
      lastName: String(i),
      email,
      role,
      rank: ladder[level]!,
      rankLevel: level,
      division: pick(divisions),
      department: null,
      capacity: role === "mentor" ? 1 + Math.floor(rand() * 3) : 0,
      interests: Array.from({ length: 3 }, () => pick(topics)),
      track: pick(["clinical", "research"]),
      areaOfExcellence: null,
      chair: null,
      preferredMentorsWritten: [],
      preferredMentors: [],
      preferredMenteesWritten: [],
      preferredMentees: [],
      lab: null,
      supervisor: null,
      degrees: [],
      source: `Roster!A${i + 2}`,
      sources: [],
      extra: {},
    };
  };
  const people = [
    ...Array.from({ length: mentees }, (_, i) => person(i, "mentee")),
    ...Array.from({ length: mentors }, (_, i) => person(i, "mentor")),
  ];
  return {
    mapping: { sheets: [] },
    people,
    doNotPair: [],
    issues: [],
    rows: { read: people.length, people: people.length, duplicates: 0, skipped: 0 },
  };
}

interface Case {
  preset: PresetName;
  mentees: number;
  mentors: number;
  runs: number;
}

export async function runMatchingBenchmark({ quick }: { quick: boolean }): Promise<void> {
  const cases: Case[] = [
    { preset: "one-to-one", mentees: 1000, mentors: 500, runs: 3 },
    { preset: "cross-division", mentees: 1000, mentors: 500, runs: 3 },
    { preset: "two-mentors", mentees: 1000, mentors: 500, runs: 3 },
    ...(quick ? [] : [{ preset: "one-to-one", mentees: 3000, mentors: 1500, runs: 1 } as Case]),
  ];
  const withScipy = scipyAvailable();
  if (!withScipy)
    console.log("scipy is not importable from python3: the reference column is skipped.");
  const dir = mkdtempSync(join(tmpdir(), "mentor-match-bench-"));
  console.log(
    "| preset | mentees × mentors | candidate pairs | matchRoster s (end to end) | our solve s | scipy solve s | end-to-end / scipy | Δobjective |",
  );
  console.log("|---|---|---|---|---|---|---|---|");
  try {
    for (const c of cases) {
      const roster = generatedRoster(c.mentees, c.mentors, 7);
      const settings = presetSettings(c.preset, "2026-11-23");
      const times: number[] = [];
      for (let run = 0; run < c.runs; run++) {
        const start = performance.now();
        matchRoster(roster, settings);
        times.push((performance.now() - start) / 1000);
      }
      // Every allowed pair, so scipy sees the whole problem our pricing proves optimal for.
      const problem = matchProblem(roster, settings, undefined, {
        candidatesPerMentee: Infinity,
      }).slotProblem;
      let solveSeconds = "–";
      let scipySeconds = "–";
      let ratio = "–";
      let agreement = "(flow: no scipy equivalent)";
      if (isSingleSlotProblem(problem)) {
        const { assignment } = singleSlotAssignment(problem);
        if (assignment !== null) {
          const start = performance.now();
          const ours = solveSparseAssignment(assignment, { maximize: true });
          solveSeconds = ((performance.now() - start) / 1000).toFixed(3);
          if (withScipy) {
            const reference = runScipy(sparseToDense(assignment), 1, dir);
            scipySeconds = reference.seconds.toFixed(3);
            ratio = (median(times) / reference.seconds).toFixed(2);
            agreement = (
              Math.abs(ours.total - reference.total) / Math.max(1, Math.abs(reference.total))
            ).toExponential(1);
          }
        }
      }
      console.log(
        `| ${c.preset} | ${c.mentees} × ${c.mentors} | ${problem.candidates.length} | ${median(times).toFixed(3)} | ${solveSeconds} | ${scipySeconds} | ${ratio} | ${agreement} |`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
