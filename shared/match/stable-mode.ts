/**
 * Stable mode: when mentees rank mentors and mentors rank mentees, a mentee-optimal stable
 * assignment (deferred acceptance with capacities) among the pairs the rules allow.
 */
import { issue, type Issue } from "../issue.js";
import type { Settings } from "../rules/settings.js";
import type { PersonFacts } from "./people-facts.js";
import { stableMatch } from "./stable/index.js";

interface StableCandidate {
  mentee: number;
  mentor: number;
  score: number;
}
interface StableLock {
  mentee: number;
  mentor: number;
  role: string | null;
}
export interface StablePair {
  mentee: number;
  mentor: number;
  role: string | null;
  score: number;
  locked: boolean;
}

/** The stable pairs, or null (with an issue saying why) when stable mode cannot apply. */
export function matchStably(
  mentees: readonly PersonFacts[],
  mentors: readonly PersonFacts[],
  candidates: readonly StableCandidate[],
  locked: readonly StableLock[],
  settings: Settings,
  issues: Issue[],
): StablePair[] | null {
  if (settings.mentorsPerMentee !== 1 || settings.roleSlots.length > 0) {
    issues.push(
      issue(
        "stable-mode-unsupported",
        "warning",
        "Program",
        "Stable mode matches one mentor per mentee without role slots; the optimal method was used instead.",
      ),
    );
    return null;
  }
  const menteesRanking = mentees.filter((m) => m.person.preferredMentors.length > 0).length;
  const mentorsRanking = mentors.filter((m) => m.person.preferredMentees.length > 0).length;
  if (menteesRanking === 0 || mentorsRanking === 0) {
    issues.push(
      issue(
        "stable-mode-needs-preferences",
        "warning",
        "Program",
        `Stable mode needs ranked preferences on both sides; ${menteesRanking} mentees and ${mentorsRanking} mentors gave any. The optimal method was used instead.`,
      ),
    );
    return null;
  }
  const allowed = new Map(candidates.map((c) => [`${c.mentee}|${c.mentor}`, c]));
  const lockedMentees = new Set(locked.map((l) => l.mentee));
  const mentorIndex = new Map(mentors.map((m, i) => [m.person.id, i]));
  const menteeIndex = new Map(mentees.map((m, i) => [m.person.id, i]));
  const capacities = mentors.map(
    (m, r) => m.person.capacity - locked.filter((l) => l.mentor === r).length,
  );
  const menteePrefs = mentees.map((m, e) =>
    lockedMentees.has(e)
      ? []
      : m.person.preferredMentors
          .map((id) => mentorIndex.get(id))
          .filter((r): r is number => r !== undefined && allowed.has(`${e}|${r}`)),
  );
  const mentorPrefs = mentors.map((m, r) =>
    m.person.preferredMentees
      .map((id) => menteeIndex.get(id))
      .filter(
        (e): e is number => e !== undefined && !lockedMentees.has(e) && allowed.has(`${e}|${r}`),
      ),
  );
  const { menteeToMentor } = stableMatch({
    menteePrefs,
    mentorPrefs,
    capacities: capacities.map((c) => Math.max(0, c)),
  });
  const pairs: StablePair[] = locked.map((l) => ({
    ...l,
    score: allowed.get(`${l.mentee}|${l.mentor}`)?.score ?? 0,
    locked: true,
  }));
  menteeToMentor.forEach((mentor, mentee) => {
    if (mentor >= 0)
      pairs.push({
        mentee,
        mentor,
        role: null,
        score: allowed.get(`${mentee}|${mentor}`)!.score,
        locked: false,
      });
  });
  return pairs.sort((a, b) => a.mentee - b.mentee || a.mentor - b.mentor);
}
