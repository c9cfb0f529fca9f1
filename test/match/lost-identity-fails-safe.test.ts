/**
 * Issue 12 item 7: when a Locked or Rejected row's people cannot be resolved (an e-mail blanked
 * by a formula saved without its result, a renamed or ambiguous person), the row is kept, a pair
 * the Rejected row may describe is never proposed, and the issue names the cell.
 */
import { describe, expect, it } from "vitest";
import { matchMentors, type CellValue, type MatchedWorkbook } from "../../shared/index.js";
import { pairsColumns } from "../../shared/plan/pairs-sheet-columns.js";
import { sheet, workbook } from "../helpers/snapshot.js";

const rosterHeader = ["Name", "Email", "Rank", "Division", "Role", "Capacity"];
const oconnor = [
  "Margaret O'Connor",
  "margaret.oconnor@example.org",
  "Professor",
  "Cardiology",
  "Mentor",
  2,
];

/** A Pairs row as the previous run wrote it, with the coordinator's status. */
function pairsRow(status: string, mentee: [string, string], mentor: [string, string]): CellValue[] {
  return [status, mentee[0], mentee[1], "", mentor[0], mentor[1], "", "Mentor", 80, "…", "", "p-1"];
}

function run(rosterRows: CellValue[][], pairsRows: CellValue[][]): MatchedWorkbook {
  const outcome = matchMentors({
    snapshot: workbook(
      sheet("Roster", [rosterHeader, ...rosterRows]),
      sheet("Pairs", [[...pairsColumns], ...pairsRows]),
    ),
    today: "2026-08-01",
  });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome;
}

function pairsSheetRows(matched: MatchedWorkbook): CellValue[][] {
  const op = matched.patch.ops.find((o) => o.op === "setSheet" && o.sheet === "Pairs");
  if (op?.op !== "setSheet") throw new Error("no Pairs sheet");
  return op.rows.map((row) => [...row]);
}

const proposedPairs = (matched: MatchedWorkbook) =>
  matched.report.pairs.map((p) => `${p.mentee} → ${p.mentor}`);

describe("a Rejected row whose mentee lost the e-mail it was written with", () => {
  it("still rejects the pair, found by the name beside it", () => {
    // Daniel Kim's e-mail is blank now (a formula saved without its result).
    const matched = run(
      [oconnor, ["Daniel Kim", null, "Instructor", "Medicine", "Mentee", null]],
      [
        pairsRow(
          "Rejected",
          ["Daniel Kim", "daniel.kim@example.org"],
          ["Margaret O'Connor", "margaret.oconnor@example.org"],
        ),
      ],
    );
    expect(matched.report.pairs).toEqual([]);
    expect(matched.report.unmatched.map((u) => u.mentee)).toEqual(["Daniel Kim"]);
  });
});

describe("a Rejected row that could be several people", () => {
  const matched = run(
    [
      oconnor,
      ["Daniel Kim", "daniel.kim@example.org", "Instructor", "Medicine", "Mentee", null],
      ["Grace Kim", "grace.kim@example.org", "Instructor", "Surgery", "Mentee", null],
    ],
    [pairsRow("Rejected", ["Kim", ""], ["Margaret O'Connor", "margaret.oconnor@example.org"])],
  );

  it("proposes no pair the row may describe", () => {
    expect(proposedPairs(matched)).toEqual([]);
    expect(matched.report.unmatched).toHaveLength(2);
  });

  it("keeps the row as typed, saying why in its Why cell and in an issue at the cell", () => {
    const kept = pairsSheetRows(matched).find((row) => row[0] === "Rejected");
    expect(kept?.slice(0, 3)).toEqual(["Rejected", "Kim", ""]);
    expect(kept?.[pairsColumns.indexOf("Why")]).toMatch(
      /^Kept as written: “Kim” could be several people, so this rejection could not be applied to a person; no pair it may describe is proposed/,
    );
    expect(matched.issues).toContainEqual(
      expect.objectContaining({ code: "rejected-pair-unresolved", cell: "Pairs!B2" }),
    );
  });
});

describe("a Rejected row whose mentor was renamed", () => {
  it("blocks the look-alike mentor rather than propose the pair again", () => {
    const matched = run(
      [
        [
          "Margaret O'Connor-Hale",
          "m.oconnor-hale@example.org",
          "Professor",
          "Cardiology",
          "Mentor",
          2,
        ],
        ["Daniel Kim", "daniel.kim@example.org", "Instructor", "Medicine", "Mentee", null],
      ],
      [
        pairsRow(
          "Rejected",
          ["Daniel Kim", "daniel.kim@example.org"],
          ["Margaret O'Connor", "margaret.oconnor@example.org"],
        ),
      ],
    );
    expect(proposedPairs(matched)).toEqual([]);
    expect(pairsSheetRows(matched).filter((row) => row[0] === "Rejected")).toHaveLength(1);
  });
});

describe("a Locked row whose mentor is not on the roster", () => {
  it("keeps the row and re-solves the mentee, with the issue at the Mentor cell", () => {
    const matched = run(
      [oconnor, ["Daniel Kim", "daniel.kim@example.org", "Instructor", "Medicine", "Mentee", null]],
      [pairsRow("Locked", ["Daniel Kim", "daniel.kim@example.org"], ["Dr. Nobody", ""])],
    );
    expect(proposedPairs(matched)).toEqual([
      "daniel.kim@example.org → margaret.oconnor@example.org",
    ]);
    const kept = pairsSheetRows(matched).find((row) => row[0] === "Locked");
    expect(kept?.[pairsColumns.indexOf("Mentor")]).toBe("Dr. Nobody");
    expect(matched.issues).toContainEqual(
      expect.objectContaining({
        code: "locked-pair-unresolved",
        cell: "Pairs!E2",
        message: expect.stringContaining("the row is kept as written"),
      }),
    );
  });
});
