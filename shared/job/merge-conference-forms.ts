/**
 * Use case "Conference forms": the Annual Career Planning Conference forms (faculty form, then
 * chair form) for every faculty member, mail-merged into one document per chair, plus the Forms
 * sheet that logs what was generated. Pure: the templates' text and the time are passed in;
 * hosts render the documents (.docx, Google Docs) and apply the patch.
 *
 * Re-runs add what is missing: faculty already in the Forms sheet under the same chair keep
 * their row untouched; a chair with anyone new gets their whole document again (everyone, in
 * order, under the file name the log already gives it) and only the new rows are logged.
 */
import { issue, type Issue } from "../issue.js";
import type { Person, Roster } from "../roster/schema.js";
import type { Settings } from "../rules/settings.js";
import { teachingPeriod } from "../rules/settings.js";
import type { MatchResult, MatchedPair } from "../match/match-roster.js";
import type { SheetSnapshot } from "../workbook/snapshot.js";
import type { Patch } from "../workbook/patch.js";
import { PeopleIndex } from "../roster/people-index.js";
import { readEmail } from "../roster/normalise/email.js";
import { collapseSpaces, foldKey, quoteForMessage } from "../roster/text.js";
import type { Block, FormDocument } from "../forms/document-model.js";
import { formatDeadline, type FormMergeData } from "../forms/merge-data.js";
import { loadFormTemplate, type FormTemplate } from "../forms/template.js";
import { fileNameKey, safeFileStem, uniqueFileName } from "../forms/file-name.js";
import {
  formsLogOps,
  formsLogSheetName,
  loggedRows,
  readFormsLog,
  samePerson,
  unassignedChairName,
  type FormsDocumentKind,
  type FormsLog,
  type FormsLogEntry,
} from "../forms/forms-log.js";

export interface MergeConferenceFormsInput {
  roster: Roster;
  match: MatchResult;
  settings: Settings;
  /** The templates' text (hosts load the files, or use `defaultFormTemplates`), or loaded ones. */
  templates: { faculty: string | FormTemplate; chair: string | FormTemplate };
  /** The Forms sheet of an earlier run, when the workbook has one. */
  existingLog?: SheetSnapshot | undefined;
  /** Where to write the log when there is none yet (default "Forms"). */
  logSheetName?: string | undefined;
  /** ISO timestamp of this run, e.g. "2026-11-23T14:05:00Z"; written to new log rows. */
  now: string;
  /**
   * "missing" (default): only the documents of chairs with faculty not yet in the log;
   * "all": every chair's document. Log rows are only ever added either way.
   */
  regenerate?: "missing" | "all";
  /**
   * Most characters of text per document (Google Docs holds about 1 million): a chair's forms
   * beyond it go into further documents "Forms – <chair> (part 2)" …. Unlimited by default.
   */
  maxDocumentCharacters?: number | undefined;
  /** Word files (default) or Google Docs: how the Forms log names the documents. */
  documentKind?: FormsDocumentKind | undefined;
}

export interface ConferenceFormsDocument {
  /** Stable identity of the chair: their person id, `email:…`, `name:…`, or "unassigned". */
  chairKey: string;
  chairName: string;
  /** "" when unknown. */
  chairEmail: string;
  /**
   * As the Forms log names it: "Forms – Tariq Moreau.docx" for a Word file, the title for a
   * Google Doc. Legal on every system, unique, kept from the log on re-runs.
   */
  fileName: string;
  /** The file name without extension, for hosts that name documents (Google Docs). */
  title: string;
  /** Person ids, in document order (by last name). */
  faculty: string[];
  /** Those not in the log before this run. */
  newFaculty: string[];
  model: FormDocument;
}

export interface MergeConferenceFormsResult {
  documents: ConferenceFormsDocument[];
  issues: Issue[];
  patch: Patch;
}

interface Chair {
  key: string;
  name: string;
  email: string;
  person: Person | null;
}

const unassigned: Chair = { key: "unassigned", name: unassignedChairName, email: "", person: null };

/**
 * Builds every chair's document and the Forms sheet patch. Throws `TemplateError` when a
 * template is not usable, RangeError when `now` is not an ISO timestamp.
 */
export function mergeConferenceForms(input: MergeConferenceFormsInput): MergeConferenceFormsResult {
  const faculty = loadTemplate("faculty-form", input.templates.faculty);
  const chairForm = loadTemplate("chair-form", input.templates.chair);
  const generatedAt = formatTimestamp(input.now);
  const { roster, match, settings } = input;
  const issues: Issue[] = [];

  const people =
    settings.formsFor === "everyone"
      ? roster.people
      : roster.people.filter((person) => person.role !== "mentor");

  // Chairs, from what each faculty member's chair cell says.
  const index = new PeopleIndex(roster.people);
  const groups = new Map<string, { chair: Chair; faculty: Person[] }>();
  // A roster with no chair at all gets one issue, not one per person.
  const noChairs =
    people.length > 0 && people.every((person) => collapseSpaces(person.chair ?? "") === "");
  if (noChairs) {
    issues.push(
      issue(
        "chairs-missing",
        "warning",
        "",
        `The roster names no chair for anyone (no Chair, Chief or Division Chief column with values), so all ${people.length} faculty members' conference forms are in the “${unassignedChairName}” document. Add a Chair column to send each chair their own.`,
      ),
    );
  }
  for (const person of people) {
    const chair = noChairs ? unassigned : chairOf(person, index, issues);
    const group = groups.get(chair.key) ?? { chair, faculty: [] };
    group.faculty.push(person);
    groups.set(chair.key, group);
  }
  const ordered = [...groups.values()].sort(
    (a, b) =>
      Number(a.chair === unassigned) - Number(b.chair === unassigned) ||
      compareText(foldKey(a.chair.name), foldKey(b.chair.name)) ||
      compareText(a.chair.key, b.chair.key),
  );
  for (const group of ordered) group.faculty.sort(byName);

  // The earlier run's log, if it is one.
  let log: FormsLog | null = null;
  let sheetName = input.logSheetName ?? formsLogSheetName;
  if (input.existingLog !== undefined) {
    log = readFormsLog(input.existingLog);
    if (log === null) {
      issues.push(
        issue(
          "forms-log-unreadable",
          "warning",
          input.existingLog.name,
          `The sheet ${quoteForMessage(input.existingLog.name)} has no Chair and Faculty columns, ` +
            `so it was left as it is and the forms are logged in a new sheet.`,
        ),
      );
      if (foldKey(sheetName) === foldKey(input.existingLog.name))
        sheetName = `${formsLogSheetName} (Mentor Match)`;
    }
  }
  const kind = input.documentKind ?? "word";
  const extension = kind === "word" ? ".docx" : "";
  // Logs of earlier Google runs may name a Doc as "….docx": the same Doc, by its title.
  const logged = (log?.entries ?? []).map((entry) =>
    kind === "word" ? entry : { ...entry, file: titleOf(entry.file) },
  );

  // File names: kept from the log, else new ones that no earlier file has.
  const taken = new Set(logged.map((entry) => fileNameKey(entry.file)).filter((k) => k !== ""));
  const used = new Set<string>();
  const fileNames = new Map<string, string>();
  for (const { chair } of ordered) {
    const earlier = logged.find(
      (entry) =>
        entry.file !== "" &&
        !used.has(fileNameKey(entry.file)) &&
        samePerson({ name: entry.chair, email: entry.chairEmail }, chair),
    );
    const name =
      earlier?.file ??
      uniqueFileName(
        safeFileStem(`Forms – ${chair.name}`, "Forms – chair"),
        extension,
        new Set([...taken, ...used]),
      );
    used.add(fileNameKey(name));
    fileNames.set(chair.key, name);
  }

  const pairsByMentee = groupPairs(match.pairs, (pair) => pair.menteeId);
  const pairsByMentor = groupPairs(match.pairs, (pair) => pair.mentorId);
  const byId = new Map(roster.people.map((person) => [person.id, person]));
  const program: FormMergeData["program"] = {
    name: settings.programName,
    academicYear: settings.academicYear,
    teachingPeriod: teachingPeriod(settings.academicYear),
    deadline: formatDeadline(settings.conferenceDeadline),
    officeName: settings.officeName,
  };

  const documents: ConferenceFormsDocument[] = [];
  const added: FormsLogEntry[] = [];
  const rowsOf = loggedRows(logged);
  const budget = input.maxDocumentCharacters ?? Infinity;
  for (const { chair, faculty: members } of ordered) {
    const firstFile = fileNames.get(chair.key)!;
    const entryOf = (person: Person, file: string): FormsLogEntry => ({
      chair: chair.name,
      chairEmail: chair.email,
      faculty: person.name,
      facultyEmail: person.email ?? "",
      file,
      generatedAt,
    });
    const earlierFile = new Map(
      members.map((person) => [person.id, rowsOf(entryOf(person, ""))[0]?.file ?? null]),
    );
    const isNew = (person: Person) => earlierFile.get(person.id) === null;
    // Nothing new for this chair: no document, and nothing rendered.
    if (!members.some(isNew) && input.regenerate !== "all") continue;

    const rendered = new Map(
      members.map((person) => {
        const data = mergeData(person, chair, program, {
          mentors: pairsByMentee.get(person.id) ?? [],
          mentees: pairsByMentor.get(person.id) ?? [],
          byId,
        });
        return [
          person.id,
          [...faculty.render(data), { kind: "pageBreak" as const }, ...chairForm.render(data)],
        ];
      }),
    );
    const parts = documentParts(members, firstFile, earlierFile, rendered, budget, (k) =>
      uniqueFileName(
        safeFileStem(`Forms – ${chair.name} (part ${k})`, "Forms – chair"),
        extension,
        new Set([...taken, ...used]),
      ),
    );
    for (const part of parts) {
      used.add(fileNameKey(part.file));
      const newFaculty = part.members.filter(isNew);
      for (const person of newFaculty) added.push(entryOf(person, part.file));
      if (newFaculty.length === 0 && input.regenerate !== "all") continue;
      const blocks: Block[] = [];
      for (const person of part.members) {
        if (blocks.length > 0) blocks.push({ kind: "pageBreak" });
        blocks.push(...rendered.get(person.id)!);
      }
      documents.push({
        chairKey: chair.key,
        chairName: chair.name,
        chairEmail: chair.email,
        fileName: part.file,
        title: titleOf(part.file),
        faculty: part.members.map((person) => person.id),
        newFaculty: newFaculty.map((person) => person.id),
        model: {
          title: `Annual Career Planning Conference ${settings.academicYear} – ${chair.name}`,
          blocks,
        },
      });
    }
  }

  return { documents, issues, patch: { ops: formsLogOps(log, sheetName, added, kind) } };
}

/** A document's title: its file name without the Word extension. */
function titleOf(file: string): string {
  return file.replace(/\.docx$/i, "");
}

/**
 * A chair's faculty split into documents of at most `budget` characters: those logged before
 * stay in the document they were logged with, newcomers join the last document while it has
 * room, then a new one. Without a budget, one document.
 */
function documentParts(
  members: readonly Person[],
  firstFile: string,
  earlierFile: ReadonlyMap<string, string | null>,
  rendered: ReadonlyMap<string, Block[]>,
  budget: number,
  newFile: (k: number) => string,
): { file: string; members: Person[] }[] {
  const parts: { file: string; members: Person[]; characters: number }[] = [];
  const partOf = (file: string) => {
    let part = parts.find((p) => fileNameKey(p.file) === fileNameKey(file));
    if (part === undefined) parts.push((part = { file, members: [], characters: 0 }));
    return part;
  };
  partOf(firstFile);
  const size = (person: Person) => blockCharacters(rendered.get(person.id)!);
  for (const person of members) {
    const file = earlierFile.get(person.id);
    if (file === null || file === undefined) continue;
    const part = partOf(file);
    part.members.push(person);
    part.characters += size(person);
  }
  for (const person of members) {
    if ((earlierFile.get(person.id) ?? null) !== null) continue;
    let last = parts[parts.length - 1]!;
    const characters = size(person);
    if (last.members.length > 0 && last.characters + characters > budget)
      last = partOf(newFile(parts.length + 1));
    last.members.push(person);
    last.characters += characters;
  }
  // Each document in the chair's order (by name), newcomers among the others.
  const order = new Map(members.map((person, k) => [person.id, k]));
  for (const part of parts) part.members.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return parts.filter((part) => part.members.length > 0);
}

/** Characters of text in blocks (every string, generously), to keep a document below a size. */
export function blockCharacters(blocks: readonly Block[]): number {
  let count = 0;
  const walk = (value: unknown): void => {
    if (typeof value === "string") count += value.length;
    else if (Array.isArray(value)) for (const item of value) walk(item);
    else if (typeof value === "object" && value !== null)
      for (const item of Object.values(value)) walk(item);
  };
  for (const block of blocks) {
    count++;
    walk(block);
  }
  return count;
}

function loadTemplate(name: string, template: string | FormTemplate): FormTemplate {
  return typeof template === "string" ? loadFormTemplate(name, template) : template;
}

/** The chair a faculty member's chair cell names: a roster person when it resolves to one. */
function chairOf(person: Person, index: PeopleIndex, issues: Issue[]): Chair {
  const written = collapseSpaces(person.chair ?? "");
  if (written === "") {
    issues.push(
      issue(
        "chair-missing",
        "warning",
        person.source,
        `${person.name} has no chair in the roster: their conference forms are in the ` +
          `“${unassignedChairName}” document.`,
      ),
    );
    return unassigned;
  }
  const found = index.find(written);
  if (found.kind === "found")
    return {
      key: found.person.id,
      name: found.person.name,
      email: found.person.email ?? "",
      person: found.person,
    };
  if (found.kind === "many")
    issues.push(
      issue(
        "chair-ambiguous",
        "warning",
        person.source,
        `The chair ${quoteForMessage(written)} of ${person.name} could be ` +
          `${found.people.map((p) => p.name).join(" or ")}; the forms go to a document for ` +
          `${quoteForMessage(written)} as written.`,
      ),
    );
  const email = readEmail(written);
  if (email.kind === "valid")
    return { key: `email:${email.email}`, name: email.email, email: email.email, person: null };
  return { key: `name:${foldKey(written)}`, name: written, email: "", person: null };
}

function mergeData(
  person: Person,
  chair: Chair,
  program: FormMergeData["program"],
  context: {
    mentors: readonly MatchedPair[];
    mentees: readonly MatchedPair[];
    byId: ReadonlyMap<string, Person>;
  },
): FormMergeData {
  const mentors: FormMergeData["mentors"] = [];
  const mentorIds: (string | null)[] = [];
  for (const pair of context.mentors) {
    const mentor = context.byId.get(pair.mentorId);
    mentors.push({
      name: mentor?.name ?? pair.mentorId,
      role: roleLabel(pair.role),
      institution: institutionOf(mentor),
      division: mentor?.division ?? "",
    });
    mentorIds.push(pair.mentorId);
  }
  if (chair !== unassigned && chair.person?.id !== person.id) {
    const already = chair.person === null ? -1 : mentorIds.indexOf(chair.person.id);
    if (already >= 0) mentors[already]!.role += ", Chair";
    else
      mentors.push({
        name: chair.name,
        role: "Chair",
        institution: institutionOf(chair.person ?? undefined),
        division: chair.person?.division ?? "",
      });
  }
  return {
    faculty: {
      name: person.name,
      rank: person.rank ?? "",
      division: person.division ?? "",
      department: person.department ?? "",
      email: person.email ?? "",
      areaOfExcellence: canonicalArea(person.areaOfExcellence ?? ""),
    },
    program,
    chair:
      chair === unassigned ? { name: "", email: "" } : { name: chair.name, email: chair.email },
    mentors,
    mentees: context.mentees.map((pair) => ({
      name: context.byId.get(pair.menteeId)?.name ?? pair.menteeId,
      role: roleLabel(pair.role),
    })),
  };
}

/** "clinical" → "Clinical mentor"; no label → "Mentor". */
function roleLabel(role: string | null): string {
  if (role === null || role.trim() === "") return "Mentor";
  const text = role.trim();
  return `${text.charAt(0).toUpperCase()}${text.slice(1)} mentor`;
}

const institutionHeaders = new Set(["institution", "hospital", "affiliation", "organization"]);

/** The institution from a roster column the mapping did not use ("Institution", "Hospital"). */
function institutionOf(person: Person | undefined): string {
  if (person === undefined) return "";
  for (const [header, value] of Object.entries(person.extra))
    if (institutionHeaders.has(foldKey(header))) return value;
  return "";
}

const areas = [
  { prefix: "invest", name: "Investigation" },
  { prefix: "clinical", name: "Clinical Expertise and Innovation" },
  { prefix: "teaching", name: "Teaching and Educational Leadership" },
  { prefix: "education", name: "Teaching and Educational Leadership" },
] as const;

/** The Area of Excellence as the forms name it, when recognisable; else as written. */
function canonicalArea(written: string): string {
  const key = foldKey(written);
  return areas.find((area) => key.startsWith(area.prefix))?.name ?? written;
}

function groupPairs(
  pairs: readonly MatchedPair[],
  keyOf: (pair: MatchedPair) => string,
): Map<string, MatchedPair[]> {
  const map = new Map<string, MatchedPair[]>();
  for (const pair of pairs) {
    const list = map.get(keyOf(pair));
    if (list === undefined) map.set(keyOf(pair), [pair]);
    else list.push(pair);
  }
  return map;
}

function byName(a: Person, b: Person): number {
  const key = (p: Person) => [foldKey(p.lastName || p.name), foldKey(p.firstName), p.id] as const;
  const [x, y] = [key(a), key(b)];
  return compareText(x[0], y[0]) || compareText(x[1], y[1]) || compareText(x[2], y[2]);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** "2026-11-23T14:05:31.000Z" → "2026-11-23 14:05 UTC"; an offset is kept ("… +01:00"). */
export function formatTimestamp(iso: string): string {
  const parts =
    /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
      iso.trim(),
    );
  if (parts === null) throw new RangeError(`now must be an ISO timestamp, not ${iso}`);
  const [, date, hours, minutes, zone] = parts;
  const suffix = zone === undefined ? "" : zone === "Z" ? " UTC" : ` ${zone}`;
  return `${date} ${hours}:${minutes}${suffix}`;
}
