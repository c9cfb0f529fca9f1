/**
 * The task pane: the five sections in order. Returned so the ribbon commands (same runtime)
 * can run a step and have its outcome shown here.
 */
import type { ExcelHost } from "../host.js";
import type { Step, StepOutcome } from "../jobs.js";
import { formsSection } from "./forms-section.js";
import { programSection } from "./program-section.js";
import { rosterSection } from "./roster-section.js";
import { stepSection } from "./steps-section.js";
import { h, replace } from "./view.js";

export interface Pane {
  run(step: Step): Promise<StepOutcome>;
  fail(message: string): void;
}

export function mountPane(root: HTMLElement, host: ExcelHost): Pane {
  const roster = rosterSection(host);
  const program = programSection(host);
  const match = stepSection(host, "match");
  const plans = stepSection(host, "plans");
  const forms = formsSection(host);
  replace(
    root,
    h(
      "header",
      {},
      h("h1", {}, "Mentor Match"),
      h(
        "p",
        { class: "help" },
        "Check the roster, set the program, match, then create plans and forms.",
      ),
    ),
    roster.element,
    program.element,
    match.element,
    plans.element,
    forms.element,
  );
  const sections = { match, plans, forms };
  return {
    run: (step) => {
      sections[step].element.scrollIntoView?.({ block: "start" });
      return sections[step].run();
    },
    fail(message) {
      replace(root, h("p", { class: "error", role: "alert" }, message));
    },
  };
}
