/* actorgraph explorer: the page's pure logic, no DOM. The rules are Python's (graph/validity.py,
 * graph/paths.py); Python hands the page every number they need (day spans, costs, ranks), and this
 * file only compares them. Tested with `node --test tests/js` and, for parity, in the browser. */
(function (root) {
  "use strict";

  const NO = 0, MAY = 1, HOLDS = 2;

  /** graph.validity.Span.at: span = [may from, known from, known until, may until] and when =
   * [first day, last day], all day numbers. */
  function holding(span, when) {
    if (when[1] < span[0] || when[0] > span[3]) return NO;
    if (span[1] <= when[0] && when[1] <= span[2]) return HOLDS;
    return MAY;
  }

  /** Lexicographic order of two arrays of numbers or strings (-1, 0, 1), as Python orders tuples. */
  function compare(a, b) {
    for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
      if (a[i] < b[i]) return -1;
      if (a[i] > b[i]) return 1;
    }
    return Math.sign(a.length - b.length);
  }

  const add = (a, b) => a.map((x, i) => x + b[i]);

  /** The candidate link with the smallest ``order`` (see graph.paths.Network._choice). */
  function choose(candidates) {
    return candidates.reduce((best, c) => (best === null || compare(c.order, best.order) < 0 ? c : best), null);
  }

  /** The best shortest path from a to b, as graph.paths.find_paths ranks them: fewest hops, then the
   * smallest cost (claims, may-hold hops, -quotes, -documents), then the smallest actor ids.
   * ``links(actor)`` gives a Map from each neighbour to its chosen link ({cost, ...}). Returns
   * {actors, cost, count} (count: how many shortest paths there are) or null when none. */
  function bestPath(links, a, b) {
    if (a === b) return null;
    const depth = new Map([[a, 0]]), parents = new Map([[a, []]]);
    let frontier = [a];
    const order = [];
    while (frontier.length && !depth.has(b)) {
      const next = [];
      for (const u of frontier) {
        for (const v of links(u).keys()) {
          if (!depth.has(v)) {
            depth.set(v, depth.get(u) + 1);
            parents.set(v, [u]);
            next.push(v);
          } else if (depth.get(v) === depth.get(u) + 1) {
            parents.get(v).push(u);
          }
        }
      }
      order.push(...next);
      frontier = next;
    }
    if (!depth.has(b)) return null;
    const best = new Map([[a, {actors: [a], cost: null, count: 1}]]);
    for (const v of order) {
      let chosen = null, count = 0;
      for (const u of parents.get(v)) {
        const head = best.get(u), step = links(u).get(v).cost;
        const candidate = {actors: [...head.actors, v], cost: head.cost ? add(head.cost, step) : step};
        count += head.count;
        if (chosen === null || compare([...candidate.cost, ...candidate.actors], [...chosen.cost, ...chosen.actors]) < 0) {
          chosen = candidate;
        }
      }
      best.set(v, Object.assign(chosen, {count: count}));
    }
    return best.get(b);
  }

  const api = {NO: NO, MAY: MAY, HOLDS: HOLDS, holding: holding, compare: compare, choose: choose, bestPath: bestPath};
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.actorgraphCore = api;
})(this);
