/**
 * `npm run bench`: runs every benchmark section in turn.
 *
 *   npm run bench                 all sections, full size
 *   npm run bench -- --quick      skip the largest cases
 *   npm run bench -- solver       only the named section(s)
 *
 * To add a section, append `{ name, run }` to `sections`.
 */
import { runSolverBenchmark } from "./solver.js";
import { runMatchingBenchmark } from "./matching.js";
import { runInstitutionBenchmark } from "./institution.js";
import { runExcelPlanTabsBenchmark } from "./excel-plan-tabs.js";

export interface BenchSection {
  readonly name: string;
  readonly description: string;
  run(options: { quick: boolean }): Promise<unknown>;
}

export const sections: readonly BenchSection[] = [
  {
    name: "solver",
    description: "exact assignment solver vs scipy linear_sum_assignment and npm munkres",
    run: ({ quick }) => runSolverBenchmark({ quick }),
  },
  {
    name: "matching",
    description:
      "end-to-end matching (rules, scores, exact solve, explanations) vs scipy on the same assignment",
    run: ({ quick }) => runMatchingBenchmark({ quick }),
  },
  {
    name: "institution",
    description:
      "the whole job on an institution roster (10,000 × 5,000, 40 departments): local files vs the Google path against the loopback fake — stages, requests, bytes",
    run: ({ quick }) => runInstitutionBenchmark({ quick }),
  },
  {
    name: "excel-plans",
    description:
      "Excel add-in plan tabs for 10, 232 and 1,000 pairs against the recording Office.js stand-in: bytes per tab written in full vs copied, requests, syncs, largest request",
    run: ({ quick }) => runExcelPlanTabsBenchmark({ quick }),
  },
];

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const wanted = args.filter((a) => !a.startsWith("--"));
const unknown = wanted.filter((w) => !sections.some((s) => s.name === w));
if (unknown.length > 0) {
  console.error(
    `Unknown bench section(s): ${unknown.join(", ")}. Known: ${sections.map((s) => s.name).join(", ")}`,
  );
  process.exit(1);
}

for (const section of sections) {
  if (wanted.length > 0 && !wanted.includes(section.name)) continue;
  console.log(`\n## ${section.name}: ${section.description}\n`);
  const start = performance.now();
  await section.run({ quick });
  console.log(`\n(${section.name} took ${((performance.now() - start) / 1000).toFixed(1)} s)`);
}
