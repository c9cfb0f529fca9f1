/** The Mentoring menu. Item handlers are the global functions declared in main.ts. */
export function addMentoringMenu(): void {
  SpreadsheetApp.getUi()
    .createMenu("Mentoring")
    .addItem("Match mentors", "menuMatchMentors")
    .addItem("Create action-plan tabs", "menuCreateActionPlans")
    .addItem("Merge conference forms", "menuMergeConferenceForms")
    .addSeparator()
    .addItem("Settings and column mapping", "menuOpenSidebar")
    .addItem("Help", "menuHelp")
    .addToUi();
}
