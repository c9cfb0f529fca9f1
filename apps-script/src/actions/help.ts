/** Menu “Help”: what each item does, in a few lines. */
const helpText = [
  "Match mentors: reads the roster sheets and writes Pairs (with the reasons for every pair), Issues and Program sheets. Your roster sheets are never changed.",
  "To adjust: mark pairs Locked or Rejected in the Pairs sheet's Status column, edit the Program sheet, then match again.",
  "Create action-plan tabs: one tab per pair with the program calendar. Re-running never overwrites what pairs typed.",
  "Merge conference forms: one Google Doc per chair in a “Mentor Match” folder in your Drive, shared with the chair; the Forms sheet lists each document. Re-running adds only what is missing.",
  "Settings and column mapping: the sidebar shows how columns were read (and lets you correct it), the issues found, the preset and the progress of long runs.",
  "Long runs continue by themselves every minute until done; only one run at a time.",
].join("\n\n");

export function showHelp(): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert("Mentor Match", helpText, ui.ButtonSet.OK);
}
