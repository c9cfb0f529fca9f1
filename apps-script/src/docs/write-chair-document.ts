/**
 * One chair's Google Doc: found again by the id saved last time (or by name in the program
 * folder), else created there; its body rendered from the document model; shared with the
 * chair. Running it twice gives one document with the same content.
 */
import type { ConferenceFormsDocument } from "../../../shared/index.js";
import { keys, properties, textKey } from "../jobs/store.js";
import {
  createDocument,
  createFolder,
  documentUrl,
  findDocument,
  liveFile,
  shareWith,
} from "./drive-files.js";
import { renderDocument } from "./render-document.js";

export interface WrittenDocument {
  url: string;
  /** False when the chair has an e-mail and Drive would not share with it. */
  shared: boolean;
}

/** The program folder when an earlier run made it (and it is not trashed); never creates it. */
export function existingProgramFolder(): string | null {
  const saved = properties().getProperty(keys.folder);
  return saved !== null && liveFile(saved) !== null ? saved : null;
}

export function programFolder(spreadsheetName: string): string {
  const saved = properties().getProperty(keys.folder);
  if (saved !== null && liveFile(saved) !== null) return saved;
  const id = createFolder(`Mentor Match – ${spreadsheetName}`);
  properties().setProperty(keys.folder, id);
  return id;
}

export function writeChairDocument(
  document: ConferenceFormsDocument,
  folderId: string,
  sharing: { access: "commenter" | "editor"; notify: boolean },
): WrittenDocument {
  const idKey = keys.document(textKey(document.title.toLowerCase()));
  const saved = properties().getProperty(idKey);
  let id = saved !== null && liveFile(saved) !== null ? saved : null;
  id ??= findDocument(folderId, document.title);
  if (id === null) {
    id = createDocument(folderId, document.title);
  }
  properties().setProperty(idKey, id);
  const doc = DocumentApp.openById(id);
  renderDocument(doc.getBody(), document.model);
  doc.saveAndClose();
  const shared =
    document.chairEmail === "" ||
    shareWith(id, document.chairEmail, sharing.access, sharing.notify);
  return { url: documentUrl(id), shared };
}
