/**
 * Google's size limits the two Google hosts (Apps Script and the CLI's Google mode) plan by.
 * A Google Doc holds at most 1,020,000 characters; the forms are split below that with room
 * for the tables' and lists' own structure, which the core's count leaves out (on the default
 * forms a Doc holds about 1.15 characters per counted one; 700,000 leaves room for templates
 * heavier in tables).
 */
export const googleDocsCharacterBudget = 700_000;
