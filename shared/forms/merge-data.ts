/**
 * What a form template can merge: one faculty member, the program, their chair, their community
 * of mentors and (for faculty who also mentor) their mentees. Every value is text; an unknown
 * value is "" so templates can test it with {{#if}}. Templates are checked against this shape
 * when they are loaded (template.ts), so a misspelt field fails early with its line.
 */
import { z } from "zod";

const text = z.string();

export const formMergeDataSchema = z.object({
  faculty: z.object({
    name: text,
    rank: text,
    division: text,
    department: text,
    email: text,
    /** "Investigation", "Clinical Expertise and Innovation", "Teaching and Educational Leadership", or as written. */
    areaOfExcellence: text,
  }),
  program: z.object({
    name: text,
    /** "2026–2027" */
    academicYear: text,
    /** "7/1/2026–6/30/2027" */
    teachingPeriod: text,
    /** "April 1, 2027" */
    deadline: text,
    officeName: text,
  }),
  chair: z.object({ name: text, email: text }),
  /** The faculty member's community of mentors: matched mentors, then the chair ("Chair"). */
  mentors: z.array(
    z.object({
      name: text,
      role: text,
      institution: text,
      division: text,
    }),
  ),
  /** Whom the faculty member mentors, with their role ("Mentor", "Clinical mentor"). */
  mentees: z.array(z.object({ name: text, role: text })),
});
export type FormMergeData = z.infer<typeof formMergeDataSchema>;

/** The shape of merge data as the template checker sees it. */
export type FieldShape =
  | { kind: "value"; type: "text" | "number" | "flag" }
  | { kind: "object"; fields: ReadonlyMap<string, FieldShape> }
  | { kind: "list"; item: FieldShape };

/** Reads a zod schema made of objects, arrays and scalars into a {@link FieldShape}. */
export function shapeOf(schema: z.ZodType): FieldShape {
  if (schema instanceof z.ZodObject) {
    const shape = schema.shape as Record<string, z.ZodType>;
    return {
      kind: "object",
      fields: new Map(Object.entries(shape).map(([key, field]) => [key, shapeOf(field)])),
    };
  }
  if (schema instanceof z.ZodArray)
    return { kind: "list", item: shapeOf(schema.element as z.ZodType) };
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable)
    return shapeOf(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodNumber) return { kind: "value", type: "number" };
  if (schema instanceof z.ZodBoolean) return { kind: "value", type: "flag" };
  return { kind: "value", type: "text" };
}

export const formMergeShape: FieldShape = shapeOf(formMergeDataSchema);

/** "2027-04-01" → "April 1, 2027". */
export function formatDeadline(isoDate: string): string {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  const months = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ];
  return `${months[month - 1] ?? ""} ${day}, ${year}`;
}

/**
 * Made-up data for previews and for the trial render that checks a template when it loads; its
 * values carry every markup character so the check also proves the template escapes them.
 */
export const sampleMergeData: FormMergeData = {
  faculty: {
    name: "Alex O'Brien *Jr* | [x]",
    rank: "Assistant Professor",
    division: "Cardiology",
    department: "Medicine",
    email: "alex.obrien@example.org",
    areaOfExcellence: "Investigation",
  },
  program: {
    name: "Faculty Mentoring Program",
    academicYear: "2026–2027",
    teachingPeriod: "7/1/2026–6/30/2027",
    deadline: "April 1, 2027",
    officeName: "Office of Faculty Development",
  },
  chair: { name: "Sam Chair_Person #1", email: "sam.chair@example.org" },
  mentors: [
    { name: "Robin Mentor @home", role: "Mentor", institution: "", division: "Endocrine" },
    { name: "Sam Chair_Person #1", role: "Chair", institution: "", division: "Cardiology" },
  ],
  mentees: [{ name: "Kim ---page--- Mentee", role: "Mentor" }],
};
