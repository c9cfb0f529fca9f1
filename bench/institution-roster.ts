/**
 * A seeded institution roster as a coordinator's office would keep it: one sheet, a title row
 * above the header, departments with their divisions, chairs (who mentor too) named by
 * e-mail, ranks and interests spelled as people type them. Written as a real .xlsx (ExcelJS)
 * and as the rows a Google spreadsheet would hold.
 */
import ExcelJS from "exceljs";
import { mulberry32 } from "./generators.js";

const departments = [
  "Medicine",
  "Surgery",
  "Pediatrics",
  "Radiology",
  "Psychiatry",
  "Neurology",
  "Anesthesia",
  "Obstetrics and Gynecology",
  "Orthopaedics",
  "Dermatology",
  "Ophthalmology",
  "Urology",
  "Emergency Medicine",
  "Pathology",
  "Radiation Oncology",
  "Otolaryngology",
  "Neurosurgery",
  "Physical Medicine",
  "Family Medicine",
  "Genetics",
  "Global Health",
  "Cell Biology",
  "Microbiology",
  "Immunology",
  "Biomedical Informatics",
  "Health Care Policy",
  "Neurobiology",
  "Systems Biology",
  "Biological Chemistry",
  "Stem Cell Biology",
  "Population Medicine",
  "Social Medicine",
  "Molecular Pharmacology",
  "Cardiac Surgery",
  "Plastic Surgery",
  "Transplant Surgery",
  "Oral Medicine",
  "Nutrition",
  "Epidemiology",
  "Biostatistics",
] as const;

const topics = [
  "heart failure",
  "clinical trials",
  "medical education",
  "health equity",
  "imaging",
  "genomics",
  "quality improvement",
  "global health",
  "machine learning",
  "palliative care",
  "health policy",
  "immunotherapy",
  "sleep medicine",
  "addiction",
  "patient safety",
  "health services research",
  "stroke",
  "epidemiology",
  "telehealth",
  "women's health",
  "transplantation",
  "infectious disease",
  "cancer biology",
  "neonatology",
  "pain management",
  "outcomes research",
  "simulation",
  "bioethics",
  "diabetes",
  "community health",
];

const menteeRanks = ["Instructor", "Instructor in Medicine", "Asst. Prof.", "Assistant Professor"];
const mentorRanks = ["Associate Professor", "Assoc. Prof.", "Professor", "Professor of Medicine"];
const header = [
  "Name",
  "Email",
  "Role",
  "Rank",
  "Department",
  "Division",
  "Interests",
  "Track",
  "Max mentees",
  "Chair",
];

export interface InstitutionRoster {
  title: string;
  /** Title row, blank row, header, then one row per person. */
  rows: (string | number | null)[][];
  mentees: number;
  mentors: number;
  departments: number;
}

export function institutionRoster(mentees: number, mentors: number, seed = 11): InstitutionRoster {
  const rand = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const rows: (string | number | null)[][] = [
    ["Faculty Mentoring Program — institution roster 2026–2027"],
    [],
    header,
  ];
  const chairOf = departments.map((_, d) => `chair${d}@hospital.example.org`);
  const person = (role: "Mentee" | "Mentor", i: number, d: number, chair?: boolean) => {
    const department = departments[d]!;
    const first = pick(["Ana", "Ben", "Chen", "Dara", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jia"]);
    const last = `${pick(["Ortiz", "Cole", "Wu", "Kim", "Roth", "Lund", "Shah", "Okafor"])}${i}`;
    const interests = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(topics));
    return [
      chair === true ? `${last}, ${first}` : `${first} ${last}`,
      chair === true ? chairOf[d]! : `${role.toLowerCase()}${i}@hospital.example.org`,
      role,
      chair === true ? "Professor" : pick(role === "Mentee" ? menteeRanks : mentorRanks),
      department,
      `${department} – Division ${1 + Math.floor(rand() * 6)}`,
      [...new Set(interests)].join("; "),
      pick(["Clinical", "Research", "Clinician-educator", "Basic science"]),
      role === "Mentor" ? 1 + Math.floor(rand() * 3) : null,
      chairOf[d]!,
    ];
  };
  // Chairs first among the mentors, one per department.
  for (let d = 0; d < departments.length && d < mentors; d++)
    rows.push(person("Mentor", d, d, true));
  for (let i = departments.length; i < mentors; i++)
    rows.push(person("Mentor", i, Math.floor(rand() * departments.length)));
  for (let i = 0; i < mentees; i++)
    rows.push(person("Mentee", i, Math.floor(rand() * departments.length)));
  return {
    title: "Institution roster",
    rows,
    mentees,
    mentors,
    departments: departments.length,
  };
}

export async function writeRosterXlsx(roster: InstitutionRoster, path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Roster");
  for (const row of roster.rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(path);
}
