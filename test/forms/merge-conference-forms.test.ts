/**
 * Conference forms grouped per chair: chairs written as e-mails or names, faculty without a
 * chair, who gets forms, file names, and re-runs against the Forms sheet of an earlier run.
 */
import { describe, expect, it } from "vitest";
import type { CellValue, MatchResult, Person, SheetSnapshot } from "../../shared/index.js";
import {
  blockCharacters,
  mergeConferenceForms,
  formatTimestamp,
  type MergeConferenceFormsInput,
} from "../../shared/job/merge-conference-forms.js";
import { defaultFormTemplates } from "../../shared/forms/default-templates.js";
import { loadFormTemplates } from "../../shared/forms/template.js";
import { documentText, type FormDocument } from "../../shared/forms/document-model.js";
import { formsLogHeader } from "../../shared/forms/forms-log.js";
import { person, ranked, roster, settings } from "../helpers/roster-builder.js";

const templates = loadFormTemplates(defaultFormTemplates);

function matchOf(pairs: [Person, Person, string?][]): MatchResult {
  return {
    pairs: pairs.map(([mentee, mentor, role], i) => ({
      pairId: `p-${i}`,
      menteeId: mentee.id,
      mentorId: mentor.id,
      role: role ?? null,
      status: "Proposed",
      score: 50,
      breakdown: [],
      reasons: "",
    })),
    unmatched: [],
    issues: [],
    stats: { mentees: 0, mentors: 0, covered: 0, slotsWanted: 0, slotsFilled: 0, totalScore: 0 },
  };
}

function run(
  people: Person[],
  options: Partial<MergeConferenceFormsInput> & { pairs?: [Person, Person, string?][] } = {},
) {
  const { pairs = [], ...rest } = options;
  return mergeConferenceForms({
    roster: roster(people),
    match: matchOf(pairs),
    settings: settings(),
    templates,
    now: "2026-11-23T14:05:00Z",
    ...rest,
  });
}

/** The faculty names in a document, from the "Name of Faculty:" lines of its faculty forms. */
function facultyNames(model: FormDocument): string[] {
  return documentText(model)
    .split("\n")
    .filter((line) => line.startsWith("Name of Faculty: "))
    .map((line) => line.slice("Name of Faculty: ".length).replace(/, .*$/, ""));
}

/** The rows a setSheet op writes, as a SheetSnapshot the next run reads. */
function logSheet(result: ReturnType<typeof run>): SheetSnapshot {
  const op = result.patch.ops[0]!;
  if (op.op !== "setSheet") throw new Error("expected a new Forms sheet");
  return { name: op.sheet, rows: op.rows };
}

const tariq = person({
  name: "Tariq Moreau",
  role: "mentor",
  ...ranked(3),
  division: "Cardiology",
});
const emily = person({
  name: "Emily Bakshi",
  role: "mentor",
  ...ranked(2),
  division: "Cardiology",
});

describe("grouping the forms per chair", () => {
  it("puts faculty whose chair is written as an e-mail or a name in one document per chair", () => {
    const jamal = person({
      name: "Jamal von Stein",
      role: "mentee",
      chair: "tariq.moreau@example.org",
    });
    const anna = person({ name: "Anna Adams", role: "mentee", chair: "Moreau, Tariq" });
    const li = person({ name: "Li Zhou", role: "mentee", chair: "Akira Haddad" });
    const ken = person({ name: "Ken Abe", role: "mentee", chair: "akira  HADDAD" });
    const mo = person({ name: "Mo Khan", role: "mentee", chair: "Zoe.K@Example.org" });
    const result = run([tariq, emily, jamal, anna, li, ken, mo], { pairs: [[jamal, emily]] });

    expect(result.issues).toEqual([]);
    expect(
      result.documents.map((d) => [d.chairKey, d.chairName, d.chairEmail, d.fileName]),
    ).toEqual([
      ["name:akira haddad", "Akira Haddad", "", "Forms – Akira Haddad.docx"],
      [
        "tariq.moreau@example.org",
        "Tariq Moreau",
        "tariq.moreau@example.org",
        "Forms – Tariq Moreau.docx",
      ],
      [
        "email:zoe.k@example.org",
        "zoe.k@example.org",
        "zoe.k@example.org",
        "Forms – zoe.k@example.org.docx",
      ],
    ]);
    const moreau = result.documents[1]!;
    expect(moreau.faculty).toEqual([anna.id, jamal.id]); // by last name
    expect(facultyNames(moreau.model)).toEqual(["Anna Adams", "Jamal von Stein"]);
    expect(facultyNames(result.documents[0]!.model)).toEqual(["Ken Abe", "Li Zhou"]);
  });

  it("gives each faculty member a faculty form then a chair form, page breaks between", () => {
    const jamal = person({ name: "Jamal von Stein", role: "mentee", chair: "Tariq Moreau" });
    const anna = person({ name: "Anna Adams", role: "mentee", chair: "Tariq Moreau" });
    const [document] = run([tariq, emily, jamal, anna], { pairs: [[jamal, emily]] }).documents;
    const blocks = document!.model.blocks;
    const landmarks = blocks.flatMap((block) =>
      block.kind === "pageBreak"
        ? ["break"]
        : block.kind === "heading" && block.level === 1
          ? [documentText({ title: "", blocks: [block] }).replace(/.* (\w+ Form)$/, "$1")]
          : [],
    );
    expect(landmarks).toEqual([
      "Faculty Form",
      "break",
      "Chair Form",
      "break",
      "Faculty Form",
      "break",
      "Chair Form",
    ]);
    expect(blocks[blocks.length - 1]!.kind).toBe("note");
    // Jamal's community of mentors: his matched mentor, then his chair.
    const text = documentText(document!.model);
    expect(text).toContain(" | Emily Bakshi | Mentor");
    expect(text).toContain(" | Tariq Moreau | Chair");
    expect(document!.model.title).toBe(
      "Annual Career Planning Conference 2026–2027 – Tariq Moreau",
    );
  });

  it("says once, not per person, when the roster names no chair at all", () => {
    const a = person({ name: "Nora Blank", role: "mentee", chair: null });
    const b = person({ name: "Sam Space", role: "mentee", chair: null });
    const result = run([a, b]);
    expect(result.documents.map((d) => [d.chairName, d.faculty])).toEqual([
      ["Unassigned chair", [a.id, b.id]],
    ]);
    expect(result.issues).toEqual([
      expect.objectContaining({ code: "chairs-missing", severity: "warning", cell: "" }),
    ]);
  });

  it("sends faculty with no chair to an “Unassigned chair” document, with one issue each", () => {
    const jamal = person({ name: "Jamal von Stein", role: "mentee", chair: "Tariq Moreau" });
    const nochair = person({ name: "Nora Blank", role: "mentee", chair: null });
    const spaces = person({ name: "Sam Space", role: "both", chair: "   " });
    const result = run([tariq, jamal, nochair, spaces]);
    expect(result.documents.map((d) => d.chairName)).toEqual(["Tariq Moreau", "Unassigned chair"]);
    const unassigned = result.documents[1]!;
    expect(unassigned).toMatchObject({
      chairKey: "unassigned",
      chairEmail: "",
      fileName: "Forms – Unassigned chair.docx",
      faculty: [nochair.id, spaces.id],
    });
    expect(result.issues).toEqual([
      expect.objectContaining({ code: "chair-missing", severity: "warning", cell: nochair.source }),
      expect.objectContaining({ code: "chair-missing", severity: "warning", cell: spaces.source }),
    ]);
    expect(result.issues[0]!.message).toContain("Nora Blank");
    // The chair line is left blank to fill in.
    expect(documentText(unassigned.model)).toMatch(
      /Name of Chair\/Mentor\/Designee for Career Conference: _+ Date _+/,
    );
  });

  it("reports a chair that could be several people and keeps it as written", () => {
    const kim1 = person({ name: "Kim Lee", role: "mentor", email: "kim.lee@example.org" });
    const kim2 = person({ name: "Kim Lee", role: "mentor", email: "kim.lee2@example.org" });
    const ana = person({ name: "Ana Ruiz", role: "mentee", chair: "Kim Lee" });
    const result = run([kim1, kim2, ana]);
    expect(result.issues.map((i) => [i.code, i.cell])).toEqual([["chair-ambiguous", ana.source]]);
    expect(result.documents.map((d) => [d.chairKey, d.chairEmail])).toEqual([["name:kim lee", ""]]);
  });

  it("makes forms for mentees by default and for everyone when formsFor is everyone", () => {
    const jamal = person({ name: "Jamal von Stein", role: "mentee", chair: "Tariq Moreau" });
    const both = person({ name: "Bea Both", role: "both", chair: "Tariq Moreau" });
    const emilyWithChair = { ...emily, chair: "Tariq Moreau" };
    const tariqSelf = { ...tariq, chair: "Tariq Moreau" };
    const people = [tariqSelf, emilyWithChair, jamal, both];
    const pairs: [Person, Person, string?][] = [
      [jamal, emilyWithChair, "clinical"],
      [both, emilyWithChair],
    ];

    const mentees = run(people, { pairs });
    expect(mentees.documents.flatMap((d) => d.faculty)).toEqual([both.id, jamal.id]);

    const everyone = run(people, {
      pairs,
      settings: settings("one-to-one", { formsFor: "everyone" }),
    });
    const document = everyone.documents[0]!;
    expect(document.faculty).toEqual([emilyWithChair.id, both.id, tariqSelf.id, jamal.id]);
    // Emily's own faculty form lists whom she mentors, with her role for each.
    const emilyForm = documentText({
      title: "",
      blocks: document.model.blocks.slice(
        0,
        document.model.blocks.findIndex((b) => b.kind === "pageBreak"),
      ),
    });
    expect(emilyForm).toContain("Name of Faculty: Emily Bakshi");
    expect(emilyForm).toContain("Jamal von Stein | Clinical mentor |");
    expect(emilyForm).toContain("Bea Both | Mentor |");
    // Tariq chairs himself: he is not listed as his own mentor.
    const tariqStart = documentText(document.model).indexOf("Name of Faculty: Tariq Moreau");
    const tariqForm = documentText(document.model).slice(tariqStart, tariqStart + 4000);
    expect(tariqForm).not.toContain("| Tariq Moreau | Chair");
  });

  it("gives every chair a file name legal on every system and unique ignoring case", () => {
    const kim1 = person({ name: "Kim Lee", role: "mentor", email: "kim.lee@example.org" });
    const kim2 = person({ name: "KIM LEE", role: "mentor", email: "kim.lee2@example.org" });
    const faculty = [
      person({ name: "Ann One", role: "mentee", chair: 'Dr. A/B: "C"? <x>* |' }),
      person({ name: "Bob Two", role: "mentee", chair: "kim.lee@example.org" }),
      person({ name: "Cy Three", role: "mentee", chair: "kim.lee2@example.org" }),
      person({ name: "Di Four", role: "mentee", chair: `Very ${"Long ".repeat(40)}Name` }),
      person({ name: "Ed Five", role: "mentee", chair: "Sam Smith Jr." }),
    ];
    const names = run([kim1, kim2, ...faculty]).documents.map((doc) => doc.fileName);
    expect(names).toHaveLength(5);
    for (const name of names) {
      expect(name).not.toMatch(/[<>:"/\\|?*\p{Cc}]/u);
      expect(name).not.toMatch(/[. ]\.docx$/);
      expect(name.startsWith("Forms – ")).toBe(true);
      expect(name.length).toBeLessThanOrEqual(105);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(5);
    expect(names).toEqual(
      expect.arrayContaining([
        "Forms – Dr. A B C x.docx",
        // Same name, two people: the second by chair key gets a number.
        "Forms – KIM LEE.docx",
        "Forms – Kim Lee (2).docx",
        "Forms – Sam Smith Jr.docx",
      ]),
    );
  });

  it("fills the Forms sheet: header row 1, one row per faculty member, the run's time", () => {
    const jamal = person({ name: "Jamal von Stein", role: "mentee", chair: "Tariq Moreau" });
    const nora = person({ name: "Nora Blank", role: "mentee", email: null, chair: null });
    const result = run([tariq, jamal, nora]);
    expect(result.patch.ops).toEqual([
      expect.objectContaining({
        op: "setSheet",
        sheet: "Forms",
        rows: [
          [...formsLogHeader],
          [
            "Tariq Moreau",
            "tariq.moreau@example.org",
            "Jamal von Stein",
            "jamal.von.stein@example.org",
            "Forms – Tariq Moreau.docx",
            "2026-11-23 14:05 UTC",
          ],
          [
            "Unassigned chair",
            "",
            "Nora Blank",
            "",
            "Forms – Unassigned chair.docx",
            "2026-11-23 14:05 UTC",
          ],
        ],
      }),
    ]);
    expect(formatTimestamp("2026-11-23T09:05:31.123-05:00")).toBe("2026-11-23 09:05 -05:00");
    expect(() => run([tariq, jamal], { now: "yesterday" })).toThrow(RangeError);
  });
});

describe("re-running with the Forms sheet of an earlier run", () => {
  const jamal = person({ name: "Jamal von Stein", role: "mentee", chair: "Tariq Moreau" });
  const anna = person({ name: "Anna Adams", role: "mentee", chair: "Tariq Moreau" });
  const li = person({ name: "Li Zhou", role: "mentee", chair: "Akira Haddad" });
  const first = run([tariq, jamal, li]);
  /** The earlier log, with a column the user added and a note typed in it. */
  const earlier: SheetSnapshot = {
    name: "Forms",
    rows: logSheet(first).rows.map((row, r): CellValue[] => [
      ...row,
      r === 0 ? "Notes" : r === 1 ? "sent" : null,
    ]),
  };

  it("adds only the missing faculty: their chair's document again, one new row, nothing re-dated", () => {
    const second = run([tariq, jamal, li, anna], {
      existingLog: earlier,
      now: "2027-01-10T08:00:00Z",
    });
    expect(second.documents).toHaveLength(1);
    const moreau = second.documents[0]!;
    expect(moreau.fileName).toBe("Forms – Tariq Moreau.docx");
    expect(moreau.faculty).toEqual([anna.id, jamal.id]); // the whole chair document again
    expect(moreau.newFaculty).toEqual([anna.id]);
    expect(facultyNames(moreau.model)).toEqual(["Anna Adams", "Jamal von Stein"]);
    expect(second.patch.ops).toEqual([
      {
        op: "writeCells",
        sheet: "Forms",
        row: 3,
        column: 0,
        values: [
          [
            "Tariq Moreau",
            "tariq.moreau@example.org",
            "Anna Adams",
            "anna.adams@example.org",
            "Forms – Tariq Moreau.docx",
            "2027-01-10 08:00 UTC",
          ],
        ],
      },
    ]);
  });

  it("adds nothing and makes no document when nobody is missing, whatever the spelling", () => {
    const respelt: SheetSnapshot = {
      name: "Forms",
      rows: earlier.rows.map((row) =>
        row[2] === "Jamal von Stein"
          ? ["tariq moreau", "", "JAMAL VON STEIN", "", row[4]!, row[5]!, row[6]!]
          : row,
      ),
    };
    const again = run([tariq, jamal, li], { existingLog: respelt, now: "2027-02-01T00:00:00Z" });
    expect(again.documents).toEqual([]);
    expect(again.patch.ops).toEqual([]);
    expect(again.issues).toEqual([]);
  });

  it("never duplicates rows over several runs, and regenerate all rebuilds every document", () => {
    const second = run([tariq, jamal, li, anna], {
      existingLog: earlier,
      now: "2027-01-10T08:00:00Z",
    });
    const op = second.patch.ops[0]!;
    if (op.op !== "writeCells") throw new Error("expected appended rows");
    const rows: CellValue[][] = [...earlier.rows.map((row) => [...row])];
    op.values.forEach((values, i) => (rows[op.row + i] = values));
    const third = run([tariq, jamal, li, anna], {
      existingLog: { name: "Forms", rows },
      now: "2027-03-01T00:00:00Z",
      regenerate: "all",
    });
    expect(third.documents.map((d) => [d.fileName, d.newFaculty])).toEqual([
      ["Forms – Akira Haddad.docx", []],
      ["Forms – Tariq Moreau.docx", []],
    ]);
    expect(third.patch.ops).toEqual([]);
  });

  it("keeps a file name the log gives a chair, and new chairs never take an earlier file's name", () => {
    const renamed: SheetSnapshot = {
      name: "Forms",
      rows: earlier.rows.map((row) => {
        const file =
          row[0] === "Tariq Moreau"
            ? "Moreau – 2026.docx"
            : row[0] === "Akira Haddad"
              ? "Forms – Pat Kay.docx"
              : row[4]!;
        return row.map((value, c) => (c === 4 ? file : value));
      }),
    };
    const pat = person({ name: "Pat Cole", role: "mentee", chair: "Pat Kay" });
    const result = run([tariq, jamal, li, anna, pat], { existingLog: renamed, regenerate: "all" });
    expect(result.documents.map((d) => [d.chairName, d.fileName])).toEqual([
      ["Akira Haddad", "Forms – Pat Kay.docx"],
      ["Pat Kay", "Forms – Pat Kay (2).docx"],
      ["Tariq Moreau", "Moreau – 2026.docx"],
    ]);
  });

  it("writes new rows into the user's column layout and leaves their columns alone", () => {
    const moved: SheetSnapshot = {
      name: "Forms log",
      rows: [
        ["Forms we sent"],
        ["Faculty", "Notes", "Chair", "File", "Generated at"],
        [
          "Jamal von Stein",
          "called him",
          "Tariq Moreau",
          "Forms – Tariq Moreau.docx",
          "2026-11-23 14:05 UTC",
        ],
        [],
      ],
    };
    const result = run([tariq, jamal, anna], { existingLog: moved, now: "2027-01-10T08:00:00Z" });
    expect(result.documents.map((d) => d.newFaculty)).toEqual([[anna.id]]);
    expect(result.patch.ops).toEqual([
      {
        op: "writeCells",
        sheet: "Forms log",
        row: 3,
        column: 0,
        values: [
          ["Anna Adams", null, "Tariq Moreau", "Forms – Tariq Moreau.docx", "2027-01-10 08:00 UTC"],
        ],
      },
    ]);
  });

  it("leaves a sheet that is not a Forms log alone and logs in a new sheet", () => {
    const notOurs: SheetSnapshot = {
      name: "Forms",
      rows: [
        ["Form", "Due"],
        ["Travel", "May"],
      ],
    };
    const result = run([tariq, jamal], { existingLog: notOurs });
    expect(result.issues.map((i) => [i.code, i.cell])).toEqual([["forms-log-unreadable", "Forms"]]);
    expect(result.patch.ops).toEqual([
      expect.objectContaining({ op: "setSheet", sheet: "Forms (Mentor Match)" }),
    ]);
  });
});

describe("a chair with more forms than one document may hold (Google Docs: about 1 M characters)", () => {
  const staff = [
    "Ada Ames",
    "Ben Bose",
    "Cy Cole",
    "Di Dunn",
    "Ed Egan",
    "Flo Finn",
    "Gil Gray",
  ].map((name) => person({ name, role: "mentee", chair: "Tariq Moreau" }));
  const one = run([tariq, staff[0]!]).documents[0]!.model;
  // Room for two faculty members' forms and a bit.
  const budget = Math.ceil(2.5 * blockCharacters(one.blocks));

  it("splits them into parts in name order, each logged with its own file", () => {
    const result = run([tariq, ...staff.slice(0, 6)], { maxDocumentCharacters: budget });
    expect(result.documents.map((d) => d.fileName)).toEqual([
      "Forms – Tariq Moreau.docx",
      "Forms – Tariq Moreau (part 2).docx",
      "Forms – Tariq Moreau (part 3).docx",
    ]);
    expect(result.documents.map((d) => facultyNames(d.model))).toEqual([
      ["Ada Ames", "Ben Bose"],
      ["Cy Cole", "Di Dunn"],
      ["Ed Egan", "Flo Finn"],
    ]);
    for (const d of result.documents)
      expect(blockCharacters(d.model.blocks)).toBeLessThanOrEqual(budget);
    const log = logSheet(result).rows.slice(1);
    expect(log.map((row) => [row[2], row[4]])).toEqual([
      ["Ada Ames", "Forms – Tariq Moreau.docx"],
      ["Ben Bose", "Forms – Tariq Moreau.docx"],
      ["Cy Cole", "Forms – Tariq Moreau (part 2).docx"],
      ["Di Dunn", "Forms – Tariq Moreau (part 2).docx"],
      ["Ed Egan", "Forms – Tariq Moreau (part 3).docx"],
      ["Flo Finn", "Forms – Tariq Moreau (part 3).docx"],
    ]);
    // Unlimited (.docx): one document.
    expect(run([tariq, ...staff.slice(0, 6)]).documents).toHaveLength(1);
  });

  it("on a re-run keeps everyone in their part and puts a newcomer in the last one with room", () => {
    const first = run([tariq, ...staff.slice(0, 5)], { maxDocumentCharacters: budget });
    expect(first.documents).toHaveLength(3); // 2 + 2 + 1
    const second = run([tariq, ...staff], {
      maxDocumentCharacters: budget,
      existingLog: logSheet(first),
      now: "2027-01-10T08:00:00Z",
    });
    // Flo joins Ed in part 3; Gil starts part 4; parts 1 and 2 are not rewritten.
    expect(second.documents.map((d) => [d.fileName, facultyNames(d.model)])).toEqual([
      ["Forms – Tariq Moreau (part 3).docx", ["Ed Egan", "Flo Finn"]],
      ["Forms – Tariq Moreau (part 4).docx", ["Gil Gray"]],
    ]);
    expect(second.documents.flatMap((d) => d.newFaculty)).toEqual([staff[5]!.id, staff[6]!.id]);
  });
});

describe("Google Docs: the Forms log names each Doc by its title, under a Google Doc heading", () => {
  const jamal = person({ name: "Jamal von Stein", role: "mentee", chair: "Tariq Moreau" });
  const anna = person({ name: "Anna Adams", role: "mentee", chair: "Tariq Moreau" });
  const li = person({ name: "Li Zhou", role: "mentee", chair: "Akira Haddad" });

  it("titles without a Word extension, and the heading says what they are", () => {
    const result = run([tariq, jamal, li], { documentKind: "google-doc" });
    expect(result.documents.map((d) => [d.fileName, d.title])).toEqual([
      ["Forms – Akira Haddad", "Forms – Akira Haddad"],
      ["Forms – Tariq Moreau", "Forms – Tariq Moreau"],
    ]);
    const rows = logSheet(result).rows;
    expect(rows[0]).toEqual(formsLogHeader.map((h) => (h === "File" ? "Google Doc" : h)));
    expect(rows.slice(1).map((row) => row[4])).toEqual([
      "Forms – Akira Haddad",
      "Forms – Tariq Moreau",
    ]);
  });

  it("reads a log of an earlier Google run that named the Docs “….docx”: same Doc, title in new rows", () => {
    const earlier = logSheet(run([tariq, jamal, li]));
    expect(earlier.rows[1]![4]).toBe("Forms – Akira Haddad.docx");
    const second = run([tariq, jamal, li, anna], {
      existingLog: earlier,
      documentKind: "google-doc",
    });
    expect(second.documents.map((d) => d.title)).toEqual(["Forms – Tariq Moreau"]);
    const op = second.patch.ops[0]!;
    expect(op.op === "writeCells" && op.values[0]![4]).toBe("Forms – Tariq Moreau");
    // And a Google log is read back by its Google Doc heading: nothing new, nothing written.
    const google = logSheet(run([tariq, jamal, li], { documentKind: "google-doc" }));
    const third = run([tariq, jamal, li], { existingLog: google, documentKind: "google-doc" });
    expect(third.documents).toEqual([]);
    expect(third.patch.ops).toEqual([]);
  });
});
