/// <reference types="office-js" />
/**
 * The add-in's ports onto Excel, created once at start and passed to the pane and the ribbon
 * commands (no module-level state): read the workbook, apply a patch, select a cell, the
 * stored corrections, and the clock.
 */
import type { Patch, WorkbookSnapshot } from "../../shared/index.js";
import { readSnapshot } from "./office/read-snapshot.js";
import { applyPatch, type ApplyPatchOptions, type ApplyPatchReport } from "./office/apply-patch.js";
import { documentSettingsPort, mappingStore, type MappingStore } from "./storage.js";

export interface ExcelHost {
  readWorkbook(): Promise<WorkbookSnapshot>;
  /** `onSheetWritten` reports each sheet as it is complete, for progress. */
  applyPatch(
    patch: Patch,
    options?: Pick<ApplyPatchOptions, "onSheetWritten">,
  ): Promise<ApplyPatchReport>;
  /** Selects a cell given as `Sheet!C14` or `'My sheet'!C14` (or a whole sheet). */
  selectCell(reference: string): Promise<void>;
  mapping: MappingStore;
  /** YYYY-MM-DD and an ISO timestamp, from the user's clock. */
  today(): string;
  now(): string;
}

export function officeHost(): ExcelHost {
  return {
    readWorkbook: () => Excel.run((context) => readSnapshot(context)),
    applyPatch: (patch, options) => Excel.run((context) => applyPatch(context, patch, options)),
    selectCell: (reference) =>
      Excel.run(async (context) => {
        const { sheet, address } = splitReference(reference);
        const worksheet = context.workbook.worksheets.getItem(sheet);
        worksheet.activate();
        if (address !== "") worksheet.getRange(address).select();
        await context.sync();
      }),
    mapping: mappingStore(documentSettingsPort(Office.context.document.settings)),
    today: () => localDate(new Date()),
    now: () => new Date().toISOString(),
  };
}

/** `'Dr''s list'!C14` → sheet "Dr's list", address "C14"; `Roster` → the whole sheet. */
export function splitReference(reference: string): { sheet: string; address: string } {
  const quoted = /^'((?:[^']|'')+)'(?:!(.*))?$/.exec(reference);
  if (quoted !== null) return { sheet: quoted[1]!.replace(/''/g, "'"), address: quoted[2] ?? "" };
  const bang = reference.lastIndexOf("!");
  return bang < 0
    ? { sheet: reference, address: "" }
    : { sheet: reference.slice(0, bang), address: reference.slice(bang + 1) };
}

function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
