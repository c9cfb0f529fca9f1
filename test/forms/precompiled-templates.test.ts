/**
 * The pane's precompiled templates (excel-addin/build.ts: Handlebars.precompile with the
 * core's options, run by handlebars/runtime) write exactly what the compiled ones write.
 */
import { describe, expect, it } from "vitest";
import Handlebars from "handlebars";
import Runtime from "handlebars/runtime";
import {
  defaultFormTemplates,
  formTemplateCompileOptions,
  formTemplateFrom,
  loadFormTemplate,
  registerTemplateHelpers,
  sampleMergeData,
} from "../../shared/index.js";

describe("precompiled form templates", () => {
  it.each(["faculty", "chair"] as const)("the %s form merges the same as compiled", (kind) => {
    const text = defaultFormTemplates[kind];
    // What esbuild puts into the bundle, evaluated here as the bundle would be.
    const source = String(Handlebars.precompile(text, formTemplateCompileOptions));
    const spec = new Function(`return ${source};`)() as TemplateSpecification;
    const env = Runtime.create();
    registerTemplateHelpers(env);
    const precompiled = formTemplateFrom(kind, text, env.template(spec));
    const compiled = loadFormTemplate(kind, text);
    expect(precompiled.merge(sampleMergeData)).toBe(compiled.merge(sampleMergeData));
    expect(precompiled.render(sampleMergeData)).toEqual(compiled.render(sampleMergeData));
    expect(precompiled.merge(sampleMergeData).length).toBeGreaterThan(1000);
  });
});
