/**
 * Real files: the conference forms of the bundled Medicine roster written as .docx, read back
 * from word/document.xml without the `docx` package, and opened by LibreOffice (headless, to
 * PDF, read with pdftotext) as an independent client. All documents go through one LibreOffice
 * start; the HTML preview through a second.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readWorkbookFiles } from "../../cli/io/read-workbook.js";
import { writeDocx } from "../../cli/io/write-docx.js";
import { matchMentors } from "../../shared/job/match-mentors.js";
import {
  mergeConferenceForms,
  type MergeConferenceFormsResult,
} from "../../shared/job/merge-conference-forms.js";
import type { Person } from "../../shared/index.js";
import { renderHtml } from "../../shared/forms/render-html.js";
import { examplePath } from "../helpers/cli.js";
import { convertAllToPdfText, convertToPdfText } from "../helpers/libreoffice.js";
import { readDocx, type DocxContent } from "./docx-reader.js";

const footnote =
  "* Indicates Liaison Committee in Medical Education (LCME)-required Annual Career Conference topics";
const template = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../templates/forms/${name}`, import.meta.url)), "utf8");
const oneLine = (text: string) => text.replace(/\s+/g, " ");

describe("conference forms for the Medicine example as .docx files", () => {
  const work = mkdtempSync(join(tmpdir(), "mentor-match-forms-"));
  let result: MergeConferenceFormsResult;
  let people: Map<string, Person>;
  let mentees: Person[];
  const files = new Map<string, string>();
  const contents = new Map<string, DocxContent>();

  beforeAll(async () => {
    const snapshot = await readWorkbookFiles([examplePath("medicine-roster.xlsx")]);
    const matched = matchMentors({ snapshot, today: "2026-11-23" });
    if (!matched.ok) throw new Error(matched.error.message);
    people = new Map(matched.roster.people.map((person) => [person.id, person]));
    mentees = matched.roster.people.filter((person) => person.role !== "mentor");
    result = mergeConferenceForms({
      roster: matched.roster,
      match: matched.match,
      settings: matched.settings,
      // As a host does: the template files' text.
      templates: { faculty: template("faculty-form.hbs"), chair: template("chair-form.hbs") },
      now: "2026-11-23T14:05:00Z",
    });
    for (const document of result.documents) {
      const bytes = await writeDocx(document.model);
      const path = join(work, document.fileName);
      writeFileSync(path, bytes);
      files.set(document.chairKey, path);
      contents.set(document.chairKey, readDocx(bytes));
    }
  });

  it("makes one document per chair holding every mentee exactly once", () => {
    expect(result.documents.map((d) => d.chairName)).toEqual([
      "Akira Haddad",
      "Javier Natarajan",
      "Jean-Luc Schwartz",
      "Mei Sokolov",
      "Tariq Moreau",
      "Yasmin Yamamoto",
      "Zoë Kowalski",
    ]);
    const all = result.documents.flatMap((d) => d.faculty);
    expect([...all].sort()).toEqual(mentees.map((p) => p.id).sort());
    expect(result.issues).toEqual([]);
  });

  it("reads back with both forms' headings, every name, check boxes and page breaks", () => {
    for (const document of result.documents) {
      const content = contents.get(document.chairKey)!;
      const headings = content.paragraphs.filter((p) => p.style === "Heading1").map((p) => p.text);
      expect(headings).toEqual(
        document.faculty.flatMap(() => [
          "Annual Career Planning Conference 2026–2027 Faculty Form",
          "Annual Career Planning Conference 2026–2027 Chair Form",
        ]),
      );
      const names = content.paragraphs
        .filter((p) => p.text.startsWith("Name of Faculty: "))
        .map((p) => p.text.slice("Name of Faculty: ".length).replace(/, [^,]*$/, ""));
      expect(names).toEqual(document.faculty.map((id) => people.get(id)!.name));
      expect(content.pageBreaks).toBe(document.faculty.length * 2 - 1);
      // 15 accomplishments, 3 goals, 4 areas, 3 answers on the faculty form; 3 on the chair form.
      expect(content.checkBoxes).toHaveLength(document.faculty.length * 28);
      // The one ticked box per faculty member is their Area of Excellence from the roster.
      expect(content.checkBoxes.filter(Boolean)).toHaveLength(document.faculty.length);
      expect(content.xml).toContain("<w:tbl>");
      expect(content.paragraphs.filter((p) => p.text === footnote)).toHaveLength(
        document.faculty.length * 2,
      );
      expect(
        content.paragraphs.some(
          (p) => p.inTable && p.text === document.chairName && document.chairKey !== "unassigned",
        ),
      ).toBe(true);
    }
  });

  it("opens in LibreOffice with the names, both forms, the teaching period and the LCME note", () => {
    const texts = convertAllToPdfText([...files.values()]);
    for (const document of result.documents) {
      const text = oneLine(texts.get(files.get(document.chairKey)!)!);
      expect(text).toContain("Annual Career Planning Conference");
      expect(text).toContain("Faculty Form");
      expect(text).toContain("Chair Form");
      expect(text).toContain("7/1/2026–6/30/2027");
      expect(text).toContain("before April 1, 2027");
      expect(text).toContain(footnote);
      for (const id of document.faculty) expect(text).toContain(people.get(id)!.name);
      expect(text).toContain(
        `Name of Chair/Mentor/Designee for Career Conference: ${document.chairName}`,
      );
    }
  });

  it("previews as HTML that LibreOffice reads too", () => {
    const document = result.documents.find((d) => d.chairName === "Tariq Moreau")!;
    const path = join(work, "preview.html");
    writeFileSync(path, renderHtml(document.model));
    const text = oneLine(convertToPdfText(path));
    expect(text).toContain("Annual Career Planning Conference 2026–2027 Faculty Form");
    expect(text).toContain("Jamal von Stein");
    expect(text).toContain(footnote);
  });
});
