/**
 * The program folder, the chairs' documents and their sharing through Drive v3, with the
 * `drive.file` scope: only files this app created are visible to it, so "find" never picks up
 * a user's file of the same name, and a re-run finds what the last run made.
 */
import type { GoogleClients } from "./clients.js";

export const folderType = "application/vnd.google-apps.folder";
export const documentType = "application/vnd.google-apps.document";
export const spreadsheetType = "application/vnd.google-apps.spreadsheet";

function quoted(text: string): string {
  return `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

/** A file of ours of this type and name (in the folder, when given), else null. */
export async function findFile(
  clients: GoogleClients,
  name: string,
  mimeType: string,
  folderId?: string,
): Promise<string | null> {
  const q = [
    ...(folderId === undefined ? [] : [`${quoted(folderId)} in parents`]),
    `name = ${quoted(name)}`,
    `mimeType = ${quoted(mimeType)}`,
    "trashed = false",
  ].join(" and ");
  const found = await clients.call("drive.files.list", () =>
    clients.drive.files.list({ q, fields: "files(id,name)", pageSize: 1, spaces: "drive" }),
  );
  return found.data.files?.[0]?.id ?? null;
}

/** Our files of this type in the folder, oldest first (one call: a folder holds few). */
export async function listFiles(
  clients: GoogleClients,
  mimeType: string,
  folderId: string,
): Promise<{ id: string; name: string }[]> {
  const q = [
    `${quoted(folderId)} in parents`,
    `mimeType = ${quoted(mimeType)}`,
    "trashed = false",
  ].join(" and ");
  const found = await clients.call("drive.files.list", () =>
    clients.drive.files.list({
      q,
      fields: "files(id,name)",
      orderBy: "createdTime",
      pageSize: 1000,
      spaces: "drive",
    }),
  );
  return (found.data.files ?? []).flatMap((file) =>
    typeof file.id === "string" && typeof file.name === "string"
      ? [{ id: file.id, name: file.name }]
      : [],
  );
}

export async function createFile(
  clients: GoogleClients,
  name: string,
  mimeType: string,
  folderId?: string,
): Promise<string> {
  const created = await clients.call("drive.files.create", () =>
    clients.drive.files.create({
      requestBody: { name, mimeType, ...(folderId === undefined ? {} : { parents: [folderId] }) },
      fields: "id",
    }),
  );
  const id = created.data.id;
  if (typeof id !== "string") throw new Error(`Drive created ${name} without an id`);
  return id;
}

export async function findOrCreate(
  clients: GoogleClients,
  name: string,
  mimeType: string,
  folderId?: string,
): Promise<{ id: string; created: boolean }> {
  const found = await findFile(clients, name, mimeType, folderId);
  if (found !== null) return { id: found, created: false };
  return { id: await createFile(clients, name, mimeType, folderId), created: true };
}

/** The folder the program's documents go in: "Mentor Match – <spreadsheet title>". */
export function programFolderName(spreadsheetTitle: string): string {
  return `Mentor Match – ${spreadsheetTitle}`;
}

/**
 * Gives the chair access unless they have it already (so a re-run sends no second e-mail).
 * Returns false when Drive refuses (an address with no Google account, a domain policy).
 */
export async function shareWith(
  clients: GoogleClients,
  fileId: string,
  email: string,
  access: "commenter" | "editor",
  notify: boolean,
): Promise<boolean> {
  const role = access === "editor" ? "writer" : "commenter";
  try {
    const current = await clients.call("drive.permissions.list", () =>
      clients.drive.permissions.list({ fileId, fields: "permissions(id,emailAddress,role)" }),
    );
    const already = (current.data.permissions ?? []).some(
      (p) =>
        (p.emailAddress ?? "").toLowerCase() === email.toLowerCase() &&
        (p.role === role || p.role === "owner" || (p.role === "writer" && role === "commenter")),
    );
    if (already) return true;
    await clients.call("drive.permissions.create", () =>
      clients.drive.permissions.create({
        fileId,
        sendNotificationEmail: notify,
        fields: "id",
        requestBody: { type: "user", role, emailAddress: email },
      }),
    );
    return true;
  } catch (error) {
    const status = (error as { status?: number; response?: { status?: number } }).response?.status;
    if (status === 400 || status === 403) return false;
    throw error;
  }
}

export function documentUrl(id: string): string {
  return `https://docs.google.com/document/d/${id}/edit`;
}

export function spreadsheetUrl(id: string): string {
  return `https://docs.google.com/spreadsheets/d/${id}/edit`;
}
