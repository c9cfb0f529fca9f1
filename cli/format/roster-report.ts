/** The check command's human report and its JSON shape. */
import type { Issue, Roster } from "../../shared/index.js";
import { fieldLabels } from "../../shared/index.js";

export function rosterJson(roster: Roster) {
  return {
    mapping: roster.mapping,
    people: roster.people,
    doNotPair: roster.doNotPair,
    issues: roster.issues,
    rows: roster.rows,
  };
}

export function formatRosterReport(roster: Roster, files: readonly string[]): string {
  const lines: string[] = [`Roster: ${files.join(", ")}`, ""];
  for (const sheet of roster.mapping.sheets) {
    if (sheet.kind === "generated") {
      lines.push(`${sheet.sheet}: written by Mentor Match, not read as roster`);
      continue;
    }
    if (sheet.headerRow === null) {
      lines.push(
        `${sheet.sheet}: ${sheet.kind === "ignored" ? "ignored" : "no header found, not read"}`,
      );
      continue;
    }
    const kind = {
      people: "people",
      mentors: "mentors",
      mentees: "mentees",
      doNotPair: "pairs not to match",
      ignored: "ignored",
    }[sheet.kind];
    lines.push(`${sheet.sheet} (${kind}), header on row ${sheet.headerRow}:`);
    const width = Math.max(...sheet.columns.map((column) => column.header.length), 6);
    for (const column of sheet.columns) {
      const target = column.field === null ? "(not used)" : fieldLabels[column.field];
      lines.push(
        `  ${column.column.padEnd(3)} ${column.header.replace(/\s+/g, " ").padEnd(width)}  → ${target}${column.by === "user" ? "  (your mapping)" : ""}`,
      );
    }
    lines.push("");
  }
  const count = (role: string) => roster.people.filter((person) => person.role === role).length;
  lines.push(
    `People: ${roster.people.length} (${count("mentor")} mentors, ${count("mentee")} mentees, ${count("both")} both)`,
  );
  const { read, people, duplicates, skipped } = roster.rows;
  lines.push(
    `Rows: ${read} read = ${people} people + ${duplicates} duplicate${duplicates === 1 ? "" : "s"} merged + ${skipped} skipped`,
  );
  if (roster.doNotPair.length > 0)
    lines.push(
      `Do not pair: ${roster.doNotPair.length} pair${roster.doNotPair.length === 1 ? "" : "s"}`,
    );
  for (const severity of ["error", "warning"] as const) {
    const issues = roster.issues.filter((item) => item.severity === severity);
    if (issues.length === 0) continue;
    lines.push("", `${severity === "error" ? "Errors" : "Warnings"} (${issues.length}):`);
    lines.push(...issues.map(formatIssue));
  }
  if (roster.issues.length === 0) lines.push("", "No issues.");
  return lines.join("\n") + "\n";
}

export function formatIssue(item: Issue): string {
  return `  ${(item.cell || "-").padEnd(16)} ${item.message}  [${item.code}]`;
}
