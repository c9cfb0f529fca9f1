import type { CellValue } from "../../workbook/snapshot.js";
import { cellText, foldKey } from "../text.js";

/**
 * A yes/no cell ("Mentor? (Y/N)", "Willing to mentor"): Y/N, Yes/No, TRUE/FALSE (typed or a
 * check box's value), 1/0, ✓/✗, and the "x" people put in a column they tick. A blank cell in a
 * ticked column means no.
 */
export type YesNo = { kind: "yes" } | { kind: "no" } | { kind: "unknown"; written: string };

const yesWords = new Set([
  "y",
  "yes",
  "true",
  "x",
  "1",
  "si",
  "oui",
  "ja",
  "willing",
  "yes please",
]);
const noWords = new Set(["n", "no", "false", "0", "not", "none", "na", "n a", "no thanks"]);
const yesMarks = /^[✓✔☑✅☒]$/u;
const noMarks = /^[✗✘☐❌\-–—]$/u;

export function readYesNo(value: CellValue): YesNo {
  if (value === null) return { kind: "no" };
  if (typeof value === "boolean") return { kind: value ? "yes" : "no" };
  if (typeof value === "number") {
    if (value === 1) return { kind: "yes" };
    if (value === 0) return { kind: "no" };
  }
  const written = cellText(value);
  if (written === "") return { kind: "no" };
  if (yesMarks.test(written)) return { kind: "yes" };
  if (noMarks.test(written)) return { kind: "no" };
  const key = foldKey(written);
  if (yesWords.has(key)) return { kind: "yes" };
  if (noWords.has(key)) return { kind: "no" };
  return { kind: "unknown", written };
}
