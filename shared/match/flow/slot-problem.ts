/**
 * Types shared by the slot solver (./mentoring-flow.ts) and its checker (./check-slots.ts).
 *
 * A mentee has one or more slots, each optionally labelled with a role ("clinical",
 * "research", …). A mentor may fill a labelled slot only if the candidate pair lists that role;
 * an unlabelled slot (role null) accepts any candidate mentor. A mentee never gets the same
 * mentor twice.
 */

export interface SlotMentee {
  /**
   * The mentee's slots in priority order (slot 0 is the "first slot"). Only the number of
   * slots per role matters to the optimum: covering a mentee counts whichever slot is filled.
   */
  readonly slots: readonly { readonly role: string | null }[];
}

export interface SlotMentor {
  /** Maximum number of mentees (integer ≥ 0), locked pairs included. */
  readonly capacity: number;
  /**
   * loadPenalty[k] = score lost when the mentor takes its (k+1)-th mentee. Must be
   * non-decreasing; entries past the end repeat the last one (an empty list means no penalty).
   */
  readonly loadPenalty: readonly number[];
}

export interface SlotCandidate {
  readonly mentee: number;
  readonly mentor: number;
  /** Higher is better; any finite number. */
  readonly score: number;
  /**
   * The labelled slot roles this mentor may fill for this mentee. Unlabelled slots accept any
   * candidate, so `null` entries are allowed but change nothing.
   */
  readonly roles: readonly (string | null)[];
}

export interface LockedPair {
  readonly mentee: number;
  readonly mentor: number;
  /**
   * The slot the pair occupies. It uses up one of the mentee's slots with this role, else an
   * unlabelled slot, else the lowest-priority remaining slot (if any remain).
   */
  readonly role: string | null;
}

export interface SlotProblem {
  readonly mentees: readonly SlotMentee[];
  readonly mentors: readonly SlotMentor[];
  /** At most one candidate per (mentee, mentor) pair. */
  readonly candidates: readonly SlotCandidate[];
  /** Pairs that must be kept; they count against the mentor's capacity and the mentee's slots. */
  readonly locked?: readonly LockedPair[];
}

export interface SlotPair {
  readonly mentee: number;
  readonly mentor: number;
  /** Role of the slot filled (null: an unlabelled slot). Locked pairs keep their given role. */
  readonly role: string | null;
  /** The candidate's score (0 for a locked pair that is not a candidate). */
  readonly score: number;
  readonly locked: boolean;
}

export interface SlotSolution {
  /** Sorted by mentee, then mentor. Includes the locked pairs. */
  readonly pairs: SlotPair[];
  /** Mentees with at least one mentor. */
  readonly covered: number;
  /** Number of pairs (filled slots), first slots included. */
  readonly slotsFilled: number;
  /** Σ score over the pairs. */
  readonly totalScore: number;
  /** Σ over mentors of loadPenalty[0] + … + loadPenalty[load − 1]. */
  readonly loadPenalty: number;
  /** totalScore − loadPenalty: the third level of the objective. */
  readonly netScore: number;
}

/** Thrown by solveSlots for malformed input (indices out of range, duplicates, bad numbers). */
export class InvalidSlotProblemError extends Error {
  readonly code = "invalid-slot-problem";

  constructor(message: string) {
    super(message);
    this.name = "InvalidSlotProblemError";
  }
}

/** The penalty for a mentor's (k+1)-th mentee: loadPenalty[k], the last entry past the end. */
export function loadPenaltyAt(penalty: readonly number[], k: number): number {
  if (penalty.length === 0) return 0;
  return k < penalty.length ? penalty[k]! : penalty[penalty.length - 1]!;
}

/** Σ_{k < load} loadPenaltyAt(penalty, k). */
export function totalLoadPenalty(penalty: readonly number[], load: number): number {
  let sum = 0;
  for (let k = 0; k < load; k++) sum += loadPenaltyAt(penalty, k);
  return sum;
}

/**
 * The slot roles left open after the locked pairs take theirs (see LockedPair.role), in
 * priority order. Does not modify `slotRoles`.
 */
export function openSlotRoles(
  slotRoles: readonly (string | null)[],
  lockedRoles: readonly (string | null)[],
): (string | null)[] {
  const open = [...slotRoles];
  for (const role of lockedRoles) {
    if (open.length === 0) break;
    let i = open.indexOf(role);
    if (i < 0) i = open.indexOf(null);
    if (i < 0) i = open.length - 1;
    open.splice(i, 1);
  }
  return open;
}
