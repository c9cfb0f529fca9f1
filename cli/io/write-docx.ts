/**
 * A form document as the bytes of a Word .docx, for the CLI: the model → `docx` mapping lives
 * in hosts/docx-document.ts (shared with the Excel add-in); this only packs it with Node's Buffer.
 */
import { Packer } from "docx";
import type { FormDocument } from "../../shared/forms/document-model.js";
import { docxDocument } from "../../hosts/docx-document.js";

export { docxDocument };

/** The .docx file's bytes. */
export async function writeDocx(model: FormDocument): Promise<Buffer> {
  return Packer.toBuffer(docxDocument(model));
}
