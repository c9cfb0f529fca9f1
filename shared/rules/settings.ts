/** Program settings: what the matching obeys and optimises. Validated by zod at every entry. */
import { z } from "zod";
import { rankLadder } from "../roster/normalise/rank.js";

export const presetNames = [
  "one-to-one",
  "two-mentors",
  "cross-division",
  "secondary",
  "committee",
] as const;
export type PresetName = (typeof presetNames)[number];

export const divisionRules = [
  "any",
  "different-required",
  "different-preferred",
  "same-preferred",
  "same-required",
] as const;
export type DivisionRule = (typeof divisionRules)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date written as YYYY-MM-DD");
const academicYear = z
  .string()
  .regex(/^\d{4}\s*[-–]\s*\d{4}$/, "an academic year such as 2026–2027")
  .refine((text) => {
    const [from, to] = text.split(/\s*[-–]\s*/).map(Number);
    return to === from! + 1;
  }, "the second year must follow the first");

/** Which mentees get labelled slots: basic-science faculty get a clinical and a research mentor. */
export const roleSlotRuleSchema = z.object({
  /** Mentee tracks the rule applies to ("basic-science", "research"). */
  tracks: z.array(z.string().min(1)).min(1),
  /** The labelled slots, in priority order ("clinical", "research"). */
  slots: z.array(z.string().min(1)).min(1).max(5),
});
export type RoleSlotRule = z.infer<typeof roleSlotRuleSchema>;

export const weightsSchema = z.object({
  /** Shared interests (by overlap of interest words). */
  interests: z.number().min(0).max(100),
  /** Same track or area of excellence. */
  track: z.number().min(0).max(100),
  /** Seniority: a mentor one or two ranks above the mentee. */
  rankGap: z.number().min(0).max(100),
  /** Division fit when the division rule is only a preference. */
  division: z.number().min(0).max(100),
  /** The mentee asked for this mentor. */
  requested: z.number().min(0).max(100),
  /** Lost for each further mentee a mentor takes (spreads load); 0 turns it off. */
  load: z.number().min(0).max(100),
});
export type Weights = z.infer<typeof weightsSchema>;

const ladderRank = z.enum(rankLadder);

export const settingsSchema = z.object({
  preset: z.enum([...presetNames, "custom"]),
  programName: z.string().min(1).max(200),
  academicYear,
  /** The pairs' start date; the plan calendar counts months from here. */
  startDate: isoDate,
  durationMonths: z.number().int().min(1).max(36),
  /** Mentors each mentee should get (a committee's size). */
  mentorsPerMentee: z.number().int().min(1).max(5),
  /** Fewer than this is reported as an incomplete team. */
  minimumMentors: z.number().int().min(1).max(5),
  roleSlots: z.array(roleSlotRuleSchema),
  divisionRule: z.enum(divisionRules),
  mentorMustOutrankMentee: z.boolean(),
  menteeRanks: z.array(ladderRank),
  mentorRanks: z.array(ladderRank),
  /** People whose rank is blank or not on the ladder: matched without the rank rule, or left out. */
  unrecognisedRank: z.enum(["allow", "exclude"]),
  defaultCapacity: z.number().int().min(0).max(50),
  /** Keep mentors out of their mentee's own lab, and away from the mentee's supervisor. */
  avoidSameLab: z.boolean(),
  avoidSupervisor: z.boolean(),
  weights: weightsSchema,
  /** "optimal": best total fit; "stable": ranked preferences, no blocking pairs. */
  method: z.enum(["optimal", "stable"]),
  /** Meetings: "4-6 weeks" cadence, or "monthly-then-bimonthly" (secondary program). */
  meetingCadence: z.enum(["every-4-weeks", "every-6-weeks", "monthly", "monthly-then-bimonthly"]),
  /** Who the career conference forms are for. */
  formsFor: z.enum(["mentees", "everyone"]),
  /** The conference deadline (April 1 of the academic year's spring by default). */
  conferenceDeadline: isoDate,
  /** The office named at the top of the forms. */
  officeName: z.string().min(1).max(200),
  /** How chairs get their Google Docs: "commenter" or "editor" (Google hosts). */
  chairAccess: z.enum(["commenter", "editor"]),
  /** Whether Google sends the chair a notification e-mail when a document is shared. */
  notifyChairs: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultWeights: Weights = {
  interests: 40,
  track: 15,
  rankGap: 15,
  division: 10,
  requested: 30,
  load: 5,
};

/** The academic year that contains `today` (July to June), e.g. 2026-11-23 → "2026–2027". */
export function academicYearOf(today: string): string {
  const [year, month] = today.split("-").map(Number) as [number, number];
  const first = month >= 7 ? year : year - 1;
  return `${first}–${first + 1}`;
}

export function firstYearOf(academicYearText: string): number {
  return Number(academicYearText.slice(0, 4));
}

/** The teaching period of an academic year, as the forms print it: "7/1/2026–6/30/2027". */
export function teachingPeriod(academicYearText: string): string {
  const first = firstYearOf(academicYearText);
  return `7/1/${first}–6/30/${first + 1}`;
}
