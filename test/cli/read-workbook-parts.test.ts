/** The pieces of cli/io one at a time: text decoding, delimiters, cell values, sheet names. */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeText, decodeWindows1252 } from "../../cli/io/decode-text.js";
import { readOleEntryNames } from "../../cli/io/ole-directory.js";
import { parseDelimited, sniffDelimiter } from "../../cli/io/read-delimited.js";
import { parseRange, readXlsx } from "../../cli/io/read-xlsx.js";
import { assignSheetNames } from "../../cli/io/sheet-names.js";
import { readZipDirectory } from "../../cli/io/zip-directory.js";
import { compoundFile } from "../../scripts/lib/cfb.js";
import { delimitedText, encodeText } from "../../scripts/lib/files.js";
import { zip } from "../../scripts/lib/zip.js";
import type { CellValue } from "../../shared/workbook/snapshot.js";

describe("decodeText", () => {
  it("honours byte-order marks", () => {
    expect(decodeText(encodeText("Nguyễn", "utf-8-bom"))).toEqual({
      text: "Nguyễn",
      encoding: "utf-8",
    });
    expect(decodeText(encodeText("Nguyễn", "utf-16le-bom"))).toEqual({
      text: "Nguyễn",
      encoding: "utf-16le",
    });
    const be = Buffer.concat([
      Buffer.from([0xfe, 0xff]),
      Buffer.from("Ramírez", "utf16le").swap16(),
    ]);
    expect(decodeText(be)).toEqual({ text: "Ramírez", encoding: "utf-16be" });
  });

  it("recognizes UTF-16 LE without a mark by its NUL bytes", () => {
    expect(
      decodeText(Buffer.from("Name\tEmail\r\nKim\tdaniel.kim@example.org", "utf16le")),
    ).toEqual({
      text: "Name\tEmail\r\nKim\tdaniel.kim@example.org",
      encoding: "utf-16le",
    });
  });

  it("reads valid UTF-8 as UTF-8 and anything else as Windows-1252", () => {
    expect(decodeText(Buffer.from("García-López", "utf8")).encoding).toBe("utf-8");
    const cp1252 = Buffer.from([0x52, 0x61, 0x6d, 0xed, 0x72, 0x65, 0x7a, 0x20, 0x93, 0x80, 0x94]);
    expect(decodeText(cp1252)).toEqual({ text: "Ramírez “€”", encoding: "windows-1252" });
  });

  it("decodes every Windows-1252 byte the way the encoder wrote it", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."aé–—‘’“”€ŠšŸ ñÖ\u00a0"), maxLength: 40 }),
        (text) => {
          expect(decodeWindows1252(encodeText(text, "windows-1252"))).toBe(text);
        },
      ),
    );
  });
});

describe("parseDelimited", () => {
  it("keeps blank lines as empty rows and trims trailing empties", () => {
    expect(parseDelimited("a,b,,\r\n\r\nc,,d,\r\n,,,\r\n\r\n").rows).toEqual([
      ["a", "b"],
      [],
      ["c", null, "d"],
    ]);
  });

  it("obeys Excel's sep= line", () => {
    const result = parseDelimited(
      "sep=;\r\nName;Email, work\r\nKim, Daniel;daniel.kim@example.org\r\n",
    );
    expect(result.delimiter).toBe(";");
    expect(result.rows).toEqual([
      ["Name", "Email, work"],
      ["Kim, Daniel", "daniel.kim@example.org"],
    ]);
  });

  it("tolerates a stray quote inside an unquoted field", () => {
    expect(parseDelimited('Name,Note\r\nO"Connor,ok\r\n').rows).toEqual([
      ["Name", "Note"],
      ['O"Connor', "ok"],
    ]);
  });

  it("does not let a title line decide the delimiter", () => {
    const text = [
      "Department of Medicine, Faculty Mentoring Program, 2026–2027",
      "",
      "Name;Rank;Division;Email",
      "Kim, Daniel;Asst. Prof.;GIM;daniel.kim@example.org",
      "Chen, Emily;Instructor;Nephrology;emily.chen@example.org",
    ].join("\r\n");
    expect(sniffDelimiter(text)).toBe(";");
  });

  it("prefers tabs for text files when nothing else decides", () => {
    expect(sniffDelimiter("a\tb,c\n", true)).toBe("\t");
    expect(sniffDelimiter("a\tb,c\n", false)).toBe(",");
    expect(sniffDelimiter("just one column\n", true)).toBe("\t");
  });

  it("round-trips whatever Excel writes, with any delimiter", () => {
    const field = fc.string({ unit: fc.constantFrom(..."ab é,;\t\"\n'"), maxLength: 8 });
    const table = fc.array(fc.array(field, { minLength: 3, maxLength: 3 }), {
      minLength: 4,
      maxLength: 8,
    });
    fc.assert(
      fc.property(
        table,
        fc.constantFrom(",", ";", "\t"),
        fc.constantFrom("\r\n", "\n"),
        (rows, delimiter, lineEnding) => {
          // A header row of plain names, as every roster has, anchors the sniffing.
          const all = [["Name", "Email", "Role"], ...rows];
          const parsed = parseDelimited(delimitedText(all, { delimiter, lineEnding }));
          expect(parsed.delimiter).toBe(delimiter);
          const expected = all.map((row) => row.map((v): CellValue => (v === "" ? null : v)));
          for (const row of expected) while (row.length > 0 && row.at(-1) === null) row.pop();
          while (expected.length > 0 && expected.at(-1)!.length === 0) expected.pop();
          expect(parsed.rows).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("xlsx values survive a write and a read", () => {
  it("for any mix of strings, numbers, booleans and dates", async () => {
    const value = fc.oneof(
      fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !/^[=+-@]/.test(s)),
      // A spreadsheet has no negative zero: -0 is written, and read back, as 0.
      fc
        .double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 })
        .map((n) => (Object.is(n, -0) ? 0 : n)),
      fc.integer({ min: -1000, max: 1000 }),
      fc.boolean(),
      fc
        .date({
          min: new Date(Date.UTC(1990, 0, 1)),
          max: new Date(Date.UTC(2040, 0, 1)),
          noInvalidDate: true,
        })
        .map((d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(value, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        async (rows) => {
          const workbook = new ExcelJS.Workbook();
          const sheet = workbook.addWorksheet("Roster");
          rows.forEach((row, r) =>
            row.forEach((v, c) => {
              sheet.getCell(r + 1, c + 1).value = v;
            }),
          );
          const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
          const [read] = await readXlsx(bytes);
          expect(read!.rows).toEqual(rows);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("assignSheetNames", () => {
  const sheet = (stem: string, name: string, fromFileName = false) => ({
    stem,
    name,
    fromFileName,
  });

  it("leaves distinct names alone", () => {
    expect(assignSheetNames([sheet("a", "Mentors"), sheet("b", "Mentees")])).toEqual([
      "Mentors",
      "Mentees",
    ]);
  });

  it("prefixes clashes (ignoring case) with the stem, shortening the stem first", () => {
    expect(
      assignSheetNames([
        sheet("radiology", "Mentors"),
        sheet("surgery", "MENTORS"),
        sheet("a-very-long-file-name-from-the-intranet", "Mentees not yet paired"),
        sheet("other", "Mentees not yet paired"),
      ]),
    ).toEqual([
      "radiology Mentors",
      "surgery MENTORS",
      "a-very-l Mentees not yet paired",
      "other Mentees not yet paired",
    ]);
  });

  it("numbers what prefixing cannot separate and cleans characters Excel forbids", () => {
    expect(
      assignSheetNames([
        sheet("roster", "roster", true),
        sheet("roster", "roster", true),
        sheet("x", "Q1/Q2: [draft]?", true),
      ]),
    ).toEqual(["roster", "roster (2)", "Q1_Q2_ _draft__"]);
    expect(assignSheetNames([sheet("s", "'quoted'", true), sheet("s", "   ", true)])).toEqual([
      "quoted",
      "Sheet",
    ]);
  });
});

describe("parseRange", () => {
  it("reads A1 ranges as 0-based inclusive blocks", () => {
    expect(parseRange("A1:H1")).toEqual({ top: 0, left: 0, bottom: 0, right: 7 });
    expect(parseRange("$B$3:$AA$10")).toEqual({ top: 2, left: 1, bottom: 9, right: 26 });
    expect(parseRange("C5")).toEqual({ top: 4, left: 2, bottom: 4, right: 2 });
    expect(parseRange("D4:B2")).toEqual({ top: 1, left: 1, bottom: 3, right: 3 });
    expect(parseRange("Sheet1!A1")).toBeNull();
  });
});

describe("container directories", () => {
  it("lists a zip's entries, and gives null for anything that is not a zip", () => {
    const bytes = zip([
      { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
      { name: "mimetype", data: Buffer.from("x"), stored: true },
    ]);
    expect(readZipDirectory(bytes)?.map((e) => [e.name, e.method])).toEqual([
      ["xl/workbook.xml", 8],
      ["mimetype", 0],
    ]);
    expect(readZipDirectory(Buffer.from("PK\u0003\u0004 but cut short"))).toBeNull();
    expect(readZipDirectory(new Uint8Array(0))).toBeNull();
  });

  it("lists a compound file's streams, and gives null for a damaged one", () => {
    const file = compoundFile([
      { name: "EncryptionInfo", data: Buffer.from("info") },
      { name: "EncryptedPackage", data: Buffer.alloc(5000, 1) },
      { name: "\u0006DataSpaces", data: Buffer.from("ds") },
    ]);
    expect(readOleEntryNames(file)?.sort()).toEqual(
      ["Root Entry", "EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"].sort(),
    );
    const damaged = Buffer.from(file);
    damaged.writeUInt32LE(0x7fffffff, 48); // first directory sector far past the end
    expect(readOleEntryNames(damaged)).toBeNull();
    expect(readOleEntryNames(file.subarray(0, 100))).toBeNull();
  });
});
