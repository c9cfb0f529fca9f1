/**
 * What the script keeps between runs, in the spreadsheet's document properties (they travel
 * with the spreadsheet and every editor's run sees them): the running job, the saved column
 * mapping, the preset chosen for the next run, the program folder, each document's id and each additional plan spreadsheet's id.
 */
type Properties = GoogleAppsScript.Properties.Properties;

const prefix = "mentorMatch.";

export const keys = {
  job: `${prefix}job`,
  mapping: `${prefix}mapping`,
  preset: `${prefix}preset`,
  folder: `${prefix}folder`,
  document: (titleKey: string) => `${prefix}document.${titleKey}`,
  documentDone: (titleKey: string) => `${prefix}job.document.${titleKey}`,
  documentDonePrefix: `${prefix}job.document.`,
  /** The file id of the n-th (n ≥ 2) additional plan spreadsheet. */
  planBook: (n: number) => `${prefix}planBook.${n}`,
} as const;

export function properties(): Properties {
  return PropertiesService.getDocumentProperties();
}

export function readJson(key: string): unknown {
  const text = properties().getProperty(key);
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export function writeJson(key: string, value: unknown): void {
  properties().setProperty(key, JSON.stringify(value));
}

/** A short, stable key for a title (property keys stay short whatever the chair's name). */
export function textKey(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code, 0x5bd1e995) >>> 0;
  }
  return `${a.toString(36)}${b.toString(36)}`;
}
