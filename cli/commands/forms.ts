/** `mentor-match forms <workbook>`: the career conference forms, one .docx per chair. */
import { matchedWorkbookCommand } from "../matched-workbook-command.js";

export const formsCommand = matchedWorkbookCommand({
  name: "forms",
  summary: "merge the career conference forms into one .docx per chair",
  description: `Merges the Annual Career Planning Conference forms (faculty form Part I and chair form
Part II) for each faculty member, one document per chair with a section per faculty member,
into <folder>/forms/. The Forms sheet logs what was generated: a re-run adds the faculty not
yet there and never duplicates a row. Locked and Rejected marks in the Pairs sheet are honoured
(the community of mentors on the forms comes from the pairs).`,
  plans: false,
  forms: true,
});
