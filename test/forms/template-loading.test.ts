/**
 * Loading a template checks every path against the merge data, in every context (#each, #with,
 * #if, block parameters, ../, @root), and fails with the template, the line and the field.
 */
import { describe, expect, it } from "vitest";
import { loadFormTemplate, TemplateError } from "../../shared/forms/template.js";
import { sampleMergeData } from "../../shared/forms/merge-data.js";

function rejection(text: string, name = "my-template"): TemplateError {
  try {
    loadFormTemplate(name, text);
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error("the template was accepted");
}

describe("loading a template with a field the data does not have", () => {
  it("rejects {{faculty.nickname}} naming the template, the line and the field", () => {
    const error = rejection("# Form\nName: {{faculty.name}}\nCalled: {{faculty.nickname}}\n");
    expect(error.template).toBe("my-template");
    expect(error.line).toBe(3);
    expect(error.field).toBe("faculty.nickname");
    expect(error.problems[0]!.code).toBe("unknown-field");
    expect(error.message).toContain('Template "my-template", line 3');
    expect(error.message).toContain("faculty.nickname");
    expect(error.message).toContain("name, rank, division, department, email, areaOfExcellence");
  });

  it("rejects {{foo}} inside {{#each mentors}}, where the context is a mentor", () => {
    const error = rejection("Mentors:\n\n{{#each mentors}}{{foo}}{{/each}}");
    expect(error.line).toBe(3);
    expect(error.field).toBe("foo");
    expect(error.message).toMatch(
      /line 3: .*"foo".*each mentors item.*name, role, institution, division/,
    );
  });

  it("rejects a top-level field used inside #each without ../", () => {
    expect(rejection("{{#each mentees}}{{program.name}}{{/each}}").field).toBe("program.name");
  });

  it("lists every problem, in template order", () => {
    const error = rejection(
      "{{faculty.nick}}\n{{#if chair.phone}}x{{/if}}\n{{#with program}}{{year}}{{/with}}",
    );
    expect(error.problems.map((p) => [p.line, p.field])).toEqual([
      [1, "faculty.nick"],
      [2, "chair.phone"],
      [3, "year"],
    ]);
    expect(error.message).toContain("has 3 problems");
  });

  it("rejects #each over a value, #with over a list, a group printed as a value", () => {
    expect(rejection("{{#each faculty.name}}x{{/each}}").problems[0]!.code).toBe("not-a-list");
    expect(rejection("{{#with mentors}}x{{/with}}").problems[0]!.code).toBe("not-an-object");
    expect(rejection("{{faculty}}").problems[0]!.code).toBe("not-a-value");
    expect(rejection("{{mentors}}").problems[0]!.code).toBe("not-a-value");
  });

  it("rejects unknown helpers, partials, @index outside #each and paths above the data", () => {
    expect(rejection("{{shout faculty.name}}").problems[0]!.code).toBe("unknown-helper");
    expect(rejection("{{#repeat mentors}}x{{/repeat}}").problems[0]!.code).toBe("unknown-helper");
    expect(rejection("{{> header}}").problems[0]!.code).toBe("partial");
    expect(rejection("{{@index}}").problems[0]!.code).toBe("unknown-field");
    expect(rejection("{{../faculty.name}}").problems[0]!.code).toBe("unknown-field");
    expect(rejection("{{box}}").problems[0]!.code).toBe("wrong-arguments");
  });

  it("reports a Handlebars syntax error with its line", () => {
    const error = rejection("# Form\n\n{{#each mentors}}\n{{name}}\n");
    expect(error.problems[0]!.code).toBe("syntax");
    expect(error.message).toContain("my-template");
  });

  it("reports markup the template produces that does not parse", () => {
    const error = rejection("@signatur Faculty Member | Date");
    expect(error.problems[0]!.code).toBe("markup");
    expect(error.message).toContain("@signatur");
  });
});

describe("loading a template that uses the data correctly", () => {
  it("accepts each/with/if/unless, block parameters, ../, @root, @index, this and length", () => {
    const template = loadFormTemplate(
      "ok",
      [
        "# {{program.name}} {{program.academicYear}}",
        "{{#with faculty}}**{{name}}** ({{this.rank}}) in {{../program.name}}{{/with}}",
        "{{#each mentors as |mentor i|}}",
        "| {{i}} | {{mentor.name}} | {{@index}} | {{../faculty.name}} | {{@root.chair.name}} |",
        "{{/each}}",
        "{{#if mentees.length}}Mentees: {{#each mentees}}{{name}}{{#unless @last}}, {{/unless}}{{/each}}{{else}}none{{/if}}",
        '{{box (eq faculty.areaOfExcellence "investigation")}} Investigation',
        'Date {{blank 12}} {{blank "Signed" 20}}',
      ].join("\n"),
    );
    const text = template.merge(sampleMergeData);
    expect(text).toContain("[x] Investigation");
    expect(text).toContain("Date ____________ Signed ____________________");
    expect(template.render(sampleMergeData)[0]).toEqual({
      kind: "heading",
      level: 1,
      runs: [{ text: "Faculty Mentoring Program 2026–2027" }],
    });
  });
});
