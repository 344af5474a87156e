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

  // ---------------------------------------------------------------- the view in the address (#fragment)

  /** The fields of a view kept in the fragment, in their order there, each with how its value is written
   * and read back. A value that does not read back is left out: the fragment is data, never trusted. */
  const ISO_DAY = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
  const NAME = /^[a-z][a-z0-9_]*$/;
  const text = {write: (v) => v, read: (v) => (v.length > 0 && v.length <= 500 ? v : undefined)};
  const flag = {write: (v) => (v ? "1" : undefined), read: (v) => (v === "1" ? true : undefined)};
  const VIEW_FIELDS = [
    ["actor", "a", text], ["relation", "r", text], ["from", "from", text], ["to", "to", text],
    ["context", "ctx", flag],
    ["date", "date", {write: (v) => (v[0] === v[1] ? v[0] : v.join("..")), read: (v) => {
      const days = v.split("..");
      return days.length <= 2 && days.every((d) => ISO_DAY.test(d)) ? [days[0], days[days.length - 1]] : undefined;
    }}],
    ["strict", "strict", flag], ["hideClaims", "claims", {write: (v) => (v ? "hide" : undefined),
      read: (v) => (v === "hide" ? true : undefined)}],
    ["off", "off", {write: (v) => (v.length ? v.join(",") : undefined), read: (v) => {
      const names = v.split(",").filter((n) => NAME.test(n));
      return names.length ? names : undefined;
    }}],
    ["doc", "doc", text],
    ["quote", "q", {write: String, read: (v) => (/^[0-9]{1,6}$/.test(v) ? Number(v) : undefined)}],
    ["camera", "cam", {write: (v) => v.map((n, i) => (i < 2 ? Math.round(n) : Number(n.toPrecision(4)))).join(","),
      read: (v) => {
        const n = v.split(",").map(Number);
        return n.length === 3 && n.every(Number.isFinite) && n[2] > 0 && n[2] < 1000 && Math.abs(n[0]) < 1e9 &&
          Math.abs(n[1]) < 1e9 ? n : undefined;
      }}],
  ];

  /** A view ({actor, relation, from, to, context, date: [first, last] ISO days, strict, hideClaims, off:
   * [categories], doc, quote, camera: [x, y, scale]}, each optional) as a fragment, without the "#". */
  function encodeView(view) {
    const params = new URLSearchParams();
    for (const [field, key, codec] of VIEW_FIELDS) {
      if (view[field] === undefined || view[field] === null) continue;
      const written = codec.write(view[field]);
      if (written !== undefined) params.append(key, written);
    }
    return params.toString();
  }

  /** The view a fragment (with or without its "#") describes; anything unreadable is left out. */
  function decodeView(fragment) {
    const params = new URLSearchParams(String(fragment).replace(/^#/, ""));
    const view = {};
    for (const [field, key, codec] of VIEW_FIELDS) {
      const value = params.get(key);
      if (value === null) continue;
      const read = codec.read(value);
      if (read !== undefined) view[field] = read;
    }
    return view;
  }

  const api = {NO: NO, MAY: MAY, HOLDS: HOLDS, holding: holding, compare: compare, choose: choose, bestPath: bestPath,
    encodeView: encodeView, decodeView: decodeView};
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.actorgraphCore = api;
})(this);
