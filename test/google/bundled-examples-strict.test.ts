/**
 * Regression (issue 18): Google refused every first run of `run --google` because the Pairs
 * status drop-down reached 200 rows past the sheet's grid. Each bundled example, first run and
 * re-run, against the fake that checks every range of every request as Google does.
 */
import { describe, expect, it } from "vitest";
import { readWorkbookFiles } from "../../cli/io/read-workbook.js";
import { runGoogle } from "../../cli/google/run-google.js";
import type { PresetName } from "../../shared/index.js";
import { spreadsheetId, useFakeGoogle } from "./harness.js";

const h = useFakeGoogle();

const examples: { file: string; preset?: PresetName }[] = [
  { file: "templates/examples/medicine-roster.xlsx" },
  { file: "templates/examples/radiology-roster.xlsx" },
  { file: "templates/examples/two-mentor-program.csv", preset: "two-mentors" },
];

describe("run --google on the bundled examples, against Google's grid limits", () => {
  for (const { file, preset } of examples)
    it(`${file}: first run and re-run are accepted, the status list inside the grid`, async () => {
      await h.restart(await readWorkbookFiles([file]));
      const first = await runGoogle(h.options({ preset }));
      expect(first.report.pairs.length).toBeGreaterThan(0);

      const pairs = h.fake.sheet(spreadsheetId, "Pairs")!;
      const statusRows = h.fake.values(spreadsheetId, "Pairs").length - 1;
      // The list still reaches well below the pairs, for the rows a coordinator adds.
      const list = pairs.validationRanges?.[0];
      expect(list).toBeDefined();
      expect(list!.endRowIndex).toBeGreaterThan(statusRows + 100);
      expect(list!.endRowIndex).toBeLessThanOrEqual(pairs.rowCount);

      const refused = () => h.fake.log.filter((r) => r.status >= 400);
      expect(refused()).toEqual([]);
      const second = await runGoogle(h.options({ preset }));
      expect(refused()).toEqual([]);
      expect(second.report.pairs.map((p) => p.mentee).sort()).toEqual(
        first.report.pairs.map((p) => p.mentee).sort(),
      );
    });
});
