/* actorgraph explorer: the view over vis-network (the data, the network, the filters and legend, what stands
 * out, the address's view, the start), which starts each feature (explorer-*.js) with the view object.
 * Every string from the data reaches the page as text (text nodes, textContent, plain-text
 * tooltips), never as HTML. Tests and scripts read window.actorgraph. */
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("actorgraph-data").textContent);
  const DAY = 86400000;
  const byId = (id) => document.getElementById(id);

  // ---------------------------------------------------------------- helpers

  /** A new element with a class and children (strings become text nodes). */
  function el(tag, className, ...children) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    node.append(...children.filter((c) => c !== null && c !== undefined && c !== ""));
    return node;
  }

  function button(text, className, onClick) {
    const node = el("button", className, text);
    node.type = "button";
    node.addEventListener("click", onClick);
    return node;
  }


  // ---------------------------------------------------------------- dates (day numbers since 1970-01-01)

  const core = window.actorgraphCore; // explorer-core.js: the rules, with the numbers Python computed
  const dayOf = (iso) => Math.round(Date.parse(iso) / DAY); // an ISO day (YYYY-MM-DD), as the date input gives
  const isoDay = (day) => new Date(day * DAY).toISOString().slice(0, 10);

  // ---------------------------------------------------------------- data and lookups

  // Ids from the data are only ever keys of Maps: in a plain object an actor called "constructor" or
  // "__proto__" would find Object.prototype's properties. vis-network keeps its nodes and edges in plain
  // objects, so there each record goes by its index (``key``) instead of its id.
  const kinds = new Map(Object.entries(data.kinds));
  const categories = new Map(Object.entries(data.categories));
  const statuses = new Map(Object.entries(data.statuses));
  const actors = new Map(data.nodes.map((n) => [n.id, n]));
  const relations = new Map(data.edges.map((r) => [r.id, r]));
  const relationsOf = new Map(data.nodes.map((n) => [n.id, []]));
  data.nodes.forEach((n, i) => Object.assign(n, {key: i, visible: true}));
  const claimsBy = new Map(data.nodes.map((n) => [n.id, []]));
  data.edges.forEach((r, i) => {
    Object.assign(r, {key: i, visible: true});
    relationsOf.get(r.from).push(r);
    if (r.to !== r.from) relationsOf.get(r.to).push(r);
    if (claimsBy.has(r.claimed_by)) claimsBy.get(r.claimed_by).push(r);
  });
  const nameOf = (id) => (actors.has(id) ? actors.get(id).name : id);
  const kindOf = (n) => kinds.get(n.kind) || {label: n.kind, color: "#999999", shape: "dot"};
  const colorOf = (r) => (categories.get(r.category) || {color: "#999999"}).color;
  /** The marker at the middle of a relation's line: its category's, so that categories differ by more than colour. */
  function markerOf(r) {
    const marker = (categories.get(r.category) || {}).marker;
    return marker && marker !== "none" ? {enabled: true, type: marker, scaleFactor: 0.5} : {enabled: false};
  }
  const isClaim = (r) => r.status !== data.default_status;


  function statusText(r) {
    const label = (statuses.get(r.status) || {label: r.status}).label;
    return r.claimed_by ? label + " by " + (r.claimant || nameOf(r.claimed_by)) : label;
  }

  // ---------------------------------------------------------------- network

  const labelInside = (n) => data.label_inside.includes(kindOf(n).shape);

  const features = window.actorgraphFeatures || {};
  // What the features are started with; the rest (network, state, the other features...) joins it below.
  const view = {
    data: data, core: core, el: el, button: button, byId: byId, relations: relations, kinds: kinds, categories: categories,
    statuses: statuses, actor: (id) => actors.get(id), hasActor: (id) => actors.has(id), nameOf: nameOf, kindOf: kindOf,
    colorOf: colorOf, isClaim: isClaim, statusText: statusText, labelInside: labelInside,
    relationsOf: (id) => relationsOf.get(id), claimsBy: (id) => claimsBy.get(id),
    nodeStyle: nodeStyle, dimmed: () => dimmed, started: () => started,
  };
  const labels = features.labels(view); // explorer-labels.js
  let dimmed = null; // the actors not dimmed while a path is shown
  function nodeStyle(n, dim) {
    const kind = kindOf(n);
    const color = dim ? core.fade(kind.color) : kind.color;
    return {
      color: {background: color, border: n.id === data.focus ? "#1f2328" : dim ? "#f2f2f2" : "#ffffff",
        highlight: {background: color, border: "#222222"}, hover: {background: color, border: "#555555"}},
      font: labels.font(n, dim),
    };
  }

  /** A relation's look: dimmed or not, drawn wide on a path, and faint when it only may hold at the date. */
  function edgeStyle(r, dim, onPath, may) {
    const color = dim ? core.fade(colorOf(r)) : colorOf(r);
    return {color: {color: color, highlight: color, hover: color, inherit: false, opacity: may ? 0.4 : 1},
      width: onPath ? 4.5 : 1.6};
  }

  const nodes = new vis.DataSet(data.nodes.map((n) => Object.assign({
    id: n.key, label: n.name, x: n.x, y: n.y, shape: kindOf(n).shape,
    size: n.size, mass: 1 + n.degree / 8, // while settling, hubs push harder (as in ForceAtlas2)
    widthConstraint: labelInside(n) ? {maximum: data.inside_width} : false,
    title: n.name + "\n" + kindOf(n).label + (n.aliases.length ? "\nalso: " + n.aliases.join(", ") : ""),
  }, nodeStyle(n, false))));
  const edges = new vis.DataSet(data.edges.map((r) => Object.assign({
    id: r.key, from: actors.get(r.from).key, to: actors.get(r.to).key,
    arrows: {to: {enabled: !r.symmetric, scaleFactor: 0.55}, middle: markerOf(r)},
    dashes: isClaim(r) ? [7, 5] : r.link === "context" ? [2, 4] : false,
    smooth: r.curve ? {enabled: true, type: r.curve > 0 ? "curvedCW" : "curvedCCW", roundness: Math.abs(r.curve)}
      : {enabled: false},
    title: nameOf(r.from) + " " + r.label + " " + nameOf(r.to) + (r.when ? "\n" + r.when : "") +
      (isClaim(r) ? "\n" + statusText(r) : "") + (r.link === "context" ? "\ncontext, not a connection" : "") +
      (r.sources.length ? "\n\n“" + r.sources[0].quote + "”\n— " + (r.sources[0].title || r.sources[0].document) +
        (r.sources.length > 1 ? " (and " + (r.sources.length - 1) + " more)" : "") : ""),
  }, edgeStyle(r, false, false, false))));

  view.edges = edges;
  const bundling = features.bundles(view); // explorer-bundles.js: its links join the edges before the network starts

  // Small pages run vis-network's physics for 150 steps from the positions computed in Python, to
  // push apart actors drawn over each other, then turn it off; big pages keep those positions.
  const settle = !data.big && data.nodes.length > 1;
  // Camera moves glide on small pages; on big ones vis-network draws too few frames a second (about 10 at
  // 2,000 actors, scripts/bench_page.py), so they jump.
  const MOTION = data.big ? false : {duration: 300};
  const network = new vis.Network(byId("network"), {nodes: nodes, edges: edges}, {
    autoResize: true,
    physics: settle ? {solver: "barnesHut", stabilization: {iterations: 150, updateInterval: 50, fit: false},
      barnesHut: {gravitationalConstant: -2500, centralGravity: 0, springConstant: 0.01, damping: 0.5, avoidOverlap: 1,
        springLength: 130}} // graph/render/layout.py SPACING
      : {enabled: false},
    layout: {improvedLayout: false},
    nodes: {borderWidth: 2, borderWidthSelected: 3,
      font: {size: data.big ? 12 : 14, face: "system-ui, -apple-system, Segoe UI, sans-serif",
        strokeWidth: 4, strokeColor: "#ffffff"}},
    edges: {smooth: false, selectionWidth: 1.5, hoverWidth: 0.8},
    interaction: {hover: !data.big, tooltipDelay: 150, hideEdgesOnDrag: data.big, hideEdgesOnZoom: data.big,
      multiselect: false, keyboard: false},
  });

  const state = window.actorgraph = {
    ready: false, readyAt: null, data: data, network: network, nodes: nodes, edges: edges,
    visible: {nodes: data.nodes.length, edges: data.edges.length},
    when: null, path: null, selected: null, normalize: core.normalize,
  };

  // ---------------------------------------------------------------- filters

  const categoryOn = new Map([...categories.keys()].map((c) => [c, true]));
  const hideAlleged = byId("hide-alleged"), strict = byId("date-strict"), withContext = byId("path-context");

  /** Whether r only may hold at the date in force (undated, or dated vaguely around it). */
  const mayOnly = (r) => state.when !== null && core.holding(r.span, state.when) === core.MAY;

  function keeps(r) {
    return categoryOn.get(r.category) !== false && !(hideAlleged.checked && isClaim(r)) &&
      (state.when === null || core.holding(r.span, state.when) >= (strict.checked ? core.HOLDS : core.MAY));
  }

  /** Hide or show vis-network's own actors or relations. Through the DataSets each change would cost
   * vis-network a pass over the item's every option (70 ms for 4,000 relations, more than drawing them
   * all); vis-network reads only ``options.hidden`` to know what to draw and hit, which it recomputes on
   * "_dataChanged" (vis-network 9.1.2, the version inlined). */
  function hide(items, changes) {
    for (const change of changes) items[change.id].options.hidden = change.hidden;
  }


  /** Show the relations the filters keep and the actors with one of them (or with none at all). */
  function applyFilters() {
    const edgeChanges = [];
    const linked = new Set();
    let shownEdges = 0;
    for (const r of data.edges) {
      const shown = keeps(r);
      if (shown !== r.visible) edgeChanges.push({id: r.key, hidden: !shown});
      r.visible = shown;
      if (shown) {
        shownEdges += 1;
        linked.add(r.from).add(r.to);
      }
    }
    const nodeChanges = [];
    let shownNodes = 0;
    for (const n of data.nodes) {
      const shown = n.degree === 0 || linked.has(n.id);
      if (shown !== n.visible) nodeChanges.push({id: n.key, hidden: !shown});
      n.visible = shown;
      shownNodes += shown;
    }
    hide(network.body.nodes, nodeChanges);
    bundling.draw(nodeChanges.length > 0);
    state.visible = {nodes: shownNodes, edges: shownEdges};
    byId("counts").textContent = "Showing " + shownNodes + " of " + data.nodes.length + " actors, " +
      shownEdges + " of " + data.edges.length + " relations";
    if (state.path) paths.refresh();
    if (state.selected) panel.showSelected();
    if (!state.path) restyle();
    legendCounts();
    changed(true);
  }

  const counters = {kinds: new Map(), categories: new Map()}; // the count element of each legend line

  function legendItem(swatch, label, count, counter) {
    const shown = el("span", "count", String(count));
    counter.set(label, {element: shown, total: count});
    return el("li", null, swatch, el("span", "label", label), shown);
  }

  /** The legend counts what is shown: "shown of all" when the filters hide some. */
  function legendCounts() {
    const tally = (items, key) => items.reduce((m, x) => (x.visible ? m.set(x[key], (m.get(x[key]) || 0) + 1) : m), new Map());
    for (const [group, items, key, vocabulary] of [["kinds", data.nodes, "kind", kinds], ["categories", data.edges, "category",
      categories]]) {
      const shown = tally(items, key);
      for (const [id, entry] of vocabulary) {
        const counter = counters[group].get(entry.label);
        if (!counter) continue;
        const n = shown.get(id) || 0;
        counter.element.textContent = n === counter.total ? String(n) : n + " of " + counter.total;
      }
    }
  }

  const SVG = "http://www.w3.org/2000/svg"; // a namespace name, never fetched
  const SHAPE_POINTS = new Map(Object.entries({
    square: "2,2 14,2 14,14 2,14", diamond: "8,1 15,8 8,15 1,8", triangle: "8,2 15,14 1,14",
    triangleDown: "1,2 15,2 8,14", hexagon: "8,1 14,4.5 14,11.5 8,15 2,11.5 2,4.5",
    star: "8,1 10,6 15,6 11,9.5 12.5,15 8,11.5 3.5,15 5,9.5 1,6 6,6", box: "1,4 15,4 15,12 1,12",
  }));

  /** A small drawing of a vis-network shape in a colour, for the legend and the panel. */
  function glyph(shape, color) {
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 16 16");
    svg.setAttribute("class", "glyph");
    let mark;
    if (SHAPE_POINTS.has(shape)) {
      mark = document.createElementNS(SVG, "polygon");
      mark.setAttribute("points", SHAPE_POINTS.get(shape));
    } else if (shape === "ellipse" || shape === "database") {
      mark = document.createElementNS(SVG, "ellipse");
      for (const [k, v] of [["cx", 8], ["cy", 8], ["rx", 7.5], ["ry", 4.5]]) mark.setAttribute(k, v);
    } else {
      mark = document.createElementNS(SVG, "circle");
      for (const [k, v] of [["cx", 8], ["cy", 8], ["r", 6.5]]) mark.setAttribute(k, v);
    }
    mark.setAttribute("fill", color);
    svg.append(mark);
    return svg;
  }

  /** A short line in a colour with a category's marker at its middle, for the legend and the panel. */
  function lineGlyph(color, marker, dash) {
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 24 12");
    svg.setAttribute("class", "line-glyph");
    const line = document.createElementNS(SVG, "line");
    for (const [k, v] of [["x1", 0], ["y1", 6], ["x2", 24], ["y2", 6], ["stroke", color], ["stroke-width", 3]]) line.setAttribute(k, v);
    if (dash) line.setAttribute("stroke-dasharray", dash);
    svg.append(line);
    const mark = markerShape(marker, 12, 6, 3.5, color);
    if (mark) svg.append(mark);
    return svg;
  }

  /** An SVG drawing of a vis-network middle marker centred on (x, y); null for none. */
  function markerShape(marker, x, y, r, color) {
    let mark = null;
    if (marker === "circle") {
      mark = document.createElementNS(SVG, "circle");
      for (const [k, v] of [["cx", x], ["cy", y], ["r", r]]) mark.setAttribute(k, v);
    } else if (marker === "box" || marker === "diamond" || marker === "bar") {
      mark = document.createElementNS(SVG, "polygon");
      const points = marker === "box" ? [[-r, -r], [r, -r], [r, r], [-r, r]] : marker === "diamond"
        ? [[0, -r * 1.3], [r * 1.3, 0], [0, r * 1.3], [-r * 1.3, 0]] : [[-1, -r * 1.6], [1, -r * 1.6], [1, r * 1.6], [-1, r * 1.6]];
      mark.setAttribute("points", points.map(([a, b]) => (x + a).toFixed(1) + "," + (y + b).toFixed(1)).join(" "));
    }
    if (mark) mark.setAttribute("fill", color);
    return mark;
  }

  function buildLegend() {
    const kindList = byId("legend-kinds");
    for (const [id, kind] of kinds) {
      kindList.append(legendItem(glyph(kind.shape, kind.color), kind.label, data.nodes.filter((n) => n.kind === id).length,
        counters.kinds));
    }
    const categoryList = byId("legend-categories");
    for (const [id, category] of categories) {
      const box = el("input");
      box.type = "checkbox";
      box.checked = true;
      box.dataset.category = id;
      box.addEventListener("change", () => {
        categoryOn.set(id, box.checked);
        applyFilters();
      });
      const line = lineGlyph(category.color, category.marker);
      const item = legendItem(line, category.label, data.edges.filter((r) => r.category === id).length, counters.categories);
      const label = el("label");
      label.append(box, ...item.childNodes);
      categoryList.append(el("li", null, label));
    }
    const setAll = (on) => () => {
      for (const box of categoryList.querySelectorAll("input")) {
        box.checked = on;
        categoryOn.set(box.dataset.category, on);
      }
      applyFilters();
    };
    byId("categories-all").addEventListener("click", setAll(true));
    byId("categories-none").addEventListener("click", setAll(false));
    hideAlleged.addEventListener("change", applyFilters);
    strict.addEventListener("change", applyFilters);
    withContext.addEventListener("change", () => (state.path ? paths.refresh() : changed(true)));
  }

  // ---------------------------------------------------------------- the camera beside the panel

  /** How many pixels on the right the open panel (or reader) covers, where it leaves the graph beside it. */
  function covered() {
    const width = byId("network").getBoundingClientRect().width;
    const shown = [byId("panel"), byId("reader")].filter((p) => !p.hidden).map((p) => p.getBoundingClientRect().width);
    const room = Math.max(0, ...shown);
    return room < width * 0.8 ? room : 0; // a panel as wide as the screen is closed to see the graph
  }

  /** Centre an actor in the part of the graph the panel leaves visible. */
  function jumpTo(key) {
    network.focus(key, {scale: Math.max(network.getScale(), 1.1), offset: {x: -covered() / 2, y: 0}, animation: MOTION});
  }

  /** Fit the whole graph, or the actors ``keys``, in the part the panel leaves visible. */
  function fitBeside(keys) {
    const room = covered(), nodesToFit = Array.isArray(keys) ? {nodes: keys} : {};
    network.fit(Object.assign({animation: room ? false : MOTION, maxZoomLevel: 1.5}, nodesToFit));
    if (!room) return;
    const width = byId("network").getBoundingClientRect().width, scale = network.getScale() * (width - room) / width;
    const centre = network.getViewPosition();
    network.moveTo({position: {x: centre.x + room / 2 / scale, y: centre.y}, scale: scale, animation: MOTION});
  }

  // ---------------------------------------------------------------- what stands out

  let spotlight = null; // what a story's step brings out ({nodes, edges, wide}), set through view.spotlight

  /** What stands out: a path shown (its actors and relations, drawn wide), else the selected actor with its
   * neighbours and shown relations, else a story's step, else nothing ({nodes, edges, wide} or null). */
  function emphasis() {
    if (state.path && state.path.nodes) return {nodes: new Set(state.path.nodes), edges: new Set(state.path.edges), wide: true};
    if (state.selected && state.selected.actor) {
      const shown = relationsOf.get(state.selected.actor).filter((r) => r.visible);
      return {nodes: new Set([state.selected.actor, ...shown.flatMap((r) => [r.from, r.to])]),
        edges: new Set(shown.map((r) => r.id)), wide: false};
    }
    return spotlight;
  }

  /** Dim what does not stand out (see emphasis), updating only the actors and relations whose look changes. */
  function restyle() {
    const focus = emphasis();
    dimmed = focus ? focus.nodes : null;
    const restyled = new Set(), edgeChanges = [];
    for (const n of data.nodes) {
      const dim = focus !== null && !focus.nodes.has(n.id);
      if (dim !== Boolean(n.dim)) restyled.add(n.id);
      n.dim = dim;
    }
    // On big pages a selected actor's relations stand out by vis-network's own selection (drawn wider);
    // the other relations are not dimmed one by one, which would cost vis-network a pass over thousands.
    const dimEdges = focus !== null && (focus.wide || !data.big);
    for (const r of data.edges) {
      const dim = dimEdges && !focus.edges.has(r.id), wide = focus !== null && focus.wide && !dim;
      const may = r.visible && mayOnly(r);
      if (dim !== Boolean(r.dim) || wide !== Boolean(r.wide) || may !== Boolean(r.may)) {
        edgeChanges.push(Object.assign({id: r.key}, edgeStyle(r, dim, wide, may)));
      }
      Object.assign(r, {dim: dim, wide: wide, may: may});
    }
    bundling.restyle(focus, dimEdges, edgeChanges);
    if (edgeChanges.length) edges.update(edgeChanges);
    if (data.big && started) { // vis-network reads a shape's colours as it draws it: set them, skip a pass over each
      for (const n of data.nodes) {
        if (!restyled.has(n.id)) continue;
        const look = nodeStyle(n, n.dim).color, drawn = network.body.nodes[n.key].options.color;
        drawn.background = look.background;
        drawn.border = look.border;
      }
      restyled.clear();
      network.body.emitter.emit("_requestRedraw");
    }
    if (started) labels.update(restyled);
    else nodes.update(data.nodes.filter((n) => restyled.has(n.id)).map((n) => Object.assign({id: n.key}, nodeStyle(n, n.dim))));
  }

  // ---------------------------------------------------------------- the view, for the address and the features

  /** What is on show, as explorer-core.js encodeView writes it in the address. */
  function getView() {
    if (stories && stories.current()) return stories.current(); // a story's step is its whole view
    const position = network.getViewPosition(), shown = reader.shown ? reader.shown() : null;
    return {
      actor: state.selected && state.selected.actor, relation: state.selected && state.selected.relation,
      from: state.path && state.path.from, to: state.path && state.path.to, context: withContext.checked,
      date: state.when && [isoDay(state.when[0]), isoDay(state.when[1])], strict: state.when !== null && strict.checked,
      hideClaims: hideAlleged.checked, off: [...categoryOn].filter(([, on]) => !on).map(([id]) => id),
      doc: shown && shown.doc, quote: shown && shown.at,
      camera: started ? [position.x, position.y, network.getScale()] : null,
    };
  }

  /** Show ``wanted`` (a decoded address); returns what it names that the page does not hold. */
  function setView(wanted, withCamera) {
    if (stories && wanted.story !== undefined) return stories.restore(wanted.story, wanted.step);
    if (stories) stories.leave();
    const missing = [];
    const off = new Set(wanted.off || []);
    for (const box of byId("legend-categories").querySelectorAll("input")) {
      box.checked = !off.has(box.dataset.category);
      categoryOn.set(box.dataset.category, box.checked);
    }
    hideAlleged.checked = Boolean(wanted.hideClaims);
    withContext.checked = Boolean(wanted.context);
    const days = wanted.date ? wanted.date.map(dayOf) : null;
    if (days && days.every(Number.isFinite) && days[0] <= days[1] && timeline.shown) {
      state.when = days;
      byId("date-on").checked = true;
      timeline.show(days[0]);
      strict.checked = Boolean(wanted.strict);
    } else {
      state.when = null;
      byId("date-on").checked = false;
      strict.checked = false;
    }
    const known = (id) => {
      if (id === undefined) return false;
      if (actors.has(id)) return true;
      missing.push(id);
      return false;
    };
    const [from, to] = [known(wanted.from), known(wanted.to)];
    if (from && to) {
      byId("path-from").value = nameOf(wanted.from);
      byId("path-to").value = nameOf(wanted.to);
      state.path = {from: wanted.from, to: wanted.to};
    } else if (state.path) {
      paths.clear();
    }
    applyFilters(); // shows the path again too
    if (known(wanted.actor)) panel.selectActor(wanted.actor, false);
    else if (wanted.relation !== undefined && relations.has(wanted.relation)) panel.selectRelation(wanted.relation);
    else {
      if (wanted.relation !== undefined) missing.push(wanted.relation);
      if (state.selected) panel.close();
    }
    if (wanted.doc !== undefined && !(wanted.quote !== undefined && reader.open(wanted.doc, wanted.quote, false))) {
      missing.push(wanted.doc);
    }
    if (wanted.doc === undefined) reader.close();
    if (withCamera && wanted.camera) {
      network.moveTo({position: {x: wanted.camera[0], y: wanted.camera[1]}, scale: wanted.camera[2], animation: false});
    }
    return missing;
  }

  let started = false; // the address is written only once the page has shown the view it was opened on
  function changed(push) {
    if (started && share) share.record(push && !timeline.playing()); // playing writes the address in place
  }

  Object.assign(view, {
    state: state, network: network, nodes: nodes, shapePoints: SHAPE_POINTS, markerShape: markerShape, glyph: glyph,
    lineGlyph: lineGlyph, labelPx: labels.px, labelBelow: labels.isBelow, bundles: bundling.drawn, unfold: bundling.unfold,
    drawnLabels: labels.drawn, changed: changed, getView: getView, setView: setView, isStrict: () => strict.checked,
    hidesClaims: () => hideAlleged.checked, applyFilters: applyFilters, strictBox: strict, contextBox: withContext,
    mayOnly: mayOnly, hide: hide, restyle: restyle, dayOf: dayOf, isoDay: isoDay, fitBeside: fitBeside, jumpTo: jumpTo,
    caption: () => (stories ? stories.caption() : null),
    spotlight: (focus) => {
      spotlight = focus;
      if (focus) bundling.unfold(focus.edges);
    },
  });
  const panel = view.panel = features.panel(view); // explorer-panel.js
  Object.assign(view, {selectActor: panel.selectActor, selectRelation: panel.selectRelation, quotes: panel.quotes,
    facts: panel.facts});
  const reader = view.reader = features.reader ? features.reader(view)
    : {citation: () => null, close: () => null, open: () => false};
  view.finder = features.search(view);
  const timeline = features.timeline(view);
  const share = features.share ? features.share(view) : null;
  const exporter = features.exporter ? features.exporter(view) : null;
  const stories = features.stories ? features.stories(view) : null;
  const paths = features.paths(view); // explorer-paths.js

  // ---------------------------------------------------------------- start

  buildLegend();
  byId("fit").addEventListener("click", () => fitBeside());
  byId("menu").addEventListener("click", () => {
    const open = document.body.classList.toggle("controls-open");
    byId("menu").setAttribute("aria-expanded", String(open));
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || event.target === byId("search")) return;
    if (!byId("reader").hidden) reader.close();
    else if (!byId("export-menu").hidden) byId("export").click();
    else if (panel.isOpen()) panel.close();
  });
  network.on("click", (event) => {
    if (event.nodes.length) panel.selectActor(data.nodes[event.nodes[0]].id, false);
    else if (event.edges.length && bundling.has(event.edges[0])) bundling.show(event.edges[0]);
    else if (event.edges.length) panel.selectRelation(data.edges[event.edges[0]].id);
    else panel.close();
  });
  network.on("afterDrawing", labels.afterDrawing);
  for (const event of ["zoom", "dragEnd", "animationFinished"]) network.on(event, () => started && share && share.cameraMoved());
  // vis-network hides a tooltip when the pointer moves off its item inside the canvas, not when it leaves
  // the canvas: hide it then too.
  byId("network").addEventListener("pointerleave", () => {
    const handler = network.interactionHandler;
    if (handler && handler.popup) {
      handler.popup.hide();
      handler.popupObj = undefined;
    }
  });
  if (data.path) {
    byId("path-from").value = nameOf(data.path[0]);
    byId("path-to").value = nameOf(data.path[data.path.length - 1]);
    state.path = {from: data.path[0], to: data.path[data.path.length - 1]};
  }
  applyFilters();
  if (data.path) byId("path-hops").scrollIntoView({block: "nearest"});
  if (data.focus && actors.has(data.focus)) { // a --focus page marks its focus actor
    nodes.update({id: actors.get(data.focus).key, borderWidth: 4});
  }
  Object.assign(state, {selectActor: panel.selectActor, selectRelation: panel.selectRelation, shortestPath: paths.shortestPath,
    holding: (id, when) => core.holding(relations.get(id).span, when),
    actor: (id) => actors.get(id), relation: (id) => relations.get(id), drawnLabels: labels.drawn,
    exportImage: exporter ? exporter.exportImage : null, view: getView, reader: reader});
  /** Show the view the address names (or fit the whole graph); the page is ready once that is drawn. */
  function showAll() {
    const wanted = share ? share.start() : {};
    network.fit({animation: false});
    network.moveTo({scale: network.getScale() * 0.95}); // room for the labels of the outermost actors
    if (share && Object.keys(wanted).length) share.restore(location.hash, true);
    labels.rest();
    network.once("afterDrawing", () => {
      started = true;
      state.ready = true;
      state.readyAt = performance.now();
      document.body.dataset.ready = "true";
    });
    network.redraw();
  }
  /** With physics off for good, vis-network still redraws the whole graph synchronously after each DataSet
   * update ("startSimulation"), so one change of the filters or the selection drew it three to six times;
   * asking for a redraw instead lets the browser draw once, at the next frame. */
  function drawOncePerFrame() {
    if (network.physics && typeof network.physics.startSimulation === "function") {
      network.physics.startSimulation = () => network.body.emitter.emit("_requestRedraw");
    }
  }
  if (settle) {
    network.once("stabilizationIterationsDone", () => {
      network.setOptions({physics: {enabled: false}});
      drawOncePerFrame();
      showAll();
    });
  } else {
    drawOncePerFrame();
    showAll();
  }
})();
