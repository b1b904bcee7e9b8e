/**
 * A growing set of points (k utilities each) that answers "does any point weakly dominate q
 * within eps?" — is there a point p with p[d] ≥ q[d] − eps in every coordinate d. Older points
 * live in a static k-d tree whose nodes carry their bounding box (a subtree is skipped when its
 * box maximum falls short in some coordinate, and answers at once when its box minimum already
 * dominates); the most recent ones in a short list, folded into a rebuilt tree when it grows.
 */
export class DominanceIndex {
  private readonly k: number;
  private readonly eps: number;
  /** Points row-major, `count × k`. */
  private points: Float64Array;
  private count = 0;
  /** Points `[0, treeCount)` are in the tree, the rest in the recent list. */
  private treeCount = 0;
  private perm = new Int32Array(0);
  // Node arrays: range [lo, hi) of `perm`, children (-1 for a leaf), box per coordinate.
  private lo = new Int32Array(0);
  private hi = new Int32Array(0);
  private left = new Int32Array(0);
  private right = new Int32Array(0);
  private boxMax = new Float64Array(0);
  private boxMin = new Float64Array(0);
  private nodes = 0;
  private readonly stack = new Int32Array(256);

  constructor(k: number, eps: number, capacity = 1024) {
    this.k = k;
    this.eps = eps;
    this.points = new Float64Array(capacity * k);
  }

  get size(): number {
    return this.count;
  }

  add(q: ArrayLike<number>): void {
    const k = this.k;
    if ((this.count + 1) * k > this.points.length) {
      const grown = new Float64Array(this.points.length * 2);
      grown.set(this.points);
      this.points = grown;
    }
    for (let d = 0; d < k; d++) this.points[this.count * k + d] = q[d]!;
    this.count++;
    // Rebuilding costs O(n log n); doing it each time the list reaches a fixed share of the tree
    // keeps the total O(n log² n) while the list stays short.
    if (this.count - this.treeCount > Math.max(64, Math.min(512, this.treeCount >> 3))) this.rebuild();
  }

  /** True when some point p has p[d] ≥ q[d] − eps for every d. */
  dominates(q: ArrayLike<number>): boolean {
    const k = this.k,
      eps = this.eps,
      pts = this.points;
    // Recent points first: they are the nearest in the caller's order and the likeliest dominators.
    for (let j = this.count - 1; j >= this.treeCount; j--) if (covers(pts, j * k, q, k, eps)) return true;
    if (this.nodes === 0) return false;
    const stack = this.stack;
    let top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const node = stack[--top]!;
      const b = node * k;
      let reach = true,
        all = true;
      for (let d = 0; d < k; d++) {
        const t = q[d]! - eps;
        if (this.boxMax[b + d]! < t) {
          reach = false;
          break;
        }
        if (this.boxMin[b + d]! < t) all = false;
      }
      if (!reach) continue;
      if (all) return true;
      if (this.left[node]! < 0) {
        for (let r = this.lo[node]!; r < this.hi[node]!; r++)
          if (covers(pts, this.perm[r]! * k, q, k, eps)) return true;
      } else {
        stack[top++] = this.right[node]!;
        stack[top++] = this.left[node]!;
      }
    }
    return false;
  }

  private rebuild(): void {
    const n = (this.treeCount = this.count),
      k = this.k;
    this.perm = new Int32Array(n);
    for (let i = 0; i < n; i++) this.perm[i] = i;
    const maxNodes = 2 * Math.ceil(n / (LEAF / 2)) + 1;
    if (this.lo.length < maxNodes) {
      this.lo = new Int32Array(maxNodes);
      this.hi = new Int32Array(maxNodes);
      this.left = new Int32Array(maxNodes);
      this.right = new Int32Array(maxNodes);
      this.boxMax = new Float64Array(maxNodes * k);
      this.boxMin = new Float64Array(maxNodes * k);
    }
    this.nodes = 0;
    this.build(0, n, 0);
  }

  private build(lo: number, hi: number, depth: number): number {
    const node = this.nodes++,
      k = this.k,
      pts = this.points,
      perm = this.perm;
    this.lo[node] = lo;
    this.hi[node] = hi;
    if (hi - lo <= LEAF || depth > 60) {
      this.left[node] = this.right[node] = -1;
      for (let d = 0; d < k; d++) {
        let mx = -Infinity,
          mn = Infinity;
        for (let r = lo; r < hi; r++) {
          const v = pts[perm[r]! * k + d]!;
          if (v > mx) mx = v;
          if (v < mn) mn = v;
        }
        this.boxMax[node * k + d] = mx;
        this.boxMin[node * k + d] = mn;
      }
      return node;
    }
    // Split at the median of the coordinates in turn; the box is the children's, bottom-up.
    const dim = depth % k;
    const mid = (lo + hi) >> 1;
    select(perm, pts, k, dim, lo, hi - 1, mid);
    const l = (this.left[node] = this.build(lo, mid, depth + 1));
    const r = (this.right[node] = this.build(mid, hi, depth + 1));
    for (let d = 0; d < k; d++) {
      this.boxMax[node * k + d] = Math.max(this.boxMax[l * k + d]!, this.boxMax[r * k + d]!);
      this.boxMin[node * k + d] = Math.min(this.boxMin[l * k + d]!, this.boxMin[r * k + d]!);
    }
    return node;
  }
}

const LEAF = 8;

function covers(pts: Float64Array, at: number, q: ArrayLike<number>, k: number, eps: number): boolean {
  for (let d = 0; d < k; d++) if (pts[at + d]! < q[d]! - eps) return false;
  return true;
}

/** Quickselect: reorders `perm[lo..hi]` so that position `nth` holds its order statistic on coordinate `dim`. */
function select(
  perm: Int32Array,
  pts: Float64Array,
  k: number,
  dim: number,
  lo: number,
  hi: number,
  nth: number,
): void {
  while (hi > lo) {
    const pivot = pts[perm[(lo + hi) >> 1]! * k + dim]!;
    let i = lo,
      j = hi;
    while (i <= j) {
      while (pts[perm[i]! * k + dim]! < pivot) i++;
      while (pts[perm[j]! * k + dim]! > pivot) j--;
      if (i <= j) {
        const t = perm[i]!;
        perm[i] = perm[j]!;
        perm[j] = t;
        i++;
        j--;
      }
    }
    if (nth <= j) hi = j;
    else if (nth >= i) lo = i;
    else return;
  }
}
