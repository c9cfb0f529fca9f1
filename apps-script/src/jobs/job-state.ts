/**
 * The checkpoint of a running job, in document properties. It holds what makes the job
 * deterministic across executions (the action, the clock reading it started with, the preset)
 * and progress; the work itself is recomputed from the spreadsheet by each execution.
 */
import { z } from "zod";
import { presetNames } from "../../../shared/index.js";
import { keys, properties, readJson, writeJson } from "./store.js";

export const jobActions = ["match", "plans", "forms"] as const;
export type JobAction = (typeof jobActions)[number];

const jobSchema = z.object({
  action: z.enum(jobActions),
  /** YYYY-MM-DD and an ISO timestamp, read once when the job started. */
  today: z.string(),
  now: z.string(),
  preset: z.enum(presetNames).nullable(),
  /** Steps counted when the job started, and how many are done. */
  total: z.number().int(),
  done: z.number().int(),
  executions: z.number().int(),
  tabsCreated: z.number().int(),
  tabsUpdated: z.number().int(),
  /** New and updated tabs by additional plan spreadsheet (all counted in the two above). */
  planBooks: z
    .array(z.object({ file: z.string(), created: z.number().int(), updated: z.number().int() }))
    .default([]),
  documents: z.number().int(),
  facultyAdded: z.number().int(),
  notShared: z.array(z.string()),
  /** Hashes of the Pairs/Issues/Program writes done, so a continuation does not redo them. */
  sheetsWritten: z.array(z.string()),
});
export type Job = z.infer<typeof jobSchema>;

export function loadJob(): Job | null {
  const parsed = jobSchema.safeParse(readJson(keys.job));
  return parsed.success ? parsed.data : null;
}

export function saveJob(job: Job): void {
  writeJson(keys.job, job);
}

/** Forgets the job and what it recorded about documents. */
export function endJob(): void {
  const store = properties();
  for (const key of store.getKeys())
    if (key.startsWith(keys.documentDonePrefix)) store.deleteProperty(key);
  store.deleteProperty(keys.job);
}

export const actionLabels: Record<JobAction, string> = {
  match: "Match mentors",
  plans: "Create action-plan tabs",
  forms: "Merge conference forms",
};
