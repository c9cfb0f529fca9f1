/**
 * 3. Match and 4. Action plans: one button each, running the step from jobs.ts, with its
 * progress and then its summary — matched, and unmatched mentees with the reason.
 */
import type { ExcelHost } from "../host.js";
import { runStep, type StepOutcome } from "../jobs.js";
import { showIssues } from "./roster-section.js";
import { guarded, h, replace, section, status, type Status } from "./view.js";

export interface StepSection {
  element: HTMLElement;
  run(): Promise<StepOutcome>;
}

export function stepSection(
  host: ExcelHost,
  step: "match" | "plans",
  onDone: (outcome: StepOutcome) => void = () => undefined,
): StepSection {
  const state = status();
  const details = h("div", { class: "details" });
  const button = h(
    "button",
    { class: "primary", id: step === "match" ? "run-match" : "run-plans" },
    step === "match" ? "Match mentors" : "Create or refresh action plans",
  );
  const run = async () => {
    const outcome = await runStep(host, step, (message, done, total) =>
      state.busy(message, done, total),
    );
    show(outcome, state, details, host);
    onDone(outcome);
    return outcome;
  };
  button.addEventListener(
    "click",
    guarded(button, state, async () => void (await run())),
  );
  const element =
    step === "match"
      ? section(
          "match",
          "3. Match",
          "Writes the Pairs sheet (Proposed). Mark pairs Locked or Rejected in its Status column, then match again: the rest is re-solved around them.",
          h("div", { class: "actions" }, button),
          state.element,
          details,
        )
      : section(
          "plans",
          "4. Action plans",
          "One tab per pair with the program calendar. Re-running adds new pairs' tabs and never overwrites what pairs typed.",
          h("div", { class: "actions" }, button),
          state.element,
          details,
        );
  return { element, run };
}

export function show(
  outcome: StepOutcome,
  state: Status,
  details: HTMLElement,
  host: ExcelHost,
): void {
  if (!outcome.ok) {
    state.error(outcome.message);
    showIssues(details, outcome.issues, host);
    return;
  }
  state.done(...outcome.summary);
  const issues = h("div", { class: "issues" });
  showIssues(issues, outcome.issues, host);
  replace(
    details,
    outcome.unmatched.length === 0
      ? null
      : h(
          "details",
          {},
          h("summary", {}, `Not fully matched (${outcome.unmatched.length})`),
          h(
            "ul",
            { class: "unmatched" },
            outcome.unmatched.map((u) => h("li", {}, h("strong", {}, u.name), ` — ${u.reason}`)),
          ),
        ),
    issues,
  );
}
