/**
 * The checker, kept apart from the algorithm: every rule a match result breaks, as data.
 * Tests run it on every result; an empty list means the result keeps every hard rule.
 */
import type { Roster } from "../roster/schema.js";
import type { Settings } from "../rules/settings.js";
import { personFacts } from "./people-facts.js";
import { divisionNames } from "../roster/divisions.js";
import {
  fitsSlot,
  forbiddingRule,
  menteeExclusion,
  mentorExclusion,
  unorderedKey,
} from "./pair-rules.js";
import { blockedByRejection, noOverrides, type Overrides } from "./overrides.js";
import { slotRoles, type MatchResult } from "./match-roster.js";

export interface Violation {
  rule: string;
  menteeId: string;
  mentorId: string | null;
  detail: string;
}

export function checkAssignment(
  result: MatchResult,
  roster: Roster,
  settings: Settings,
  overrides: Overrides = noOverrides,
): Violation[] {
  const violations: Violation[] = [];
  const people = new Map(roster.people.map((person) => [person.id, person]));
  const context = {
    settings,
    doNotPair: new Set(roster.doNotPair.map((pair) => unorderedKey(pair.a, pair.b))),
    rejected: new Set(
      blockedByRejection(overrides).map((pair) => `${pair.menteeId}|${pair.mentorId}`),
    ),
  };
  const divisions = divisionNames(roster.people);
  const load = new Map<string, number>();
  const seen = new Set<string>();
  const byMentee = new Map<string, (string | null)[]>();

  for (const pair of result.pairs) {
    const add = (rule: string, detail: string) =>
      violations.push({ rule, menteeId: pair.menteeId, mentorId: pair.mentorId, detail });
    const mentee = people.get(pair.menteeId);
    const mentor = people.get(pair.mentorId);
    if (mentee === undefined || mentor === undefined) {
      add("unknown-person", "a pair names someone who is not on the roster");
      continue;
    }
    if (seen.has(`${pair.menteeId}|${pair.mentorId}`))
      add("same-mentor-twice", `${mentor.name} is given to ${mentee.name} twice`);
    seen.add(`${pair.menteeId}|${pair.mentorId}`);
    load.set(mentor.id, (load.get(mentor.id) ?? 0) + 1);
    byMentee.set(mentee.id, [...(byMentee.get(mentee.id) ?? []), pair.role]);
    if (pair.status === "Locked") continue; // the coordinator's choice stands, even against a rule
    const menteeWhy = menteeExclusion(mentee, settings);
    if (menteeWhy !== null) add("mentee-not-eligible", menteeWhy);
    const mentorWhy = mentorExclusion(mentor, settings);
    if (mentorWhy !== null) add("mentor-not-eligible", mentorWhy);
    const rule = forbiddingRule(
      personFacts(mentee, divisions.keyOf),
      personFacts(mentor, divisions.keyOf),
      context,
    );
    if (rule !== null) add(rule, `${mentee.name} – ${mentor.name} breaks ${rule}`);
    if (pair.role !== null && !fitsSlot(pair.role, mentor.track))
      add(
        "role-slot",
        `${mentor.name}'s track ${mentor.track ?? "(none)"} cannot fill a ${pair.role} slot`,
      );
  }
  for (const [mentorId, count] of load) {
    const mentor = people.get(mentorId)!;
    if (count > mentor.capacity)
      violations.push({
        rule: "capacity",
        menteeId: "",
        mentorId,
        detail: `${mentor.name} has ${count} mentees, capacity ${mentor.capacity}`,
      });
  }
  for (const [menteeId, roles] of byMentee) {
    const slots = slotRoles(people.get(menteeId)!, settings);
    if (roles.length > slots.length)
      violations.push({
        rule: "too-many-mentors",
        menteeId,
        mentorId: null,
        detail: `${roles.length} mentors for ${slots.length} slots`,
      });
    for (const label of new Set(roles.filter((role): role is string => role !== null))) {
      const wanted = slots.filter((slot) => slot === label).length;
      const given = roles.filter((role) => role === label).length;
      if (given > wanted)
        violations.push({
          rule: "role-slot-count",
          menteeId,
          mentorId: null,
          detail: `${given} ${label} mentors for ${wanted} ${label} slots`,
        });
    }
  }
  return violations;
}
