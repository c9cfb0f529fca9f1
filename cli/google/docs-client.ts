/**
 * One chair's Google Doc: found again by name in the program folder (drive.file sees only our
 * files), else created there through Drive (a Doc created by `documents.create` would land in
 * My Drive and need a second call to move); its body cleared and rendered from the document
 * model with one `documents.batchUpdate`; shared with the chair. Twice gives one document
 * with the same content.
 */
import type { docs_v1 } from "googleapis";
import type { ConferenceFormsDocument } from "../../shared/index.js";
import type { GoogleClients } from "./clients.js";
import { documentRequests } from "./docs-requests.js";
import { documentType, documentUrl, findOrCreate, shareWith } from "./drive-client.js";

export interface WrittenDocument {
  id: string;
  url: string;
  created: boolean;
  /** False when the chair has an e-mail and Drive would not share with it. */
  shared: boolean;
}

export async function writeChairDocument(
  clients: GoogleClients,
  document: ConferenceFormsDocument,
  folderId: string,
  sharing: { access: "commenter" | "editor"; notify: boolean },
): Promise<WrittenDocument> {
  const { id, created } = await findOrCreate(clients, document.title, documentType, folderId);
  const requests: docs_v1.Schema$Request[] = [];
  if (!created) {
    const current = await clients.call("docs.get", () =>
      clients.docs.documents.get({ documentId: id, fields: "body(content(endIndex))" }),
    );
    const end = current.data.body?.content?.at(-1)?.endIndex ?? 2;
    // Everything but the body's last newline, which no request may delete.
    if (end > 2)
      requests.push({ deleteContentRange: { range: { startIndex: 1, endIndex: end - 1 } } });
  }
  requests.push(...documentRequests(document.model));
  await clients.call("docs.batchUpdate", () =>
    clients.docs.documents.batchUpdate({ documentId: id, requestBody: { requests } }),
  );
  const shared =
    document.chairEmail === "" ||
    (await shareWith(clients, id, document.chairEmail, sharing.access, sharing.notify));
  return { id, url: documentUrl(id), created, shared };
}
