/** Career conference forms: the document model, the markup, templates and renderers. */
export * from "./document-model.js";
export { escapeMarkup, unescapeMarkup, parseMarkup, parseInline, MarkupError } from "./markup.js";
export {
  formMergeDataSchema,
  formatDeadline,
  sampleMergeData,
  type FormMergeData,
} from "./merge-data.js";
export {
  loadFormTemplate,
  loadFormTemplates,
  checkFormTemplate,
  formTemplateFrom,
  formTemplateCompileOptions,
  registerTemplateHelpers,
  templateHelpers,
  TemplateError,
  type FormTemplate,
  type FormTemplates,
  type TemplateProblem,
  type TemplateProblemCode,
} from "./template.js";
export {
  defaultFormTemplates,
  defaultFacultyFormTemplate,
  defaultChairFormTemplate,
} from "./default-templates.js";
export { renderHtml, escapeHtml } from "./render-html.js";
export { safeFileStem } from "./file-name.js";
export {
  formsLogSheetName,
  formsLogHeader,
  fileColumnHeader,
  type FormsDocumentKind,
  unassignedChairName,
  readFormsLog,
  type FormsLog,
  type FormsLogEntry,
} from "./forms-log.js";
