/**
 * A department roster of `pairs` mentees and as many mentors, as a coordinator keeps it: a
 * title row, the header, one person per row. Browser-safe (the end-to-end test seeds the fake
 * workbook with it).
 */
export const hostileName = '=HYPERLINK("http://evil.example/steal")';

const divisions = ["Cardiology", "Nephrology", "Oncology", "Gastroenterology", "Pulmonary"];
const topics = ["heart failure", "clinical trials", "medical education", "genomics", "imaging"];
const surnames = ["Lee", "Rao", "Okafor", "Nguyen", "Schmidt", "Costa", "Haddad", "Kim", "Moreau"];

export function rosterRows(pairs: number): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [
    ["Department of Medicine — Faculty Mentoring 2026", null, null, null, null, null, null, null],
    ["Name", "Email", "Rank", "Division", "Role", "Interests", "Chair", "Capacity"],
  ];
  const chair = (i: number) => `Chair ${surnames[i % surnames.length]}`;
  for (let i = 0; i < pairs; i++) {
    rows.push([
      `Mentor${i} ${surnames[i % surnames.length]}`,
      `mentor${i}@example.org`,
      "Professor",
      divisions[i % divisions.length]!,
      "Mentor",
      `${topics[i % topics.length]}; ${topics[(i + 1) % topics.length]}`,
      chair(i),
      1,
    ]);
  }
  for (let i = 0; i < pairs; i++) {
    rows.push([
      i === 0 ? hostileName : `Mentee${i} ${surnames[(i + 3) % surnames.length]}`,
      `mentee${i}@example.org`,
      "Assistant Professor",
      divisions[(i + 2) % divisions.length]!,
      "Mentee",
      topics[i % topics.length]!,
      chair(i),
      null,
    ]);
  }
  return rows;
}
