/**
 * Mentoring slots as an exact lexicographic min-cost flow.
 *
 * Objective, in strict lexicographic order:
 *   1. cover as many mentees as possible (at least one mentor each — everyone's first slot
 *      before anyone's second; the first slot may be a slot of any role);
 *   2. then fill as many further slots as possible;
 *   3. then maximise Σ score − Σ load penalties (a mentor's 2nd, 3rd… mentee is worth a bit
 *      less, which spreads the load).
 * The three levels are the three components of the arc costs [coverage, slots, −score], so
 * the optimum is exact: no big-M constant, no loss of precision at 10,000 mentees.
 *
 * Network (per mentee with s open slots, after the locked pairs took theirs):
 *
 *   hub ──(bypass: slot left unfilled)──────────────────────────────────────▶ sink
 *   hub ─▶ [role nodes] ─▶ [pair node] ─▶ mentor ─▶ sink
 *
 * - The hub supplies s units; every unit either fills a slot (goes through a mentor) or takes
 *   the bypass. The bypass is the price list of unfilled slots: s−1 units at [0,1,0] and the
 *   last one at [1,0,0] (only [0,1,0] if a locked pair already covers the mentee). Filling r
 *   slots therefore costs a constant plus [r = 0 ? 1 : 0, s − max(r,1), 0] — exactly source
 *   arcs [−1,0,0] for the first slot and [0,−1,0] for each further one in a min-cost flow with
 *   free flow value — but every unit now must reach the sink, so the solver can route one hub
 *   at a time (short local searches) instead of searching from a global source each time.
 * - Roles. With a single kind of open slot (all unlabelled, or all one role) the hub feeds the
 *   mentors directly. Otherwise each labelled role r gets a role node (hub → r, capacity =
 *   open r-slots) and the unlabelled slots a pool node (hub → pool, capacity = open unlabelled
 *   slots) that may overflow into every role node (pool → r): an r-mentor takes an r-slot or,
 *   failing that, an unlabelled one. A candidate enters from
 *     the hub, if it fits every labelled role (it can take any slot),
 *     role node r, if r is the only labelled role it fits,
 *     the pool, if it fits no labelled role (unlabelled slots accept anyone),
 *     a pair node fed by each role node it fits, otherwise (a proper subset of ≥ 2 roles);
 *   so the mentor is reached by a single capacity-1 arc and is never used twice for one mentee,
 *   and the flows into role and pool nodes are exactly Hall's conditions for a valid slot
 *   assignment. The roles in the result come from a small matching of the chosen mentors to
 *   the open slots, labelled slots preferred.
 * - The arc into the mentor has capacity 1 and cost [0,0,−score].
 * - mentor → sink: one arc per unit of remaining capacity, cost [0,0,loadPenalty[k]], equal
 *   consecutive penalties merged into one arc. Non-decreasing penalties make this convex, so
 *   the cheaper units fill first and the penalty paid is Σ_{k<load} loadPenalty[k].
 * - Locked pairs are pre-assigned: they take a mentor unit (the first ones, so they pay the
 *   lowest penalties) and one of the mentee's slots, and appear in the result.
 */

import {
  FlowNetwork,
  MAX_ARC_CAPACITY,
  minCostTransshipment,
  type FlowOptions,
  type FlowPrices,
} from "./min-cost-flow.js";
import {
  InvalidSlotProblemError,
  loadPenaltyAt,
  openSlotRoles,
  totalLoadPenalty,
  type SlotPair,
  type SlotProblem,
  type SlotSolution,
} from "./slot-problem.js";

const COST_DIMENSION = 3;

/**
 * Solves a slot problem exactly (see the module comment for the objective and the model).
 * Does not modify `problem`. Throws InvalidSlotProblemError for malformed input. `options`
 * tune the flow solver only (tolerance of the score comparisons, potential refreshes).
 */
export function solveSlots(problem: SlotProblem, options: FlowOptions = {}): SlotSolution {
  return solveSlotNetwork(problem, options).solution;
}

/** What pricing needs besides the solution: each mentee's hub node and the final prices. */
export interface SlotNetworkSolve {
  solution: SlotSolution;
  /** The mentee's hub node, −1 when it has no open slot. */
  hubOf: Int32Array;
  /**
   * The nodes a pair of mentee i whose mentor may fill `roles` would leave from (its arc into
   * the mentor; a pair node fed by several role nodes is reached from any of them); empty
   * when the pair could fill none of the mentee's open slots.
   */
  entryNodes: (i: number, roles: readonly (string | null)[]) => number[];
  /** Every node a pair of mentee i could leave from. */
  allEntryNodes: (i: number) => number[];
  /** The node of mentor j, −1 when it has no place left after the locked pairs. */
  mentorNodeOf: (j: number) => number;
  prices: FlowPrices;
}

export function solveSlotNetwork(
  problem: SlotProblem,
  options: FlowOptions = {},
): SlotNetworkSolve {
  validate(problem);
  const { mentees, mentors, candidates } = problem;
  const locked = problem.locked ?? [];
  const nE = mentees.length;
  const nR = mentors.length;
  const nC = candidates.length;

  // ---- locked pairs ----
  const lockedLoad = new Int32Array(nR);
  const lockedRolesOf: (string | null)[][] = Array.from({ length: nE }, () => []);
  const lockedKeys = new Map<number, number>(); // pair key → index in `locked`
  for (let i = 0; i < locked.length; i++) {
    const l = locked[i]!;
    const key = l.mentee * nR + l.mentor;
    if (lockedKeys.has(key)) {
      throw new InvalidSlotProblemError(
        `locked pair (mentee ${l.mentee}, mentor ${l.mentor}) is listed twice`,
      );
    }
    lockedKeys.set(key, i);
    lockedLoad[l.mentor]!++;
    lockedRolesOf[l.mentee]!.push(l.role);
  }
  const lockedScore = new Float64Array(locked.length);

  // ---- candidates grouped by mentee (counting sort), duplicates rejected ----
  const candStart = new Int32Array(nE + 1);
  for (const c of candidates) candStart[c.mentee + 1]!++;
  for (let i = 0; i < nE; i++) candStart[i + 1]! += candStart[i]!;
  const candOrder = new Int32Array(nC);
  {
    const fill = candStart.slice(0, nE);
    for (let c = 0; c < nC; c++) candOrder[fill[candidates[c]!.mentee]!++] = c;
  }

  // ---- network ----
  const g = new FlowNetwork(1 + nR, COST_DIMENSION, nC + 4 * nE + 2 * nR + 16);
  const sink = 0;
  const mentorNode = (j: number): number => 1 + j;
  const supplyAt: number[] = []; // [node, units, node, units, …]
  let totalSupply = 0;

  const ZERO = [0, 0, 0];
  const cost3 = [0, 0, 0];
  const setCost = (a: number, b: number, c: number): number[] => {
    cost3[0] = a;
    cost3[1] = b;
    cost3[2] = c;
    return cost3;
  };

  /** Arc into the mentor for candidates that take part, else −1. */
  const candArc = new Int32Array(nC).fill(-1);
  const hubOf = new Int32Array(nE).fill(-1);
  const layoutOf: ({
    roles: string[];
    roleNode: number[];
    pool: number;
    single: boolean;
  } | null)[] = new Array(nE).fill(null);

  const seenMentor = new Int32Array(nR).fill(-1);
  const remainingCap = new Int32Array(nR);
  for (let j = 0; j < nR; j++) {
    remainingCap[j] = Math.max(0, mentors[j]!.capacity - lockedLoad[j]!);
  }

  for (let i = 0; i < nE; i++) {
    // Duplicates and locked candidates first (the lock's score comes from its candidate).
    for (let x = candStart[i]!; x < candStart[i + 1]!; x++) {
      const c = candOrder[x]!;
      const j = candidates[c]!.mentor;
      if (seenMentor[j] === i) {
        throw new InvalidSlotProblemError(
          `candidate pair (mentee ${i}, mentor ${j}) is listed more than once`,
        );
      }
      seenMentor[j] = i;
      const li = lockedKeys.get(i * nR + j);
      if (li !== undefined) lockedScore[li] = candidates[c]!.score;
    }

    const open = openSlotRoles(
      mentees[i]!.slots.map((s) => s.role),
      lockedRolesOf[i]!,
    );
    const s = open.length;
    if (s === 0) continue;

    // Labelled roles with their open counts; unlabelled slots in `pooled`.
    const roles: string[] = [];
    const roleCount: number[] = [];
    let pooled = 0;
    for (const role of open) {
      if (role === null) {
        pooled++;
        continue;
      }
      const r = roles.indexOf(role);
      if (r < 0) {
        roles.push(role);
        roleCount.push(1);
      } else {
        roleCount[r]!++;
      }
    }
    const hub = g.addNodes(1);
    hubOf[i] = hub;
    const single = roles.length === 0 || (roles.length === 1 && pooled === 0);
    const roleNode: number[] = [];
    let pool = -1;
    if (!single) {
      if (pooled > 0) {
        pool = g.addNodes(1);
        g.addArc(hub, pool, pooled, ZERO);
      }
      for (let r = 0; r < roles.length; r++) {
        const node = g.addNodes(1);
        roleNode.push(node);
        g.addArc(hub, node, roleCount[r]!, ZERO);
        if (pool >= 0) g.addArc(pool, node, pooled, ZERO);
      }
    }

    layoutOf[i] = { roles, roleNode, pool, single };

    // Bypass ("slot left unfilled") price list.
    const coveredByLock = lockedRolesOf[i]!.length > 0;
    if (coveredByLock) {
      g.addArc(hub, sink, s, setCost(0, 1, 0));
    } else {
      if (s > 1) g.addArc(hub, sink, s - 1, setCost(0, 1, 0));
      g.addArc(hub, sink, 1, setCost(1, 0, 0));
    }
    supplyAt.push(hub, s);
    totalSupply += s;

    for (let x = candStart[i]!; x < candStart[i + 1]!; x++) {
      const c = candOrder[x]!;
      const cand = candidates[c]!;
      const j = cand.mentor;
      if (remainingCap[j] === 0 || lockedKeys.has(i * nR + j)) continue;
      const scoreCost = setCost(0, 0, cand.score === 0 ? 0 : -cand.score);
      if (single) {
        if (roles.length === 0 || cand.roles.includes(roles[0]!)) {
          candArc[c] = g.addArc(hub, mentorNode(j), 1, scoreCost);
        }
        continue;
      }
      let fits = 0;
      let onlyRole = -1;
      for (let r = 0; r < roles.length; r++) {
        if (cand.roles.includes(roles[r]!)) {
          fits++;
          onlyRole = r;
        }
      }
      if (fits === roles.length) {
        candArc[c] = g.addArc(hub, mentorNode(j), 1, scoreCost);
      } else if (fits === 0) {
        if (pool >= 0) candArc[c] = g.addArc(pool, mentorNode(j), 1, scoreCost);
      } else if (fits === 1) {
        candArc[c] = g.addArc(roleNode[onlyRole]!, mentorNode(j), 1, scoreCost);
      } else {
        const pairNode = g.addNodes(1);
        candArc[c] = g.addArc(pairNode, mentorNode(j), 1, scoreCost);
        for (let r = 0; r < roles.length; r++) {
          if (cand.roles.includes(roles[r]!)) g.addArc(roleNode[r]!, pairNode, 1, ZERO);
        }
      }
    }
  }

  // Mentor → sink, one arc per run of equal penalties. No mentor can take more units than the
  // mentees have slots, which also keeps capacities in range.
  for (let j = 0; j < nR; j++) {
    const penalty = mentors[j]!.loadPenalty;
    const from = lockedLoad[j]!;
    const to = from + Math.min(remainingCap[j]!, totalSupply);
    let k = from;
    while (k < to) {
      const p = loadPenaltyAt(penalty, k);
      let runEnd = k + 1;
      if (k >= penalty.length - 1) runEnd = to;
      else while (runEnd < to && runEnd < penalty.length && penalty[runEnd] === p) runEnd++;
      g.addArc(mentorNode(j), sink, runEnd - k, setCost(0, 0, p === 0 ? 0 : p));
      k = runEnd;
    }
  }

  const supply = new Int32Array(g.nodeCount);
  for (let x = 0; x < supplyAt.length; x += 2) supply[supplyAt[x]!] = supplyAt[x + 1]!;
  supply[sink] = -totalSupply;
  const { arcFlow, prices } = minCostTransshipment(g, supply, options);

  // ---- read the pairs back ----
  const pairs: SlotPair[] = [];
  for (let i = 0; i < locked.length; i++) {
    const l = locked[i]!;
    pairs.push({
      mentee: l.mentee,
      mentor: l.mentor,
      role: l.role,
      score: lockedScore[i]!,
      locked: true,
    });
  }
  for (let i = 0; i < nE; i++) {
    const chosen: number[] = [];
    for (let x = candStart[i]!; x < candStart[i + 1]!; x++) {
      const c = candOrder[x]!;
      if (candArc[c]! >= 0 && arcFlow[candArc[c]!] !== 0) chosen.push(c);
    }
    if (chosen.length === 0) continue;
    const open = openSlotRoles(
      mentees[i]!.slots.map((s) => s.role),
      lockedRolesOf[i]!,
    );
    const roleOf = assignSlotRoles(
      open,
      chosen.map((c) => candidates[c]!.roles),
    );
    chosen.forEach((c, k) => {
      const cand = candidates[c]!;
      pairs.push({
        mentee: i,
        mentor: cand.mentor,
        role: roleOf[k]!,
        score: cand.score,
        locked: false,
      });
    });
  }
  pairs.sort((a, b) => a.mentee - b.mentee || a.mentor - b.mentor);
  return {
    solution: summarize(problem, pairs),
    hubOf,
    entryNodes: (i, candRoles) => {
      const layout = layoutOf[i] ?? null;
      if (layout === null) return [];
      const { roles, roleNode, pool, single } = layout;
      if (single) return roles.length === 0 || candRoles.includes(roles[0]!) ? [hubOf[i]!] : [];
      const fitting = roles.flatMap((role, r) => (candRoles.includes(role) ? [roleNode[r]!] : []));
      if (fitting.length === roles.length) return [hubOf[i]!];
      if (fitting.length === 0) return pool >= 0 ? [pool] : [];
      return fitting;
    },
    allEntryNodes: (i) => {
      const layout = layoutOf[i] ?? null;
      return layout === null
        ? []
        : [hubOf[i]!, ...layout.roleNode, ...(layout.pool >= 0 ? [layout.pool] : [])];
    },
    mentorNodeOf: (j) => (remainingCap[j]! > 0 ? mentorNode(j) : -1),
    prices,
  };
}

/**
 * Gives each chosen mentor (described by the labelled roles it may fill) one of the open slots
 * it fits: a small bipartite matching, labelled slots tried before unlabelled ones and the most
 * restricted mentors first. The flow guarantees that a complete assignment exists.
 */
function assignSlotRoles(
  open: readonly (string | null)[],
  mentorRoles: readonly (readonly (string | null)[])[],
): (string | null)[] {
  const slotOrder = open
    .map((role, k) => ({ role, k }))
    .sort((a, b) => Number(a.role === null) - Number(b.role === null) || a.k - b.k);
  const fits = (m: number, slot: number): boolean => {
    const role = slotOrder[slot]!.role;
    return role === null || mentorRoles[m]!.includes(role);
  };
  const slotOwner = new Array<number>(slotOrder.length).fill(-1);
  // Kuhn's augmenting paths, taking a free slot before displacing anyone.
  const tryAssign = (m: number, seen: boolean[]): boolean => {
    for (let slot = 0; slot < slotOrder.length; slot++) {
      if (!seen[slot] && slotOwner[slot]! < 0 && fits(m, slot)) {
        slotOwner[slot] = m;
        return true;
      }
    }
    for (let slot = 0; slot < slotOrder.length; slot++) {
      if (seen[slot] || !fits(m, slot)) continue;
      seen[slot] = true;
      if (tryAssign(slotOwner[slot]!, seen)) {
        slotOwner[slot] = m;
        return true;
      }
    }
    return false;
  };
  const flexibility = (m: number): number => slotOrder.filter((_, slot) => fits(m, slot)).length;
  const order = mentorRoles
    .map((_, m) => m)
    .sort((a, b) => flexibility(a) - flexibility(b) || a - b);
  for (const m of order) {
    if (!tryAssign(m, new Array<boolean>(slotOrder.length).fill(false))) {
      throw new Error("solveSlots: internal error, chosen mentors do not fit the open slots");
    }
  }
  const result = new Array<string | null>(mentorRoles.length).fill(null);
  slotOwner.forEach((m, slot) => {
    if (m >= 0) result[m] = slotOrder[slot]!.role;
  });
  return result;
}

/** Totals for a list of pairs (sorted by mentee). */
function summarize(problem: SlotProblem, pairs: SlotPair[]): SlotSolution {
  const load = new Int32Array(problem.mentors.length);
  let covered = 0;
  let totalScore = 0;
  let lastMentee = -1;
  for (const p of pairs) {
    load[p.mentor]!++;
    totalScore += p.score;
    if (p.mentee !== lastMentee) covered++;
    lastMentee = p.mentee;
  }
  let loadPenalty = 0;
  for (let j = 0; j < problem.mentors.length; j++) {
    loadPenalty += totalLoadPenalty(problem.mentors[j]!.loadPenalty, load[j]!);
  }
  return {
    pairs,
    covered,
    slotsFilled: pairs.length,
    totalScore,
    loadPenalty,
    netScore: totalScore - loadPenalty,
  };
}

function validate(problem: SlotProblem): void {
  const nE = problem.mentees.length;
  const nR = problem.mentors.length;
  const fail = (message: string): never => {
    throw new InvalidSlotProblemError(message);
  };
  if (nE * nR > Number.MAX_SAFE_INTEGER) fail("too many mentees × mentors");
  problem.mentees.forEach((m, i) => {
    for (const s of m.slots) {
      if (s.role !== null && typeof s.role !== "string")
        fail(`mentee ${i}: slot role must be a string or null`);
    }
  });
  problem.mentors.forEach((m, j) => {
    if (!Number.isInteger(m.capacity) || m.capacity < 0 || m.capacity > MAX_ARC_CAPACITY) {
      fail(`mentor ${j}: capacity ${m.capacity} is not a non-negative integer`);
    }
    for (let k = 0; k < m.loadPenalty.length; k++) {
      const p = m.loadPenalty[k]!;
      if (!Number.isFinite(p)) fail(`mentor ${j}: loadPenalty[${k}] is not a finite number`);
      if (k > 0 && p < m.loadPenalty[k - 1]!)
        fail(`mentor ${j}: loadPenalty must be non-decreasing`);
    }
  });
  const index = (x: number, n: number, what: string, where: string): void => {
    if (!Number.isInteger(x) || x < 0 || x >= n) fail(`${where}: no ${what} ${x}`);
  };
  problem.candidates.forEach((c, x) => {
    index(c.mentee, nE, "mentee", `candidate ${x}`);
    index(c.mentor, nR, "mentor", `candidate ${x}`);
    if (!Number.isFinite(c.score)) fail(`candidate ${x}: score is not a finite number`);
    if (!Array.isArray(c.roles)) fail(`candidate ${x}: roles must be an array`);
  });
  (problem.locked ?? []).forEach((l, x) => {
    index(l.mentee, nE, "mentee", `locked pair ${x}`);
    index(l.mentor, nR, "mentor", `locked pair ${x}`);
  });
}
