/**
 * Form templates: Handlebars text producing forms markup (markup.ts). Loading a template walks
 * its syntax tree and rejects every path the merge data does not have — inside `#each`, `#with`
 * and `#if` too — so a typo fails when the template is loaded, naming the template, the line
 * and the field, instead of printing an empty blank on two hundred forms. Merged values are
 * escaped for the markup (never HTML-escaped): `O'Brien *Jr*` prints as written.
 */
import Handlebars from "handlebars";
import type { Block } from "./document-model.js";
import { escapeMarkup, MarkupError, parseMarkup, unescapeMarkup } from "./markup.js";
import {
  formMergeShape,
  sampleMergeData,
  type FieldShape,
  type FormMergeData,
} from "./merge-data.js";

export type TemplateProblemCode =
  | "syntax"
  | "unknown-field"
  | "not-a-value"
  | "not-a-list"
  | "not-an-object"
  | "unknown-helper"
  | "wrong-arguments"
  | "partial"
  | "decorator"
  | "markup";

export interface TemplateProblem {
  code: TemplateProblemCode;
  /** 1-based line in the template (for "markup" written by {{…}}, in the merged text). */
  line: number;
  column: number;
  /** The field or helper as written (`faculty.nickname`, `foo`), or null. */
  field: string | null;
  message: string;
}

/** A template that cannot be used; `problems` lists every one found, in template order. */
export class TemplateError extends Error {
  readonly template: string;
  readonly problems: readonly TemplateProblem[];

  constructor(template: string, problems: readonly TemplateProblem[]) {
    const lines = problems.map((p) => `  line ${p.line}: ${p.message}`);
    super(
      problems.length === 1
        ? `Template "${template}", line ${problems[0]!.line}: ${problems[0]!.message}`
        : `Template "${template}" has ${problems.length} problems:\n${lines.join("\n")}`,
    );
    this.name = "TemplateError";
    this.template = template;
    this.problems = problems;
  }

  /** The first problem's line. */
  get line(): number {
    return this.problems[0]?.line ?? 0;
  }

  /** The first problem's field, or null. */
  get field(): string | null {
    return this.problems[0]?.field ?? null;
  }
}

/** Helpers a template may call, besides the block helpers each, with, if and unless. */
export const templateHelpers = {
  /** `{{blank 15}}` or `{{blank "Date" 15}}`: a fill-in blank of that many characters (20). */
  blank: { minArgs: 0, maxArgs: 2 },
  /** `{{box flag}}`: a check box, ticked when flag is true — `[x]` or `[ ]`. */
  box: { minArgs: 1, maxArgs: 1 },
  /** `(eq a b)`: equal ignoring case and spaces; for #if and box. */
  eq: { minArgs: 2, maxArgs: 2 },
} as const;
type HelperName = keyof typeof templateHelpers;
const blockHelpers = new Set(["each", "with", "if", "unless"]);

function isHelper(name: string): name is HelperName {
  return Object.hasOwn(templateHelpers, name);
}

// ---------------------------------------------------------------------------------------------
// The strict field check

type Node = hbs.AST.Node;

interface Scope {
  /** The context `this` refers to. */
  shape: FieldShape;
  /** Block parameters (`as |mentor i|`) declared by this scope's block. */
  params: ReadonlyMap<string, FieldShape>;
  /** Inside an #each: @index, @first, @last, @key are defined. */
  inEach: boolean;
  /** How to name this context in messages ("faculty", "each mentors item"). */
  label: string;
}

class FieldChecker {
  readonly problems: TemplateProblem[] = [];

  constructor(private readonly root: FieldShape) {}

  check(program: hbs.AST.Program): void {
    this.program(program, [{ shape: this.root, params: new Map(), inEach: false, label: "" }]);
  }

  private report(node: Node, code: TemplateProblemCode, field: string | null, message: string) {
    this.problems.push({
      code,
      line: node.loc.start.line,
      column: node.loc.start.column,
      field,
      message,
    });
  }

  private program(program: hbs.AST.Program, scopes: readonly Scope[]): void {
    for (const statement of program.body) this.statement(statement, scopes);
  }

  private statement(node: Node, scopes: readonly Scope[]): void {
    switch (node.type) {
      case "ContentStatement":
      case "CommentStatement":
        return;
      case "MustacheStatement":
        return this.mustache(node as hbs.AST.MustacheStatement, scopes);
      case "BlockStatement":
        return this.block(node as hbs.AST.BlockStatement, scopes);
      case "PartialStatement":
      case "PartialBlockStatement":
        return this.report(node, "partial", null, "partials ({{> name}}) are not supported");
      case "Decorator":
      case "DecoratorBlock":
        return this.report(node, "decorator", null, "decorators ({{* name}}) are not supported");
      default:
        return this.report(node, "syntax", null, `unexpected ${node.type}`);
    }
  }

  private mustache(node: hbs.AST.MustacheStatement, scopes: readonly Scope[]): void {
    if (node.path.type !== "PathExpression") {
      this.report(node, "syntax", null, "a {{…}} must name a field or a helper");
      return;
    }
    const path = node.path as hbs.AST.PathExpression;
    const called = node.params.length > 0 || pairsOf(node.hash).length > 0;
    if (isSimple(path) && isHelper(path.original)) {
      this.helperCall(node, path.original, node.params, node.hash, scopes);
      return;
    }
    if (called || blockHelpers.has(path.original)) {
      this.unknownHelper(node, path.original);
      return;
    }
    const shape = this.resolve(path, scopes);
    if (shape !== null && shape.kind !== "value")
      this.report(
        node,
        "not-a-value",
        path.original,
        `{{${path.original}}} is a ${shape.kind === "list" ? "list" : "group of fields"}, not a value` +
          (shape.kind === "object" ? ` (its fields: ${fieldNames(shape)})` : ""),
      );
  }

  private block(node: hbs.AST.BlockStatement, scopes: readonly Scope[]): void {
    const name = node.path.original;
    const inner = (shape: FieldShape, inEach: boolean, label: string, params: FieldShape[]) => {
      const names = node.program.blockParams ?? [];
      const scope: Scope = {
        shape,
        inEach,
        label,
        params: new Map(names.map((param, i) => [param, params[i] ?? valueShape("number")])),
      };
      this.program(node.program, [...scopes, scope]);
      if (node.inverse) this.program(node.inverse, scopes);
    };
    if (!isSimple(node.path) || !blockHelpers.has(name)) {
      this.unknownHelper(node, name);
      return;
    }
    if (node.params.length !== 1) {
      this.report(node, "wrong-arguments", name, `{{#${name}}} takes exactly one field`);
      return;
    }
    const allowedHash = name === "if" || name === "unless" ? ["includeZero"] : [];
    for (const pair of pairsOf(node.hash))
      if (!allowedHash.includes(pair.key))
        this.report(pair, "wrong-arguments", name, `{{#${name}}} has no option ${pair.key}=`);
    const argument = node.params[0]!;
    if (name === "if" || name === "unless") {
      this.expression(argument, scopes);
      this.program(node.program, scopes);
      if (node.inverse) this.program(node.inverse, scopes);
      return;
    }
    if (argument.type !== "PathExpression") {
      this.report(node, "wrong-arguments", name, `{{#${name}}} takes a field, not a value`);
      return;
    }
    const path = argument as hbs.AST.PathExpression;
    const shape = this.resolve(path, scopes);
    if (shape === null) return;
    if (name === "each") {
      if (shape.kind !== "list") {
        this.report(node, "not-a-list", path.original, `{{#each ${path.original}}} needs a list`);
        return;
      }
      inner(shape.item, true, `each ${path.original} item`, [shape.item, valueShape("number")]);
      return;
    }
    if (shape.kind !== "object") {
      this.report(
        node,
        "not-an-object",
        path.original,
        `{{#with ${path.original}}} needs a group of fields`,
      );
      return;
    }
    inner(shape, false, path.original, [shape]);
  }

  private helperCall(
    node: Node,
    name: HelperName,
    params: hbs.AST.Expression[],
    hash: hbs.AST.Hash,
    scopes: readonly Scope[],
  ): void {
    const { minArgs, maxArgs } = templateHelpers[name];
    if (params.length < minArgs || params.length > maxArgs || pairsOf(hash).length > 0)
      this.report(
        node,
        "wrong-arguments",
        name,
        `${name} takes ${minArgs === maxArgs ? minArgs : `${minArgs} to ${maxArgs}`} argument(s)` +
          (pairsOf(hash).length > 0 ? " and no options" : ""),
      );
    for (const param of params) this.expression(param, scopes);
  }

  private expression(node: hbs.AST.Expression, scopes: readonly Scope[]): void {
    if (node.type === "PathExpression") {
      const path = node as hbs.AST.PathExpression;
      if (isSimple(path) && isHelper(path.original)) {
        this.report(node, "wrong-arguments", path.original, `call ${path.original} in (…)`);
        return;
      }
      const shape = this.resolve(path, scopes);
      if (shape !== null && shape.kind === "object")
        this.report(node, "not-a-value", path.original, `${path.original} is a group of fields`);
      return;
    }
    if (node.type === "SubExpression") {
      const sub = node as hbs.AST.SubExpression;
      const name = sub.path.original;
      if (isSimple(sub.path) && isHelper(name))
        this.helperCall(sub, name, sub.params, sub.hash, scopes);
      else this.unknownHelper(sub, name);
    }
    // Literals need no check.
  }

  private unknownHelper(node: Node, name: string): void {
    this.report(
      node,
      "unknown-helper",
      name,
      `unknown helper "${name}" (helpers: ${Object.keys(templateHelpers).join(", ")}; ` +
        `blocks: ${[...blockHelpers].join(", ")})`,
    );
  }

  /** The shape a path names, or null after reporting why it names nothing. */
  private resolve(path: hbs.AST.PathExpression, scopes: readonly Scope[]): FieldShape | null {
    const field = path.original;
    const fail = (message: string): null => {
      this.report(path, "unknown-field", field, message);
      return null;
    };
    let shape: FieldShape;
    let parts = path.parts;
    let label: string;
    if (path.data) {
      const [head = "", ...rest] = parts;
      if (head === "root") {
        shape = this.root;
        parts = rest;
        label = "";
      } else if (["index", "first", "last", "key"].includes(head)) {
        if (!scopes.some((scope) => scope.inEach))
          return fail(`@${head} is only defined inside {{#each}}`);
        return rest.length === 0
          ? valueShape(head === "key" ? "text" : "number")
          : fail(`@${head} has no fields`);
      } else return fail(`@${head} is not defined (use @root, @index, @first, @last, @key)`);
    } else {
      if (path.depth >= scopes.length)
        return fail(`${field} goes up ${path.depth} level(s), above the top of the data`);
      const scope = scopes[scopes.length - 1 - path.depth]!;
      const scoped = /^(this|\.)(\/|\.|$)/.test(field);
      const head = parts[0];
      const param =
        !scoped && path.depth === 0 && head !== undefined
          ? [...scopes].reverse().find((s) => s.params.has(head))
          : undefined;
      if (param !== undefined) {
        shape = param.params.get(head!)!;
        parts = parts.slice(1);
        label = head!;
      } else {
        shape = scope.shape;
        label = scope.label;
      }
    }
    for (const part of parts) {
      if (shape.kind === "list" && part === "length") {
        shape = valueShape("number");
        label = label === "" ? part : `${label}.${part}`;
        continue;
      }
      if (shape.kind !== "object") {
        return fail(
          `"${part}" is not a field: ${label === "" ? "the data" : label} is a ${shape.kind === "list" ? "list" : "value"}`,
        );
      }
      const next = shape.fields.get(part);
      if (next === undefined)
        return fail(
          `"${field}" is not a merge field: ${label === "" ? "the data" : label} has no "${part}" ` +
            `(its fields: ${fieldNames(shape)})`,
        );
      shape = next;
      label = label === "" || label.startsWith("each ") ? part : `${label}.${part}`;
    }
    return shape;
  }
}

/** A node's hash pairs; Handlebars leaves `hash` out when there are none. */
function pairsOf(hash: hbs.AST.Hash | undefined): hbs.AST.HashPair[] {
  return hash?.pairs ?? [];
}

function isSimple(path: hbs.AST.PathExpression): boolean {
  return !path.data && path.depth === 0 && path.parts.length === 1 && !path.original.includes("/");
}

function valueShape(type: "text" | "number" | "flag"): FieldShape {
  return { kind: "value", type };
}

function fieldNames(shape: Extract<FieldShape, { kind: "object" }>): string {
  return [...shape.fields.keys()].join(", ");
}

// ---------------------------------------------------------------------------------------------
// Loading and rendering

/** A loaded, checked template: renders merge data to document blocks. */
export interface FormTemplate {
  readonly name: string;
  readonly text: string;
  /** The merged markup text (for debugging templates). */
  merge(data: FormMergeData): string;
  /** The merged template as blocks. Throws {@link MarkupError} only for a broken template. */
  render(data: FormMergeData): Block[];
}

function syntaxProblem(error: unknown): TemplateProblem {
  const message = error instanceof Error ? error.message : String(error);
  const line = /line (\d+)/.exec(message);
  return {
    code: "syntax",
    line: line === null ? 1 : Number(line[1]),
    column: 0,
    field: null,
    message: message.split("\n")[0]!.replace(/:$/, "") + ` — ${message.split("\n").pop()}`,
  };
}

/**
 * The options templates are compiled with, at run time here or ahead of time by a host whose
 * page forbids `new Function` (the Excel pane's CSP: excel-addin/build.ts precompiles).
 */
export const formTemplateCompileOptions = {
  noEscape: true,
  strict: true,
  knownHelpers: { blank: true, box: true, eq: true },
  knownHelpersOnly: true,
} as const;

function createEnvironment(): typeof Handlebars {
  const env = Handlebars.create();
  registerTemplateHelpers(env);
  return env;
}

/** Registers the helpers on a Handlebars environment, the full one or `handlebars/runtime`. */
export function registerTemplateHelpers(env: Pick<typeof Handlebars, "registerHelper">): void {
  env.registerHelper("blank", (...args: unknown[]) => {
    const given = args.slice(0, -1); // the last argument is Handlebars' options
    const label = given.find((arg) => typeof arg === "string");
    const length = given.find((arg) => typeof arg === "number");
    const size = Math.max(3, Math.min(200, Math.round(typeof length === "number" ? length : 20)));
    return `${typeof label === "string" && label !== "" ? `${label} ` : ""}${"_".repeat(size)}`;
  });
  env.registerHelper("box", (flag: unknown) => (flag === true ? "[x]" : "[ ]"));
  env.registerHelper("eq", (a: unknown, b: unknown) => fold(a) === fold(b));
}

function fold(value: unknown): string {
  return unescapeMarkup(String(value ?? ""))
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/** Every string in the data escaped for the markup; the structure is unchanged. */
function escapedData(value: unknown): unknown {
  if (typeof value === "string") return escapeMarkup(value);
  if (Array.isArray(value)) return value.map(escapedData);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapedData(v)]));
  return value;
}

/**
 * Checks and compiles a template. Throws {@link TemplateError} naming the template, the line and
 * the field for every path the merge data does not have, any helper or partial we do not offer,
 * a syntax error, or markup the template produces that does not parse.
 */
export function loadFormTemplate(name: string, text: string): FormTemplate {
  checkFormTemplate(name, text);
  const compiled = createEnvironment().compile(text, formTemplateCompileOptions);
  return formTemplateFrom(name, text, compiled);
}

/**
 * Checks a template without evaluating anything (parse and field check only): what a page
 * under a strict CSP may do with template text. Throws {@link TemplateError}.
 */
export function checkFormTemplate(name: string, text: string): void {
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(text);
  } catch (error) {
    throw new TemplateError(name, [syntaxProblem(error)]);
  }
  const checker = new FieldChecker(formMergeShape);
  checker.check(ast);
  if (checker.problems.length > 0) throw new TemplateError(name, checker.problems);
}

/**
 * A checked template and its compiled function — compiled here, or precompiled at build time
 * with {@link formTemplateCompileOptions} and run by `handlebars/runtime`. Renders it on trial
 * data; throws {@link TemplateError} when the markup it writes does not parse.
 */
export function formTemplateFrom(
  name: string,
  text: string,
  compiled: (data: unknown) => string,
): FormTemplate {
  const merge = (data: FormMergeData): string => compiled(escapedData(data));
  const template: FormTemplate = {
    name,
    text,
    merge,
    render: (data) => parseMarkup(merge(data)),
  };
  // A trial render with data full of markup characters, with and without list items.
  for (const data of [sampleMergeData, { ...sampleMergeData, mentors: [], mentees: [] }]) {
    try {
      template.render(data);
    } catch (error) {
      if (error instanceof MarkupError) {
        // The template line that wrote the broken line, when it is there word for word.
        const source = text.split(/\r\n|\r|\n/).findIndex((line) => line.trim() === error.lineText);
        throw new TemplateError(name, [
          {
            code: "markup",
            line: source >= 0 ? source + 1 : error.line,
            column: 0,
            field: null,
            message:
              `the markup does not parse: ${error.reason}: ${error.lineText}` +
              (source >= 0 ? "" : ` (line ${error.line} of the merged text)`),
          },
        ]);
      }
      throw new TemplateError(name, [syntaxProblem(error)]);
    }
  }
  return template;
}

export interface FormTemplates {
  faculty: FormTemplate;
  chair: FormTemplate;
}

/** Loads the faculty and chair templates, named "faculty-form" and "chair-form" in errors. */
export function loadFormTemplates(texts: { faculty: string; chair: string }): FormTemplates {
  return {
    faculty: loadFormTemplate("faculty-form", texts.faculty),
    chair: loadFormTemplate("chair-form", texts.chair),
  };
}
