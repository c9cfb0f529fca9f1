/**
 * Writes the scenario fixtures in test/fixtures/rosters/ and their README. Each file is one
 * situation a real roster puts a reader in; the same twelve fabricated faculty appear in most
 * of them so tests can assert exact facts. Deterministic: fixed seeds and timestamps, so
 * re-running rewrites identical bytes.
 *
 *   npx tsx scripts/make-fixtures.ts
 */
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { compoundFile } from "./lib/cfb.js";
import { addChartSheet } from "./lib/chart-sheet.js";
import {
  delimitedText,
  editPart,
  encodeText,
  newWorkbook,
  saveWorkbook,
  writeBytes,
  type TextFileOptions,
} from "./lib/files.js";
import { seededRandom } from "./lib/prng.js";
import { headerRow, titleRow, widthColumns } from "./lib/sheet-style.js";
import { zip } from "./lib/zip.js";

/** Where to write; a test passes a temporary folder to check the committed files are current. */
const OUT = process.argv[2] ?? join(import.meta.dirname, "..", "test", "fixtures", "rosters");

// ---------------------------------------------------------------------------------------------
// The cast: twelve fabricated Department of Medicine faculty.

type Role = "Mentor" | "Mentee" | "Both";

interface Member {
  readonly first: string;
  readonly last: string;
  /** The rank as this roster spells it. */
  readonly rank: string;
  readonly division: string;
  readonly email: string;
  readonly role: Role;
  readonly capacity: number | null;
  readonly interests: readonly string[];
}

const m = (
  first: string,
  last: string,
  rank: string,
  division: string,
  email: string,
  role: Role,
  capacity: number | null,
  interests: string,
): Member => ({
  first,
  last,
  rank,
  division,
  email,
  role,
  capacity,
  interests: interests.split("; "),
});

const CARDIO = "Cardiology";
const GI = "Gastroenterology";
const GIM = "General Internal Medicine";
const ID = "Infectious Diseases";
const PULM = "Pulmonary and Critical Care";

// prettier-ignore
const CAST: readonly Member[] = [
  m("Margaret", "O'Connor", "Professor of Medicine", CARDIO, "margaret.oconnor@example.org", "Mentor", 2, "heart failure; clinical trials; women in medicine"),
  m("Luis", "García-López", "Assoc Prof", GI, "luis.garcia-lopez@example.org", "Mentor", 3, "inflammatory bowel disease; health equity; clinical trials"),
  m("Hendrik", "van der Berg", "Full Professor", PULM, "hendrik.vanderberg@example.org", "Mentor", 1, "ARDS; mechanical ventilation; medical education"),
  m("Lan", "Nguyễn", "Associate Professor", ID, "lan.nguyen@example.org", "Both", 2, "HIV; antimicrobial stewardship; global health"),
  m("Aisha", "Rahman", "Instructor in Medicine", CARDIO, "aisha.rahman@example.org", "Mentee", null, "heart failure; health equity"),
  m("Daniel", "Kim", "Asst. Prof.", GIM, "daniel.kim@example.org", "Mentee", null, "quality improvement; medical education"),
  m("Sofía", "Ramírez", "Instructor", GI, "sofia.ramirez@example.org", "Mentee", null, "inflammatory bowel disease; clinical trials"),
  m("Jean-Pierre", "Dubois", "Assistant Professor of Medicine", PULM, "jean-pierre.dubois@example.org", "Mentee", null, "ARDS; critical care outcomes"),
  m("Priya", "Natarajan", "Instr.", "Endocrine", "priya.natarajan@example.org", "Mentee", null, "diabetes technology; health equity"),
  m("Kwame", "Mensah", "Assistant Professor", ID, "kwame.mensah@example.org", "Mentee", null, "HIV; global health"),
  m("Emily", "Chen", "Instructor in Medicine", "Nephrology", "emily.chen@example.org", "Mentee", null, "chronic kidney disease; clinical trials"),
  m("Siobhán", "Murphy", "Asst Professor", GIM, "siobhan.murphy@example.org", "Mentee", null, "medical education; health equity"),
];

/** Role cells as coordinators type them: case and stray spaces vary, row by row. */
const ROLE_AS_TYPED = [
  "Mentor",
  " mentor",
  "MENTOR",
  "Both ",
  "Mentee",
  "mentee",
  "Mentee ",
  "MENTEE",
  "Mentee",
  " Mentee",
  "mentee",
  "Mentee",
];

const at = (index: number): Member => CAST[index]!;
const fullName = (p: Member): string => `${p.first} ${p.last}`;
const lastFirst = (p: Member): string => `${p.last}, ${p.first}`;
const mentors = CAST.filter((p) => p.role !== "Mentee");
const mentees = CAST.filter((p) => p.role === "Mentee");

const CAST_TABLE = [
  "| # | Name | Rank (as written) | Division | E-mail | Role | Capacity | Interests |",
  "|---|---|---|---|---|---|---|---|",
  ...CAST.map(
    (p, i) =>
      `| ${i + 1} | ${fullName(p)} | ${p.rank} | ${p.division} | ${p.email} | ${p.role} | ${p.capacity ?? ""} | ${p.interests.join("; ")} |`,
  ),
].join("\n");

// ---------------------------------------------------------------------------------------------
// Tables the fixtures share.

const ODD_NAMES: readonly [cell: string, text: string, note: string][] = [
  ["A2", "O'Connor, Margaret, MD, PhD", "degrees after the first name"],
  ["A3", "García-López, Luis", ""],
  ["A4", "van der Berg,\u00a0Hendrik", "a no-break space (U+00A0) after the comma"],
  ["A5", "Nguyễn, Lan", ""],
  ["A6", "Dr. Aisha Rahman", "`First Last` with a title, despite the header"],
  ["A7", "Kim, Daniel J., MD, MPH", "middle initial and degrees"],
  [
    "A8",
    "Dr. Sofía Ramírez".normalize("NFD"),
    "`Dr.` prefix, and decomposed Unicode (NFD): `í` is `i` + U+0301",
  ],
  ["A9", "Dubois, Jean-Pierre", ""],
  ["A10", "Natarajan, Priya, M.D.", "dotted degree"],
  ["A11", "Mensah, Kwame A.", "middle initial"],
  ["A12", "Chen, Emily (Yi-Ling)", "preferred name in parentheses"],
  ["A13", "Murphy, Siobhán, MD, PhD, FACP", "three post-nominals"],
  ["A14", "de la Cruz, María José", "lower-case particle, two-word first name"],
  ["A15", "  St. John,  Olivia ", "leading, doubled and trailing spaces"],
];

interface DivisionBlock {
  readonly division: string;
  /** 1-based sheet rows. */
  readonly first: number;
  readonly last: number;
  readonly people: readonly Member[];
}

/** Cast members by division (alphabetical), for the merged-cells fixture. */
const MERGED_BLOCKS: readonly DivisionBlock[] = (() => {
  const delaCruz = m(
    "María José",
    "de la Cruz",
    "Assistant Professor",
    GIM,
    "mariajose.delacruz@example.org",
    "Mentee",
    null,
    "primary care; health equity",
  );
  const people = [...CAST, delaCruz];
  const divisions = [...new Set(people.map((p) => p.division))].sort();
  let row = 2;
  return divisions.map((division) => {
    const members = people.filter((p) => p.division === division);
    const block = { division, first: row, last: row + members.length - 1, people: members };
    row += members.length;
    return block;
  });
})();

/** Start dates by cast index; a string is a date typed as text, null an empty cell. */
const START_DATES: readonly (Date | string | null)[] = [
  new Date(Date.UTC(2004, 6, 1)),
  new Date(Date.UTC(2011, 8, 1)),
  new Date(Date.UTC(1998, 6, 1)),
  new Date(Date.UTC(2013, 0, 15)),
  new Date(Date.UTC(2023, 6, 1)),
  new Date(Date.UTC(2020, 6, 1)),
  new Date(Date.UTC(2024, 6, 1)),
  new Date(Date.UTC(2019, 9, 1)),
  null,
  new Date(Date.UTC(2021, 6, 1)),
  "07/01/2024",
  new Date(Date.UTC(2018, 6, 1)),
];

// ---------------------------------------------------------------------------------------------
// Fixtures: a file name, what it exercises, the facts tests may assert, and how to write it.

interface Fixture {
  readonly file: string;
  readonly exercises: string;
  readonly facts: readonly string[];
  readonly write: (path: string) => Promise<void> | void;
}

type Row = (ExcelJS.CellValue | undefined)[];

function sheetWith(workbook: ExcelJS.Workbook, name: string, header: string[], rows: Row[]) {
  const sheet = workbook.addWorksheet(name);
  headerRow(sheet, 1, header);
  rows.forEach((values, i) => (sheet.getRow(2 + i).values = values));
  widthColumns(
    sheet,
    header.map(() => 24),
    [],
  );
  return sheet;
}

function textFile(rows: (string | number | null)[][], options: TextFileOptions) {
  return (path: string): void =>
    writeBytes(path, encodeText(delimitedText(rows, options), options.encoding));
}

/** How twelve people answer "Mentor? (Y/N)": the four mentors first. */
const MENTOR_YES_NO: readonly (string | boolean | null)[] = [
  "Y",
  true,
  "x",
  "Yes",
  "N",
  "n",
  false,
  null,
  "No",
  "✗",
  "no ",
  null,
];

/** "Willing to mentor" / "Would like a mentor" ticks, in cast order. */
const TICKS: readonly (readonly [string, string])[] = [
  ["✓", ""],
  ["yes", "no"],
  ["TRUE", "FALSE"],
  ["✓", "✓"],
  ["", "✓"],
  ["✗", "✓"],
  ["FALSE", "TRUE"],
  ["no", "yes"],
  ["", "x"],
  ["N", "Y"],
  ["", "✔"],
  ["✗", "x"],
];

const STANDARD_HEADER = ["Name", "Rank", "Division", "Email", "Role", "Capacity", "Interests"];
const standardRow = (p: Member, i: number): (string | number | null)[] => [
  fullName(p),
  p.rank,
  p.division,
  p.email,
  ROLE_AS_TYPED[i]!,
  p.capacity,
  p.interests.join("; "),
];

const fixtures: Fixture[] = [
  {
    file: "title-rows-and-footer.xlsx",
    exercises: "a merged title row, a note row and a blank row above the header; a footer below",
    facts: [
      'One sheet, `Roster`. Row 1: `A1` = "Department of Medicine — Faculty Mentoring Program 2026–2027", merged `A1:H1` (snapshot `merges` = `[{ top: 0, left: 0, bottom: 0, right: 7 }]`).',
      'Row 2: `A2` = "Updated by the Faculty Affairs office; questions to mentoring@example.org". Row 3 is blank.',
      "Row 4 is the header: `Name (Last, First)`, `Academic Rank`, `Division`, `Email Address`, `Participating as`, `Max # mentees`, `Research / Clinical Interests`, `Preferred mentor`.",
      "Rows 5–16 are the 12 cast members in cast order, names as `Last, First`; interests joined with `; `; capacity a number for the 4 mentors (incl. Lan Nguyễn, Both), empty for mentees.",
      `\`Participating as\` is typed inconsistently, rows 5–16: ${ROLE_AS_TYPED.map((r) => `\`"${r}"\``).join(", ")}.`,
      "`Preferred mentor`: H9 (Aisha Rahman) = `Margaret O'Connor`; H11 (Sofía Ramírez) = `luis.garcia-lopez@example.org`; H14 (Kwame Mensah) = `Dr. Nguyễn`; the rest empty.",
      'Row 17 is blank; row 18: `A18` = "Total participants: 12" (a footer, not a person). Snapshot: 18 rows.',
    ],
    write: async (path) => {
      const workbook = newWorkbook();
      const sheet = workbook.addWorksheet("Roster");
      const header = [
        "Name (Last, First)",
        "Academic Rank",
        "Division",
        "Email Address",
        "Participating as",
        "Max # mentees",
        "Research / Clinical Interests",
        "Preferred mentor",
      ];
      titleRow(sheet, 1, "Department of Medicine — Faculty Mentoring Program 2026–2027", 8);
      sheet.getCell("A2").value =
        "Updated by the Faculty Affairs office; questions to mentoring@example.org";
      headerRow(sheet, 4, header);
      const preferred = new Map<Member, string>([
        [at(4), fullName(at(0))],
        [at(6), at(1).email],
        [at(9), `Dr. ${at(3).last}`],
      ]);
      CAST.forEach((p, i) => {
        sheet.getRow(5 + i).values = [
          lastFirst(p),
          p.rank,
          p.division,
          p.email,
          ROLE_AS_TYPED[i],
          p.capacity,
          p.interests.join("; "),
          preferred.get(p) ?? null,
        ];
      });
      sheet.getCell("A18").value = `Total participants: ${CAST.length}`;
      widthColumns(sheet, [24, 30, 26, 32, 16, 13, 48, 30], [7]);
      await saveWorkbook(workbook, path);
    },
  },
  {
    file: "two-sheets-different-headers.xlsx",
    exercises: "mentors and mentees on separate sheets with different headers, plus exclusions",
    facts: [
      "Sheets in order: `Mentors`, `Mentees`, `Do not pair`; header in row 1 of each.",
      "`Mentors` (rows 2–5): the 4 mentors of the cast (Lan Nguyễn, who is Both, is listed only here). Columns `Last Name`, `First Name`, `Title`, `Section`, `E-mail`, `Mentor capacity`, `Topics`; topics joined with `, `; capacities 2, 3, 1, 2.",
      "`Mentees` (rows 2–9): the 8 mentees. Columns `Faculty` (`First Last`), `Rank`, `Div.`, `Email`, `keywords` (lower case, joined with `, `), `Requested mentor`. F2 (Aisha Rahman) = `Dr. O'Connor`; F4 (Sofía Ramírez) = `luis.garcia-lopez@example.org`; the rest empty.",
      "`Do not pair` (rows 2–3): `margaret.oconnor@example.org` / `aisha.rahman@example.org` / `Same research group (direct supervisor)`; `Luis García-López` / `Sofía Ramírez` / `Co-investigators on the same R01`.",
    ],
    write: async (path) => {
      const workbook = newWorkbook();
      sheetWith(
        workbook,
        "Mentors",
        ["Last Name", "First Name", "Title", "Section", "E-mail", "Mentor capacity", "Topics"],
        mentors.map((p) => [
          p.last,
          p.first,
          p.rank,
          p.division,
          p.email,
          p.capacity,
          p.interests.join(", "),
        ]),
      );
      const requested = new Map<Member, string>([
        [at(4), `Dr. ${at(0).last}`],
        [at(6), at(1).email],
      ]);
      sheetWith(
        workbook,
        "Mentees",
        ["Faculty", "Rank", "Div.", "Email", "keywords", "Requested mentor"],
        mentees.map((p) => [
          fullName(p),
          p.rank,
          p.division,
          p.email,
          p.interests.join(", ").toLowerCase(),
          requested.get(p) ?? null,
        ]),
      );
      sheetWith(
        workbook,
        "Do not pair",
        ["Person 1", "Person 2", "Reason"],
        [
          [at(0).email, at(4).email, "Same research group (direct supervisor)"],
          [fullName(at(1)), fullName(at(6)), "Co-investigators on the same R01"],
        ],
      );
      await saveWorkbook(workbook, path);
    },
  },
  {
    file: "csv-export-bom-crlf.csv",
    exercises: "Excel's “CSV UTF-8”: byte-order mark, CRLF, quoted commas, quotes and a line break",
    facts: [
      "UTF-8 with BOM (EF BB BF), CRLF line endings, comma-delimited. Sheet name `csv-export-bom-crlf`.",
      'Header `Full Name,Role,Rank,Division,Email,Capacity,Interests`, then the 12 cast members in cast order: snapshot 13 rows, 7 columns, all values strings (capacity `"2"`, not 2).',
      'Quoted fields: A2 = `Margaret O\'Connor, MD, PhD` (comma); A9 = `Jean-Pierre "JP" Dubois` (doubled quotes in the file); every Interests cell is quoted and joined with `, `, except G7 (Daniel Kim) = "quality improvement\\nmedical education" — a line break inside quotes, so the file has 14 physical lines.',
      "Role cells are the plain `Mentor` / `Both` / `Mentee`; mentee Capacity cells are empty (null).",
    ],
    write: textFile(
      [
        ["Full Name", "Role", "Rank", "Division", "Email", "Capacity", "Interests"],
        ...CAST.map((p, i) => [
          i === 0 ? `${fullName(p)}, MD, PhD` : i === 7 ? `${p.first} "JP" ${p.last}` : fullName(p),
          p.role,
          p.rank,
          p.division,
          p.email,
          p.capacity,
          p.interests.join(i === 5 ? "\n" : ", "),
        ]),
      ],
      { encoding: "utf-8-bom", lineEnding: "\r\n" },
    ),
  },
  {
    file: "semicolon-export.csv",
    exercises: "a European-locale Excel export: `;` delimiter, commas inside unquoted fields",
    facts: [
      "UTF-8 without BOM, CRLF, `;`-delimited; sheet name `semicolon-export`.",
      "Header `Name;Rank;Division;Email;Role;Capacity;Interests`, then the 12 cast members: snapshot 13 rows, 7 columns, strings only.",
      "Names are `Last, First` (an unquoted comma on every row, which must not be taken for the delimiter); interests joined with `, `, except G4 (Hendrik van der Berg) = `ARDS; mechanical ventilation; medical education`, quoted because it contains `;`.",
      `Role cells as in \`title-rows-and-footer.xlsx\`: ${ROLE_AS_TYPED.map((r) => `\`"${r}"\``).join(", ")}.`,
    ],
    write: (path) => {
      const rows = [
        STANDARD_HEADER,
        ...CAST.map((p, i) => [
          lastFirst(p),
          p.rank,
          p.division,
          p.email,
          ROLE_AS_TYPED[i]!,
          p.capacity,
          p.interests.join(i === 2 ? "; " : ", "),
        ]),
      ];
      textFile(rows, { delimiter: ";", lineEnding: "\r\n" })(path);
    },
  },
  {
    file: "duplicates-differently-cased-email.xlsx",
    exercises: "the same person entered twice, with the e-mail cased and spaced differently",
    facts: [
      "One sheet, `Roster`, header in row 1: `Name`, `Rank`, `Division`, `Email`, `Role`, `Capacity`, `Interests`.",
      "Rows 2–13: the 12 cast members (names `First Last`). Rows 14–15 repeat two of them: 14 data rows, 12 distinct people.",
      "Row 14 repeats Daniel Kim (row 7): D14 = `Daniel.Kim@Example.org`, B14 = `Assistant Professor` (row 7 says `Asst. Prof.`), E14 = `Mentee`.",
      'Row 15 repeats Margaret O\'Connor (row 2): A15 = `Margaret O’Connor` (typographic apostrophe U+2019), D15 = `" MARGARET.OCONNOR@EXAMPLE.ORG "` (leading and trailing space), F15 = 3 where F2 = 2.',
    ],
    write: async (path) => {
      const workbook = newWorkbook();
      const kim = at(5);
      const oconnor = at(0);
      sheetWith(workbook, "Roster", STANDARD_HEADER, [
        ...CAST.map(standardRow),
        [
          fullName(kim),
          "Assistant Professor",
          kim.division,
          "Daniel.Kim@Example.org",
          "Mentee",
          null,
          kim.interests.join("; "),
        ],
        [
          "Margaret O’Connor",
          oconnor.rank,
          oconnor.division,
          " MARGARET.OCONNOR@EXAMPLE.ORG ",
          "Mentor",
          3,
          oconnor.interests.join("; "),
        ],
      ]);
      await saveWorkbook(workbook, path);
    },
  },
  {
    file: "odd-names.xlsx",
    exercises:
      "names as people really write them: Last, First; titles; degrees; particles; Unicode",
    facts: [
      "One sheet, `Faculty`, header in row 1: `Name (Last, First)`, `Rank`, `Division`, `Email`, `Role`. 14 people: the cast (rows 2–13) and two more (rows 14–15).",
      ...ODD_NAMES.map(
        ([cell, text, note]) =>
          `${cell} = \`${JSON.stringify(text).slice(1, -1)}\`${note ? ` — ${note}` : ""}`,
      ),
      "Row 14: María José de la Cruz, Assistant Professor, General Internal Medicine, `mariajose.delacruz@example.org`, Mentee. Row 15: Olivia St. John, Instructor, Cardiology, `olivia.stjohn@example.org`, Mentee.",
      "E-mail, rank, division and role cells of rows 2–13 are those of the cast (roles plain `Mentor` / `Both` / `Mentee`).",
    ],
    write: async (path) => {
      const workbook = newWorkbook();
      const names = ODD_NAMES.map(([, text]) => text);
      const extras: [string, string, string, string][] = [
        ["Assistant Professor", GIM, "mariajose.delacruz@example.org", "Mentee"],
        ["Instructor", CARDIO, "olivia.stjohn@example.org", "Mentee"],
      ];
      sheetWith(
        workbook,
        "Faculty",
        ["Name (Last, First)", "Rank", "Division", "Email", "Role"],
        [
          ...CAST.map((p, i) => [names[i], p.rank, p.division, p.email, p.role]),
          ...extras.map((values, i) => [names[12 + i], ...values]),
        ],
      );
      await saveWorkbook(workbook, path);
    },
  },
  {
    file: "merged-division-cells.xlsx",
    exercises: "a Division column merged vertically over the people of each division",
    facts: [
      "One sheet, `Roster`, header in row 1: `Division`, `Name`, `Rank`, `Email`, `Role`, `Capacity`, `Interests`. 13 people in rows 2–14: the cast plus María José de la Cruz (General Internal Medicine, Assistant Professor, `mariajose.delacruz@example.org`, Mentee, interests `primary care; health equity`).",
      "Sorted by division. Only the top cell of each merged block holds the division; the snapshot has null below it.",
      ...MERGED_BLOCKS.map(
        ({ division, first, last, people }) =>
          `${division}: ${first === last ? `row ${first} (single cell, not merged)` : `rows ${first}–${last} (merged \`A${first}:A${last}\`)`} — ${people.map(fullName).join(", ")}.`,
      ),
      `Snapshot \`merges\` (0-based): ${JSON.stringify(
        MERGED_BLOCKS.filter((b) => b.first !== b.last).map((b) => ({
          top: b.first - 1,
          left: 0,
          bottom: b.last - 1,
          right: 0,
        })),
      )}.`,
    ],
    write: async (path) => {
      const workbook = newWorkbook();
      const sheet = workbook.addWorksheet("Roster");
      headerRow(sheet, 1, ["Division", "Name", "Rank", "Email", "Role", "Capacity", "Interests"]);
      for (const block of MERGED_BLOCKS) {
        block.people.forEach((p, i) => {
          sheet.getRow(block.first + i).values = [
            i === 0 ? p.division : null,
            fullName(p),
            p.rank,
            p.email,
            p.role,
            p.capacity,
            p.interests.join("; "),
          ];
        });
        if (block.last > block.first) {
          sheet.mergeCells(`A${block.first}:A${block.last}`);
          sheet.getCell(`A${block.first}`).alignment = { vertical: "middle" };
        }
      }
      widthColumns(sheet, [28, 24, 30, 32, 10, 10, 48], []);
      await saveWorkbook(workbook, path);
    },
  },
  {
    file: "rich-text-and-links.xlsx",
    exercises: "rich text (bold surnames, a rich-text header) and hyperlinks, mailto: and web",
    facts: [
      "One sheet, `Roster`, header in row 1: `Name`, `Rank`, `Division`, `Email`, `Role`, `Research Interests`, `Profile`. F1 is rich text (`Research ` + bold `Interests`); it reads as `Research Interests`.",
      "Rows 2–13: the 12 cast members. Every Name cell is rich text (first name, then the surname in bold) and reads as `First Last`.",
      "Email cells are `mailto:` hyperlinks showing the address, except: D4 (Hendrik van der Berg) is a `mailto:hendrik.vanderberg@example.org` link with no text → reads `hendrik.vanderberg@example.org`; D11 (Kwame Mensah) is a link with no text to `mailto:kwame.mensah@example.org?subject=Mentoring%20program` → reads `kwame.mensah@example.org`; D10 (Priya Natarajan) shows the link itself, `mailto:priya.natarajan@example.org` → reads `priya.natarajan@example.org`; D12 (Emily Chen) is plain text.",
      "F8 (Sofía Ramírez) is rich text (`inflammatory bowel disease` in italics, `; clinical trials`) and reads `inflammatory bowel disease; clinical trials`; other interests are plain, joined with `; `.",
      "Profile: G2–G5 (the 4 mentors) are web links with the text `Faculty profile` (→ `https://example.org/faculty/…`) and read `Faculty profile`; G6–G13 are empty.",
    ],
    write: async (path) => {
      const workbook = newWorkbook();
      const sheet = workbook.addWorksheet("Roster");
      headerRow(sheet, 1, [
        "Name",
        "Rank",
        "Division",
        "Email",
        "Role",
        "Research Interests",
        "Profile",
      ]);
      sheet.getCell("F1").value = {
        richText: [{ text: "Research " }, { text: "Interests", font: { bold: true } }],
      };
      const blankLinks = new Map<number, string>([
        [2, `mailto:${at(2).email}`],
        [9, `mailto:${at(9).email}?subject=Mentoring%20program`],
      ]);
      CAST.forEach((p, i) => {
        const mailto = blankLinks.get(i) ?? `mailto:${p.email}`;
        const emailCell: ExcelJS.CellValue =
          i === 10
            ? p.email
            : {
                text: i === 8 ? mailto : blankLinks.has(i) ? "(to be removed)" : p.email,
                hyperlink: mailto,
              };
        const interests: ExcelJS.CellValue =
          i === 6
            ? {
                richText: [
                  { text: p.interests[0]!, font: { italic: true } },
                  { text: `; ${p.interests.slice(1).join("; ")}` },
                ],
              }
            : p.interests.join("; ");
        sheet.getRow(2 + i).values = [
          { richText: [{ text: `${p.first} ` }, { text: p.last, font: { bold: true } }] },
          p.rank,
          p.division,
          emailCell,
          p.role,
          interests,
          p.role === "Mentee"
            ? null
            : {
                text: "Faculty profile",
                hyperlink: `https://example.org/faculty/${p.email.split("@")[0]!}`,
              },
        ];
      });
      widthColumns(sheet, [26, 30, 26, 34, 10, 48, 18], []);
      // ExcelJS cannot write a link without text: empty D4 and D11, keeping their links.
      await saveWorkbook(workbook, path, (files) =>
        editPart(files, "xl/worksheets/sheet1.xml", (xml) =>
          xml.replace(/<c r="(D4|D11)"([^>]*?) t="s"><v>\d+<\/v><\/c>/g, '<c r="$1"$2/>'),
        ),
      );
    },
  },
  {
    file: "formulas-and-dates.xlsx",
    exercises: "formula cells (cached results, errors, never calculated), shared formulas, dates",
    facts: [
      "One sheet, `Roster`, header in row 1: `First`, `Last`, `Rank`, `Division`, `Email`, `Role`, `Capacity`, `Start date`, `Review due`, `Years on faculty`. Rows 2–13: the 12 cast members in cast order.",
      'Email: E6, E7, E11, E12 (Rahman, Kim, Mensah, Chen) are formulas `LOWER(A&"."&B)&"@example.org"` whose cached results are the cast e-mails; the others are plain text.',
      "Capacity: G2 = 2 (number); G3 = formula `1+2`, cached 3; G4 = formula `MIN(1,2)`, cached 1; G5 (Lan Nguyễn) = `VLOOKUP(…)` whose cached result is `#N/A` → null; G6–G13 empty.",
      `Start date: H2–H13 are dates (read as UTC-midnight \`Date\`s): ${START_DATES.map((d, i) => (typeof d === "string" ? `H${i + 2} = text \`"${d}"\`` : d === null ? `H${i + 2} empty` : `H${i + 2} = ${d.toISOString().slice(0, 10)}`)).join(", ")}.`,
      "Review due: I2 = formula `H2+365` (master of a shared formula over I2:I13), I3–I13 share it; cached results are dates one year after the start date. I10 (start date empty) and I12 (start date text) have the cached error `#VALUE!` → null.",
      'Years on faculty: J2–J13 formulas `DATEDIF(H,DATE(2026,7,1),"Y")` with numeric cached results, except J7 = the error value `#N/A` (not a formula) → null and J9 = a formula never calculated (no cached result) → null; J10 and J12 cached `#VALUE!` → null.',
    ],
    write: async (path) => {
      const workbook = newWorkbook();
      const sheet = workbook.addWorksheet("Roster");
      headerRow(sheet, 1, [
        "First",
        "Last",
        "Rank",
        "Division",
        "Email",
        "Role",
        "Capacity",
        "Start date",
        "Review due",
        "Years on faculty",
      ]);
      const asOf = Date.UTC(2026, 6, 1);
      const capacity: Record<number, ExcelJS.CellValue> = {
        0: 2,
        1: { formula: "1+2", result: 3 },
        2: { formula: "MIN(1,2)", result: 1 },
        3: { formula: "VLOOKUP(B5,$L$2:$M$3,2,FALSE)", result: { error: "#N/A" } },
      };
      CAST.forEach((p, i) => {
        const row = 2 + i;
        const start = START_DATES[i];
        const due = start instanceof Date ? new Date(start.getTime() + 365 * 86_400_000) : null;
        const years =
          start instanceof Date
            ? Math.floor((asOf - start.getTime()) / (365.2425 * 86_400_000))
            : null;
        const error = { error: "#VALUE!" } as const;
        const formulaEmail = [4, 5, 9, 10].includes(i);
        sheet.getRow(row).values = [
          p.first,
          p.last,
          p.rank,
          p.division,
          formulaEmail
            ? { formula: `LOWER(A${row}&"."&B${row})&"@example.org"`, result: p.email }
            : p.email,
          p.role,
          capacity[i] ?? null,
          start ?? null,
          i === 0
            ? { formula: "H2+365", result: due ?? error }
            : { sharedFormula: "I2", result: due ?? error },
          i === 5
            ? { error: "#N/A" }
            : i === 7
              ? { formula: `DATEDIF(H${row},DATE(2026,7,1),"Y")` }
              : {
                  formula: `DATEDIF(H${row},DATE(2026,7,1),"Y")`,
                  result: years ?? error,
                },
        ];
        sheet.getCell(`H${row}`).numFmt = "mm/dd/yyyy";
        sheet.getCell(`I${row}`).numFmt = "mm/dd/yyyy";
      });
      widthColumns(sheet, [12, 16, 30, 26, 32, 10, 10, 12, 12, 16], []);
      await saveWorkbook(workbook, path);
    },
  },
  {
    file: "table-with-totals-and-filter.xlsx",
    exercises:
      'a roster kept as an Excel Table ("Format as Table") with a totals row, a structured-reference formula and a filter hiding a row',
    facts: [
      'One sheet, `Faculty`. A1 = "Mentoring program 2026–2027 (Format as Table)"; row 2 blank.',
      "Table `Mentoring2026` (`A3:H16`, style TableStyleMedium2, filter buttons on): header row 3 `Name`, `Rank`, `Division`, `Email`, `Role`, `Capacity`, `Interests`, `Display`; rows 4–15 the 12 cast members (roles plain, capacities as in the cast).",
      '`Display` (H4–H15) is the calculated column `[@Name]&" ("&[@Division]&")"`, a structured reference, with cached results.',
      "Row 16 is the table's totals row: A16 = `Total`, F16 = `SUBTOTAL(109,Mentoring2026[Capacity])` cached 8. The reader leaves its cells out and notes `table-totals-row`; the roster core reports it, so a total never becomes a person.",
      "Row 13 (Kwame Mensah) is hidden, as a filter on Division leaves it; the reader notes `hidden-row` and still reads it.",
    ],
    write: async (path) => {
      const workbook = newWorkbook();
      const sheet = workbook.addWorksheet("Faculty");
      sheet.getCell("A1").value = "Mentoring program 2026–2027 (Format as Table)";
      sheet.getCell("A1").font = { bold: true, size: 14 };
      const row = (p: Member): ExcelJS.CellValue[] => [
        fullName(p),
        p.rank,
        p.division,
        p.email,
        p.role,
        p.capacity,
        p.interests.join("; "),
        {
          formula: '[@Name]&" ("&[@Division]&")"',
          result: `${fullName(p)} (${p.division})`,
        },
      ];
      // ExcelJS writes a totals row's cached result but does not declare the option.
      const capacityColumn: ExcelJS.TableColumnProperties & { totalsRowResult: number } = {
        name: "Capacity",
        totalsRowFunction: "sum",
        totalsRowResult: 8,
        filterButton: true,
      };
      sheet.addTable({
        name: "Mentoring2026",
        ref: "A3",
        headerRow: true,
        totalsRow: true,
        style: { theme: "TableStyleMedium2", showRowStripes: true },
        columns: [
          { name: "Name", totalsRowLabel: "Total", filterButton: true },
          { name: "Rank", filterButton: true },
          { name: "Division", filterButton: true },
          { name: "Email", filterButton: true },
          { name: "Role", filterButton: true },
          capacityColumn,
          { name: "Interests", filterButton: true },
          { name: "Display", filterButton: true },
        ],
        rows: CAST.map(row),
      });
      sheet.getRow(13).hidden = true;
      widthColumns(sheet, [24, 30, 26, 32, 10, 10, 48, 40], []);
      await saveWorkbook(workbook, path);
    },
  },
  {
    file: "script-written-1904.xlsx",
    exercises:
      "a workbook written by a script, not by Excel: inline strings, rows and cells without references, formulas never calculated, the 1904 date system and Excel's `_xHHHH_` escapes",
    facts: [
      'One sheet, `Mentees`, written part by part (no ExcelJS): every string is an inline string (`t="inlineStr"`); rows and cells carry no `r` reference after row 1, so positions follow from order.',
      "`xl/workbook.xml` sets `date1904`: Start date serials count from 1904-01-01.",
      "Header in row 1: `First`, `Last`, `Rank`, `Division`, `Email`, `Start date`, `Interests`. Rows 2–9: the 8 mentees in cast order.",
      'Email: E2–E9 are formulas `LOWER(A&"."&B)&"@example.org"`; E2, E4, E5 and E7–E9 have cached results (the cast e-mails), E3 (Daniel Kim) and E6 (Priya Natarajan) were never calculated (no `<v>`): read as null with a `formula-without-value` note each.',
      "Start date F2–F9: serial 44742 in the 1904 system = 2026-07-01 (read as UTC-midnight `Date`).",
      "Interests as Excel escapes them: G2 `heart failure;_x000D_\\nhealth equity` (a CR LF typed in the cell) reads `heart failure;\\r\\nhealth equity`; G3 `quality improvement_x005F_x0031_` reads `quality improvement_x0031_` (an escaped underscore); C9 `Asst_x0007_ Professor` decodes to a BEL character, which the reader removes (`Asst Professor`) with a `control-characters` note.",
    ],
    write: (path) => writeBytes(path, zip(scriptWrittenWorkbook())),
  },
  {
    file: "mentor-yes-no-column.xlsx",
    exercises:
      'roles given by one "Mentor? (Y/N)" column, answered every way people answer, with no Role column',
    facts: [
      "One sheet, `Faculty`, header in row 1: `Name`, `Rank`, `Division`, `Email`, `Mentor? (Y/N)`, `Capacity`, `Interests`. Rows 2–13: the 12 cast members in cast order.",
      `\`Mentor? (Y/N)\` (E2–E13): ${MENTOR_YES_NO.map((v, i) => `E${i + 2} ${v === null ? "blank" : typeof v === "string" ? `\`"${v}"\`` : `\`${String(v).toUpperCase()}\` (boolean)`}`).join(", ")}.`,
      "Read as 4 mentors (rows 2–5; Lan Nguyễn, who is Both elsewhere, is a mentor here: one column cannot say both) and 8 mentees: on a roster of everyone, no (or a blank) to `Mentor?` means mentee.",
    ],
    write: async (path) => {
      const workbook = newWorkbook();
      sheetWith(
        workbook,
        "Faculty",
        ["Name", "Rank", "Division", "Email", "Mentor? (Y/N)", "Capacity", "Interests"],
        CAST.map((p, i) => [
          fullName(p),
          p.rank,
          p.division,
          p.email,
          MENTOR_YES_NO[i] ?? null,
          p.capacity,
          p.interests.join("; "),
        ]),
      );
      await saveWorkbook(workbook, path);
    },
  },
  {
    file: "willing-to-mentor-ticks.csv",
    exercises:
      'roles given by two tick columns, "Willing to mentor" and "Would like a mentor", with ✓/✗, x and TRUE/FALSE',
    facts: [
      "UTF-8, CRLF. Header: `Name`, `Email`, `Division`, `Rank`, `Willing to mentor`, `Would like a mentor`, `Capacity`. Rows 2–13: the 12 cast members in cast order.",
      `Ticks (mentor / mentee): ${CAST.map((p, i) => `${p.last} \`${TICKS[i]![0] || "blank"}\` / \`${TICKS[i]![1] || "blank"}\``).join("; ")}.`,
      "Read as 3 mentors, 1 both (Lan Nguyễn, ticked in both columns) and 8 mentees.",
    ],
    write: textFile(
      [
        [
          "Name",
          "Email",
          "Division",
          "Rank",
          "Willing to mentor",
          "Would like a mentor",
          "Capacity",
        ],
        ...CAST.map((p, i) => [
          fullName(p),
          p.email,
          p.division,
          p.rank,
          TICKS[i]![0],
          TICKS[i]![1],
          p.capacity,
        ]),
      ],
      { encoding: "utf-8", lineEnding: "\r\n" },
    ),
  },
  {
    file: "stray-nul-bytes.csv",
    exercises: "a CSV export with stray control bytes (NUL, a vertical tab) inside two cells",
    facts: [
      "UTF-8, CRLF, the standard header (`Name`, `Rank`, `Division`, `Email`, `Role`, `Capacity`, `Interests`) and the 12 cast members in rows 2–13.",
      "A7 (Daniel Kim) is `Daniel\\u0000 Kim` and D12 (Emily Chen's e-mail) ends in `\\u000B`: the file is still text; the reader removes the bytes (`Daniel Kim`, `emily.chen@example.org`) and notes `control-characters` for A7 and D12.",
    ],
    write: textFile(
      [
        STANDARD_HEADER,
        ...CAST.map((p, i) => {
          const row = standardRow(p, i);
          if (i === 5) row[0] = "Daniel\u0000 Kim";
          if (i === 10) row[3] = `${p.email}\u000B`;
          return row;
        }),
      ],
      { encoding: "utf-8", lineEnding: "\r\n" },
    ),
  },
  {
    file: "hidden-and-chart-sheets.xlsx",
    exercises: "a hidden lookup sheet (still read) and a chart sheet (skipped)",
    facts: [
      "Tabs in order: `Roster` (worksheet), `Participation` (chart sheet: a bar chart of participants per division), `Lists` (worksheet, hidden).",
      "The snapshot has two sheets, `Roster` then `Lists`; the chart sheet is left out.",
      "`Roster`: header `Name`, `Email`, `Role`, `Division` in row 1, the 12 cast members in rows 2–13 (roles plain).",
      "`Lists`: A1 `Roles`, A2–A4 `Mentor`, `Mentee`, `Both`; C1 `Division`, D1 `Participants`, C2–C8 the 7 divisions in alphabetical order with their counts in D2–D8 (2, 1, 2, 2, 2, 1, 2).",
    ],
    write: async (path) => {
      const workbook = newWorkbook();
      sheetWith(
        workbook,
        "Roster",
        ["Name", "Email", "Role", "Division"],
        CAST.map((p) => [fullName(p), p.email, p.role, p.division]),
      );
      const lists = workbook.addWorksheet("Lists", { state: "hidden" });
      const divisions = [...new Set(CAST.map((p) => p.division))].sort();
      lists.getColumn(1).values = ["Roles", "Mentor", "Mentee", "Both"];
      lists.getColumn(3).values = ["Division", ...divisions];
      lists.getColumn(4).values = [
        "Participants",
        ...divisions.map((d) => CAST.filter((p) => p.division === d).length),
      ];
      await saveWorkbook(workbook, path, (files) =>
        addChartSheet(files, {
          name: "Participation",
          before: "Lists",
          title: "Participants by division",
          categories: "Lists!$C$2:$C$8",
          values: "Lists!$D$2:$D$8",
        }),
      );
    },
  },
  {
    file: "utf16-unicode-text.txt",
    exercises: "Excel's “Unicode Text” export: UTF-16 LE with BOM, tab-delimited",
    facts: [
      "UTF-16 LE with BOM (FF FE), CRLF, tab-delimited; sheet name `utf16-unicode-text`.",
      "Header `Name`, `Rank`, `Division`, `Email`, `Role`, `Capacity`, `Interests`, then the 12 cast members (names `First Last`, roles as in `title-rows-and-footer.xlsx`): snapshot 13 rows, strings only.",
      "Non-Latin-1 text survives: A5 = `Lan Nguyễn`, A13 = `Siobhán Murphy`, A3 = `Luis García-López`.",
    ],
    write: textFile([STANDARD_HEADER, ...CAST.map(standardRow)], {
      delimiter: "\t",
      lineEnding: "\r\n",
      encoding: "utf-16le-bom",
    }),
  },
  {
    file: "cp1252-export.csv",
    exercises: "Excel's plain “CSV (Comma delimited)” on Windows: Windows-1252 bytes, not UTF-8",
    facts: [
      "Windows-1252 bytes (no BOM), CRLF, comma-delimited; sheet name `cp1252-export`. Not valid UTF-8 (e.g. `í` is the single byte ED), so the reader falls back to Windows-1252.",
      "Header `Name`, `Rank`, `Division`, `Email`, `Role`, `Capacity`, `Interests` and the 12 cast members: snapshot 13 rows, strings only.",
      "A8 = `Sofía Ramírez`, A3 = `Luis García-López`, A13 = `Siobhán Murphy`; A2 = `Margaret O’Connor` with a typographic apostrophe (byte 92 → U+2019).",
      "A5 = `Lan Nguy?n`: Excel replaced `ễ`, which Windows-1252 cannot hold, with `?` (the e-mail `lan.nguyen@example.org` is intact).",
    ],
    write: textFile(
      [
        STANDARD_HEADER,
        ...CAST.map((p, i) => {
          const row = standardRow(p, i);
          if (i === 0) row[0] = "Margaret O’Connor";
          if (i === 3) row[0] = "Lan Nguy?n";
          return row;
        }),
      ],
      { encoding: "windows-1252", lineEnding: "\r\n" },
    ),
  },
  // ----- files that cannot be rosters ------------------------------------------------------
  {
    file: "unreadable/not-a-spreadsheet.xlsx",
    exercises: "plain text saved under an .xlsx name",
    facts: ["Plain UTF-8 text (meeting notes), no zip signature. Reader: `not-a-spreadsheet`."],
    write: (path) =>
      writeBytes(
        path,
        "Mentoring committee notes, 12 March 2026\nAgenda: review roster, confirm pairs for the spring cohort.\n",
      ),
  },
  {
    file: "unreadable/empty.xlsx",
    exercises: "a zero-byte file (a failed download or sync)",
    facts: ["0 bytes. Reader: `empty`."],
    write: (path) => writeBytes(path, Buffer.alloc(0)),
  },
  {
    file: "unreadable/legacy.xls",
    exercises: "an Excel 97–2003 workbook",
    facts: [
      "The OLE compound-file signature `D0 CF 11 E0 A1 B1 1A E1` followed by 4,088 bytes of seeded junk (no valid directory). Reader: `legacy-xls`.",
    ],
    write: (path) => {
      const random = seededRandom(97);
      const junk = Buffer.from(Array.from({ length: 4088 }, () => random.int(0, 255)));
      writeBytes(path, Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), junk]));
    },
  },
  {
    file: "unreadable/legacy-renamed.xlsx",
    exercises: "an Excel 97–2003 workbook renamed to .xlsx",
    facts: [
      "A well-formed OLE compound file holding one stream, `Workbook` (BIFF8 BOF record, then padding), named .xlsx. Reader: `legacy-xls`.",
    ],
    write: (path) => {
      // BIFF8 BOF record: type 0x0809, length 16, version 0x0600, workbook globals 0x0005.
      const bof = Buffer.from("0908100000060500bb0dcc07000000000000000000000000", "hex");
      writeBytes(path, compoundFile([{ name: "Workbook", data: bof }]));
    },
  },
  {
    file: "unreadable/password-protected.xlsx",
    exercises: "an .xlsx saved with “Encrypt with Password”",
    facts: [
      "A well-formed OLE compound file with streams `EncryptionInfo` (agile encryption header) and `EncryptedPackage` (seeded random bytes), as Excel writes an encrypted workbook. Reader: `encrypted`.",
    ],
    write: (path) => {
      const random = seededRandom(2007);
      const info = Buffer.concat([
        Buffer.from("0400040040000000", "hex"),
        Buffer.from(
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></encryption>',
          "utf8",
        ),
      ]);
      const payload = Buffer.from(Array.from({ length: 8192 }, () => random.int(0, 255)));
      writeBytes(
        path,
        compoundFile([
          { name: "EncryptionInfo", data: info },
          { name: "EncryptedPackage", data: payload },
        ]),
      );
    },
  },
  {
    file: "unreadable/zip-without-workbook.xlsx",
    exercises: "a zip archive that is not a workbook (e.g. a folder of exports zipped and renamed)",
    facts: [
      "A valid zip holding `roster-notes.txt` and `photos/README.txt`, no `xl/workbook.xml`. Reader: `not-a-spreadsheet`.",
    ],
    write: (path) =>
      writeBytes(
        path,
        zip([
          { name: "roster-notes.txt", data: Buffer.from("Roster drafts for the 2026 cohort.\n") },
          { name: "photos/README.txt", data: Buffer.from("Headshots are on the shared drive.\n") },
        ]),
      ),
  },
  {
    file: "unreadable/unclosed-quote.csv",
    exercises: "a CSV whose quoted field never closes",
    facts: [
      'Header and 2 good records, then line 4 starts a quoted field (`"heart failure, clinical trials`) that never closes. Reader: `malformed-csv`, message naming line 4.',
    ],
    write: (path) =>
      writeBytes(
        path,
        [
          "Name,Role,Email,Interests",
          'Margaret O\'Connor,Mentor,margaret.oconnor@example.org,"heart failure, clinical trials"',
          "Daniel Kim,Mentee,daniel.kim@example.org,quality improvement",
          'Aisha Rahman,Mentee,aisha.rahman@example.org,"heart failure, clinical trials',
          "Emily Chen,Mentee,emily.chen@example.org,chronic kidney disease",
          "",
        ].join("\r\n"),
      ),
  },
  {
    file: "unreadable/no-header.xlsx",
    exercises: "a readable workbook that is not a roster: numbers only, no header",
    facts: [
      "One sheet, `Sheet1`, 20 rows × 6 columns of seeded random integers 0–999, no text anywhere. The reader reads it (20 rows); the roster core must report that no header was found.",
    ],
    write: async (path) => {
      const random = seededRandom(42);
      const workbook = newWorkbook();
      const sheet = workbook.addWorksheet("Sheet1");
      for (let r = 1; r <= 20; r++) {
        sheet.getRow(r).values = Array.from({ length: 6 }, () => random.int(0, 999));
      }
      await saveWorkbook(workbook, path);
    },
  },
  {
    file: "unreadable/empty-workbook.xlsx",
    exercises: "a valid workbook whose only sheet has no cells",
    facts: ["One empty sheet, `Sheet1`. Reader: `empty`."],
    write: async (path) => {
      const workbook = newWorkbook();
      workbook.addWorksheet("Sheet1");
      await saveWorkbook(workbook, path);
    },
  },
];

// ---------------------------------------------------------------------------------------------
// A workbook as small scripts (PHP, Python writers, report generators) write it.

function scriptWrittenWorkbook(): { name: string; data: Buffer }[] {
  const xmlText = (text: string): string =>
    text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const inline = (text: string): string =>
    `<c t="inlineStr"><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`;
  const interests = new Map<number, string>([
    [0, "heart failure;_x000D_\nhealth equity"],
    [1, "quality improvement_x005F_x0031_"],
  ]);
  const uncalculated = new Set([1, 4]);
  const rows = mentees.map((p, i) => {
    const r = i + 2;
    const formula = `<f>LOWER(A${r}&amp;"."&amp;B${r})&amp;"@example.org"</f>`;
    const email = uncalculated.has(i)
      ? `<c>${formula}</c>`
      : `<c t="str">${formula}<v>${p.email}</v></c>`;
    const rank = i === 7 ? "Asst_x0007_ Professor" : p.rank;
    return `<row>${inline(p.first)}${inline(p.last)}${inline(rank)}${inline(p.division)}${email}<c s="1"><v>44742</v></c>${inline(interests.get(i) ?? p.interests.join("; "))}</row>`;
  });
  const header = ["First", "Last", "Rank", "Division", "Email", "Start date", "Interests"];
  const sheet = `<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${header.map(inline).join("")}</row>${rows.join("")}</sheetData></worksheet>`;
  const part = (name: string, text: string) => ({ name, data: Buffer.from(text, "utf8") });
  const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  return [
    part(
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    ),
    part(
      "_rels/.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    part(
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="${rel}"><workbookPr date1904="1"/><sheets><sheet name="Mentees" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    part(
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
    ),
    part(
      "xl/styles.xml",
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${main}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    ),
    part("xl/worksheets/sheet1.xml", sheet),
  ];
}

// ---------------------------------------------------------------------------------------------

function readme(): string {
  const sections = fixtures.map((fixture) =>
    [
      `### \`${fixture.file}\``,
      "",
      `Exercises ${fixture.exercises}.`,
      "",
      ...fixture.facts.map((f) => `- ${f}`),
    ].join("\n"),
  );
  return `# Roster fixtures

Small, realistic, **fabricated** roster files, one per situation a real roster puts the reader
(\`cli/io\`) and the roster core in. Generated — do not edit by hand:

\`\`\`sh
npx tsx scripts/make-fixtures.ts
\`\`\`

The generator is deterministic (fixed seeds, fixed timestamps, fixed zip dates): re-running it
rewrites the same files. \`test/cli/read-workbook-examples.test.ts\` regenerates them into a
temporary folder and fails when a committed file is stale (workbooks are compared part by part,
uncompressed, since another zlib build may deflate the same XML differently).

Tests reach a file with
\`fileURLToPath(new URL("../fixtures/rosters/<name>", import.meta.url))\` from \`test/<dir>/\`, and
read it with \`readWorkbookFiles([path])\` from \`cli/io/read-workbook.ts\`.

Cell addresses are Excel's (1-based, \`A1\`); the snapshot is 0-based (\`rows[0][0]\` is \`A1\`).
The reader trims trailing empty rows and cells; empty cells and empty CSV fields read as
\`null\`; CSV and text values are always strings.

## The cast

Most fixtures hold the same twelve Department of Medicine faculty: 3 mentors, 1 "Both"
(mentor and mentee) and 8 mentees.

${CAST_TABLE}

Capacities total 8 (2 + 3 + 1 + 2). Interests overlap on purpose: heart failure (O'Connor,
Rahman), inflammatory bowel disease (García-López, Ramírez), ARDS (van der Berg, Dubois), HIV
and global health (Nguyễn, Mensah), clinical trials, health equity and medical education
(several).

## Fixtures

${sections.join("\n\n")}
`;
}

for (const fixture of fixtures) await fixture.write(join(OUT, fixture.file));
writeBytes(join(OUT, "README.md"), readme());
console.log(`wrote ${fixtures.length} fixtures and README.md to ${OUT}`);
