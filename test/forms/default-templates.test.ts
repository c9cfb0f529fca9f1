/**
 * The default templates: the .hbs files and the copy the core exports are the same text, and
 * both load (strict field check and trial render) and produce both forms' landmarks.
 */
import { describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  defaultChairFormTemplate,
  defaultFacultyFormTemplate,
} from "../../shared/forms/default-templates.js";
import { loadFormTemplates } from "../../shared/forms/template.js";
import { sampleMergeData } from "../../shared/forms/merge-data.js";
import { documentText } from "../../shared/forms/document-model.js";

const file = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const hbs = {
  faculty: readFileSync(file("templates/forms/faculty-form.hbs"), "utf8"),
  chair: readFileSync(file("templates/forms/chair-form.hbs"), "utf8"),
};

/** Rewrites shared/forms/default-templates.ts from the .hbs files (UPDATE_FORM_TEMPLATES=1). */
function regenerate(): void {
  const path = file("shared/forms/default-templates.ts");
  const source = readFileSync(path, "utf8");
  const replaced = source
    .replace(
      /(defaultFacultyFormTemplate = String\.raw`)[^`]*`/,
      (_, head: string) => `${head}${hbs.faculty}\``,
    )
    .replace(
      /(defaultChairFormTemplate = String\.raw`)[^`]*`/,
      (_, head: string) => `${head}${hbs.chair}\``,
    );
  writeFileSync(path, replaced);
}

describe("default form templates", () => {
  if (process.env.UPDATE_FORM_TEMPLATES === "1") regenerate();

  it("are exported by the core exactly as templates/forms/*.hbs says", () => {
    const hint =
      "templates/forms/*.hbs changed: refresh shared/forms/default-templates.ts with " +
      "UPDATE_FORM_TEMPLATES=1 npx vitest run test/forms/default-templates.test.ts";
    expect(defaultFacultyFormTemplate, hint).toBe(hbs.faculty);
    expect(defaultChairFormTemplate, hint).toBe(hbs.chair);
  });

  it("load and render the faculty form and the chair form with the LCME footnote", () => {
    const templates = loadFormTemplates(hbs);
    const faculty = documentText({ title: "", blocks: templates.faculty.render(sampleMergeData) });
    const chair = documentText({ title: "", blocks: templates.chair.render(sampleMergeData) });
    const footnote =
      "* Indicates Liaison Committee in Medical Education (LCME)-required Annual Career Conference topics";
    expect(faculty).toContain("Annual Career Planning Conference 2026–2027 Faculty Form");
    expect(faculty).toContain("Teaching Hours for the period 7/1/2026–6/30/2027");
    expect(faculty).toContain("before April 1, 2027");
    expect(faculty).toContain(sampleMergeData.faculty.name);
    expect(faculty.endsWith(footnote)).toBe(true);
    expect(chair).toContain("Annual Career Planning Conference 2026–2027 Chair Form");
    expect(chair).toContain(
      `Name of Chair/Mentor/Designee for Career Conference: ${sampleMergeData.chair.name}`,
    );
    expect(chair.endsWith(footnote)).toBe(true);
  });

  it("pre-tick the faculty member's Area of Excellence and nothing else", () => {
    const templates = loadFormTemplates(hbs);
    const boxes = templates.faculty
      .render({
        ...sampleMergeData,
        faculty: {
          ...sampleMergeData.faculty,
          areaOfExcellence: "Clinical Expertise and Innovation",
        },
      })
      .filter((block) => block.kind === "checkbox" && block.checked);
    expect(boxes).toEqual([
      { kind: "checkbox", checked: true, runs: [{ text: "Clinical Expertise and Innovation" }] },
    ]);
  });
});
