/** The roster's shapes, as zod schemas: what the core hands to matching and to every host. */
import { z } from "zod";
import { issueSchema } from "../issue.js";
import { personFields, doNotPairFields } from "./fields.js";
import { rankLadder } from "./normalise/rank.js";
import { tracks } from "./normalise/track.js";

export const roleSchema = z.enum(["mentor", "mentee", "both"]);

export const personSchema = z.object({
  /** Stable identity: the e-mail when there is one, else a key made from the name and cell. */
  id: z.string(),
  name: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  role: roleSchema,
  /** On the ladder ("Assistant Professor") or, when not recognised, as written. */
  rank: z.string().nullable(),
  /** 0 Instructor … 3 Professor; null when the rank is blank or not on the ladder. */
  rankLevel: z
    .number()
    .int()
    .min(0)
    .max(rankLadder.length - 1)
    .nullable(),
  division: z.string().nullable(),
  department: z.string().nullable(),
  /** How many mentees this person will take; 0 for mentees who do not mentor. */
  capacity: z.number().int().min(0),
  interests: z.array(z.string()),
  track: z.union([z.enum(tracks), z.string()]).nullable(),
  areaOfExcellence: z.string().nullable(),
  /** The chair or chief as written: an e-mail (lower-cased) or a name. */
  chair: z.string().nullable(),
  /** Requested mentors as written, best first. */
  preferredMentorsWritten: z.array(z.string()),
  /** Requested mentors resolved to person ids, best first. */
  preferredMentors: z.array(z.string()),
  preferredMenteesWritten: z.array(z.string()),
  preferredMentees: z.array(z.string()),
  lab: z.string().nullable(),
  supervisor: z.string().nullable(),
  degrees: z.array(z.string()),
  /** The cell of the person's name in the first row they were read from: `Mentees!A5`. */
  source: z.string(),
  /** Every row this person was read from (more than one when duplicates were merged). */
  sources: z.array(z.string()),
  /** Columns the mapping did not use, by header, for templates and exports. */
  extra: z.record(z.string(), z.string()),
});
export type Person = z.infer<typeof personSchema>;

export const doNotPairSchema = z.object({
  a: z.string(),
  b: z.string(),
  reason: z.string().nullable(),
  source: z.string(),
});
export type DoNotPair = z.infer<typeof doNotPairSchema>;

/**
 * A record keyed by user text (sheet names, headers) that keeps every key as an own property:
 * z.record skips "__proto__", which is a legal sheet name.
 */
function ownKeyRecord<T extends z.ZodType>(value: T) {
  return z
    .custom<object>((input) => typeof input === "object" && input !== null && !Array.isArray(input))
    .transform((input, context) => {
      const entries: [string, z.output<T>][] = [];
      for (const [key, item] of Object.entries(input)) {
        const parsed = value.safeParse(item);
        if (parsed.success) entries.push([key, parsed.data]);
        else
          for (const problem of parsed.error.issues)
            context.addIssue({
              code: "custom",
              message: problem.message,
              path: [key, ...problem.path],
            });
      }
      // fromEntries defines own properties, so "__proto__" stays a key.
      return Object.fromEntries(entries);
    });
}

const mappedFieldSchema = z.enum([...personFields, ...doNotPairFields]);

export const sheetMappingSchema = z.object({
  sheet: z.string(),
  kind: z.enum(["people", "mentors", "mentees", "doNotPair", "generated", "ignored"]),
  /** 1-based row of the header, or null when the sheet has none. */
  headerRow: z.number().int().positive().nullable(),
  columns: z.array(
    z.object({
      column: z.string(),
      header: z.string(),
      field: mappedFieldSchema.nullable(),
      /** Where the choice came from: the detector, or the user's correction. */
      by: z.enum(["detected", "user"]),
    }),
  ),
});
export type SheetMapping = z.infer<typeof sheetMappingSchema>;

export const rosterMappingSchema = z.object({ sheets: z.array(sheetMappingSchema) });
export type RosterMapping = z.infer<typeof rosterMappingSchema>;

/**
 * A user's correction, saved by the hosts and passed back in: per sheet, optionally the header
 * row, the kind, and columns (by letter or by header text) → field, or null to leave unmapped.
 */
export const mappingOverrideSchema = ownKeyRecord(
  z
    .object({
      headerRow: z.number().int().positive().optional(),
      kind: z.enum(["people", "mentors", "mentees", "doNotPair", "ignored"]).optional(),
      columns: ownKeyRecord(mappedFieldSchema.nullable()).optional(),
    })
    .strict(),
);
export type MappingOverride = z.infer<typeof mappingOverrideSchema>;

export const rowCountsSchema = z.object({
  read: z.number().int(),
  people: z.number().int(),
  duplicates: z.number().int(),
  skipped: z.number().int(),
});

export const rosterSchema = z.object({
  mapping: rosterMappingSchema,
  people: z.array(personSchema),
  doNotPair: z.array(doNotPairSchema),
  issues: z.array(issueSchema),
  rows: rowCountsSchema,
});
export type Roster = z.infer<typeof rosterSchema>;
