/**
 * A plain one-sheet roster of any size, for tests about scale and limits: `mentors` professors
 * with room for `capacity` mentees each, then `mentees` instructors, all in one division.
 */
import type { CellValue, WorkbookSnapshot } from "../../shared/index.js";

export function generatedDepartment(
  mentees: number,
  mentors: number,
  { capacity = 2, division = "Medicine" }: { capacity?: number; division?: string } = {},
): WorkbookSnapshot {
  const rows: CellValue[][] = [["Name", "Email", "Role", "Rank", "Division", "Max mentees"]];
  for (let i = 0; i < mentors; i++)
    rows.push([
      `Mentor${i} Senior`,
      `mentor${i}@example.org`,
      "Mentor",
      "Professor",
      division,
      capacity,
    ]);
  for (let i = 0; i < mentees; i++)
    rows.push([
      `Mentee${i} Junior`,
      `mentee${i}@example.org`,
      "Mentee",
      "Instructor",
      division,
      null,
    ]);
  return { sheets: [{ name: "Roster", rows }] };
}
