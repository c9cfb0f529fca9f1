/**
 * The source of `virtual:precompiled-form-templates`: each default form template as a
 * Handlebars template spec, for the pane's build (esbuild) and for the tests (Vite), so both
 * run the very templates the page runs under its strict CSP.
 */
import Handlebars from "handlebars";
import { defaultFormTemplates } from "../shared/forms/default-templates.js";
import { formTemplateCompileOptions } from "../shared/forms/template.js";

export const precompiledTemplatesId = "virtual:precompiled-form-templates";

export function precompiledTemplatesSource(): string {
  const spec = (text: string) => Handlebars.precompile(text, formTemplateCompileOptions);
  return [
    `export const faculty = ${String(spec(defaultFormTemplates.faculty))};`,
    `export const chair = ${String(spec(defaultFormTemplates.chair))};`,
  ].join("\n");
}
