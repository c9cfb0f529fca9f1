/**
 * The built-in form templates for a page under a strict CSP (no 'unsafe-eval'): precompiled by
 * excel-addin/build.ts and run with `handlebars/runtime`, which never evaluates strings. The
 * text is still checked (parsed, not evaluated) and trial-rendered like any template.
 */
import Runtime from "handlebars/runtime";
import { chair, faculty } from "virtual:precompiled-form-templates";
import {
  checkFormTemplate,
  defaultFormTemplates,
  formTemplateFrom,
  registerTemplateHelpers,
  type FormTemplates,
} from "../../../shared/index.js";

let loaded: FormTemplates | undefined;

export function builtInFormTemplates(): FormTemplates {
  if (loaded !== undefined) return loaded;
  const env = Runtime.create();
  registerTemplateHelpers(env);
  const load = (name: string, text: string, spec: TemplateSpecification) => {
    checkFormTemplate(name, text);
    return formTemplateFrom(name, text, env.template(spec));
  };
  loaded = {
    faculty: load("faculty-form", defaultFormTemplates.faculty, faculty),
    chair: load("chair-form", defaultFormTemplates.chair, chair),
  };
  return loaded;
}
