/**
 * Capacitated stable matching (hospitals/residents): mentees propose, mentors hold.
 *
 * Deferred acceptance with the mentees proposing (Gale & Shapley 1962; Roth 1984 for
 * capacities): every free mentee proposes to the next mentor on its list; the mentor keeps the
 * best `capacity` proposals so far by its own ranking and rejects the rest. The result is the
 * mentee-optimal stable matching: no mentee does better in any stable matching. It is unique,
 * so the order in which free mentees propose does not matter.
 *
 * A pair is acceptable only if each lists the other; unlisted partners are never matched.
 */

export interface StablePreferences {
  /** menteePrefs[i] = mentor indices, best first. */
  readonly menteePrefs: readonly (readonly number[])[];
  /** mentorPrefs[j] = mentee indices, best first. */
  readonly mentorPrefs: readonly (readonly number[])[];
  /** capacities[j] = how many mentees mentor j may take (integer ≥ 0). */
  readonly capacities: readonly number[];
}

export interface StableMatching {
  /** The mentor of each mentee, or −1 if unmatched. */
  readonly menteeToMentor: number[];
  /** The mentees of each mentor, in the mentor's order of preference (best first). */
  readonly mentorToMentees: number[][];
}

/** Thrown for malformed preferences: indices out of range, repeats, bad capacities. */
export class InvalidPreferencesError extends Error {
  readonly code = "invalid-preferences";

  constructor(message: string) {
    super(message);
    this.name = "InvalidPreferencesError";
  }
}

/**
 * rank[j].get(i) = position of mentee i in mentor j's list. Throws InvalidPreferencesError for
 * malformed input.
 */
export function mentorRanks(prefs: StablePreferences): Map<number, number>[] {
  const nE = prefs.menteePrefs.length;
  const nR = prefs.mentorPrefs.length;
  if (prefs.capacities.length !== nR) {
    throw new InvalidPreferencesError(
      `${prefs.capacities.length} capacities for ${nR} mentors: one capacity per mentor is needed`,
    );
  }
  prefs.capacities.forEach((c, j) => {
    if (!Number.isInteger(c) || c < 0) {
      throw new InvalidPreferencesError(`mentor ${j}: capacity ${c} is not an integer ≥ 0`);
    }
  });
  const checkList = (list: readonly number[], n: number, who: string, what: string): void => {
    const seen = new Set<number>();
    for (const x of list) {
      if (!Number.isInteger(x) || x < 0 || x >= n) {
        throw new InvalidPreferencesError(`${who} lists ${what} ${x}, which does not exist`);
      }
      if (seen.has(x)) throw new InvalidPreferencesError(`${who} lists ${what} ${x} twice`);
      seen.add(x);
    }
  };
  prefs.menteePrefs.forEach((list, i) => checkList(list, nR, `mentee ${i}`, "mentor"));
  return prefs.mentorPrefs.map((list, j) => {
    checkList(list, nE, `mentor ${j}`, "mentee");
    return new Map(list.map((i, r) => [i, r]));
  });
}

/** The mentee-optimal stable matching (see the module comment). */
export function stableMatch(prefs: StablePreferences): StableMatching {
  const rank = mentorRanks(prefs);
  const { menteePrefs, capacities } = prefs;
  const nE = menteePrefs.length;
  const nR = capacities.length;

  const menteeToMentor = new Array<number>(nE).fill(-1);
  const next = new Int32Array(nE); // next position to propose to in the mentee's list
  // Per mentor: a max-heap of the held mentees, keyed by the mentor's rank (worst on top).
  const held: number[][] = Array.from({ length: nR }, () => []);
  const free: number[] = [];
  for (let i = nE - 1; i >= 0; i--) free.push(i);

  while (free.length > 0) {
    const i = free.pop()!;
    const list = menteePrefs[i]!;
    while (next[i]! < list.length) {
      const j = list[next[i]!++]!;
      const r = rank[j]!.get(i);
      if (r === undefined || capacities[j] === 0) continue; // not mutually acceptable
      const heap = held[j]!;
      const ranks = rank[j]!;
      if (heap.length < capacities[j]!) {
        heapPush(heap, i, ranks);
        menteeToMentor[i] = j;
        break;
      }
      const worst = heap[0]!;
      if (ranks.get(worst)! > r) {
        heapReplaceTop(heap, i, ranks);
        menteeToMentor[i] = j;
        menteeToMentor[worst] = -1;
        free.push(worst);
        break;
      }
    }
  }

  const mentorToMentees = held.map((h, j) => {
    const ranks = rank[j]!;
    return [...h].sort((a, b) => ranks.get(a)! - ranks.get(b)!);
  });
  return { menteeToMentor, mentorToMentees };
}

function heapPush(heap: number[], x: number, key: Map<number, number>): void {
  heap.push(x);
  let i = heap.length - 1;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (key.get(heap[p]!)! >= key.get(x)!) break;
    heap[i] = heap[p]!;
    i = p;
  }
  heap[i] = x;
}

function heapReplaceTop(heap: number[], x: number, key: Map<number, number>): void {
  const kx = key.get(x)!;
  let i = 0;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= heap.length) break;
    if (c + 1 < heap.length && key.get(heap[c + 1]!)! > key.get(heap[c]!)!) c++;
    if (key.get(heap[c]!)! <= kx) break;
    heap[i] = heap[c]!;
    i = c;
  }
  heap[i] = x;
}
