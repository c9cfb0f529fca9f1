import { z } from "zod";

/**
 * A problem the user can fix, tied to a cell. The core decides the code and the plain-words
 * message; hosts decide where it shows (Issues sheet, task pane, stderr).
 */
export const issueSchema = z.object({
  code: z.string(),
  severity: z.enum(["error", "warning"]),
  /** `Sheet!C14`, or `Sheet` alone when the issue is about a whole sheet, or "" for the file. */
  cell: z.string(),
  message: z.string(),
});
export type Issue = z.infer<typeof issueSchema>;

export function issue(
  code: string,
  severity: Issue["severity"],
  cell: string,
  message: string,
): Issue {
  return { code, severity, cell, message };
}
