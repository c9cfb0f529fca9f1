/**
 * One chair's Google Doc: found again by name in the program folder (drive.file sees only our
 * files), else created there through Drive (a Doc created by `documents.create` would land in
 * My Drive and need a second call to move); its body cleared and rendered from the document
 * model with `documents.batchUpdate` (one, or consecutive ones below 2 MB for a large
 * department); shared with the chair. Twice gives one document
 * with the same content.
 *
 * The batchUpdate carries `writeControl.requiredRevisionId` (the revision read just before):
 * if Google applied it but answered 5xx, the retry is refused because the revision moved on,
 * and a second read of the revision confirms the first attempt went through — so the forms
 * are never rendered twice into the same body.
 */
import type { docs_v1 } from "googleapis";
import type { ConferenceFormsDocument } from "../../shared/index.js";
import type { GoogleClients } from "./clients.js";
import { documentRequests } from "./docs-requests.js";
import { documentType, documentUrl, findOrCreate, shareWith } from "./drive-client.js";
import { statusOf } from "./retry.js";

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
  maxBatchBytes: number = maxDocsBatchBytes,
): Promise<WrittenDocument> {
  const { id, created } = await findOrCreate(clients, document.title, documentType, folderId);
  const current = await readDocument(clients, id, "revisionId,body(content(endIndex))");
  const requests: docs_v1.Schema$Request[] = [];
  const end = current.body?.content?.at(-1)?.endIndex ?? 2;
  // Everything but the body's last newline, which no request may delete.
  if (end > 2)
    requests.push({ deleteContentRange: { range: { startIndex: 1, endIndex: end - 1 } } });
  requests.push(...documentRequests(document.model));
  // Docs reports the revision to editors, which this app always is of its own files.
  let revision = current.revisionId ?? undefined;
  // A chair of hundreds of faculty is megabytes of requests: consecutive batches below the
  // request-size limit render the same document, each guarded by the revision before it.
  const batches = docsBatches(requests, maxBatchBytes);
  for (const [index, chunk] of batches.entries()) {
    const guard = revision;
    await clients.write(
      "docs",
      "docs.batchUpdate",
      () =>
        clients.docs.documents.batchUpdate({
          documentId: id,
          requestBody: {
            requests: chunk,
            ...(guard === undefined ? {} : { writeControl: { requiredRevisionId: guard } }),
          },
        }),
      // The 400's wording is not documented: the revision itself tells whether it moved on.
      async (error) =>
        guard !== undefined &&
        statusOf(error) === 400 &&
        (await readDocument(clients, id, "revisionId")).revisionId !== guard,
    );
    if (guard !== undefined && index < batches.length - 1)
      revision = (await readDocument(clients, id, "revisionId")).revisionId ?? undefined;
  }
  const shared =
    document.chairEmail === "" ||
    (await shareWith(clients, id, document.chairEmail, sharing.access, sharing.notify));
  return { id, url: documentUrl(id), created, shared };
}

/** Below the ~2 MB a Google API request body should stay under. */
export const maxDocsBatchBytes = 1_900_000;

/** Consecutive runs of requests whose JSON body stays below `limit` bytes. */
export function docsBatches(
  requests: readonly docs_v1.Schema$Request[],
  limit: number,
): docs_v1.Schema$Request[][] {
  const batches: docs_v1.Schema$Request[][] = [];
  let current: docs_v1.Schema$Request[] = [];
  // The envelope: {"requests":[…],"writeControl":{"requiredRevisionId":"…"}}.
  const envelope = 200;
  let size = envelope;
  for (const request of requests) {
    const bytes = Buffer.byteLength(JSON.stringify(request)) + 1;
    if (current.length > 0 && size + bytes > limit) {
      batches.push(current);
      current = [];
      size = envelope;
    }
    current.push(request);
    size += bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

async function readDocument(
  clients: GoogleClients,
  documentId: string,
  fields: string,
): Promise<docs_v1.Schema$Document> {
  const read = await clients.call("docs.get", () =>
    clients.docs.documents.get({ documentId, fields }),
  );
  return read.data;
}
