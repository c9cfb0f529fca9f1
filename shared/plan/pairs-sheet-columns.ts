/**
 * The Pairs sheet's columns, shared by the writer (plan/) and the override reader (match/).
 * The reader finds columns by header text, so a coordinator may reorder or add columns.
 */
export const pairsSheetName = "Pairs";

export const pairsColumns = [
  "Status",
  "Mentee",
  "Mentee e-mail",
  "Mentee division",
  "Mentor",
  "Mentor e-mail",
  "Mentor division",
  "Role",
  "Score",
  "Why",
  "Action plan",
  "Pair ID",
] as const;
export type PairsColumn = (typeof pairsColumns)[number];

export const pairStatuses = ["Proposed", "Locked", "Rejected", "Unmatched"] as const;
export type PairStatus = (typeof pairStatuses)[number];
