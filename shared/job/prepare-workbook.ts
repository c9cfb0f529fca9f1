/**
 * The steps a coordinator asks for, composed the same way in every host: match (always), then
 * action-plan tabs and/or conference forms. One main-workbook patch whose Pairs sheet links the
 * tabs and whose Issues sheet holds every step's issues; patches for additional plan
 * workbooks; the documents to render. Hosts only read, render and write.
 */
import type { Issue } from "../issue.js";
import type { Patch } from "../workbook/patch.js";
import type { WorkbookSnapshot } from "../workbook/snapshot.js";
import type { MappingOverride } from "../roster/schema.js";
import type { PresetName } from "../rules/settings.js";
import type { FormTemplate } from "../forms/template.js";
import type { FormsDocumentKind } from "../forms/forms-log.js";
import { matchMentors, matchSheetsPatch, type MatchedWorkbook } from "./match-mentors.js";
import {
  createActionPlans,
  type CreateActionPlansResult,
  type PlanWorkbook,
} from "./create-action-plans.js";
import { mergeConferenceForms, type MergeConferenceFormsResult } from "./merge-conference-forms.js";

export interface PrepareWorkbookInput {
  snapshot: WorkbookSnapshot;
  /** YYYY-MM-DD and an ISO timestamp: the host's clock, passed in. */
  today: string;
  now: string;
  preset?: PresetName | undefined;
  mapping?: MappingOverride | undefined;
  plans?: {
    planWorkbooks?: readonly PlanWorkbook[];
    tabBudget?: number | undefined;
    planWorkbookName: (n: number) => string;
  };
  forms?: {
    templates: { faculty: string | FormTemplate; chair: string | FormTemplate };
    /** Most characters per document (Google Docs ≈ 1 M); further forms go to "(part n)". */
    maxDocumentCharacters?: number | undefined;
    /** Word files (default) or Google Docs, as the Forms log names them. */
    documentKind?: FormsDocumentKind | undefined;
  };
}

export type PrepareWorkbookResult =
  | {
      ok: true;
      matched: MatchedWorkbook;
      plans: CreateActionPlansResult | null;
      forms: MergeConferenceFormsResult | null;
      /** Every issue of every step, in order. */
      issues: Issue[];
      /** All the main workbook needs, in order. */
      patch: Patch;
    }
  | { ok: false; error: Issue; issues: Issue[] };

export function prepareWorkbook(input: PrepareWorkbookInput): PrepareWorkbookResult {
  const matched = matchMentors({
    snapshot: input.snapshot,
    today: input.today,
    preset: input.preset,
    mapping: input.mapping,
  });
  if (!matched.ok) return matched;
  const plans =
    input.plans === undefined
      ? null
      : createActionPlans({
          matched,
          snapshot: input.snapshot,
          planWorkbooks: input.plans.planWorkbooks,
          today: input.today,
          tabBudget: input.plans.tabBudget,
          planWorkbookName: input.plans.planWorkbookName,
        });
  const forms =
    input.forms === undefined
      ? null
      : mergeConferenceForms({
          roster: matched.roster,
          match: matched.match,
          settings: matched.settings,
          templates: input.forms.templates,
          maxDocumentCharacters: input.forms.maxDocumentCharacters,
          documentKind: input.forms.documentKind,
          existingLog: matched.targets.forms.existing,
          logSheetName: matched.targets.forms.name,
          now: input.now,
        });
  const stepIssues = [...(plans?.issues ?? []), ...(forms?.issues ?? [])];
  return {
    ok: true,
    matched,
    plans,
    forms,
    issues: [...matched.issues, ...stepIssues],
    patch: {
      ops: [
        ...matchSheetsPatch(matched, { planLinks: plans?.planLinks, extraIssues: stepIssues }).ops,
        ...(plans?.tabOps ?? []),
        ...(forms?.patch.ops ?? []),
      ],
    },
  };
}
