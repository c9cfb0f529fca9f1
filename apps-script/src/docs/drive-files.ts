/**
 * Folder, documents and sharing through the advanced Drive service (API v3). DriveApp's folder
 * and sharing methods need the full `drive` scope; these calls work with `drive.file` on the
 * files this script created.
 */
const folderType = "application/vnd.google-apps.folder";
const documentType = "application/vnd.google-apps.document";
export const spreadsheetType = "application/vnd.google-apps.spreadsheet";

type DriveFile = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;

/** Calls below name `Drive.…` in full so the scope test can see each method the bundle uses. */
function requireDrive(): void {
  if (typeof Drive === "undefined" || Drive === undefined)
    throw new Error(
      "The Drive advanced service is not enabled for this script (see docs/apps-script.md).",
    );
}

/** The file when it still exists and is not in the trash; null otherwise. */
export function liveFile(id: string): DriveFile | null {
  requireDrive();
  try {
    const file = Drive!.Files.get(id, { fields: "id,name,trashed" });
    return file.trashed === true ? null : file;
  } catch {
    return null;
  }
}

export function createFolder(name: string): string {
  requireDrive();
  return Drive!.Files.create({ name, mimeType: folderType }).id!;
}

/** A document of ours with this name in the folder (a run killed before it saved the id). */
export function findDocument(folderId: string, name: string): string | null {
  return findFile(folderId, name, documentType);
}

/** A file of ours of this type with this name in the folder, if any. */
export function findFile(folderId: string, name: string, mimeType: string): string | null {
  requireDrive();
  const escaped = name.replace(/\\/g, "\\\\").replace(/'/g, "\\'");
  const found = Drive!.Files.list({
    q: `'${folderId}' in parents and name = '${escaped}' and mimeType = '${mimeType}' and trashed = false`,
    fields: "files(id)",
    pageSize: 1,
  });
  return found.files?.[0]?.id ?? null;
}

export function createDocument(folderId: string, name: string): string {
  return createFile(folderId, name, documentType);
}

/** A new, empty Google Docs/Sheets file in the folder. */
export function createFile(folderId: string, name: string, mimeType: string): string {
  requireDrive();
  return Drive!.Files.create({ name, mimeType, parents: [folderId] }).id!;
}

/**
 * Gives the chair access unless they have it already (so a re-run sends no second e-mail).
 * Returns false when Drive refuses (an address with no Google account, a domain policy).
 */
export function shareWith(
  fileId: string,
  email: string,
  access: "commenter" | "editor",
  notify: boolean,
): boolean {
  requireDrive();
  const role = access === "editor" ? "writer" : "commenter";
  try {
    const current = Drive!.Permissions.list(fileId, {
      fields: "permissions(id,emailAddress,role)",
    });
    const already = (current.permissions ?? []).some(
      (p) =>
        (p.emailAddress ?? "").toLowerCase() === email.toLowerCase() &&
        (p.role === role || p.role === "owner" || (p.role === "writer" && role === "commenter")),
    );
    if (already) return true;
    Drive!.Permissions.create({ type: "user", role, emailAddress: email }, fileId, {
      sendNotificationEmail: notify,
      fields: "id",
    });
    return true;
  } catch {
    return false;
  }
}

export function documentUrl(id: string): string {
  return `https://docs.google.com/document/d/${id}/edit`;
}
