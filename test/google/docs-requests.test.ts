/**
 * Docs API indexes are UTF-16 code units: text with emoji (2 units, or more in a ZWJ
 * sequence) and Vietnamese letters (precomposed "ễ" is 1 unit, decomposed "ễ" is 3) must
 * land where the styles say, in paragraphs and in table cells filled from the end.
 */
import { describe, expect, it } from "vitest";
import type { FormDocument } from "../../shared/index.js";
import { documentRequests } from "../../cli/google/docs-requests.js";
import { FakeGoogle } from "./fake-google-server.js";

const decomposed = "Nguye\u0302\u0303n";

const model: FormDocument = {
  title: "Forms – Nguyễn",
  blocks: [
    { kind: "heading", level: 1, runs: [{ text: "Annual Career Planning Conference 🌟" }] },
    {
      kind: "paragraph",
      runs: [{ text: "Faculty: 👩🏽‍⚕️ " }, { text: "Nguyễn Thị Lan", bold: true }, { text: " ✔" }],
    },
    {
      kind: "table",
      header: [{ runs: [{ text: "Name 🧑‍🔬" }] }, { runs: [{ text: "Division" }] }],
      rows: [
        [{ runs: [{ text: decomposed, italic: true }] }, { runs: [{ text: "Cardiology 🫀" }] }],
        [{ runs: [{ text: "" }] }, { runs: [{ text: "Đặng Văn 🐉", bold: true }] }],
      ],
      columnWidths: [2, 1],
    },
    { kind: "checkbox", checked: true, runs: [{ text: "Reviewed 📝" }] },
    { kind: "pageBreak" },
    { kind: "note", runs: [{ text: "LCME 🏥 note" }] },
    { kind: "fillIn", fields: [{ label: [{ text: "Teaching" }], blank: 4 }] },
    { kind: "signatures", lines: [{ label: "Chair 🖊️", dateLabel: "Date" }] },
  ],
};

describe("document requests", () => {
  const fake = new FakeGoogle("unused");
  const doc = fake.renderNew(documentRequests(model) as Record<string, unknown>[]);
  const styled = (key: string) =>
    doc.textStyles
      .filter((s) => s.style[key] === true)
      .map((s) => fake.textAt(doc.id, s.start, s.end));

  it("puts every piece of text in order, tables cell by cell", () => {
    expect(fake.documentText(doc.id).split("\n")).toEqual([
      "Annual Career Planning Conference 🌟",
      "Faculty: 👩🏽‍⚕️ Nguyễn Thị Lan ✔",
      "", // insertTable's newline before the table
      "Name 🧑‍🔬",
      "Division",
      decomposed,
      "Cardiology 🫀",
      "",
      "Đặng Văn 🐉",
      "☒ Reviewed 📝",
      "", // after the page break
      "LCME 🏥 note",
      "Teaching ____",
      `Chair 🖊️ ${"_".repeat(30)}   Date ${"_".repeat(12)}`,
      "", // the body's last paragraph
      "",
    ]);
  });

  it("is checked by a fake that refuses an index inside a surrogate pair", () => {
    expect(() =>
      new FakeGoogle("unused").renderNew([
        { insertText: { location: { index: 1 }, text: "🌟" } },
        { insertText: { location: { index: 2 }, text: "x" } },
      ]),
    ).toThrow(/surrogate/);
  });

  it("styles exactly the runs' text, whatever their UTF-16 length", () => {
    expect(styled("bold")).toEqual(["Nguyễn Thị Lan", "Name 🧑‍🔬", "Division", "Đặng Văn 🐉"]);
    expect(styled("italic")).toEqual([decomposed]);
    const heading = doc.paragraphStyles.map((s) => fake.textAt(doc.id, s.start, s.end));
    expect(heading).toEqual(["Annual Career Planning Conference 🌟\n"]);
    const small = doc.textStyles
      .filter((s) => s.style.fontSize !== undefined)
      .map((s) => fake.textAt(doc.id, s.start, s.end));
    expect(small).toEqual(["LCME 🏥 note\n"]);
    expect(doc.columnWidths).toBe(2);
  });
});
