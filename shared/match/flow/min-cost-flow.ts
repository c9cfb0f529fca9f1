/**
 * Exact min-cost flow with lexicographic arc costs.
 *
 * Every arc cost is a vector of fixed length K (the network's cost dimension), compared
 * lexicographically (see ./lex.ts). All components but the last must be integers; the last
 * may be fractional. Capacities are non-negative integers.
 *
 * Algorithm: successive shortest paths. Node potentials (Johnson) keep every residual arc's
 * reduced cost c(u,v) + p(u) - p(v) lexicographically non-negative, so each shortest path is
 * found by Dijkstra (indexed binary heap on typed arrays, stopped as soon as a target is
 * settled, tuple arithmetic componentwise). The initial potentials are backward shortest-path
 * distances to the target set, computed by one pass in reverse topological order when the
 * arcs form a DAG and by SPFA (Bellman–Ford with a queue) otherwise; the initial network may
 * have negative arcs but must have no negative cycle. Backward distances make the first
 * searches go almost straight to a target (they act like an exact A* heuristic). After a
 * search, only the nodes it settled get their potential changed (p += dist − dist(target)), so
 * a search costs what it explores, not the size of the graph. As augmentations accumulate the
 * potentials drift from "distance to the targets" and searches grow; once the searches have
 * settled about twice as many nodes as the graph has, one backward Dijkstra from the targets
 * re-tightens every potential (a "global update", as in push–relabel).
 *
 * Two entry points: minCostFlow (s→t, free flow value or cheapest maximum flow) and
 * minCostTransshipment (node supplies and demands, one search per supply node, which keeps the
 * searches local when supplies sit at many nodes — see ./mentoring-flow.ts).
 *
 * Floating point: the integer components are exact. A reduced cost whose integer components
 * are all zero and whose last component is negative by at most the tolerance is treated as
 * zero, so rounding never makes Dijkstra see a negative arc; a larger violation is a bug and
 * throws.
 *
 * The graph is stored once in CSR form (arcs grouped by tail node, each arc paired with its
 * reverse residual arc) in typed arrays; no per-node objects exist in the hot loops.
 */

import type { LexCost } from "./lex.js";

/** Largest capacity accepted for one arc; residual capacities then always fit in an Int32. */
export const MAX_ARC_CAPACITY = 0x3fffffff;

/**
 * A directed graph with integer capacities and lexicographic costs, built arc by arc.
 * Solvers read it and never modify it.
 */
export class FlowNetwork {
  /** K, the length of every cost vector. */
  readonly costDimension: number;
  #nodeCount: number;
  #arcCount = 0;
  #from: Int32Array;
  #to: Int32Array;
  #capacity: Int32Array;
  #cost: Float64Array;

  /**
   * @param nodeCount initial number of nodes, numbered 0..nodeCount-1 (more can be added with
   *   {@link addNodes}).
   * @param costDimension K ≥ 1, the length of every arc cost vector.
   * @param expectedArcs optional sizing hint for the internal arrays.
   */
  constructor(nodeCount: number, costDimension: number, expectedArcs = 16) {
    if (!Number.isInteger(nodeCount) || nodeCount < 0) {
      throw new RangeError(`FlowNetwork: nodeCount must be a non-negative integer`);
    }
    if (!Number.isInteger(costDimension) || costDimension < 1) {
      throw new RangeError(`FlowNetwork: costDimension must be a positive integer`);
    }
    this.#nodeCount = nodeCount;
    this.costDimension = costDimension;
    const size = Math.max(4, Math.floor(expectedArcs));
    this.#from = new Int32Array(size);
    this.#to = new Int32Array(size);
    this.#capacity = new Int32Array(size);
    this.#cost = new Float64Array(size * costDimension);
  }

  get nodeCount(): number {
    return this.#nodeCount;
  }

  get arcCount(): number {
    return this.#arcCount;
  }

  /** Adds `count` nodes and returns the index of the first one. */
  addNodes(count = 1): number {
    if (!Number.isInteger(count) || count < 0) {
      throw new RangeError("FlowNetwork.addNodes: count must be a non-negative integer");
    }
    const first = this.#nodeCount;
    this.#nodeCount += count;
    return first;
  }

  /**
   * Adds the arc `from → to` and returns its id (0, 1, 2, … in order of addition).
   * @param capacity integer in 0..MAX_ARC_CAPACITY
   * @param cost vector of length K; finite; every component but the last a safe integer.
   */
  addArc(from: number, to: number, capacity: number, cost: LexCost): number {
    const n = this.#nodeCount;
    const k = this.costDimension;
    if (!Number.isInteger(from) || from < 0 || from >= n) {
      throw new RangeError(`FlowNetwork.addArc: no node ${from}`);
    }
    if (!Number.isInteger(to) || to < 0 || to >= n) {
      throw new RangeError(`FlowNetwork.addArc: no node ${to}`);
    }
    if (!Number.isInteger(capacity) || capacity < 0 || capacity > MAX_ARC_CAPACITY) {
      throw new RangeError(`FlowNetwork.addArc: capacity ${capacity} is not an integer in range`);
    }
    if (cost.length !== k) {
      throw new RangeError(`FlowNetwork.addArc: cost has ${cost.length} components, not ${k}`);
    }
    for (let i = 0; i < k; i++) {
      const c = cost[i]!;
      if (i < k - 1 ? !Number.isSafeInteger(c) : !Number.isFinite(c)) {
        throw new RangeError(
          `FlowNetwork.addArc: cost component ${i} is ${c}; all but the last must be integers, the last finite`,
        );
      }
    }
    const id = this.#arcCount;
    if (id === this.#from.length) this.#grow();
    this.#from[id] = from;
    this.#to[id] = to;
    this.#capacity[id] = capacity;
    for (let i = 0; i < k; i++) this.#cost[id * k + i] = cost[i]!;
    this.#arcCount = id + 1;
    return id;
  }

  arcFrom(arc: number): number {
    return this.#from[this.#checkArc(arc)]!;
  }

  arcTo(arc: number): number {
    return this.#to[this.#checkArc(arc)]!;
  }

  arcCapacity(arc: number): number {
    return this.#capacity[this.#checkArc(arc)]!;
  }

  arcCost(arc: number): number[] {
    const k = this.costDimension;
    const a = this.#checkArc(arc);
    return Array.from(this.#cost.subarray(a * k, a * k + k));
  }

  /** Copies of the arc arrays (length arcCount, cost length arcCount·K), for solvers. */
  arcArrays(): { from: Int32Array; to: Int32Array; capacity: Int32Array; cost: Float64Array } {
    const m = this.#arcCount;
    return {
      from: this.#from.slice(0, m),
      to: this.#to.slice(0, m),
      capacity: this.#capacity.slice(0, m),
      cost: this.#cost.slice(0, m * this.costDimension),
    };
  }

  #checkArc(arc: number): number {
    if (!Number.isInteger(arc) || arc < 0 || arc >= this.#arcCount) {
      throw new RangeError(`FlowNetwork: no arc ${arc}`);
    }
    return arc;
  }

  #grow(): void {
    const size = this.#from.length * 2;
    const from = new Int32Array(size);
    from.set(this.#from);
    this.#from = from;
    const to = new Int32Array(size);
    to.set(this.#to);
    this.#to = to;
    const capacity = new Int32Array(size);
    capacity.set(this.#capacity);
    this.#capacity = capacity;
    const cost = new Float64Array(size * this.costDimension);
    cost.set(this.#cost);
    this.#cost = cost;
  }
}

/** Options shared by the solvers. */
export interface FlowOptions {
  /**
   * Absolute tolerance for the last cost component. Default: 1e-9 × max(1, largest |last
   * component| of any arc cost).
   */
  tolerance?: number;
  /**
   * Recompute the potentials from scratch (one backward Dijkstra from the targets) once the
   * searches have settled this many nodes since the last time. Default: 2 × nodeCount + 1024,
   * i.e. about when the searches have cost as much as the recomputation. Tuning/testing knob;
   * the result does not depend on it.
   */
  globalUpdateAfter?: number;
}

export interface MinCostFlowOptions extends FlowOptions {
  /** Never send more than this many units from source to sink. Default: unlimited. */
  maxFlow?: number;
  /**
   * "free" (default): minimise the cost over all flow values — keep augmenting only while the
   * shortest source→sink path has negative cost. "maximum": the cheapest among the flows of
   * maximum value (keep augmenting while any path exists).
   */
  flowValue?: "free" | "maximum";
}

export interface FlowResult {
  /** Units sent from source to sink (for transshipment: total units routed). */
  flow: number;
  /** Total cost Σ flow(a)·cost(a), componentwise. */
  cost: number[];
  /** Flow on each arc, indexed by arc id. */
  arcFlow: Int32Array;
}

/**
 * Min-cost s→t flow with a free flow value.
 *
 * Successive shortest paths augment along a cheapest source→sink path; the cost of the k-th
 * path never decreases (the cost of a min-cost flow is convex in its value). With the default
 * `flowValue: "free"` the solver stops as soon as the cheapest remaining path costs ≥ 0
 * (lexicographically, last component within the tolerance), which yields the flow of minimum
 * cost over ALL flow values, not the cheapest maximum flow. When the objective rewards flow
 * through negative arcs (e.g. coverage arcs of cost [-1, 0, 0]) this is the flow you want:
 * maximum useful flow happens by itself and no unit is forced through at a loss.
 *
 * The network must have no negative-cost cycle (among arcs with positive capacity).
 */
export function minCostFlow(
  network: FlowNetwork,
  source: number,
  sink: number,
  options: MinCostFlowOptions = {},
): FlowResult {
  const n = network.nodeCount;
  if (!Number.isInteger(source) || source < 0 || source >= n) {
    throw new RangeError(`minCostFlow: no source node ${source}`);
  }
  if (!Number.isInteger(sink) || sink < 0 || sink >= n) {
    throw new RangeError(`minCostFlow: no sink node ${sink}`);
  }
  if (source === sink) throw new RangeError("minCostFlow: source and sink must differ");
  const limit = options.maxFlow ?? Infinity;
  if (!(limit >= 0)) throw new RangeError("minCostFlow: maxFlow must be ≥ 0");
  const free = (options.flowValue ?? "free") === "free";

  const r = new Residual(network, options);
  r.isTarget[sink] = 1;
  r.initPotentials();
  let flow = 0;
  const actual = new Float64Array(r.K);
  while (flow < limit) {
    const t = r.dijkstra(source);
    if (t < 0) break;
    if (free) {
      // Actual path cost = reduced distance − p(source) + p(sink).
      r.actualCost(source, t, actual);
      if (!r.isNegative(actual)) break;
    }
    const pushed = r.augment(source, t, limit - flow);
    r.updatePotentials(t);
    r.maybeGlobalUpdate();
    flow += pushed;
  }
  return r.result(flow);
}

export interface TransshipmentResult extends FlowResult {
  /** Supply that could not reach any demand node (0 when the problem is feasible). */
  unroutedSupply: number;
  /** The final node prices, to check arcs the network left out (see FlowPrices). */
  prices: FlowPrices;
}

/**
 * Node potentials at the end of a transshipment: an arc u → v of cost c has reduced cost
 * c + p(u) − p(v). When `proven`, every residual edge's reduced cost is ≥ 0 (the last
 * component within `tolerance`), which proves the flow optimal; an arc left out of the network
 * whose reduced cost would also be ≥ 0 could not have improved it.
 */
export interface FlowPrices {
  readonly proven: boolean;
  /** Cost components per node (at least 3; costs of fewer components get leading zeros). */
  readonly dimension: number;
  /** p(v) is potentials[v × dimension … + dimension − 1]. */
  readonly potentials: Float64Array;
  /** Nodes that could never reach a demand node (their potential means nothing). */
  isDead(v: number): boolean;
  readonly tolerance: number;
}

/**
 * Min-cost transshipment: route every node's supply (`supply[v] > 0`) to demand nodes
 * (`supply[v] < 0`, demand −supply[v]) at minimum lexicographic cost. Total supply may not
 * exceed total demand. Successive shortest paths from one supply node at a time: each search
 * starts at a node with remaining supply and stops at the first demand node it settles, which
 * keeps searches local. Supply that cannot reach any demand node is reported in
 * `unroutedSupply` (the rest is still routed optimally).
 *
 * The network must have no negative-cost cycle (among arcs with positive capacity).
 */
export function minCostTransshipment(
  network: FlowNetwork,
  supply: ArrayLike<number>,
  options: FlowOptions = {},
): TransshipmentResult {
  const n = network.nodeCount;
  if (supply.length !== n) {
    throw new RangeError(`minCostTransshipment: supply has ${supply.length} entries, not ${n}`);
  }
  const excess = new Float64Array(n);
  let totalSupply = 0;
  let totalDemand = 0;
  for (let v = 0; v < n; v++) {
    const b = supply[v]!;
    if (!Number.isSafeInteger(b)) {
      throw new RangeError(`minCostTransshipment: supply[${v}] = ${b} is not an integer`);
    }
    excess[v] = b;
    if (b > 0) totalSupply += b;
    else totalDemand -= b;
  }
  if (totalSupply > totalDemand) {
    throw new RangeError(
      `minCostTransshipment: total supply ${totalSupply} exceeds total demand ${totalDemand}`,
    );
  }

  const r = new Residual(network, options);
  const active: number[] = [];
  for (let v = 0; v < n; v++) {
    if (excess[v]! < 0) r.isTarget[v] = 1;
    else if (excess[v]! > 0) active.push(v);
  }
  r.initPotentials();

  let routed = 0;
  let unrouted = 0;
  // Sweep the supply nodes round-robin, one augmentation each per sweep, so that everyone's
  // first unit is routed before anyone's second (any order is optimal; this one keeps the
  // searches short for slot-like supplies).
  let current = active;
  while (current.length > 0) {
    const next: number[] = [];
    for (const s of current) {
      const t = r.dijkstra(s);
      if (t < 0) {
        unrouted += excess[s]!;
        excess[s] = 0;
        continue;
      }
      const pushed = r.augment(s, t, Math.min(excess[s]!, -excess[t]!));
      r.updatePotentials(t);
      excess[s] = excess[s]! - pushed;
      excess[t] = excess[t]! + pushed;
      if (excess[t] === 0) r.isTarget[t] = 0;
      r.maybeGlobalUpdate();
      routed += pushed;
      if (excess[s]! > 0) next.push(s);
    }
    current = next;
  }
  return { ...r.result(routed), unroutedSupply: unrouted, prices: r.prices() };
}

/** Marks a node that can never lie on an augmenting path (`done` is compared with `>=`). */
const DEAD = 0x7fffffff;

/** Global potential update once the searches settled this many times the node count. */
const GLOBAL_UPDATE_FACTOR = 2;

/**
 * The residual graph plus the Dijkstra state; internal to the solvers. Costs are stored with
 * at least 3 components (shorter vectors get leading zeros) so the common case runs through a
 * Dijkstra specialised for K = 3 with the tuple held in local variables.
 */
class Residual {
  readonly n: number;
  /** Internal cost dimension, max(3, the network's). */
  readonly K: number;
  readonly userK: number;
  readonly m: number;
  readonly tol: number;
  /** CSR: residual edges of node u are start[u]..start[u+1]-1. */
  readonly start: Int32Array;
  readonly head: Int32Array;
  readonly cap: Int32Array;
  readonly partner: Int32Array;
  /** cap[e] + cap[partner[e]], constant: the capacity of the arc behind the edge. */
  readonly pairCap: Int32Array;
  readonly cost: Float64Array;
  /** Residual edge carrying each arc's forward direction. */
  readonly arcEdge: Int32Array;
  /** Arc costs in the network's own layout, for the result. */
  readonly arcCost: Float64Array;

  readonly pot: Float64Array;
  readonly dist: Float64Array;
  readonly stamp: Int32Array;
  /** Iteration in which the node was settled, or DEAD. */
  readonly done: Int32Array;
  readonly parent: Int32Array;
  readonly heap: Int32Array;
  readonly heapPos: Int32Array;
  readonly settled: Int32Array;
  readonly isTarget: Uint8Array;
  readonly tmp: Float64Array;
  settledCount = 0;
  iter = 0;
  /** Nodes settled by searches since the last global update. */
  work = 0;
  readonly globalUpdateAfter: number;

  constructor(network: FlowNetwork, options: FlowOptions) {
    const n = network.nodeCount;
    const userK = network.costDimension;
    const K = Math.max(3, userK);
    const pad = K - userK;
    const { from, to, capacity, cost } = network.arcArrays();
    const m = from.length;
    this.n = n;
    this.K = K;
    this.userK = userK;
    this.m = m;
    this.arcCost = cost;

    let maxAbsLast = 0;
    for (let a = 0; a < m; a++) {
      maxAbsLast = Math.max(maxAbsLast, Math.abs(cost[a * userK + userK - 1]!));
    }
    const tol = options.tolerance ?? 1e-9 * Math.max(1, maxAbsLast);
    if (!(tol >= 0)) throw new RangeError("tolerance must be ≥ 0");
    this.tol = tol;
    this.globalUpdateAfter = options.globalUpdateAfter ?? GLOBAL_UPDATE_FACTOR * n + 1024;

    const start = new Int32Array(n + 1);
    for (let a = 0; a < m; a++) {
      start[from[a]! + 1]!++;
      start[to[a]! + 1]!++;
    }
    for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
    const fill = start.slice(0, n);
    const E = 2 * m;
    const head = new Int32Array(E);
    const cap = new Int32Array(E);
    const partner = new Int32Array(E);
    const pairCap = new Int32Array(E);
    const ecost = new Float64Array(E * K);
    const arcEdge = new Int32Array(m);
    for (let a = 0; a < m; a++) {
      const u = from[a]!;
      const v = to[a]!;
      const f = fill[u]!++;
      const b = fill[v]!++;
      head[f] = v;
      head[b] = u;
      cap[f] = capacity[a]!;
      cap[b] = 0;
      partner[f] = b;
      partner[b] = f;
      pairCap[f] = capacity[a]!;
      pairCap[b] = capacity[a]!;
      for (let k = 0; k < userK; k++) {
        const c = cost[a * userK + k]!;
        ecost[f * K + pad + k] = c;
        ecost[b * K + pad + k] = c === 0 ? 0 : -c;
      }
      arcEdge[a] = f;
    }
    this.start = start;
    this.head = head;
    this.cap = cap;
    this.partner = partner;
    this.pairCap = pairCap;
    this.cost = ecost;
    this.arcEdge = arcEdge;

    this.pot = new Float64Array(n * K);
    this.dist = new Float64Array(n * K);
    this.stamp = new Int32Array(n);
    this.done = new Int32Array(n);
    this.parent = new Int32Array(n);
    this.heap = new Int32Array(n);
    this.heapPos = new Int32Array(n);
    this.settled = new Int32Array(n);
    this.isTarget = new Uint8Array(n);
    this.tmp = new Float64Array(K);
  }

  /**
   * p(v) = −(shortest distance from v to the target set), over arcs with capacity. Nodes that
   * cannot reach a target are marked dead: no augmenting path can ever use them (new residual
   * arcs only ever join nodes of an augmenting path, all of which reach a target).
   */
  initPotentials(): void {
    const { n, K, start, head, cap, partner, cost, isTarget } = this;
    const D = new Float64Array(n * K);
    const reach = new Uint8Array(n);
    for (let v = 0; v < n; v++) if (isTarget[v]) reach[v] = 1;
    const cand = new Float64Array(K);

    // Kahn's algorithm on the arcs with capacity (initially all residual arcs are forward).
    const indeg = new Int32Array(n);
    for (let e = 0; e < head.length; e++) if (cap[e]! > 0) indeg[head[e]!]!++;
    const order = new Int32Array(n);
    let len = 0;
    for (let v = 0; v < n; v++) if (indeg[v] === 0) order[len++] = v;
    for (let i = 0; i < len; i++) {
      const u = order[i]!;
      for (let e = start[u]!; e < start[u + 1]!; e++) {
        if (cap[e]! > 0 && --indeg[head[e]!]! === 0) order[len++] = head[e]!;
      }
    }

    if (len === n) {
      // A DAG: one pass in reverse topological order.
      for (let i = n - 1; i >= 0; i--) {
        const u = order[i]!;
        for (let e = start[u]!; e < start[u + 1]!; e++) {
          const v = head[e]!;
          if (cap[e]! <= 0 || !reach[v]) continue;
          for (let k = 0; k < K; k++) cand[k] = cost[e * K + k]! + D[v * K + k]!;
          if (!reach[u] || lexLessAt(cand, 0, D, u * K, K, 0)) {
            D.set(cand, u * K);
            reach[u] = 1;
          }
        }
      }
    } else {
      // SPFA on the reversed graph: pop v, relax every u with an arc u→v of positive capacity.
      // Circular queue: a node is queued at most once at a time.
      const queue = new Int32Array(n);
      const inQueue = new Uint8Array(n);
      const pushes = new Int32Array(n);
      let qHead = 0;
      let qSize = 0;
      for (let v = 0; v < n; v++) {
        if (isTarget[v]) {
          queue[(qHead + qSize++) % n] = v;
          inQueue[v] = 1;
        }
      }
      while (qSize > 0) {
        const v = queue[qHead]!;
        qHead = (qHead + 1) % n;
        qSize--;
        inQueue[v] = 0;
        for (let e = start[v]!; e < start[v + 1]!; e++) {
          const p = partner[e]!; // the edge head[e] → v
          if (cap[p]! <= 0) continue;
          const u = head[e]!;
          for (let k = 0; k < K; k++) cand[k] = cost[p * K + k]! + D[v * K + k]!;
          if (reach[u] && !lexLessAt(cand, 0, D, u * K, K, this.tol)) continue;
          D.set(cand, u * K);
          reach[u] = 1;
          if (!inQueue[u]) {
            if (++pushes[u]! > n) {
              throw new Error("min-cost flow: the network has a negative-cost cycle");
            }
            inQueue[u] = 1;
            queue[(qHead + qSize++) % n] = u;
          }
        }
      }
    }
    for (let v = 0; v < n; v++) {
      if (!reach[v]) {
        this.done[v] = DEAD;
        continue;
      }
      for (let k = 0; k < K; k++) this.pot[v * K + k] = D[v * K + k] === 0 ? 0 : -D[v * K + k]!;
    }
  }

  /**
   * Dijkstra on reduced costs from `source` until the first target is settled; returns it, or
   * −1 when no target is reachable. Leaves dist/parent/settled for augment and the potential
   * update. Nodes whose tentative distance is not below the best target's are never queued.
   */
  dijkstra(source: number): number {
    this.settledCount = 0;
    if (this.done[source] === DEAD) return -1;
    return this.K === 3 ? this.dijkstra3(source) : this.dijkstraK(source);
  }

  private dijkstra3(source: number): number {
    const { start, head, cap, cost, pot, dist, stamp, done, parent, isTarget, heap, heapPos } =
      this;
    const settled = this.settled;
    const tol = this.tol;
    const it = ++this.iter;
    let nSettled = 0;
    stamp[source] = it;
    parent[source] = -1;
    dist[3 * source] = 0;
    dist[3 * source + 1] = 0;
    dist[3 * source + 2] = 0;
    heap[0] = source;
    heapPos[source] = 0;
    let size = 1;
    let hasBound = false;
    let b0 = 0;
    let b1 = 0;
    let b2 = 0;
    while (size > 0) {
      const u: number = heap[0]!;
      size--;
      if (size > 0) siftDown3(heap, heapPos, dist, size, heap[size]!);
      done[u] = it;
      settled[nSettled++] = u;
      if (isTarget[u]) {
        this.settledCount = nSettled;
        return u;
      }
      const uo = 3 * u;
      const d0 = dist[uo]!;
      const d1 = dist[uo + 1]!;
      const d2 = dist[uo + 2]!;
      const q0 = pot[uo]!;
      const q1 = pot[uo + 1]!;
      const q2 = pot[uo + 2]!;
      const end = start[u + 1]!;
      for (let e: number = start[u]!; e < end; e++) {
        if (cap[e]! <= 0) continue;
        const v = head[e]!;
        if (done[v]! >= it) continue;
        const eo = 3 * e;
        const vo = 3 * v;
        const r0 = cost[eo]! + q0 - pot[vo]!;
        const r1 = cost[eo + 1]! + q1 - pot[vo + 1]!;
        let r2 = cost[eo + 2]! + q2 - pot[vo + 2]!;
        if (r0 === 0) {
          if (r1 === 0) {
            if (r2 < 0) {
              if (r2 < -tol) throw negativeReducedCost();
              r2 = 0;
            }
          } else if (r1 < 0) throw negativeReducedCost();
        } else if (r0 < 0) throw negativeReducedCost();
        const n0 = d0 + r0;
        const n1 = d1 + r1;
        const n2 = d2 + r2;
        if (hasBound && (n0 > b0 || (n0 === b0 && (n1 > b1 || (n1 === b1 && n2 >= b2))))) {
          continue;
        }
        if (stamp[v] !== it) {
          stamp[v] = it;
          dist[vo] = n0;
          dist[vo + 1] = n1;
          dist[vo + 2] = n2;
          parent[v] = e;
          heap[size] = v;
          heapPos[v] = size;
          siftUp3(heap, heapPos, dist, size);
          size++;
        } else {
          const o0 = dist[vo]!;
          const o1 = dist[vo + 1]!;
          if (n0 > o0 || (n0 === o0 && (n1 > o1 || (n1 === o1 && n2 >= dist[vo + 2]!)))) {
            continue;
          }
          dist[vo] = n0;
          dist[vo + 1] = n1;
          dist[vo + 2] = n2;
          parent[v] = e;
          siftUp3(heap, heapPos, dist, heapPos[v]!);
        }
        if (isTarget[v]) {
          hasBound = true;
          b0 = n0;
          b1 = n1;
          b2 = n2;
        }
      }
    }
    this.settledCount = nSettled;
    return -1;
  }

  private dijkstraK(source: number): number {
    const { K, start, head, cap, cost, pot, dist, stamp, done, parent, isTarget, tmp } = this;
    const tol = this.tol;
    const last = K - 1;
    const it = ++this.iter;
    let size = 0;
    let nSettled = 0;
    stamp[source] = it;
    parent[source] = -1;
    dist.fill(0, source * K, source * K + K);
    const push = (v: number): void => {
      this.heap[size] = v;
      this.heapPos[v] = size;
      this.siftUpK(size);
      size++;
    };
    push(source);
    let bound = -1;
    while (size > 0) {
      const u = this.heap[0]!;
      size--;
      if (size > 0) this.siftDownK(size, this.heap[size]!);
      done[u] = it;
      this.settled[nSettled++] = u;
      if (isTarget[u]) {
        this.settledCount = nSettled;
        return u;
      }
      const uo = u * K;
      const end = start[u + 1]!;
      for (let e = start[u]!; e < end; e++) {
        if (cap[e]! <= 0) continue;
        const v = head[e]!;
        if (done[v]! >= it) continue;
        const eo = e * K;
        const vo = v * K;
        let decided = false;
        for (let k = 0; k < K; k++) {
          let rc = cost[eo + k]! + pot[uo + k]! - pot[vo + k]!;
          if (!decided) {
            if (k === last) {
              if (rc < 0) {
                if (rc < -tol) throw negativeReducedCost();
                rc = 0;
              }
            } else if (rc !== 0) {
              if (rc < 0) throw negativeReducedCost();
              decided = true;
            }
          }
          tmp[k] = dist[uo + k]! + rc;
        }
        if (bound >= 0 && !lexLessAt(tmp, 0, dist, bound * K, K, 0)) continue;
        if (stamp[v] !== it) {
          stamp[v] = it;
          dist.set(tmp, vo);
          parent[v] = e;
          push(v);
        } else if (lexLessAt(tmp, 0, dist, vo, K, 0)) {
          dist.set(tmp, vo);
          parent[v] = e;
          this.siftUpK(this.heapPos[v]!);
        } else {
          continue;
        }
        if (isTarget[v]) bound = v;
      }
    }
    this.settledCount = nSettled;
    return -1;
  }

  /**
   * Re-tightens the potentials when the searches have done about as much work as one full
   * search would: after many augmentations the potentials drift away from "distance to the
   * targets" and searches grow; see {@link globalUpdate}.
   */
  maybeGlobalUpdate(): void {
    if (this.work >= this.globalUpdateAfter) this.globalUpdate();
  }

  /**
   * One backward Dijkstra from all targets on reduced costs: p(v) −= dist(v → targets). Reduced
   * costs stay ≥ 0 and every node gets a zero-reduced-cost path to a target, so the following
   * searches run almost straight to a target (the potentials become an exact A* heuristic).
   * Nodes that can no longer reach a target are marked dead (permanently: see initPotentials).
   */
  globalUpdate(): void {
    const { n, K, start, head, cap, pairCap, cost, pot, dist, stamp, done, isTarget, heap } = this;
    const heapPos = this.heapPos;
    const tol = this.tol;
    const last = K - 1;
    const it = ++this.iter;
    this.work = 0;
    let size = 0;
    for (let v = 0; v < n; v++) {
      if (!isTarget[v] || done[v] === DEAD) continue;
      stamp[v] = it;
      dist.fill(0, v * K, v * K + K);
      heap[size] = v;
      heapPos[v] = size;
      size++;
    }
    const tmp = this.tmp;
    while (size > 0) {
      const v: number = heap[0]!;
      size--;
      if (size > 0) this.siftDown(size, heap[size]!);
      done[v] = it;
      const vo = v * K;
      const end = start[v + 1]!;
      // Edge e = v → u is the partner of u → v, whose residual capacity is pairCap − cap[e]
      // and whose cost is −cost[e].
      for (let e: number = start[v]!; e < end; e++) {
        if (pairCap[e]! - cap[e]! <= 0) continue;
        const u = head[e]!;
        if (done[u]! >= it) continue;
        const eo = e * K;
        const uo = u * K;
        if (K === 3) {
          const r0 = pot[uo]! - pot[vo]! - cost[eo]!;
          const r1 = pot[uo + 1]! - pot[vo + 1]! - cost[eo + 1]!;
          let r2 = pot[uo + 2]! - pot[vo + 2]! - cost[eo + 2]!;
          if (r0 === 0) {
            if (r1 === 0) {
              if (r2 < 0) {
                if (r2 < -tol) throw negativeReducedCost();
                r2 = 0;
              }
            } else if (r1 < 0) throw negativeReducedCost();
          } else if (r0 < 0) throw negativeReducedCost();
          const n0 = dist[vo]! + r0;
          const n1 = dist[vo + 1]! + r1;
          const n2 = dist[vo + 2]! + r2;
          if (stamp[u] !== it) {
            stamp[u] = it;
          } else {
            const o0 = dist[uo]!;
            const o1 = dist[uo + 1]!;
            if (n0 > o0 || (n0 === o0 && (n1 > o1 || (n1 === o1 && n2 >= dist[uo + 2]!)))) {
              continue;
            }
            dist[uo] = n0;
            dist[uo + 1] = n1;
            dist[uo + 2] = n2;
            siftUp3(heap, heapPos, dist, heapPos[u]!);
            continue;
          }
          dist[uo] = n0;
          dist[uo + 1] = n1;
          dist[uo + 2] = n2;
        } else {
          let decided = false;
          for (let k = 0; k < K; k++) {
            let rc = pot[uo + k]! - pot[vo + k]! - cost[eo + k]!;
            if (!decided) {
              if (k === last) {
                if (rc < 0) {
                  if (rc < -tol) throw negativeReducedCost();
                  rc = 0;
                }
              } else if (rc !== 0) {
                if (rc < 0) throw negativeReducedCost();
                decided = true;
              }
            }
            tmp[k] = dist[vo + k]! + rc;
          }
          if (stamp[u] !== it) {
            stamp[u] = it;
            dist.set(tmp, uo);
          } else {
            if (lexLessAt(tmp, 0, dist, uo, K, 0)) {
              dist.set(tmp, uo);
              this.siftUp(heapPos[u]!);
            }
            continue;
          }
        }
        heap[size] = u;
        heapPos[u] = size;
        this.siftUp(size);
        size++;
      }
    }
    for (let v = 0; v < n; v++) {
      if (done[v] === DEAD) continue;
      if (stamp[v] !== it) {
        done[v] = DEAD;
        continue;
      }
      const vo = v * K;
      for (let k = 0; k < K; k++) pot[vo + k] = pot[vo + k]! - dist[vo + k]!;
    }
  }

  private siftUp(i: number): void {
    if (this.K === 3) siftUp3(this.heap, this.heapPos, this.dist, i);
    else this.siftUpK(i);
  }

  private siftDown(size: number, v: number): void {
    if (this.K === 3) siftDown3(this.heap, this.heapPos, this.dist, size, v);
    else this.siftDownK(size, v);
  }

  /** Sends up to `limit` units along the parent path source→t; returns the amount sent. */
  augment(source: number, t: number, limit: number): number {
    const { cap, partner, parent, head } = this;
    let amount = limit;
    for (let v = t; v !== source;) {
      const e = parent[v]!;
      if (cap[e]! < amount) amount = cap[e]!;
      v = head[partner[e]!]!;
    }
    for (let v = t; v !== source;) {
      const e = parent[v]!;
      cap[e]! -= amount;
      cap[partner[e]!]! += amount;
      v = head[partner[e]!]!;
    }
    return amount;
  }

  /**
   * p(v) += dist(v) − dist(t) for every node settled in the last search; the others implicitly
   * get += 0 (the usual "+ dist(t) for unsettled nodes", with the constant dist(t) dropped,
   * since only potential differences matter). Keeps all reduced costs ≥ 0 and makes the path
   * just found (and its reversal) zero-cost.
   */
  updatePotentials(t: number): void {
    const { K, pot, dist, settled } = this;
    const to = t * K;
    this.work += this.settledCount;
    for (let i = 0; i < this.settledCount; i++) {
      const vo = settled[i]! * K;
      for (let k = 0; k < K; k++) pot[vo + k] = pot[vo + k]! + (dist[vo + k]! - dist[to + k]!);
    }
  }

  /** The actual cost of the path just found: dist(t) − p(source) + p(t). */
  actualCost(source: number, t: number, out: Float64Array): void {
    const { K, pot, dist } = this;
    for (let k = 0; k < K; k++) {
      out[k] = dist[t * K + k]! - pot[source * K + k]! + pot[t * K + k]!;
    }
  }

  /** Lexicographically < 0, the last component beyond the tolerance. */
  isNegative(c: Float64Array): boolean {
    const last = this.K - 1;
    for (let k = 0; k < last; k++) {
      if (c[k]! < 0) return true;
      if (c[k]! > 0) return false;
    }
    return c[last]! < -this.tol;
  }

  /** The potentials, checked on every residual edge between live nodes. */
  prices(): FlowPrices {
    const { n, K, start, head, cap, cost, pot, done, tol } = this;
    let proven = true;
    const rc = new Float64Array(K);
    for (let u = 0; u < n && proven; u++) {
      if (done[u] === DEAD) continue;
      for (let e = start[u]!; e < start[u + 1]!; e++) {
        const v = head[e]!;
        // A dead node reaches no target, so it lies on no cycle with a live one.
        if (cap[e]! <= 0 || done[v] === DEAD) continue;
        for (let k = 0; k < K; k++) rc[k] = cost[e * K + k]! + pot[u * K + k]! - pot[v * K + k]!;
        if (lexNegative(rc, K, tol)) {
          proven = false;
          break;
        }
      }
    }
    return {
      proven,
      dimension: K,
      potentials: pot,
      isDead: (v) => done[v] === DEAD,
      tolerance: tol,
    };
  }

  result(flow: number): FlowResult {
    const { m, userK: K, cap, partner, arcEdge, arcCost } = this;
    const arcFlow = new Int32Array(m);
    const total = new Array<number>(K).fill(0);
    for (let a = 0; a < m; a++) {
      const f = cap[partner[arcEdge[a]!]!]!;
      arcFlow[a] = f;
      if (f !== 0) for (let k = 0; k < K; k++) total[k] = total[k]! + f * arcCost[a * K + k]!;
    }
    return { flow, cost: total, arcFlow };
  }

  // ---- indexed binary heap keyed by dist, for K > 3 ----

  private lessK(a: number, b: number): boolean {
    const { K, dist } = this;
    const ao = a * K;
    const bo = b * K;
    for (let k = 0; k < K; k++) {
      const x = dist[ao + k]!;
      const y = dist[bo + k]!;
      if (x !== y) return x < y;
    }
    return false;
  }

  private siftUpK(i: number): void {
    const { heap, heapPos } = this;
    const v = heap[i]!;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pv = heap[p]!;
      if (!this.lessK(v, pv)) break;
      heap[i] = pv;
      heapPos[pv] = i;
      i = p;
    }
    heap[i] = v;
    heapPos[v] = i;
  }

  /** Places `v` starting at the root of a heap of `size` entries. */
  private siftDownK(size: number, v: number): void {
    const { heap, heapPos } = this;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && this.lessK(heap[c + 1]!, heap[c]!)) c++;
      const cv = heap[c]!;
      if (!this.lessK(cv, v)) break;
      heap[i] = cv;
      heapPos[cv] = i;
      i = c;
    }
    heap[i] = v;
    heapPos[v] = i;
  }
}

// ---- indexed binary heap keyed by dist, K = 3 ----

function siftUp3(heap: Int32Array, heapPos: Int32Array, dist: Float64Array, i: number): void {
  const v = heap[i]!;
  const v0 = dist[3 * v]!;
  const v1 = dist[3 * v + 1]!;
  const v2 = dist[3 * v + 2]!;
  while (i > 0) {
    const p = (i - 1) >> 1;
    const pv = heap[p]!;
    const po = 3 * pv;
    const p0 = dist[po]!;
    if (v0 > p0) break;
    if (v0 === p0) {
      const p1 = dist[po + 1]!;
      if (v1 > p1 || (v1 === p1 && v2 >= dist[po + 2]!)) break;
    }
    heap[i] = pv;
    heapPos[pv] = i;
    i = p;
  }
  heap[i] = v;
  heapPos[v] = i;
}

/** Places `v` starting at the root of a heap of `size` entries. */
function siftDown3(
  heap: Int32Array,
  heapPos: Int32Array,
  dist: Float64Array,
  size: number,
  v: number,
): void {
  const v0 = dist[3 * v]!;
  const v1 = dist[3 * v + 1]!;
  const v2 = dist[3 * v + 2]!;
  let i = 0;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= size) break;
    if (c + 1 < size && less3(dist, heap[c + 1]!, heap[c]!)) c++;
    const cv = heap[c]!;
    const co = 3 * cv;
    const c0 = dist[co]!;
    if (c0 > v0) break;
    if (c0 === v0) {
      const c1 = dist[co + 1]!;
      if (c1 > v1 || (c1 === v1 && dist[co + 2]! >= v2)) break;
    }
    heap[i] = cv;
    heapPos[cv] = i;
    i = c;
  }
  heap[i] = v;
  heapPos[v] = i;
}

function less3(dist: Float64Array, a: number, b: number): boolean {
  const ao = 3 * a;
  const bo = 3 * b;
  const x0 = dist[ao]!;
  const y0 = dist[bo]!;
  if (x0 !== y0) return x0 < y0;
  const x1 = dist[ao + 1]!;
  const y1 = dist[bo + 1]!;
  if (x1 !== y1) return x1 < y1;
  return dist[ao + 2]! < dist[bo + 2]!;
}

/** a[ai..ai+K) < b[bi..bi+K) lexicographically; the last component must differ by > tol. */
/** Whether a cost tuple is below zero: an earlier component below 0, or the last below −tol. */
export function lexNegative(x: ArrayLike<number>, K: number, tol: number): boolean {
  for (let k = 0; k < K - 1; k++) if (x[k] !== 0) return x[k]! < 0;
  return x[K - 1]! < -tol;
}

function lexLessAt(
  a: Float64Array,
  ai: number,
  b: Float64Array,
  bi: number,
  K: number,
  tol: number,
): boolean {
  const last = K - 1;
  for (let k = 0; k < last; k++) {
    const x = a[ai + k]!;
    const y = b[bi + k]!;
    if (x !== y) return x < y;
  }
  return a[ai + last]! < b[bi + last]! - tol;
}

function negativeReducedCost(): Error {
  return new Error(
    "min-cost flow: negative reduced cost (the network has a negative cycle or costs are not integers where required)",
  );
}
