/** Excel's `_xHHHH_` escapes in .xlsx text (issue 20): decoded on read, written when needed. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeExcelEscapes, encodeExcelEscapes } from "../../cli/io/xlsx/excel-escapes.js";
import { patchedWorkbookBytes } from "../../cli/io/apply-patch-xlsx.js";
import { readXlsx } from "../../cli/io/read-xlsx.js";

describe("Excel's _xHHHH_ escapes", () => {
  it("decodes control characters Excel escaped, as in Char_x0001__x001F_", () => {
    expect(decodeExcelEscapes("Char_x0001__x001F_")).toBe("Char\u0001\u001F");
    expect(decodeExcelEscapes("line_x000D_\nbreak")).toBe("line\r\nbreak");
  });

  it("reads _x005F_ as an escaped underscore, so a typed _x0041_ survives", () => {
    expect(decodeExcelEscapes("_x005F_x0041_")).toBe("_x0041_");
    expect(decodeExcelEscapes("snake_case_x")).toBe("snake_case_x");
  });

  it("escapes what XML cannot carry and literal escape-like text, as Excel does", () => {
    expect(encodeExcelEscapes("Char\u0001\u001F")).toBe("Char_x0001__x001F_");
    expect(encodeExcelEscapes("_x0041_")).toBe("_x005F_x0041_");
    expect(encodeExcelEscapes("tab\tand\r\nnew line")).toBe("tab\tand\r\nnew line");
  });

  it("decodes whatever it encoded, for any text", () => {
    const tricky = fc.constantFrom("_x0041_", "_x005F_", "_x", "_", "\u0000", "\u001F", "\uFFFE");
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), tricky)).map((parts) => parts.join("")),
        (text) => {
          expect(decodeExcelEscapes(encodeExcelEscapes(text))).toBe(text);
        },
      ),
    );
  });
});

describe("text the CLI writes reads back as written", () => {
  it("keeps control characters and typed escape-like text through a real .xlsx", async () => {
    const texts = ["Char\u0001\u001F", "_x0041_", "a_x005F_b", "tab\tand new\nline", "=1+1"];
    const bytes = await patchedWorkbookBytes(
      null,
      { sheets: [] },
      {
        ops: [{ op: "setSheet", sheet: "Pairs", rows: texts.map((text) => [text]) }],
      },
    );
    const [sheet] = await readXlsx(bytes);
    expect(sheet!.rows.map((row) => row[0])).toEqual(texts);
  });
});
