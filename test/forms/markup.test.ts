/**
 * The forms markup, one construct at a time, and escaping: any merged text prints verbatim.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  escapeMarkup,
  MarkupError,
  parseInline,
  parseMarkup,
  unescapeMarkup,
} from "../../shared/forms/markup.js";
import { loadFormTemplates } from "../../shared/forms/template.js";
import { defaultFormTemplates } from "../../shared/forms/default-templates.js";
import { sampleMergeData } from "../../shared/forms/merge-data.js";
import { documentText, formDocumentSchema, runsText } from "../../shared/forms/document-model.js";

describe("markup constructs", () => {
  it("headings # to ###; #### is refused", () => {
    expect(parseMarkup("# One\n## Two\n### Three")).toEqual([
      { kind: "heading", level: 1, runs: [{ text: "One" }] },
      { kind: "heading", level: 2, runs: [{ text: "Two" }] },
      { kind: "heading", level: 3, runs: [{ text: "Three" }] },
    ]);
    expect(() => parseMarkup("#### Four")).toThrow(MarkupError);
  });

  it("paragraphs, one per line, with **bold** and *italic*; blank lines are ignored", () => {
    expect(parseMarkup("  **Name:** Jane *Doe*  \n\nSecond *open")).toEqual([
      {
        kind: "paragraph",
        runs: [{ text: "Name:", bold: true }, { text: " Jane " }, { text: "Doe", italic: true }],
      },
      { kind: "paragraph", runs: [{ text: "Second *open" }] },
    ]);
    expect(parseInline("***both***")).toEqual([{ text: "both", bold: true, italic: true }]);
  });

  it("check-box items [ ] and [x]", () => {
    expect(parseMarkup("[ ] Yes\n[x] No\n[X] Somewhat")).toEqual([
      { kind: "checkbox", checked: false, runs: [{ text: "Yes" }] },
      { kind: "checkbox", checked: true, runs: [{ text: "No" }] },
      { kind: "checkbox", checked: true, runs: [{ text: "Somewhat" }] },
    ]);
  });

  it("pipe tables: header, optional width row, short rows padded, too long rows refused", () => {
    const [table] = parseMarkup("| A | **B** | C |\n|---20|---50|---30|\n| 1 | 2 |\n| | | |");
    expect(table).toEqual({
      kind: "table",
      header: [
        { runs: [{ text: "A" }] },
        { runs: [{ text: "B", bold: true }] },
        { runs: [{ text: "C" }] },
      ],
      columnWidths: [20, 50, 30],
      rows: [
        [{ runs: [{ text: "1" }] }, { runs: [{ text: "2" }] }, { runs: [] }],
        [{ runs: [] }, { runs: [] }, { runs: [] }],
      ],
    });
    expect(formDocumentSchema.parse({ title: "", blocks: [table] })).toBeTruthy();
    expect(parseMarkup("| A | B |\n|---|---|")).toEqual([
      { kind: "table", header: [{ runs: [{ text: "A" }] }, { runs: [{ text: "B" }] }], rows: [] },
    ]);
    expect(() => parseMarkup("| A |\n| 1 | 2 |")).toThrow(/2 cells in a table of 1 columns/);
    expect(() => parseMarkup("| A | B |\n|---20|---|")).toThrow(/every column/);
    expect(parseMarkup("| A |\n\n| B |")).toHaveLength(2);
  });

  it("fill-in lines: label and blank pairs, trailing text, a line that is only a blank", () => {
    expect(
      parseMarkup("Patient Care ____ Other ___ (specify) ______\n__________\nDate ___ signed"),
    ).toEqual([
      {
        kind: "fillIn",
        fields: [
          { label: [{ text: "Patient Care" }], blank: 4 },
          { label: [{ text: "Other" }], blank: 3 },
          { label: [{ text: "(specify)" }], blank: 6 },
        ],
      },
      { kind: "fillIn", fields: [{ label: [], blank: 10 }] },
      {
        kind: "fillIn",
        fields: [
          { label: [{ text: "Date" }], blank: 3 },
          { label: [{ text: "signed" }], blank: 0 },
        ],
      },
    ]);
    // Two underscores are text; a blank inside a check-box item prints as underscores.
    expect(parseMarkup("snake__case")).toEqual([
      { kind: "paragraph", runs: [{ text: "snake__case" }] },
    ]);
    expect(parseMarkup("[ ] because: ____")).toEqual([
      { kind: "checkbox", checked: false, runs: [{ text: "because: ____" }] },
    ]);
  });

  it("signature lines group while consecutive; notes; page breaks; unknown directives refused", () => {
    expect(
      parseMarkup(
        "@signature Faculty Member | Date\n@signature Chair/Designee\n@note \\* LCME\n---page---",
      ),
    ).toEqual([
      {
        kind: "signatures",
        lines: [
          { label: "Faculty Member", dateLabel: "Date" },
          { label: "Chair/Designee", dateLabel: null },
        ],
      },
      { kind: "note", runs: [{ text: "* LCME" }] },
      { kind: "pageBreak" },
    ]);
    expect(parseMarkup("@signature A\n\n@signature B")).toHaveLength(2);
    expect(() => parseMarkup("@footnote x")).toThrow(/unknown directive @footnote/);
    expect(parseMarkup("\\@home")).toEqual([{ kind: "paragraph", runs: [{ text: "@home" }] }]);
  });
});

describe("escaping merged text", () => {
  it("a faculty member named O'Brien *Jr* | [x] appears verbatim in both forms", () => {
    const name = "O'Brien *Jr* | [x]";
    const templates = loadFormTemplates(defaultFormTemplates);
    const data = { ...sampleMergeData, faculty: { ...sampleMergeData.faculty, name } };
    for (const template of [templates.faculty, templates.chair]) {
      const blocks = template.render(data);
      const nameLine = blocks.find(
        (b) => b.kind === "paragraph" && runsText(b.runs).includes(name),
      );
      expect(nameLine).toMatchObject({ kind: "paragraph" });
      expect(blocks.filter((b) => b.kind === "table").every((t) => t.header.length >= 3)).toBe(
        true,
      );
    }
  });

  it("names with markup characters stay whole in table cells", () => {
    const templates = loadFormTemplates(defaultFormTemplates);
    const mentor = {
      name: "A | B [x] **C** ___ #1 @x ---page---",
      role: "Mentor",
      institution: "",
      division: "",
    };
    const blocks = templates.chair.render({ ...sampleMergeData, mentors: [mentor] });
    const table = blocks.find(
      (b) => b.kind === "table" && runsText(b.header[0]!.runs) === "Mentor Name",
    );
    expect(table?.kind === "table" && runsText(table.rows[0]![0]!.runs)).toBe(mentor.name);
    expect(blocks.filter((b) => b.kind === "pageBreak")).toHaveLength(0);
  });

  it("any text, escaped, parses back to itself as one paragraph (line breaks become spaces)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), (text) => {
        const flat = text.replace(/\r\n|[\r\n\t\v\f\u2028\u2029]/g, " ");
        const blocks = parseMarkup(`Before ${escapeMarkup(text)} after`);
        expect(blocks).toHaveLength(1);
        expect(blocks[0]!.kind).toBe("paragraph");
        expect(documentText({ title: "", blocks })).toBe(`Before ${flat} after`);
        expect(unescapeMarkup(escapeMarkup(flat))).toBe(flat);
      }),
      { numRuns: 300 },
    );
  });
});
