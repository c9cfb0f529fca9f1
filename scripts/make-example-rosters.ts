/**
 * Writes the example rosters in templates/examples/: realistic, entirely fabricated faculty
 * for the seed programs, with the untidiness of real coordinator spreadsheets. Deterministic:
 * a seeded generator and fixed timestamps, so re-running changes no bytes.
 *
 *   npx tsx scripts/make-example-rosters.ts
 */
import { join } from "node:path";
import { delimitedText, encodeText, newWorkbook, saveWorkbook, writeBytes } from "./lib/files.js";
import {
  fullName,
  lastFirst,
  makePeople,
  rankSpelling,
  uniqueName,
  type Person,
  type Role,
} from "./lib/people.js";
import { seededRandom, type Random } from "./lib/prng.js";
import {
  AREA_FOR_TRACK,
  AREAS_OF_EXCELLENCE,
  DEPARTMENTS,
  email,
  MEDICINE_DIVISIONS,
  RADIOLOGY_SECTIONS,
  RADIOLOGY_SHARED_TOPICS,
  SHARED_TOPICS,
} from "./lib/roster-data.js";
import { headerRow, titleRow, widthColumns } from "./lib/sheet-style.js";

/** Where to write; a test passes a temporary folder to check the committed files are current. */
const OUT = process.argv[2] ?? join(import.meta.dirname, "..", "templates", "examples");

const ROLE_SPELLINGS: Readonly<Record<Role, readonly string[]>> = {
  Mentor: ["Mentor", "Mentor", "mentor", " Mentor", "MENTOR", "Mentor "],
  Mentee: ["Mentee", "Mentee", "mentee", "Mentee ", " mentee", "MENTEE"],
  Both: ["Both", "both", " Both "],
};

const TOPIC_SEPARATORS = ["; ", "; ", ", ", " / ", "\n"] as const;

function joinTopics(random: Random, topics: readonly string[]): string {
  return topics.join(random.pick(TOPIC_SEPARATORS));
}

/** A mentor a mentee might ask for: same unit when there is one. */
function likelyMentor(random: Random, mentee: Person, mentors: readonly Person[]): Person {
  const sameUnit = mentors.filter((mentor) => mentor.unit === mentee.unit);
  return random.pick(sameUnit.length > 0 ? sameUnit : mentors);
}

/** How people write a mentor's name in a "Preferred mentor" cell. */
function mentorReference(random: Random, mentor: Person): string {
  const style = random.int(1, 6);
  if (style <= 3) return fullName(mentor);
  if (style === 4) return `Dr. ${mentor.last}`;
  if (style === 5) return mentor.email;
  return mentor.email.replace(/^./, (c) => c.toUpperCase());
}

/** "priya.natarajan@example.org" → "Priya.Natarajan@Example.org", as someone retyped it. */
function mixedCaseEmail(address: string): string {
  const capitalize = (part: string): string => part.charAt(0).toUpperCase() + part.slice(1);
  const [local, domain] = address.split("@") as [string, string];
  return `${local.split(".").map(capitalize).join(".")}@${capitalize(domain)}`;
}

// ---------------------------------------------------------------------------------------------
// 1. Department of Medicine: one sheet, title/note rows, footer, every kind of inconsistency.

async function medicineRoster(): Promise<string[]> {
  const random = seededRandom(2026_07_01);
  const people = makePeople(random, {
    mentors: 18,
    both: 4,
    mentees: 38,
    units: MEDICINE_DIVISIONS,
    sharedTopics: SHARED_TOPICS,
    domain: "example.org",
    featuredLastNames: ["O'Connor", "García-López", "van der Berg", "Nguyễn"],
  });
  const mentors = people.filter((person) => person.role !== "Mentee");

  // A division's chief is its most senior mentor on the roster, or someone not on it.
  const chiefs = new Map(
    MEDICINE_DIVISIONS.map((division) => {
      const onRoster = mentors.find((m) => m.unit === division && m.rank === "Professor");
      const used = new Set(people.map((person) => person.last));
      const [first, last] = onRoster ? [onRoster.first, onRoster.last] : uniqueName(random, used);
      return [division, `${first} ${last}`] as const;
    }),
  );

  const sorted = [...people].sort(
    (a, b) => a.unit.name.localeCompare(b.unit.name) || a.last.localeCompare(b.last, "en"),
  );
  const capacityInWords = sorted.find(
    (person) => person.role === "Mentor" && person.capacity === 2,
  );
  const duplicated = sorted.filter((person) => person.role === "Mentee")[7]!;

  const rowFor = (person: Person, emailAs = person.email): (string | number | null)[] => [
    lastFirst(person),
    rankSpelling(random, person.rank, "Medicine"),
    person.unit.name,
    emailAs,
    random.pick(ROLE_SPELLINGS[person.role]),
    person === capacityInWords ? "two" : person.capacity,
    joinTopics(random, person.topics),
    person.track,
    random.chance(0.85) ? AREA_FOR_TRACK[person.track] : random.pick(AREAS_OF_EXCELLENCE),
    chiefs.get(person.unit)!,
    person.role === "Mentee" && random.chance(0.4)
      ? mentorReference(random, likelyMentor(random, person, mentors))
      : null,
  ];

  const header = [
    "Name (Last, First)",
    "Academic Rank",
    "Division",
    "Email Address",
    "Participating as",
    "Max # mentees",
    "Research / Clinical Interests",
    "Track",
    "Area of excellence",
    "Division Chief",
    "Preferred mentor",
  ];
  // Two blank rows left where people were deleted, and one person entered a second time.
  const listed: (Person | null)[] = [...sorted];
  listed.splice(41, 0, null);
  listed.splice(20, 0, null);
  const body = listed.map((person) => person && rowFor(person));
  const retyped = mixedCaseEmail(duplicated.email);
  body.push(rowFor(duplicated, retyped));
  const sheetRow = (person: Person | null | undefined): number =>
    5 + listed.indexOf(person ?? null);

  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet("Roster", { views: [{ state: "frozen", ySplit: 4 }] });
  titleRow(sheet, 1, "Department of Medicine — Faculty Mentoring Program 2026–2027", header.length);
  sheet.getCell("A2").value =
    "Updated by the Faculty Affairs office; questions to mentoring@example.org (Faculty Affairs, ext. 4-5100)";
  sheet.getCell("A2").font = { italic: true };
  headerRow(sheet, 4, header);
  body.forEach((values, i) => {
    if (values !== null) sheet.getRow(5 + i).values = values;
  });
  sheet.getCell(`A${5 + body.length + 1}`).value = `Total participants: ${people.length}`;
  sheet.getCell(`A${5 + body.length + 1}`).font = { bold: true };
  widthColumns(sheet, [26, 30, 26, 34, 16, 13, 48, 18, 36, 24, 30], [7]);
  await saveWorkbook(workbook, join(OUT, "medicine-roster.xlsx"));

  const count = (role: Role): number => people.filter((person) => person.role === role).length;
  const blankRows = listed.flatMap((person, i) => (person === null ? [5 + i] : []));
  const lastRow = 4 + body.length;
  return [
    "One sheet, `Roster`. Row 1: the title, merged `A1:K1`; row 2: a note from Faculty Affairs; row 3 blank; row 4 the header (`Name (Last, First)`, `Academic Rank`, `Division`, `Email Address`, `Participating as`, `Max # mentees`, `Research / Clinical Interests`, `Track`, `Area of excellence`, `Division Chief`, `Preferred mentor`).",
    `${people.length} people in rows 5–${lastRow}, sorted by division and surname: ${count("Mentor")} mentors, ${count("Both")} "Both", ${count("Mentee")} mentees. Rows ${blankRows.join(" and ")} are blank.`,
    `Row ${lastRow} repeats ${fullName(duplicated)} (row ${sheetRow(duplicated)}) with the e-mail typed \`${retyped}\`, so the sheet has ${people.length + 1} person rows for ${people.length} people.`,
    `Row ${lastRow + 2} is the footer \`Total participants: ${people.length}\` (row ${lastRow + 1} blank).`,
    `${fullName(capacityInWords!)} (row ${sheetRow(capacityInWords)}) has \`Max # mentees\` = \`"two"\`; other capacities are numbers 1–3 for mentors, 1–2 for "Both", empty for mentees.`,
    "Roles are typed with mixed case and stray spaces; ranks are spelled many ways (`Asst. Prof.`, `Assoc Prof`, `Full Professor`, `Instructor in Medicine`, …); interests are separated by `; `, `, `, ` / ` or line breaks.",
    `Division chiefs: ${[...chiefs].map(([division, chief]) => `${division.name} — ${chief}${people.some((p) => fullName(p) === chief) ? " (on the roster)" : ""}`).join("; ")}.`,
  ];
}

// ---------------------------------------------------------------------------------------------
// 2. Radiology: mentors and mentees on separate sheets with different headers, plus exclusions.

async function radiologyRoster(): Promise<string[]> {
  const random = seededRandom(2026_07_02);
  const people = makePeople(random, {
    mentors: 25,
    mentees: 40,
    units: RADIOLOGY_SECTIONS,
    sharedTopics: RADIOLOGY_SHARED_TOPICS,
    domain: "example.org",
  });
  const mentors = people.filter((person) => person.role === "Mentor");
  const mentees = people.filter((person) => person.role === "Mentee");
  const workbook = newWorkbook();

  const mentorSheet = workbook.addWorksheet("Mentors");
  headerRow(mentorSheet, 1, [
    "Last Name",
    "First Name",
    "Title",
    "Section",
    "E-mail",
    "Mentor capacity",
    "Topics",
  ]);
  mentors.forEach((mentor, i) => {
    mentorSheet.getRow(2 + i).values = [
      mentor.last,
      mentor.first,
      rankSpelling(random, mentor.rank, "Radiology"),
      mentor.unit.name,
      mentor.email,
      mentor.capacity,
      mentor.topics.join(random.pick(["; ", ", "])),
    ];
  });
  widthColumns(mentorSheet, [18, 16, 34, 26, 34, 16, 60], [7]);

  const menteeSheet = workbook.addWorksheet("Mentees");
  headerRow(menteeSheet, 1, ["Faculty", "Rank", "Div.", "Email", "keywords", "Requested mentor"]);
  mentees.forEach((mentee, i) => {
    const style = random.int(1, 8);
    const faculty =
      style === 1 ? lastFirst(mentee) : style === 2 ? `${fullName(mentee)}, MD` : fullName(mentee);
    menteeSheet.getRow(2 + i).values = [
      faculty,
      rankSpelling(random, mentee.rank, "Radiology"),
      mentee.unit.short,
      mentee.email,
      mentee.topics.map((topic) => topic.toLowerCase()).join(", "),
      random.chance(0.4) ? mentorReference(random, likelyMentor(random, mentee, mentors)) : null,
    ];
  });
  widthColumns(menteeSheet, [28, 30, 10, 34, 60, 30], [5]);

  const exclusions = workbook.addWorksheet("Do not pair");
  headerRow(exclusions, 1, ["Person 1", "Person 2", "Reason"]);
  const [m1, m2, m3, m4] = random.sample(mentors, 4) as [Person, Person, Person, Person];
  const [e1, e2, e3, e4] = random.sample(mentees, 4) as [Person, Person, Person, Person];
  const rows: [string, string, string][] = [
    [m1.email, e1.email, "Same research lab (direct supervisor)"],
    [fullName(m2), fullName(e2), "Spouses / domestic partners"],
    [m3.email, fullName(e3), "Paired in 2024–2025; mentee asked for someone new"],
    [`Dr. ${m4.last}`, e4.email, "Section chief of the mentee"],
  ];
  rows.forEach((values, i) => (exclusions.getRow(2 + i).values = values));
  widthColumns(exclusions, [34, 34, 50], []);

  await saveWorkbook(workbook, join(OUT, "radiology-roster.xlsx"));

  return [
    `\`Mentors\` (header in row 1): ${mentors.length} mentors with \`Last Name\`, \`First Name\`, \`Title\`, \`Section\`, \`E-mail\`, \`Mentor capacity\` (1–3), \`Topics\`.`,
    `\`Mentees\` (header in row 1): ${mentees.length} mentees with \`Faculty\` (\`First Last\`, sometimes \`Last, First\` or with \`, MD\`), \`Rank\`, \`Div.\` (abbreviated: ${RADIOLOGY_SECTIONS.map((section) => `${section.short} = ${section.name}`).join(", ")}), \`Email\`, \`keywords\` (lower case), \`Requested mentor\` (a name, \`Dr. Surname\` or an e-mail; often empty).`,
    `\`Do not pair\`: ${rows.length} pairs, written with e-mails, names or \`Dr. Surname\`: ${rows.map(([a, b]) => `${a} / ${b}`).join("; ")}.`,
  ];
}

// ---------------------------------------------------------------------------------------------
// 3. A school-wide two-mentor program exported as CSV (UTF-8 with BOM, CRLF).

function twoMentorProgram(): string[] {
  const random = seededRandom(2026_07_03);
  const people = makePeople(random, {
    mentors: 20,
    mentees: 20,
    units: DEPARTMENTS,
    sharedTopics: SHARED_TOPICS,
    domain: "example.edu",
    maxCapacity: 2,
  });
  const chairs = new Map(
    DEPARTMENTS.map((department, i) => {
      // Two chairs are on the roster as mentors; the others are not participants.
      const onRoster = people.find((p) => p.unit === department && p.rank === "Professor");
      if (onRoster && i < 2) return [department, onRoster.email] as const;
      const [first, last] = uniqueName(random, new Set(people.map((person) => person.last)));
      return [department, email(first, last, "example.edu")] as const;
    }),
  );

  const rows: (string | number | null)[][] = [
    ["Full Name", "Role", "Rank", "Department", "Email", "Track", "Interests", "Capacity", "Chair"],
  ];
  for (const person of random.shuffle(people)) {
    const degrees = random.pick(["", "", ", MD", ", MD, PhD", ", PhD", ", MD, MPH"]);
    rows.push([
      fullName(person) + degrees,
      person.role,
      rankSpelling(random, person.rank, person.unit.name),
      person.unit.name,
      person.email,
      person.track.toLowerCase().replace("clinician-educator", "clinical"),
      person.topics.join(random.chance(0.15) ? ",\n" : ", "),
      person.capacity,
      chairs.get(person.unit)!,
    ]);
  }
  writeBytes(join(OUT, "two-mentor-program.csv"), encodeText(delimitedText(rows), "utf-8-bom"));

  const chairsOnRoster = [...chairs.values()].filter((chair) =>
    people.some((p) => p.email === chair),
  );
  return [
    "UTF-8 with BOM, CRLF; header `Full Name`, `Role`, `Rank`, `Department`, `Email`, `Track`, `Interests`, `Capacity`, `Chair` (the chair's e-mail).",
    `${people.length} people in random order: ${people.filter((p) => p.role === "Mentor").length} mentors (capacity 1–2) and ${people.filter((p) => p.role === "Mentee").length} mentees across ${DEPARTMENTS.map((d) => d.name).join(", ")}. Each mentee is meant to get two mentors.`,
    `Some names carry degrees (\`, MD\`, \`, MD, PhD\`, …), so they are quoted; interests are comma-separated (quoted), some with line breaks; tracks are \`clinical\`, \`research\` or \`basic science\`.`,
    `Chairs on the roster as mentors: ${chairsOnRoster.join(", ")}.`,
  ];
}

const sections: [string, string, string[]][] = [
  ["medicine-roster.xlsx", "Department of Medicine, one sheet", await medicineRoster()],
  [
    "radiology-roster.xlsx",
    "Radiology, mentors and mentees on separate sheets",
    await radiologyRoster(),
  ],
  [
    "two-mentor-program.csv",
    "a school-wide two-mentor program exported as CSV",
    twoMentorProgram(),
  ],
];
writeBytes(
  join(OUT, "README.md"),
  `# Example rosters

Realistic but **entirely fabricated** rosters (names invented, e-mails at example.org /
example.edu) with the untidiness of real coordinator spreadsheets. Try one with
\`mentor-match check templates/examples/medicine-roster.xlsx\`. Generated — do not edit by hand:

\`\`\`sh
npx tsx scripts/make-example-rosters.ts
\`\`\`

${sections
  .map(([file, what, facts]) =>
    [
      `## \`${file}\``,
      "",
      `${what[0]!.toUpperCase()}${what.slice(1)}.`,
      "",
      ...facts.map((f) => `- ${f}`),
    ].join("\n"),
  )
  .join("\n\n")}
`,
);
console.log(`wrote ${sections.map(([file]) => file).join(", ")} and README.md to ${OUT}`);
