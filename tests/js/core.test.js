// The page's pure logic (graph/templates/explorer-core.js), run with `node --test tests/js`.
const test = require("node:test");
const assert = require("node:assert/strict");
const core = require("../../graph/templates/explorer-core.js");

const FAR = 1e9;

test("holding gives the three answers at the edges of a span", () => {
  const state = [10, 12, 20, 22]; // may from 10, known 12..20, may until 22
  assert.equal(core.holding(state, [9, 9]), core.NO);
  assert.equal(core.holding(state, [10, 10]), core.MAY);
  assert.equal(core.holding(state, [12, 20]), core.HOLDS);
  assert.equal(core.holding(state, [19, 21]), core.MAY);
  assert.equal(core.holding(state, [23, 30]), core.NO);
  const undatedEvent = [-FAR, FAR, FAR, FAR];
  assert.equal(core.holding(undatedEvent, [0, 0]), core.MAY);
});

test("compare orders like Python tuples", () => {
  assert.equal(core.compare([0, 1], [0, 2]), -1);
  assert.equal(core.compare([1], [0, 9]), 1);
  assert.equal(core.compare(["a", "b"], ["a", "b"]), 0);
  assert.equal(core.compare([0, "b"], [0, "ab"]), 1);
});

test("choose takes the candidate with the smallest order", () => {
  const picked = core.choose([{order: [1, 0], id: "claim"}, {order: [0, 1], id: "alleged"}, {order: [0, 0], id: "reported"}]);
  assert.equal(picked.id, "reported");
  assert.equal(core.choose([]), null);
});

function network(edges) {
  const links = new Map();
  for (const [u, v, cost] of edges) {
    for (const [x, y] of [[u, v], [v, u]]) {
      if (!links.has(x)) links.set(x, new Map());
      links.get(x).set(y, {cost: cost});
    }
  }
  return (actor) => links.get(actor) || new Map();
}

test("bestPath prefers fewer claims, then may-hold hops, then sources, then ids, and counts the ties", () => {
  const ok = [0, 0, -1, -1], claim = [1, 0, -1, -1], may = [0, 1, -1, -1], rich = [0, 0, -3, -2];
  const links = network([["a", "b", claim], ["b", "z", ok], ["a", "c", may], ["c", "z", ok],
    ["a", "d", ok], ["d", "z", ok], ["a", "e", ok], ["e", "z", rich]]);
  const found = core.bestPath(links, "a", "z");
  assert.deepEqual(found.actors, ["a", "e", "z"]);
  assert.equal(found.count, 4);
  assert.deepEqual(core.bestPath(network([["a", "y", ok], ["y", "z", ok], ["a", "x", ok], ["x", "z", ok]]), "a", "z").actors,
    ["a", "x", "z"]);
  assert.equal(core.bestPath(links, "a", "nowhere"), null);
});

test("a view goes into the address and comes back the same", () => {
  const view = {actor: "karim-massimov", from: "a b", to: "x/y#z@2022", context: true, date: ["2022-01-01", "2022-01-31"],
    strict: true, hideClaims: true, off: ["family", "commentary"], doc: "january-rebellion", quote: 4, camera: [-15, 8, 1.1]};
  const fragment = core.encodeView(view);
  assert.equal(fragment, "a=karim-massimov&from=a+b&to=x%2Fy%23z%402022&ctx=1&date=2022-01-01..2022-01-31&strict=1" +
    "&claims=hide&off=family%2Ccommentary&doc=january-rebellion&q=4&cam=-15%2C8%2C1.1");
  assert.deepEqual(core.decodeView("#" + fragment), view);
  assert.deepEqual(core.decodeView(core.encodeView({date: ["2022-01-05", "2022-01-05"]})), {date: ["2022-01-05", "2022-01-05"]});
  assert.equal(core.encodeView({date: ["2022-01-05", "2022-01-05"], strict: false, off: [], relation: null}), "date=2022-01-05");
});

test("an address is only ever read as data: what does not parse is left out", () => {
  const hostile = "#a=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&date=javascript:alert(1)&cam=1e999,0,1&q=constructor" +
    "&off=%3Csvg%3E,family&strict=yes&claims=1&ctx=true&doc=&r=" + "x".repeat(600);
  assert.deepEqual(core.decodeView(hostile), {actor: "<img src=x onerror=alert(1)>", off: ["family"]});
  assert.deepEqual(core.decodeView("cam=1,2,0&q=-1&date=2022-1-5"), {});
  assert.deepEqual(core.decodeView(""), {});
  assert.deepEqual(Object.getPrototypeOf(core.decodeView("__proto__=1&constructor=2")), Object.prototype);
});

test("similarity is difflib's ratio", () => {
  // difflib.SequenceMatcher(None, a, b).ratio() in Python 3.11
  for (const [a, b, ratio] of [["nazarbayev", "nazarbaev", 0.9473684210526315], ["massimov", "massimof", 0.875],
    ["tokayev", "tokaev", 0.9230769230769231], ["abcd", "bcda", 0.75], ["kassym", "tokaev", 0.3333333333333333],
    ["aaab", "abaa", 0.5], ["", "", 1]]) {
    assert.equal(core.similarity(a, b), ratio, a + " " + b);
  }
});

test("search ranks as `actorgraph search`: exact, prefix, word, part, similar, then description", () => {
  const actors = [
    {id: "kassym-jomart-tokayev", keys: ["kassym jomart tokayev", "tokayev", "kassym jomart tokayev"], about: "president", sortName: "kassym jomart tokayev"},
    {id: "karim-massimov", keys: ["karim massimov", "masimov", "karim massimov"], about: "intelligence chief", sortName: "karim massimov"},
    {id: "tokayev-office", keys: ["tokayev office", "tokayev office"], about: "", sortName: "tokayev office"},
  ];
  assert.deepEqual(core.searchActors(actors, "Tokayev").map((f) => [f.id, f.match]),
    [["kassym-jomart-tokayev", "exact"], ["tokayev-office", "prefix"]]);
  assert.deepEqual(core.searchActors(actors, "Massimof").map((f) => [f.id, f.match, f.key]), [["karim-massimov", "similar", 0]]);
  assert.deepEqual(core.searchActors(actors, "INTELLIGENCE").map((f) => f.match), ["description"]);
  assert.deepEqual(core.searchActors(actors, "  !! "), []);
  assert.equal(core.normalize("Nazarbáev-Jr. Straße"), "nazarbaev jr strasse");
});

test("shortestPaths lists every shortest path, best first, as --all-shortest does", () => {
  const ok = [0, 0, -1, -1], claim = [1, 0, -1, -1], rich = [0, 0, -3, -2];
  const links = network([["a", "b", claim], ["b", "z", ok], ["a", "d", ok], ["d", "z", ok], ["a", "e", ok], ["e", "z", rich],
    ["a", "x", ok], ["x", "y", ok], ["y", "z", ok]]);
  assert.deepEqual(core.shortestPaths(links, "a", "z", 10).map((p) => p.actors.join("")), ["aez", "adz", "abz"]);
  assert.deepEqual(core.shortestPaths(links, "a", "z", 1)[0].actors, core.bestPath(links, "a", "z").actors);
  assert.deepEqual(core.shortestPaths(links, "a", "nowhere", 5), []);
});

test("rgb reads #rrggbb colours, with or without the hash, and nothing else", () => {
  assert.deepEqual(core.rgb("#ff8000"), [255, 128, 0]);
  assert.deepEqual(core.rgb("0A0b0C"), [10, 11, 12]);
  assert.equal(core.rgb("#fff"), null);
  assert.equal(core.rgb(undefined), null);
});

test("fade moves a colour most of the way towards white", () => {
  assert.equal(core.fade("#000000"), "#d1d1d1");
  assert.equal(core.fade("#ffffff"), "#ffffff");
  assert.equal(core.fade("#57606a"), "#e1e2e4");
  assert.equal(core.fade("red"), "#e8e8e8");
});

test("inkOn writes dark on light colours and white on dark ones", () => {
  assert.equal(core.inkOn("#ffffff"), "#1f2328");
  assert.equal(core.inkOn("#1f2328"), "#ffffff");
  assert.equal(core.inkOn("not a colour"), "#1f2328");
});

test("phrase reads a relation from either end", () => {
  const r = {from: "a", to: "b", label: "employs", inverse_label: "works for", symmetric: false};
  assert.equal(core.phrase(r, "a"), "employs");
  assert.equal(core.phrase(r, "b"), "works for");
  assert.equal(core.phrase(Object.assign({}, r, {symmetric: true}), "b"), "employs");
});
