/**
 * A loopback stand-in for the token endpoint, Sheets v4, Docs v1 and Drive v3: only the
 * endpoints the Google mode uses, with in-memory state, checking request shapes the way the
 * real APIs would reject them (field masks, body size, grid bounds, UTF-16 indexes, text
 * written as stringValue) and able to answer 429/5xx on demand — before applying a request, or
 * after (Google may apply a batch and still answer 5xx). Errors have the APIs' JSON shape
 * (`{ error: { code, message, status } }`, a failing batch request named as
 * `Invalid requests[i].kind: …`); Docs batches honour `writeControl.requiredRevisionId`.
 *
 * Documents are one UTF-16 string per body, index i at offset i − 1 (index 0 is the section
 * break), with private-use characters for the structure: table start, row start, cell start
 * (an empty cell is cell start + "\n") and page break. Table layout as the Docs API reports it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { verify } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { WorkbookSnapshot } from "../../shared/index.js";
import { applySheetBatch, SheetsRefusal } from "./fake-sheets-requests.js";

export const TABLE = "\uE000";
export const ROW = "\uE001";
export const CELL = "\uE002";
export const PAGE_BREAK = "\uE003";
const markers = new Set([TABLE, ROW, CELL, PAGE_BREAK]);

/** Google's documented request size; our client should stay below it. */
export const maxBodyBytes = 2 * 1024 * 1024;
/** What a Google Doc holds, in characters (structure markers included). */
export const maxDocumentCharacters = 1_020_000;

type Json = Record<string, unknown>;

export interface FakeCell {
  userEnteredValue?: { stringValue?: string; numberValue?: number; boolValue?: boolean };
  userEnteredFormat?: Json & {
    numberFormat?: { type?: string; pattern?: string };
    textFormat?: Json;
  };
}

export interface FakeSheet {
  sheetId: number;
  title: string;
  rowCount: number;
  columnCount: number;
  frozenRowCount?: number | undefined;
  frozenColumnCount?: number | undefined;
  cells: Map<string, FakeCell>;
  merges: {
    startRowIndex: number;
    endRowIndex: number;
    startColumnIndex: number;
    endColumnIndex: number;
    sheetId: number;
  }[];
  validations: number;
  /** Where lists were set (bounded), for tests that look at them. */
  validationRanges?: {
    startRowIndex: number;
    endRowIndex: number;
    startColumnIndex: number;
    endColumnIndex: number;
  }[];
}

export interface FakeSpreadsheet {
  id: string;
  title: string;
  /** The spreadsheet's time zone (File → Settings), as Sheets reports it. */
  timeZone?: string;
  sheets: FakeSheet[];
}

export interface FakeDocument {
  id: string;
  /** Changes with every applied batchUpdate, as the Docs revision id does. */
  revisionId: string;
  text: string;
  textStyles: { start: number; end: number; style: Json }[];
  paragraphStyles: { start: number; end: number; style: Json }[];
  columnWidths: number;
}

export interface FakeFile {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  trashed: boolean;
  permissions: {
    id: string;
    type: string;
    role: string;
    emailAddress: string;
    notified: boolean;
  }[];
}

export interface LoggedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  bytes: number;
  body: unknown;
  status: number;
  /** When it arrived, by `FakeGoogle.now` (tests set a virtual clock). */
  at: number;
}

export class FakeGoogle {
  readonly spreadsheets = new Map<string, FakeSpreadsheet>();
  readonly documents = new Map<string, FakeDocument>();
  readonly files = new Map<string, FakeFile>();
  readonly log: LoggedRequest[] = [];
  /** Scopes asked for in token exchanges. */
  readonly scopes: string[] = [];
  /** E-mails Drive refuses to share with. */
  readonly refuseShareTo = new Set<string>();
  private failures: {
    match: string;
    status: number;
    times: number;
    skip: number;
    after: boolean;
  }[] = [];
  private tokens = new Set<string>();
  private nextId = 1;
  private server: Server | null = null;
  rootUrl = "";
  /** The clock requests are logged with. */
  now: () => number = () => Date.now();

  /**
   * `keepBodies: false` logs each request's size but not its parsed body (the institution
   * benchmark sends gigabytes; tests that assert on bodies keep the default).
   */
  constructor(
    private readonly publicKey: string,
    private readonly options: { keepBodies?: boolean } = {},
  ) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    this.rootUrl = `http://127.0.0.1:${port}/`;
    return this.rootUrl;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /**
   * The next `times` requests whose "METHOD path" contains `match` get `status`, not applied;
   * with `skip`, the first `skip` such requests go through first.
   */
  failNext(match: string, status: number, times = 1, skip = 0): void {
    this.failures.push({ match, status, times, skip, after: false });
  }

  /** As failNext, but the request is applied before the error is answered. */
  failAfterApply(match: string, status = 500, times = 1, skip = 0): void {
    this.failures.push({ match, status, times, skip, after: true });
  }

  /** The spreadsheet a Drive file (one we created) is. */
  spreadsheetByName(name: string): FakeSpreadsheet | undefined {
    const file = [...this.files.values()].find(
      (f) => f.name === name && f.mimeType === spreadsheetMime && !f.trashed,
    );
    return file === undefined ? undefined : this.spreadsheets.get(file.id);
  }

  seedSpreadsheet(
    id: string,
    title: string,
    snapshot: WorkbookSnapshot,
    timeZone = "America/New_York",
  ): void {
    const sheets = snapshot.sheets.map((sheet, i): FakeSheet => {
      const cells = new Map<string, FakeCell>();
      sheet.rows.forEach((row, r) =>
        row.forEach((value, c) => {
          if (value === null || value === "") return;
          const cell: FakeCell =
            typeof value === "string"
              ? { userEnteredValue: { stringValue: value } }
              : typeof value === "number"
                ? { userEnteredValue: { numberValue: value } }
                : typeof value === "boolean"
                  ? { userEnteredValue: { boolValue: value } }
                  : {
                      userEnteredValue: { numberValue: value.getTime() / 86_400_000 + 25_569 },
                      userEnteredFormat: { numberFormat: { type: "DATE", pattern: "yyyy-mm-dd" } },
                    };
          cells.set(`${r},${c}`, cell);
        }),
      );
      const width = Math.max(0, ...sheet.rows.map((row) => row.length));
      return {
        sheetId: i === 0 ? 0 : 1000 + i,
        title: sheet.name,
        rowCount: Math.max(1000, sheet.rows.length),
        columnCount: Math.max(26, width),
        cells,
        merges: (sheet.merges ?? []).map((m) => ({
          sheetId: i === 0 ? 0 : 1000 + i,
          startRowIndex: m.top,
          endRowIndex: m.bottom + 1,
          startColumnIndex: m.left,
          endColumnIndex: m.right + 1,
        })),
        validations: 0,
      };
    });
    this.spreadsheets.set(id, { id, title, timeZone, sheets });
  }

  /** A sheet's values as batchGet gives them (UNFORMATTED_VALUE, dates as text). */
  values(spreadsheetId: string, title: string): unknown[][] {
    const sheet = this.sheet(spreadsheetId, title);
    return sheet === undefined ? [] : sheetValues(sheet);
  }

  sheet(spreadsheetId: string, title: string): FakeSheet | undefined {
    return this.spreadsheets.get(spreadsheetId)?.sheets.find((s) => s.title === title);
  }

  /** A document's text, structure markers dropped (cells end with their "\n"). */
  documentText(id: string): string {
    return [...(this.documents.get(id)?.text ?? "")].filter((ch) => !markers.has(ch)).join("");
  }

  /**
   * A document as lines, as the Apps Script fake's `lines()` gives them: a paragraph per line,
   * a table row as "a | b", a page break as "\f". Cells hold one paragraph each here.
   */
  documentLines(id: string): string[] {
    const text = this.documents.get(id)?.text.toString() ?? "";
    const lines: string[] = [];
    let i = 0;
    while (i < text.length) {
      if (text[i] === TABLE) {
        i++;
        while (text[i] === ROW) {
          i++;
          const cells: string[] = [];
          while (text[i] === CELL) {
            const end = text.indexOf("\n", i);
            cells.push(text.slice(i + 1, end));
            i = end + 1;
          }
          lines.push(cells.join(" | "));
        }
        continue;
      }
      const end = text.indexOf("\n", i);
      lines.push(text.slice(i, end === -1 ? text.length : end).replaceAll(PAGE_BREAK, "\f"));
      i = end === -1 ? text.length : end + 1;
    }
    return lines;
  }

  /** A new empty document with `requests` applied as one batchUpdate would (for unit tests). */
  renderNew(requests: readonly Json[]): FakeDocument {
    const doc: FakeDocument = {
      id: "unit",
      revisionId: "rev-unit",
      text: "\n",
      textStyles: [],
      paragraphStyles: [],
      columnWidths: 0,
    };
    applyDocRequests(doc, requests);
    this.documents.set(doc.id, doc);
    return doc;
  }

  /** The text at a Docs index range. */
  textAt(id: string, start: number, end: number): string {
    return (this.documents.get(id)?.text ?? "").slice(start - 1, end - 1);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const path = decodeURIComponent(url.pathname);
    const method = req.method ?? "GET";
    const entry: LoggedRequest = {
      method,
      path,
      query: url.searchParams,
      bytes: raw.length,
      body: undefined,
      status: 200,
      at: this.now(),
    };
    this.log.push(entry);
    const reply = (status: number, body: unknown) => {
      entry.status = status;
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const fail = (status: number, message: string) =>
      reply(status, { error: { code: status, message, status: statusName(status) } });
    try {
      const failure = this.failures.find(
        (f) => f.times > 0 && `${method} ${path}`.includes(f.match) && f.skip-- <= 0,
      );
      if (failure !== undefined) failure.times--;
      if (failure !== undefined && !failure.after) return fail(failure.status, "injected failure");
      if (path === "/token" && method === "POST") return reply(...this.token(raw.toString("utf8")));
      const auth = req.headers.authorization ?? "";
      if (!this.tokens.has(auth.replace(/^Bearer /, ""))) return fail(401, "no valid access token");
      if (raw.length > maxBodyBytes) return fail(413, `request body of ${raw.length} bytes`);
      const body = raw.length === 0 ? undefined : (JSON.parse(raw.toString("utf8")) as Json);
      if (this.options.keepBodies !== false) entry.body = body;
      const [status, out] = this.route(method, path, url.searchParams, body);
      if (failure !== undefined && status === 200)
        return fail(failure.status, "injected failure after applying the request");
      return reply(status, out);
    } catch (error) {
      if (error instanceof SheetsRefusal) return fail(error.status, error.message);
      return fail(400, error instanceof Error ? error.message : String(error));
    }
  }

  private token(form: string): [number, unknown] {
    const params = new URLSearchParams(form);
    const assertion = params.get("assertion") ?? "";
    const [header, payload, signature] = assertion.split(".");
    if (
      params.get("grant_type") !== "urn:ietf:params:oauth:grant-type:jwt-bearer" ||
      header === undefined ||
      payload === undefined ||
      signature === undefined ||
      !verify(
        "RSA-SHA256",
        Buffer.from(`${header}.${payload}`),
        this.publicKey,
        Buffer.from(signature, "base64url"),
      )
    )
      return [400, { error: "invalid_grant", error_description: "bad assertion" }];
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as {
      scope?: string;
    };
    this.scopes.push(...(claims.scope ?? "").split(" ").filter((s) => s !== ""));
    const token = `token-${this.nextId++}`;
    this.tokens.add(token);
    return [200, { access_token: token, token_type: "Bearer", expires_in: 3600 }];
  }

  private route(
    method: string,
    path: string,
    query: URLSearchParams,
    body: Json | undefined,
  ): [number, unknown] {
    let m: RegExpExecArray | null;
    if ((m = /^\/v4\/spreadsheets\/([^/:]+)$/.exec(path)) && method === "GET") {
      const book = this.book(m[1]!);
      if (book === null)
        return [
          404,
          { error: { code: 404, message: "Requested entity was not found.", status: "NOT_FOUND" } },
        ];
      if (!query.has("fields")) throw new Error("spreadsheets.get without a field mask");
      return [
        200,
        {
          properties: { title: book.title, timeZone: book.timeZone ?? "America/New_York" },
          sheets: book.sheets.map((s, index) => ({
            properties: {
              sheetId: s.sheetId,
              title: s.title,
              index,
              gridProperties: { rowCount: s.rowCount, columnCount: s.columnCount },
            },
            ...(s.merges.length > 0 ? { merges: s.merges } : {}),
          })),
        },
      ];
    }
    if ((m = /^\/v4\/spreadsheets\/([^/:]+)\/values:batchGet$/.exec(path)) && method === "GET") {
      const book = this.book(m[1]!);
      if (book === null)
        return [404, { error: { code: 404, message: "not found", status: "NOT_FOUND" } }];
      if (query.get("valueRenderOption") !== "UNFORMATTED_VALUE")
        throw new Error("batchGet without UNFORMATTED_VALUE");
      const ranges = [...query.getAll("ranges"), ...query.getAll("ranges[]")];
      return [
        200,
        {
          spreadsheetId: book.id,
          valueRanges: ranges.map((range) => {
            const title = range.replace(/^'|'$/g, "").replace(/''/g, "'");
            const sheet = book.sheets.find((s) => s.title === title);
            if (sheet === undefined) throw new Error(`Unable to parse range: ${range}`);
            const values = sheetValues(sheet);
            return { range, majorDimension: "ROWS", ...(values.length > 0 ? { values } : {}) };
          }),
        },
      ];
    }
    if ((m = /^\/v4\/spreadsheets\/([^/:]+):batchUpdate$/.exec(path)) && method === "POST") {
      const book = this.book(m[1]!);
      if (book === null)
        return [404, { error: { code: 404, message: "not found", status: "NOT_FOUND" } }];
      const copy = structuredClone(book);
      applySheetBatch(copy, body);
      if (copy.sheets.length > maxSheets)
        throw new Error(`a spreadsheet holds at most ${maxSheets} sheets here`);
      this.spreadsheets.set(book.id, copy);
      return [200, { spreadsheetId: book.id, replies: [] }];
    }
    if ((m = /^\/v1\/documents\/([^/:]+)$/.exec(path)) && method === "GET") {
      const doc = this.documents.get(m[1]!);
      if (doc === undefined)
        return [404, { error: { code: 404, message: "not found", status: "NOT_FOUND" } }];
      const fields = topLevelFields(query.get("fields") ?? "");
      if (fields.length === 0) throw new Error("documents.get without a field mask");
      const document: Json = {
        revisionId: doc.revisionId,
        body: {
          content: [
            { startIndex: 0, endIndex: 1, sectionBreak: {} },
            { startIndex: 1, endIndex: doc.text.length + 1 },
          ],
        },
      };
      return [200, Object.fromEntries(fields.map((field) => [field, document[field]]))];
    }
    if ((m = /^\/v1\/documents\/([^/:]+):batchUpdate$/.exec(path)) && method === "POST") {
      const doc = this.documents.get(m[1]!);
      if (doc === undefined)
        return [404, { error: { code: 404, message: "not found", status: "NOT_FOUND" } }];
      const required = (body?.writeControl as { requiredRevisionId?: string } | undefined)
        ?.requiredRevisionId;
      if (required !== undefined && required !== doc.revisionId)
        return [
          400,
          {
            error: {
              code: 400,
              message: `The document's revision is not ${required}.`,
              status: "INVALID_ARGUMENT",
            },
          },
        ];
      const copy = structuredClone(doc);
      applyDocRequests(copy, (body?.requests ?? []) as Json[]);
      // Google Docs holds about 1,020,000 characters; a batch that would pass it is refused.
      if (copy.text.length > maxDocumentCharacters)
        return [
          400,
          {
            error: {
              code: 400,
              message: `The document would exceed the maximum size (${copy.text.length} characters).`,
              status: "INVALID_ARGUMENT",
            },
          },
        ];
      copy.revisionId = `rev-${this.nextId++}`;
      this.documents.set(doc.id, copy);
      return [
        200,
        {
          documentId: doc.id,
          replies: [],
          writeControl: { requiredRevisionId: copy.revisionId },
        },
      ];
    }
    if (path === "/drive/v3/files" && method === "GET") {
      if (!query.has("fields")) throw new Error("files.list without fields");
      const q = query.get("q") ?? "";
      const unquote = (s: string) => s.replace(/\\(.)/g, "$1");
      const str = "'((?:[^'\\\\]|\\\\.)*)'";
      const parent = new RegExp(`${str} in parents`).exec(q)?.[1];
      const name = new RegExp(`name = ${str}`).exec(q)?.[1];
      const mime = new RegExp(`mimeType = ${str}`).exec(q)?.[1];
      const files = [...this.files.values()].filter(
        (f) =>
          !f.trashed &&
          (parent === undefined || f.parents.includes(unquote(parent))) &&
          (name === undefined || f.name === unquote(name)) &&
          (mime === undefined || f.mimeType === unquote(mime)),
      );
      return [
        200,
        {
          files: files
            .slice(0, Number(query.get("pageSize") ?? 100))
            .map((f) => ({ id: f.id, name: f.name })),
        },
      ];
    }
    if (path === "/drive/v3/files" && method === "POST") {
      const id = `file-${this.nextId++}`;
      const file: FakeFile = {
        id,
        name: String(body?.name ?? "Untitled"),
        mimeType: String(body?.mimeType ?? ""),
        parents: (body?.parents as string[] | undefined) ?? [],
        trashed: false,
        permissions: [
          {
            id: "owner",
            type: "user",
            role: "owner",
            emailAddress: "mentor-match@test",
            notified: false,
          },
        ],
      };
      for (const p of file.parents) if (!this.files.has(p)) throw new Error(`no parent ${p}`);
      this.files.set(id, file);
      // A new spreadsheet has one blank sheet, id 0 (its title depends on the locale).
      if (file.mimeType === spreadsheetMime)
        this.spreadsheets.set(id, {
          id,
          title: file.name,
          sheets: [
            {
              sheetId: 0,
              title: "Sheet1",
              rowCount: 1000,
              columnCount: 26,
              cells: new Map(),
              merges: [],
              validations: 0,
            },
          ],
        });
      if (file.mimeType === "application/vnd.google-apps.document")
        this.documents.set(id, {
          id,
          revisionId: `rev-${this.nextId++}`,
          text: "\n",
          textStyles: [],
          paragraphStyles: [],
          columnWidths: 0,
        });
      return [200, { id }];
    }
    if ((m = /^\/drive\/v3\/files\/([^/]+)\/permissions$/.exec(path))) {
      const file = this.files.get(m[1]!);
      if (file === undefined)
        return [404, { error: { code: 404, message: "File not found", status: "NOT_FOUND" } }];
      if (method === "GET") return [200, { permissions: file.permissions }];
      const email = String(body?.emailAddress ?? "");
      if (this.refuseShareTo.has(email))
        return [
          400,
          { error: { code: 400, message: "no Google account", status: "INVALID_ARGUMENT" } },
        ];
      if (!query.has("sendNotificationEmail"))
        throw new Error("permissions.create without sendNotificationEmail");
      const permission = {
        id: `perm-${this.nextId++}`,
        type: String(body?.type),
        role: String(body?.role),
        emailAddress: email,
        notified: query.get("sendNotificationEmail") === "true",
      };
      file.permissions.push(permission);
      return [200, { id: permission.id }];
    }
    return [
      404,
      { error: { code: 404, message: `no route ${method} ${path}`, status: "NOT_FOUND" } },
    ];
  }

  private book(id: string): FakeSpreadsheet | null {
    return this.spreadsheets.get(id) ?? null;
  }
}

const spreadsheetMime = "application/vnd.google-apps.spreadsheet";
/** Google Sheets' limit on sheets per spreadsheet, as the product counts it. */
const maxSheets = 200;

function statusName(code: number): string {
  const names: Record<number, string> = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    429: "RESOURCE_EXHAUSTED",
    500: "INTERNAL",
    503: "UNAVAILABLE",
  };
  return names[code] ?? "UNKNOWN";
}

/** "revisionId,body(content(endIndex))" → ["revisionId", "body"]. */
function topLevelFields(mask: string): string[] {
  const fields: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of mask) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      fields.push(current.trim());
      current = "";
    } else if (depth === 0 && ch !== ")") current += ch;
  }
  if (current.trim() !== "") fields.push(current.trim());
  return fields.map((field) => field.split(".")[0]!).filter((field) => field !== "");
}

function sheetValues(sheet: FakeSheet): unknown[][] {
  const rows: unknown[][] = [];
  for (const [key, cell] of sheet.cells) {
    const value = cell.userEnteredValue;
    if (value === undefined) continue;
    const [r, c] = key.split(",").map(Number) as [number, number];
    let out: unknown = value.stringValue ?? value.boolValue ?? value.numberValue;
    if (value.numberValue !== undefined && cell.userEnteredFormat?.numberFormat?.type === "DATE")
      out = new Date(Math.round((value.numberValue - 25_569) * 86_400_000))
        .toISOString()
        .slice(0, 10);
    if (out === undefined) continue;
    while (rows.length <= r) rows.push([]);
    const row = rows[r]!;
    while (row.length <= c) row.push("");
    row[c] = out;
  }
  return rows;
}

/**
 * A document's text while a batch is applied: chunks before a cursor and the text after it,
 * so appending paragraph after paragraph (and filling a table just behind the end) costs the
 * inserted text, not a copy of a megabyte-long document per request.
 */
class TextBuffer {
  private head: string[] = [];
  private headLength = 0;
  private tail: string;

  constructor(text: string) {
    this.tail = text;
  }
  get length(): number {
    return this.headLength + this.tail.length;
  }
  /** Moves the cursor to `offset`. */
  private seek(offset: number): void {
    while (this.headLength > offset) {
      const last = this.head.pop()!;
      this.headLength -= last.length;
      const keep = Math.max(0, offset - this.headLength);
      if (keep > 0) {
        this.head.push(last.slice(0, keep));
        this.headLength += keep;
      }
      this.tail = last.slice(keep) + this.tail;
    }
    if (offset > this.headLength) {
      const moved = this.tail.slice(0, offset - this.headLength);
      this.head.push(moved);
      this.headLength += moved.length;
      this.tail = this.tail.slice(moved.length);
    }
  }
  /** The character at `i` (0-based), or undefined past the end. */
  at(i: number): string | undefined {
    if (i >= this.headLength) return this.tail[i - this.headLength];
    const last = this.head[this.head.length - 1]!;
    if (i >= this.headLength - last.length) return last[i - (this.headLength - last.length)];
    if (this.head.length > 1) this.head = [this.head.join("")];
    return this.head[0]![i];
  }
  insert(offset: number, text: string): void {
    this.seek(offset);
    this.head.push(text);
    this.headLength += text.length;
  }
  toString(): string {
    return this.head.join("") + this.tail;
  }
  set(text: string): void {
    this.head = [];
    this.headLength = 0;
    this.tail = text;
  }
}

function applyDocRequests(doc: FakeDocument, requests: readonly Json[]): void {
  const text = new TextBuffer(doc.text);
  for (const request of requests) docRequest(doc, request, text);
  doc.text = text.toString();
}

function docRequest(doc: FakeDocument, request: Json, text: TextBuffer): void {
  const kinds = Object.keys(request);
  if (kinds.length !== 1) throw new Error(`a request must have one kind, not ${kinds.join(",")}`);
  const kind = kinds[0]!;
  const r = request[kind] as Json;
  const checkInsert = (index: unknown): number => {
    if (typeof index !== "number" || index < 1 || index > text.length)
      throw new Error(
        `Index ${String(index)} must be less than the end index of the segment, ${text.length + 1}`,
      );
    const at = text.at(index - 1)!;
    if (markers.has(at) && at !== PAGE_BREAK)
      throw new Error(`The insertion index ${index} must be inside a paragraph`);
    if (/[\uDC00-\uDFFF]/.test(at)) throw new Error(`Index ${index} splits a surrogate pair`);
    return index - 1;
  };
  const checkRange = (range: unknown): { start: number; end: number } => {
    const { startIndex, endIndex } = range as { startIndex?: number; endIndex?: number };
    if (
      startIndex === undefined ||
      endIndex === undefined ||
      startIndex < 1 ||
      endIndex <= startIndex ||
      endIndex > text.length + 1
    )
      throw new Error(`Invalid range ${String(startIndex)}–${String(endIndex)}`);
    for (const i of [startIndex, endIndex])
      if (i <= text.length && /[\uDC00-\uDFFF]/.test(text.at(i - 1)!))
        throw new Error(`Index ${i} splits a surrogate pair`);
    return { start: startIndex, end: endIndex };
  };
  const splice = (offset: number, inserted: string) => {
    text.insert(offset, inserted);
    for (const s of [...doc.textStyles, ...doc.paragraphStyles]) {
      if (s.start > offset) s.start += inserted.length;
      if (s.end > offset) s.end += inserted.length;
    }
  };
  switch (kind) {
    case "insertText": {
      const inserted = String(r.text);
      if ([...inserted].some((ch) => markers.has(ch)))
        throw new Error("text with reserved characters");
      splice(checkInsert((r.location as Json).index), inserted);
      return;
    }
    case "insertTable": {
      const rows = Number(r.rows);
      const columns = Number(r.columns);
      if (!(rows > 0 && columns > 0)) throw new Error("a table needs rows and columns");
      const row = ROW + (CELL + "\n").repeat(columns);
      splice(checkInsert((r.location as Json).index), "\n" + TABLE + row.repeat(rows));
      return;
    }
    case "insertPageBreak":
      splice(checkInsert((r.location as Json).index), PAGE_BREAK + "\n");
      return;
    case "deleteContentRange": {
      const { start, end } = checkRange(r.range);
      if (end > text.length) throw new Error("cannot delete the last newline of the body");
      const whole = text.toString();
      text.set(whole.slice(0, start - 1) + whole.slice(end - 1));
      doc.textStyles = [];
      doc.paragraphStyles = [];
      return;
    }
    case "updateTextStyle": {
      if (typeof r.fields !== "string" || r.fields === "")
        throw new Error("updateTextStyle without fields");
      const { start, end } = checkRange(r.range);
      doc.textStyles.push({ start, end, style: r.textStyle as Json });
      return;
    }
    case "updateParagraphStyle": {
      if (typeof r.fields !== "string" || r.fields === "")
        throw new Error("updateParagraphStyle without fields");
      const { start, end } = checkRange(r.range);
      doc.paragraphStyles.push({ start, end, style: r.paragraphStyle as Json });
      return;
    }
    case "updateTableColumnProperties": {
      const index = (r.tableStartLocation as { index?: number } | undefined)?.index ?? 0;
      if (text.at(index - 1) !== TABLE) throw new Error(`no table starts at ${index}`);
      doc.columnWidths++;
      return;
    }
    default:
      throw new Error(`unsupported request ${kind}`);
  }
}
