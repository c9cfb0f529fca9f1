/**
 * The advanced Drive service (API v3) and DocumentApp over one in-memory Drive (whose
 * spreadsheets the fake Sheets API of sheets-api.ts reads and writes). As with the
 * `drive.file` scope, the script sees only files it created: anything else is "not found".
 * Documents hold paragraphs (with heading and bold/italic ranges), tables and page breaks;
 * Text ranges out of bounds are rejected, and the last paragraph cannot be removed.
 */
import type { Runtime } from "./runtime.js";
import { newApiBook, type ApiBook } from "./sheets-api.js";

export interface DriveFile {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  trashed: boolean;
  createdByScript: boolean;
  permissions: { id: string; emailAddress: string; role: string; notified: boolean }[];
  body?: FakeBody;
  /** A Google Sheets file's content, read and written through the fake Sheets API. */
  book?: ApiBook;
}

type Element = FakeParagraph | FakeTable | { kind: "pageBreak" };

export class FakeDrive {
  files = new Map<string, DriveFile>();
  private nextId = 1;
  /** Addresses Drive refuses to share with (no Google account). */
  refuse = new Set<string>();

  constructor(readonly runtime: Runtime) {}

  visible(id: string): DriveFile {
    const file = this.files.get(id);
    if (file === undefined || !file.createdByScript) throw new Error(`File not found: ${id}.`);
    return file;
  }

  spreadsheets(): DriveFile[] {
    return [...this.files.values()].filter((file) => file.book !== undefined && !file.trashed);
  }

  documents(): DriveFile[] {
    return [...this.files.values()].filter(
      (file) => file.mimeType === "application/vnd.google-apps.document" && !file.trashed,
    );
  }

  service(): Record<string, unknown> {
    const runtime = this.runtime;
    return {
      Files: {
        create: (resource: { name: string; mimeType: string; parents?: string[] }) => {
          runtime.call("Drive.Files.create");
          const file: DriveFile = {
            id: `file-${this.nextId++}`,
            name: resource.name,
            mimeType: resource.mimeType,
            parents: [...(resource.parents ?? ["root"])],
            trashed: false,
            createdByScript: true,
            permissions: [],
          };
          if (file.mimeType === "application/vnd.google-apps.document") file.body = new FakeBody();
          if (file.mimeType === "application/vnd.google-apps.spreadsheet") file.book = newApiBook();
          this.files.set(file.id, file);
          return { id: file.id, name: file.name, mimeType: file.mimeType };
        },
        get: (id: string) => {
          runtime.call("Drive.Files.get");
          const file = this.visible(id);
          return { id: file.id, name: file.name, trashed: file.trashed };
        },
        list: (args: { q: string }) => {
          runtime.call("Drive.Files.list");
          const parent = /'([^']+)' in parents/.exec(args.q)?.[1];
          const name = /name = '((?:[^'\\]|\\.)*)'/.exec(args.q)?.[1]?.replace(/\\(.)/g, "$1");
          const type = /mimeType = '([^']+)'/.exec(args.q)?.[1];
          const files = [...this.files.values()].filter(
            (file) =>
              file.createdByScript &&
              !file.trashed &&
              (parent === undefined || file.parents.includes(parent)) &&
              (name === undefined || file.name === name) &&
              (type === undefined || file.mimeType === type),
          );
          return { files: files.map((file) => ({ id: file.id })) };
        },
      },
      Permissions: {
        list: (fileId: string) => {
          runtime.call("Drive.Permissions.list");
          return { permissions: this.visible(fileId).permissions.map((p) => ({ ...p })) };
        },
        create: (
          resource: { type: string; role: string; emailAddress: string },
          fileId: string,
          args: { sendNotificationEmail?: boolean },
        ) => {
          runtime.call("Drive.Permissions.create");
          const file = this.visible(fileId);
          if (this.refuse.has(resource.emailAddress))
            throw new Error("Invalid sharing request: no Google account for that address.");
          if (!["reader", "commenter", "writer"].includes(resource.role))
            throw new Error(`Invalid role ${resource.role}`);
          const permission = {
            id: `perm-${file.permissions.length + 1}`,
            emailAddress: resource.emailAddress,
            role: resource.role,
            notified: args.sendNotificationEmail !== false,
          };
          file.permissions.push(permission);
          return { id: permission.id };
        },
      },
    };
  }

  documentApp(): Record<string, unknown> {
    const runtime = this.runtime;
    return {
      openById: (id: string) => {
        runtime.call("DocumentApp.openById");
        const file = this.visible(id);
        const body = file.body;
        if (body === undefined) throw new Error(`${id} is not a document`);
        body.runtime = runtime;
        return {
          getBody: () => {
            runtime.call("Document.getBody");
            return body;
          },
          saveAndClose: () => runtime.call("Document.saveAndClose"),
        };
      },
      ParagraphHeading: {
        NORMAL: "NORMAL",
        HEADING1: "HEADING1",
        HEADING2: "HEADING2",
        HEADING3: "HEADING3",
      },
      ElementType: { PARAGRAPH: "PARAGRAPH", TABLE: "TABLE", PAGE_BREAK: "PAGE_BREAK" },
    };
  }
}

export class FakeText {
  bold: [number, number][] = [];
  italic: [number, number][] = [];
  fontSize: number | null = null;

  constructor(private readonly owner: { runtime: Runtime | null; text: () => string }) {}

  private range(method: string, start: number, end: number): [number, number] {
    this.owner.runtime?.call(`Text.${method}`);
    const length = this.owner.text().length;
    if (start < 0 || end >= length || start > end)
      throw new Error(`Index (${end}) must be less than the content length (${length}).`);
    return [start, end];
  }
  setBold(startOrBold: number | boolean, end?: number, bold?: boolean): this {
    if (typeof startOrBold === "boolean") {
      this.owner.runtime?.call("Text.setBold");
      if (startOrBold) this.bold.push([0, this.owner.text().length - 1]);
      return this;
    }
    if (bold === true) this.bold.push(this.range("setBold", startOrBold, end!));
    return this;
  }
  setItalic(start: number, end: number, italic: boolean): this {
    if (italic) this.italic.push(this.range("setItalic", start, end));
    return this;
  }
  setFontSize(size: number): this {
    this.owner.runtime?.call("Text.setFontSize");
    this.fontSize = size;
    return this;
  }
}

export class FakeParagraph {
  readonly kind = "paragraph";
  heading = "NORMAL";
  readonly format: FakeText;
  constructor(
    readonly body: FakeBody,
    public text: string,
  ) {
    this.format = new FakeText({
      get runtime() {
        return body.runtime;
      },
      text: () => this.text,
    });
  }
  getType(): string {
    return "PARAGRAPH";
  }
  asParagraph(): this {
    return this;
  }
  getText(): string {
    return this.text;
  }
  setHeading(heading: string): this {
    this.body.runtime?.call("Paragraph.setHeading");
    this.heading = heading;
    return this;
  }
  editAsText(): FakeText {
    return this.format;
  }
  removeFromParent(): void {
    this.body.runtime?.call("Paragraph.removeFromParent");
    const paragraphs = this.body.children.filter((child) => child.kind === "paragraph");
    if (paragraphs.length <= 1)
      throw new Error("Can't remove the last paragraph in a document section.");
    this.body.children = this.body.children.filter((child) => child !== this);
  }
}

export class FakeTable {
  readonly kind = "table";
  columnWidths = new Map<number, number>();
  boldRows = new Set<number>();
  constructor(
    readonly body: FakeBody,
    readonly cells: string[][],
  ) {}
  getType(): string {
    return "TABLE";
  }
  getRow(row: number) {
    this.body.runtime?.call("Table.getRow");
    if (this.cells[row] === undefined) throw new Error(`No row ${row}`);
    return {
      editAsText: () => ({
        setBold: (bold: boolean) => {
          this.body.runtime?.call("Text.setBold");
          if (bold) this.boldRows.add(row);
        },
      }),
    };
  }
  getCell(row: number, column: number) {
    this.body.runtime?.call("Table.getCell");
    const text = this.cells[row]?.[column];
    if (text === undefined) throw new Error(`No cell ${row},${column}`);
    return { editAsText: () => new FakeText({ runtime: this.body.runtime, text: () => text }) };
  }
  setColumnWidth(column: number, width: number): this {
    this.body.runtime?.call("Table.setColumnWidth");
    this.columnWidths.set(column, width);
    return this;
  }
}

export class FakeBody {
  children: Element[] = [new FakeParagraph(this, "")];
  runtime: Runtime | null = null;

  private call(method: string): void {
    this.runtime?.call(`Body.${method}`);
  }
  clear(): this {
    this.call("clear");
    this.children = [new FakeParagraph(this, "")];
    return this;
  }
  appendParagraph(text: string): FakeParagraph {
    this.call("appendParagraph");
    const paragraph = new FakeParagraph(this, text);
    this.children.push(paragraph);
    return paragraph;
  }
  appendTable(cells: string[][]): FakeTable {
    this.call("appendTable");
    if (!Array.isArray(cells) || cells.some((row) => !Array.isArray(row)))
      throw new Error("appendTable expects a two-dimensional array of strings");
    const table = new FakeTable(
      this,
      cells.map((row) => row.map(String)),
    );
    this.children.push(table);
    return table;
  }
  appendPageBreak(): { kind: "pageBreak" } {
    this.call("appendPageBreak");
    const pageBreak = { kind: "pageBreak" as const };
    this.children.push(pageBreak);
    return pageBreak;
  }
  getNumChildren(): number {
    this.call("getNumChildren");
    return this.children.length;
  }
  getChild(index: number): Element {
    this.call("getChild");
    const child = this.children[index];
    if (child === undefined)
      throw new Error(`Child index (${index}) must be less than ${this.children.length}.`);
    return child;
  }

  /** The document as lines, for assertions: tables as "a | b", page breaks as "\f". */
  lines(): string[] {
    return this.children.flatMap((child) =>
      child.kind === "paragraph"
        ? [child.text]
        : child.kind === "table"
          ? child.cells.map((row) => row.join(" | "))
          : ["\f"],
    );
  }
}
