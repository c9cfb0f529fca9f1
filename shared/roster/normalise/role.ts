import { foldKey } from "../text.js";

export type Role = "mentor" | "mentee" | "both";

/** "Mentor", " mentee ", "Both", "Mentor/Mentee", "Protégé" … → a role, or null. */
export function readRole(written: string): Role | null {
  const key = foldKey(written);
  if (key === "") return null;
  const mentor = /\b(mentors?|advisors?|advisers?|senior)\b/.test(key);
  const mentee = /\b(mentees?|proteges?|protegees?|junior|advisees?)\b/.test(key);
  if (/\bboth\b/.test(key) || (mentor && mentee)) return "both";
  if (mentee) return "mentee";
  if (mentor) return "mentor";
  return null;
}

export function combineRoles(a: Role, b: Role): Role {
  return a === b ? a : "both";
}
