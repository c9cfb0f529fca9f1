/**
 * The HTML preview: one standalone page, every block kind rendered, everything escaped.
 */
import { describe, expect, it } from "vitest";
import { renderHtml } from "../../shared/forms/render-html.js";
import type { FormDocument } from "../../shared/forms/document-model.js";
import { loadFormTemplates } from "../../shared/forms/template.js";
import { defaultFormTemplates } from "../../shared/forms/default-templates.js";
import { sampleMergeData } from "../../shared/forms/merge-data.js";

const hostile = `<script>alert("x")</script> & 'quotes'`;

const document: FormDocument = {
  title: `Forms & ${hostile}`,
  blocks: [
    { kind: "heading", level: 1, runs: [{ text: "Annual Career Planning Conference" }] },
    {
      kind: "paragraph",
      runs: [
        { text: "Name:", bold: true },
        { text: ` ${hostile}`, italic: true },
      ],
    },
    { kind: "checkbox", checked: true, runs: [{ text: "Investigation" }] },
    { kind: "checkbox", checked: false, runs: [{ text: "Not Sure" }] },
    {
      kind: "table",
      header: [{ runs: [{ text: "Mentor Name" }] }, { runs: [{ text: "Role" }] }],
      rows: [[{ runs: [{ text: hostile }] }, { runs: [] }]],
      columnWidths: [3, 1],
    },
    { kind: "fillIn", fields: [{ label: [{ text: "Comments:" }], blank: 20 }] },
    { kind: "signatures", lines: [{ label: "Faculty Member", dateLabel: "Date" }] },
    { kind: "pageBreak" },
    { kind: "note", runs: [{ text: "* LCME" }] },
  ],
};

describe("the HTML preview of a form document", () => {
  const html = renderHtml(document);

  it("is a standalone UTF-8 page that loads nothing and runs nothing", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script|<link|src=|href=/i);
  });

  it("escapes every text, the title included", () => {
    expect(html).toContain(
      "<title>Forms &#38; &#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#39;quotes&#39;</title>",
    );
    expect(html.split("&#60;script&#62;")).toHaveLength(4); // title, paragraph, table cell
  });

  it("renders each block kind", () => {
    expect(html).toContain("<h1>Annual Career Planning Conference</h1>");
    expect(html).toContain("<strong>Name:</strong><em> &#60;script");
    expect(html).toContain('aria-label="checked">☒</span> Investigation');
    expect(html).toContain('aria-label="not checked">☐</span> Not Sure');
    expect(html).toContain('<col style="width:75.0%"><col style="width:25.0%">');
    expect(html).toContain("<th>Mentor Name</th>");
    expect(html).toMatch(/Comments:<span class="blank"/);
    expect(html).toContain("<span>Faculty Member</span>");
    expect(html).toContain('<hr class="page-break">');
    expect(html).toContain('<p class="note">* LCME</p>');
  });

  it("previews the default forms with a merged name verbatim", () => {
    const templates = loadFormTemplates(defaultFormTemplates);
    const preview = renderHtml({
      title: "Preview",
      blocks: templates.faculty.render(sampleMergeData),
    });
    expect(preview).toContain("Alex O&#39;Brien *Jr* | [x], Assistant Professor");
  });
});
