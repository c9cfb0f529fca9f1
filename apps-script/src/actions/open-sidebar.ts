/** Menu “Settings and column mapping”: the sidebar (sidebar.html, its script inlined). */
export function openSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile("sidebar").setTitle("Mentor Match");
  SpreadsheetApp.getUi().showSidebar(html);
}
