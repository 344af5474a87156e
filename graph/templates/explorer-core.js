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

  /** Breadth-first from a until b: each actor reached before b's depth with its parents on shortest
   * walks ({order, parents}), or null when b cannot be reached. */
  function shortestLayers(links, a, b) {
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
    return depth.has(b) ? {order: order, parents: parents} : null;
  }

  const rank = (path) => [...path.cost, ...path.actors];

  /** The best shortest path from a to b, as graph.paths.find_paths ranks them: fewest hops, then the
   * smallest cost (claims, may-hold hops, -quotes, -documents), then the smallest actor ids.
   * ``links(actor)`` gives a Map from each neighbour to its chosen link ({cost, ...}). Returns
   * {actors, cost, count} (count: how many shortest paths there are) or null when none. */
  function bestPath(links, a, b) {
    const layers = shortestLayers(links, a, b);
    if (layers === null) return null;
    const best = new Map([[a, {actors: [a], cost: null, count: 1}]]);
    for (const v of layers.order) {
      let chosen = null, count = 0;
      for (const u of layers.parents.get(v)) {
        const head = best.get(u), step = links(u).get(v).cost;
        const candidate = {actors: [...head.actors, v], cost: head.cost ? add(head.cost, step) : step};
        count += head.count;
        if (chosen === null || compare(rank(candidate), rank(chosen)) < 0) chosen = candidate;
      }
      best.set(v, Object.assign(chosen, {count: count}));
    }
    return best.get(b);
  }

  /** Every shortest path from a to b, best first as ``actorgraph path --all-shortest`` lists them
   * ([{actors, cost}]), at most ``limit`` of them: the first ``limit`` in that order. */
  function shortestPaths(links, a, b, limit) {
    const layers = shortestLayers(links, a, b);
    if (layers === null) return [];
    const found = [];
    const walk = (v, tail) => { // from b back to a over the parents, each path built whole
      if (found.length >= 10000) return;
      if (v === a) {
        const actors = [a, ...tail];
        let cost = null;
        for (let i = 1; i < actors.length; i += 1) {
          const step = links(actors[i - 1]).get(actors[i]).cost;
          cost = cost ? add(cost, step) : step;
        }
        found.push({actors: actors, cost: cost});
        return;
      }
      for (const u of layers.parents.get(v)) walk(u, [v, ...tail]);
    };
    walk(b, []);
    return found.sort((x, y) => compare(rank(x), rank(y))).slice(0, limit);
  }

  // ---------------------------------------------------------------- search (graph.queries.search)

  /** graph.names.normalize: case folded, diacritics and punctuation gone. Python hands the page every
   * actor's keys already normalised; only what the reader types is normalised here. */
  function normalize(text) {
    return String(text).toLowerCase().replace(/ß/g, "ss").normalize("NFKD").replace(/\p{M}/gu, "")
      .replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }

  /** The longest common block of a[alo:ahi] and b[blo:bhi], earliest in a then in b: [i, j, size]
   * (difflib.SequenceMatcher.find_longest_match, without junk, as for the short strings compared here). */
  function longestMatch(a, b, alo, ahi, blo, bhi) {
    let best = [alo, blo, 0];
    let lengths = new Map();
    for (let i = alo; i < ahi; i += 1) {
      const next = new Map();
      for (let j = blo; j < bhi; j += 1) {
        if (a[i] !== b[j]) continue;
        const k = (lengths.get(j - 1) || 0) + 1;
        next.set(j, k);
        if (k > best[2]) best = [i - k + 1, j - k + 1, k];
      }
      lengths = next;
    }
    return best;
  }

  /** difflib.SequenceMatcher(None, a, b).ratio(): twice the matched characters over both lengths. */
  function similarity(a, b) {
    if (!a.length && !b.length) return 1;
    let matched = 0;
    const pending = [[0, a.length, 0, b.length]];
    while (pending.length) {
      const [alo, ahi, blo, bhi] = pending.pop();
      const [i, j, k] = longestMatch(a, b, alo, ahi, blo, bhi);
      if (!k) continue;
      matched += k;
      if (alo < i && blo < j) pending.push([alo, i, blo, j]);
      if (i + k < ahi && j + k < bhi) pending.push([i + k, ahi, j + k, bhi]);
    }
    return 2 * matched / (a.length + b.length);
  }

  const SCORES = {exact: 100, prefix: 80, word: 60, part: 50, similar: 40, description: 20};

  /** How a normalised query matches a normalised name (graph.queries._name_match), or null. */
  function nameMatch(query, name) {
    if (query === name) return "exact";
    if (name.startsWith(query)) return "prefix";
    if ((" " + name + " ").includes(" " + query + " ")) return "word";
    if (name.includes(query)) return "part";
    const words = name.split(" ");
    return query.split(" ").every((q) => words.some((w) => similarity(w, q) >= 0.8)) ? "similar" : null;
  }

  /** The actors a query finds, best first, as `actorgraph search` ranks them. ``actors``: [{id, keys:
   * [name, aliases..., id] normalised, about: description normalised, sortName: name normalised}];
   * returns [{id, match, key}] where key indexes the key that matched (-1: the description). */
  function searchActors(actors, text) {
    const query = normalize(text);
    if (!query) return [];
    const found = [];
    for (const actor of actors) {
      let best = null;
      actor.keys.forEach((key, i) => {
        const match = nameMatch(query, key);
        if (match && (best === null || SCORES[match] > SCORES[best.match])) best = {match: match, key: i};
      });
      if (best === null && actor.about.includes(query)) best = {match: "description", key: -1};
      if (best) found.push(Object.assign({id: actor.id, score: SCORES[best.match], sortName: actor.sortName}, best));
    }
    found.sort((x, y) => y.score - x.score || compare([x.sortName, x.id], [y.sortName, y.id]));
    return found.map((f) => ({id: f.id, match: f.match, key: f.key}));
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
    ["story", "story", text],
    ["step", "step", {write: String, read: (v) => (/^[1-9][0-9]{0,3}$/.test(v) ? Number(v) : undefined)}],
    ["camera", "cam", {write: (v) => v.map((n, i) => (i < 2 ? Math.round(n) : Number(n.toPrecision(4)))).join(","),
      read: (v) => {
        const n = v.split(",").map(Number);
        return n.length === 3 && n.every(Number.isFinite) && n[2] > 0 && n[2] < 1000 && Math.abs(n[0]) < 1e9 &&
          Math.abs(n[1]) < 1e9 ? n : undefined;
      }}],
  ];

  /** A view ({actor, relation, from, to, context, date: [first, last] ISO days, strict, hideClaims, off:
   * [categories], doc, quote, story, step (from 1), camera: [x, y, scale]}, each optional) as a fragment,
   * without the "#". */
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

  // ---------------------------------------------------------------- colours and words of the view

  const FADED = 0.82; // how far dimmed colours move towards white

  /** A "#rrggbb" colour as [red, green, blue] from 0 to 255; null when it is not one. */
  function rgb(hex) {
    const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex || "");
    return m ? [m[1], m[2], m[3]].map((h) => parseInt(h, 16)) : null;
  }

  /** A colour moved most of the way towards white, as dimmed things are drawn. */
  function fade(hex) {
    const channels = rgb(hex);
    if (!channels) return "#e8e8e8";
    return "#" + channels.map((c) => Math.round(c + (255 - c) * FADED).toString(16).padStart(2, "0")).join("");
  }

  /** Dark or white text, whichever reads better on a background colour. */
  function inkOn(hex) {
    const channels = rgb(hex);
    return !channels || 0.299 * channels[0] + 0.587 * channels[1] + 0.114 * channels[2] > 150 ? "#1f2328" : "#ffffff";
  }

  /** The relation's words read from actor ``from`` (its inverse when walked backwards). */
  function phrase(r, from) {
    return r.from === from || r.symmetric ? r.label : r.inverse_label;
  }

  const api = {NO: NO, MAY: MAY, HOLDS: HOLDS, holding: holding, compare: compare, choose: choose, bestPath: bestPath, shortestPaths: shortestPaths,
    encodeView: encodeView, decodeView: decodeView, normalize: normalize, similarity: similarity, nameMatch: nameMatch,
    searchActors: searchActors, rgb: rgb, fade: fade, inkOn: inkOn, phrase: phrase};
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.actorgraphCore = api;
})(this);
