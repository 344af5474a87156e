/* actorgraph explorer: filters, search, details panel and path finder over vis-network.
 * Every string from the data reaches the page as text (text nodes, textContent, plain-text
 * tooltips), never as HTML. Tests and scripts read window.actorgraph. */
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("actorgraph-data").textContent);
  const DAY = 86400000;
  const FADED = 0.82; // how far dimmed colours move towards white
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

  /** A "#rrggbb" colour as [red, green, blue] from 0 to 255; null when it is not one. */
  function rgb(hex) {
    const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex || "");
    return m ? [m[1], m[2], m[3]].map((h) => parseInt(h, 16)) : null;
  }

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

  /** The relation's words read from actor ``from`` (its inverse when walked backwards). */
  function phrase(r, from) {
    return r.from === from || r.symmetric ? r.label : r.inverse_label;
  }

  function statusText(r) {
    const label = (statuses.get(r.status) || {label: r.status}).label;
    return r.claimed_by ? label + " by " + (r.claimant || nameOf(r.claimed_by)) : label;
  }

  // ---------------------------------------------------------------- network

  const labelInside = (n) => data.label_inside.includes(kindOf(n).shape);

  // Labels: at least LABEL_MIN CSS pixels on screen wherever they are drawn, and never over each other; the
  // labels of the best-connected actors win, the others appear as one zooms in (see updateLabels).
  const LABEL_MIN = 11.5, LABEL_BASE = data.big ? 12 : 14, FACE = "system-ui, -apple-system, Segoe UI, sans-serif";
  const labelShown = new Set(data.nodes.map((n) => n.id));
  // Actors whose label belongs inside their shape (an ellipse...) but would be too small there: the page
  // writes it below the shape instead, in the same size as the other labels (drawn in "afterDrawing").
  const below = new Set();
  let labelSize = LABEL_BASE; // of the labels drawn below their actor, in canvas units
  let dimmed = null; // the actors not dimmed while a path is shown

  function nodeStyle(n, dim) {
    const kind = kindOf(n);
    const color = dim ? fade(kind.color) : kind.color;
    const inside = labelInside(n);
    const shown = labelShown.has(n.id), hidden = "rgba(0,0,0,0)";
    return {
      color: {background: color, border: n.id === data.focus ? "#1f2328" : dim ? "#f2f2f2" : "#ffffff",
        highlight: {background: color, border: "#222222"}, hover: {background: color, border: "#555555"}},
      font: inside ? {color: !shown || below.has(n.id) ? hidden : dim ? "#ffffff" : inkOn(kind.color), strokeWidth: 0,
        size: data.inside_font}
        : {color: !shown ? hidden : dim ? "#c8c8c8" : "#1f2328", size: labelSize, strokeWidth: shown ? 4 : 0},
    };
  }

  /** A relation's look: dimmed or not, drawn wide on a path, and faint when it only may hold at the date. */
  function edgeStyle(r, dim, onPath, may) {
    const color = dim ? fade(colorOf(r)) : colorOf(r);
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

  // Many relations between the same two actors (Python's ``bundles``) are drawn as one link saying how
  // many, until it is clicked open; a path or a selected relation among them opens it too.
  const bundles = (data.bundles || []).map((b, i) => ({key: data.edges.length + i, from: b.from, to: b.to,
    members: b.members.map((id) => relations.get(id)), open: false, folded: false, drawn: false, count: -1}));
  const bundleOf = new Map(bundles.flatMap((b) => b.members.map((r) => [r.id, b])));
  const bundleByKey = new Map(bundles.map((b) => [b.key, b]));
  edges.add(bundles.map((b) => ({id: b.key, from: actors.get(b.from).key, to: actors.get(b.to).key, hidden: true,
    physics: false, width: 3.5, color: {color: "#57606a", highlight: "#1f2328", hover: "#1f2328", inherit: false},
    smooth: {enabled: false}, arrows: {to: {enabled: false}}, font: {size: 12, align: "middle", strokeWidth: 4},
    title: b.members.length + " relations between " + nameOf(b.from) + " and " + nameOf(b.to) + " (click to show each)\n" +
      b.members.map((r) => "· " + nameOf(r.from) + " " + r.label + " " + nameOf(r.to)).join("\n")})));

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

  const measure = document.createElement("canvas").getContext("2d");
  const widths = new Map(); // each name's width at 100 px
  function textWidth(n, px) {
    if (!widths.has(n.id)) {
      measure.font = "100px " + FACE;
      widths.set(n.id, measure.measureText(n.name).width);
    }
    return widths.get(n.id) * px / 100;
  }

  /** The size of actor n's label on screen, in CSS pixels. */
  const labelPx = (n) => (below.has(n.id) ? LABEL_MIN : (labelInside(n) ? data.inside_font : labelSize) * network.getScale());
  /** Half the height of actor n's shape on screen (an inside label's shape is as tall as vis-network made it). */
  const halfHeight = (n, scale) => (labelInside(n) && network.body.nodes[n.key].shape.height
    ? network.body.nodes[n.key].shape.height / 2 : n.size) * scale;

  /** Choose the labels to draw at the current zoom: each at least LABEL_MIN px, best-connected first,
   * none over another (boxes estimated from the font, checked in a grid of cells). */
  function updateLabels(restyled) {
    const scale = network.getScale(), before = labelSize;
    labelSize = Math.max(LABEL_BASE, LABEL_MIN / scale);
    const cell = 120, grid = new Map(), taken = [];
    const cells = (b) => {
      const keys = [];
      for (let i = Math.floor(b.left / cell); i <= Math.floor(b.right / cell); i += 1) {
        for (let j = Math.floor(b.top / cell); j <= Math.floor(b.bottom / cell); j += 1) keys.push(i + ":" + j);
      }
      return keys;
    };
    const positions = network.getPositions();
    const chosenOne = state.selected && state.selected.actor, ends = state.path ? [state.path.from, state.path.to] : [];
    // The selected actor and a path's ends first, then what else stands out, then the rest.
    const first = (n) => (n.id === chosenOne || ends.includes(n.id) ? 0 : dimmed !== null && dimmed.has(n.id) ? 1 : 2);
    const order = data.nodes.filter((n) => n.visible)
      .sort((a, b) => first(a) - first(b) || b.degree - a.degree || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const chosen = new Set(), wasBelow = new Set(below);
    below.clear();
    for (const n of order) {
      const under = labelInside(n) && data.inside_font * scale < LABEL_MIN - 0.01;
      const px = under ? LABEL_MIN : labelPx(n);
      if (px < LABEL_MIN - 0.01) continue;
      const p = network.canvasToDOM(positions[n.key]);
      const width = textWidth(n, px) + 6, height = px * 1.3, radius = halfHeight(n, scale);
      const top = labelInside(n) && !under ? p.y - height / 2 : p.y + radius + 1;
      const box = {left: p.x - width / 2 - 2, right: p.x + width / 2 + 2, top: top - 2, bottom: top + height + 2};
      const keys = cells(box);
      const clash = keys.some((k) => (grid.get(k) || []).some((o) =>
        box.left < o.right && o.left < box.right && box.top < o.bottom && o.top < box.bottom));
      if (clash) continue;
      chosen.add(n.id);
      if (under) below.add(n.id);
      taken.push(box);
      for (const k of keys) (grid.get(k) || grid.set(k, []).get(k)).push(box);
    }
    const changes = [];
    for (const n of data.nodes) {
      const was = labelShown.has(n.id), now = chosen.has(n.id);
      if (now) labelShown.add(n.id);
      else labelShown.delete(n.id);
      if (was !== now || (labelSize !== before && !labelInside(n)) || (restyled && restyled.has(n.id)) ||
          wasBelow.has(n.id) !== below.has(n.id)) {
        changes.push(Object.assign({id: n.key}, nodeStyle(n, dimmed !== null && !dimmed.has(n.id))));
      }
    }
    nodes.update(changes); // one update of each actor whose look changed: each update costs vis-network a pass
  }

  /** The labels drawn, as vis-network laid them out: [{id, x, y, width, height, fontPx}] in CSS pixels of
   * the window, for those on screen. */
  function drawnLabels() {
    const scale = network.getScale(), box = byId("network").getBoundingClientRect();
    const result = [];
    for (const n of data.nodes) {
      if (!n.visible || !labelShown.has(n.id)) continue;
      if (below.has(n.id)) {
        const p = network.canvasToDOM(network.getPositions([n.key])[n.key]), width = textWidth(n, LABEL_MIN);
        result.push({id: n.id, x: box.left + p.x - width / 2, y: box.top + p.y + halfHeight(n, scale) + 2, width: width,
          height: LABEL_MIN * 1.2, fontPx: LABEL_MIN});
        continue;
      }
      const label = network.body.nodes[n.key] && network.body.nodes[n.key].labelModule;
      if (!label || !label.size) continue;
      const corner = network.canvasToDOM({x: label.size.left, y: label.size.top});
      const item = {id: n.id, x: box.left + corner.x, y: box.top + corner.y, width: label.size.width * scale,
        height: label.size.height * scale, fontPx: label.fontOptions.size * scale};
      if (item.x + item.width > box.left && item.x < box.right && item.y + item.height > box.top && item.y < box.bottom) {
        result.push(item);
      }
    }
    return result;
  }

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

  /** Draw each relation the filters keep, unless it is folded into its bundle, and each folded bundle;
   * then let vis-network recompute what it draws (``actorsChanged``: it must even if no relation changed). */
  function drawRelations(actorsChanged) {
    const changes = [], labels = [];
    for (const b of bundles) {
      const shown = b.members.filter((r) => r.visible).length;
      b.folded = !b.open && shown >= 2;
      if (b.folded && shown !== b.count) labels.push({id: b.key, label: shown + " relations"});
      b.count = shown;
    }
    for (const r of data.edges) {
      const bundle = bundleOf.get(r.id), drawn = r.visible && !(bundle && bundle.folded);
      if (drawn !== r.drawn) changes.push({id: r.key, hidden: !drawn});
      r.drawn = drawn;
    }
    for (const b of bundles) {
      if (b.folded !== b.drawn) changes.push({id: b.key, hidden: !b.folded});
      b.drawn = b.folded;
    }
    if (labels.length) edges.update(labels);
    hide(network.body.edges, changes);
    if (actorsChanged || changes.length) network.body.emitter.emit("_dataChanged");
  }

  /** Open the bundles holding any of ``ids`` (relation ids), so that each of those relations is drawn. */
  function unfold(ids) {
    let opened = false;
    for (const id of ids) {
      const b = bundleOf.get(id);
      if (b && !b.open) opened = b.open = true;
    }
    if (opened) drawRelations(false);
  }

  /** A bundle clicked: open it and list its relations in the panel, with a way to fold them again. */
  function showBundle(b) {
    b.open = true;
    drawRelations(false);
    state.selected = null;
    network.setSelection({nodes: [], edges: []});
    openPanel(el("h2", null, b.members.length + " relations between " + nameOf(b.from) + " and " + nameOf(b.to)),
      el("p", null, button("Fold them into one link again", "link fold", () => {
        b.open = false;
        drawRelations(false);
        closePanel();
      })),
      el("ol", "relations", ...b.members.map((r) => {
        const li = el("li", r.visible ? "relation" : "relation filtered", el("p", "sentence", actorButton(r.from), " ",
          button(r.label, "link verb", () => selectRelation(r.id)), " ", actorButton(r.to)), facts(r, true), quotes(r));
        li.style.borderLeftColor = colorOf(r);
        return li;
      })));
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
    drawRelations(nodeChanges.length > 0);
    state.visible = {nodes: shownNodes, edges: shownEdges};
    byId("counts").textContent = "Showing " + shownNodes + " of " + data.nodes.length + " actors, " +
      shownEdges + " of " + data.edges.length + " relations";
    if (state.path) refreshPath();
    if (state.selected) showSelected();
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
    withContext.addEventListener("change", () => (state.path ? refreshPath() : changed(true)));
  }

  // ---------------------------------------------------------------- details panel

  const panel = byId("panel"), panelBody = byId("panel-body");

  const trail = []; // the selections before this one, for the panel's Back

  function openPanel(...children) {
    const previous = trail[trail.length - 1];
    const back = previous ? button("‹ Back to " + (previous.actor ? nameOf(previous.actor) : "the relation"), "link back", () => {
      const to = trail.pop();
      stepping = true;
      if (to.actor) selectActor(to.actor, false);
      else selectRelation(to.relation);
      stepping = false;
    }) : null;
    panelBody.replaceChildren(...[back, ...children].filter(Boolean));
    panel.hidden = false;
  }

  let stepping = false;
  /** Remember the selection being left, unless going back to it. */
  function leave(next) {
    const now = state.selected;
    if (!stepping && now && (now.actor !== next.actor || now.relation !== next.relation)) trail.push(now);
  }

  function actorButton(id) {
    return actors.has(id) ? button(nameOf(id), "link actor", () => selectActor(id, true)) : el("span", null, id);
  }

  function quotes(r) {
    return el("div", "quotes", ...r.sources.map((s) => {
      const located = s.at !== null && s.at !== undefined && data.documents && reader.open !== undefined;
      const text = located ? button("“" + s.quote + "”", "quote-text", () => reader.open(s.document, s.at, true))
        : el("span", "quote-text", "“" + s.quote + "”");
      return el("blockquote", null, el("p", null, text), reader.citation(s));
    }));
  }

  function facts(r, withStatus) {
    const items = [];
    if (r.when) items.push(el("span", "when", r.when));
    if (r.role) items.push(el("span", "role", r.role));
    if (withStatus && isClaim(r)) items.push(el("span", "status " + r.status, statusText(r)));
    if (r.link === "context") items.push(el("span", "context", "context, not a connection"));
    if (r.visible && mayOnly(r)) items.push(el("span", "may-hold", "may hold at this date"));
    if (!r.visible) items.push(el("span", "hidden-note", "hidden by the filters"));
    return el("p", "facts", ...items);
  }

  function showActor(id) {
    const n = actors.get(id);
    const kind = kindOf(n);
    const item = (r) => {
      const other = r.from === id ? r.to : r.from;
      const li = el("li", r.visible ? "relation" : "relation filtered",
        el("p", "sentence", button(phrase(r, id), "link verb", () => selectRelation(r.id)), " ", actorButton(other)),
        facts(r, true), quotes(r));
      li.style.borderLeftColor = colorOf(r);
      return li;
    };
    // Relations by category (in the vocabulary's order), each in date order, with counts.
    const groups = [...categories.keys(), ...new Set(relationsOf.get(id).map((r) => r.category))]
      .filter((c, i, all) => all.indexOf(c) === i)
      .map((c) => [c, relationsOf.get(id).filter((r) => r.category === c)]).filter(([, rs]) => rs.length);
    const list = el("div", "groups", ...groups.map(([c, rs]) => el("section", "group",
      el("h4", null, lineGlyph(colorOf(rs[0]), (categories.get(c) || {}).marker), " " + (categories.get(c) || {label: c}).label +
        " (" + rs.length + ")"), el("ol", "relations", ...rs.map(item)))));
    const filter = relationsOf.get(id).length > 4 ? el("input", "panel-filter") : null;
    if (filter) {
      filter.type = "search";
      filter.placeholder = "Filter these relations…";
      filter.setAttribute("aria-label", "Filter these relations");
      filter.addEventListener("input", () => {
        const q = core.normalize(filter.value);
        for (const li of panelBody.querySelectorAll("li.relation")) {
          li.hidden = Boolean(q) && !core.normalize(li.textContent).includes(q);
        }
        for (const section of list.querySelectorAll("section.group")) {
          section.hidden = section.querySelector("li.relation:not([hidden])") === null;
        }
      });
    }
    const around = n.visible ? button("Show in the graph", "around", () => {
      if (window.matchMedia("(max-width: 700px)").matches) panel.hidden = true; // the panel covers the graph there
      jumpTo(n.key);
    }) : null;
    openPanel(
      el("h2", null, n.name),
      el("p", "kind", glyph(kind.shape, kind.color), " " + kind.label, " ", around),
      n.aliases.length ? el("p", "aliases", "Also known as: " + n.aliases.join(" · ")) : null,
      n.description ? el("p", "description", n.description) : null,
      n.visible ? null : el("p", "hidden-note", "Hidden by the filters: none of its relations is shown."),
      el("h3", null, "Relations (" + relationsOf.get(id).length + ")"),
      filter,
      list,
      claimsBy.get(id).length ? el("h3", null, "Claims made (" + claimsBy.get(id).length + ")") : null,
      claimsBy.get(id).length ? el("ol", "relations", ...claimsBy.get(id).map((r) => el("li", "relation",
        el("p", "sentence", actorButton(r.from), " ", button(r.label, "link verb", () => selectRelation(r.id)), " ",
          actorButton(r.to)), facts(r, true), quotes(r)))) : null);
  }

  function showRelation(id) {
    const r = relations.get(id);
    const category = categories.get(r.category) || {label: r.category};
    const swatch = el("span", "line");
    swatch.style.borderColor = colorOf(r);
    const status = statuses.get(r.status) || {label: r.status, description: ""};
    openPanel(
      el("p", "kind", swatch, " " + category.label + " · " + r.type),
      el("h2", "sentence", actorButton(r.from), " " + r.label + " ", actorButton(r.to)),
      facts(r, false),
      el("p", "status-line", "Status: " + status.label + (r.claimed_by ? ", claimed by " + (r.claimant || nameOf(r.claimed_by)) : "") +
        (status.description ? " — " + status.description : "")),
      r.note ? el("p", "note", r.note) : null,
      el("h3", null, r.sources.length === 1 ? "Citation" : "Citations (" + r.sources.length + ")"),
      quotes(r));
  }

  function showSelected() {
    if (state.selected.actor) showActor(state.selected.actor);
    else showRelation(state.selected.relation);
  }

  function selectActor(id, focus) {
    leave({actor: id});
    state.selected = {actor: id};
    const n = actors.get(id);
    showActor(id);
    if (n.visible) {
      network.selectNodes([n.key]);
      if (focus) jumpTo(n.key);
    } else {
      network.setSelection({nodes: [], edges: []});
    }
    restyle();
    changed(true);
  }

  /** How many pixels on the right the open panel (or reader) covers, where it leaves the graph beside it. */
  function covered() {
    const width = byId("network").getBoundingClientRect().width;
    const shown = [panel, byId("reader")].filter((p) => !p.hidden).map((p) => p.getBoundingClientRect().width);
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

  function selectRelation(id) {
    leave({relation: id});
    state.selected = {relation: id};
    unfold([id]);
    const r = relations.get(id);
    if (r.visible) network.setSelection({nodes: [], edges: [r.key]}, {unselectAll: true, highlightEdges: false});
    showRelation(id);
    restyle();
    changed(true);
  }

  function closePanel() {
    state.selected = null;
    trail.length = 0;
    panel.hidden = true;
    network.setSelection({nodes: [], edges: []}); // unselectAll would also redraw at once
    restyle();
    changed(true);
  }

  // ---------------------------------------------------------------- path finder

  /** The links a path may take from actor u, the best per neighbour, as graph.paths.Network chooses:
   * shown connections (context too when asked) and claim links between a claimant and the parties of
   * its shown claims. */
  function linksFrom(u) {
    const candidates = new Map();
    const offer = (other, link) => {
      if (!candidates.has(other)) candidates.set(other, []);
      candidates.get(other).push(link);
    };
    const walkable = (r) => r.visible && (r.link !== "context" || withContext.checked);
    const link = (r, claimant, against) => {
      const cost = [r.rank > 0 || claimant !== null ? 1 : 0, mayOnly(r) ? 1 : 0, ...r.weight];
      return {relation: r, claimant: claimant, cost: cost, order: [claimant === null ? 0 : 1, r.rank, ...cost, against, r.id]};
    };
    for (const r of relationsOf.get(u)) {
      if (!walkable(r)) continue;
      offer(r.from === u ? r.to : r.from, link(r, null, r.from === u ? 0 : 1));
      if (r.claimed_by && r.claimed_by !== u && actors.has(r.claimed_by)) offer(r.claimed_by, link(r, r.claimed_by, 0));
    }
    for (const r of claimsBy.get(u)) {
      if (!walkable(r)) continue;
      for (const party of new Set([r.from, r.to])) if (party !== u) offer(party, link(r, u, 0));
    }
    return new Map([...candidates].map(([other, found]) => [other, core.choose(found)]));
  }

  /** The best shortest path from a to b over what is shown ({actors, count, links}), ranked as the path
   * command ranks them; null if none. */
  function bestPath(a, b) {
    const memo = new Map();
    const links = (u) => memo.get(u) || memo.set(u, linksFrom(u)).get(u);
    const found = core.bestPath(links, a, b);
    const withLinks = (path) => ({actors: path.actors, count: found.count,
      links: path.actors.slice(1).map((v, i) => links(path.actors[i]).get(v))});
    return found && Object.assign(withLinks(found), {
      /** The others of the same length, best first (at most ``limit``), each like this one. */
      others: (limit) => core.shortestPaths(links, a, b, limit + 1).slice(1).map(withLinks),
    });
  }

  const shortestPath = (a, b) => (bestPath(a, b) || {actors: null}).actors;
  const OTHERS = 20; // the most other equally short paths listed

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
    for (const b of bundles) { // a bundle stands out with any of its relations
      const dim = dimEdges && !b.members.some((r) => focus.edges.has(r.id));
      if (dim !== Boolean(b.dim)) {
        const color = dim ? fade("#57606a") : "#57606a";
        edgeChanges.push({id: b.key, color: {color: color, highlight: "#1f2328", hover: "#1f2328", inherit: false},
          font: {color: dim ? "#c8c8c8" : "#343434"}});
      }
      b.dim = dim;
    }
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
    if (started) updateLabels(restyled);
    else nodes.update(data.nodes.filter((n) => restyled.has(n.id)).map((n) => Object.assign({id: n.key}, nodeStyle(n, n.dim))));
  }

  function showPath(from, to, found) {
    const status = byId("path-status"), hops = byId("path-hops");
    state.path = {from: from, to: to, nodes: found && found.actors, edges: found ? found.links.map((l) => l.relation.id) : []};
    unfold(state.path.edges);
    restyle();
    changed(true);
    if (!found) {
      status.textContent = "No path between " + nameOf(from) + " and " + nameOf(to) + " among the shown relations.";
      hops.replaceChildren();
      return;
    }
    const length = found.actors.length - 1;
    status.replaceChildren(length + (length === 1 ? " hop" : " hops") +
      (found.count > 1 ? "; the best of " + found.count + " equally short paths" : "") + " (over the shown relations)");
    if (found.count > 1 && found.others) {
      const claims = (p) => p.links.filter((l) => l.cost[0]).length, may = (p) => p.links.filter((l) => l.cost[1]).length;
      const more = button("Show the others", "link others", () => {
        more.remove();
        const others = found.others(OTHERS);
        status.append(el("ol", "other-paths", ...others.map((other) => el("li", null, button(other.actors.map(nameOf).join(" → "),
          "link", () => showPath(from, to, Object.assign(other, {chosen: true}))),
        el("span", "muted", " (" + claims(other) + " claim(s), " + may(other) + " may hold)")))),
        found.count > others.length + 1 ? el("p", "muted small", (found.count - others.length - 1) + " more not listed") : null);
      });
      status.append(" ", more);
    }
    if (found.chosen) status.prepend("Another of the equally short paths: ");
    hops.replaceChildren(...found.links.map((l, i) => {
      const a = found.actors[i], b = found.actors[i + 1], r = l.relation;
      const words = l.claimant === null ? [button(phrase(r, a), "link verb", () => selectRelation(r.id))]
        : [button(a === l.claimant ? "made allegations about" : "is the subject of allegations by", "link verb claim",
          () => selectRelation(r.id))];
      const may = l.cost[1] ? el("span", "may-hold", "may hold") : null;
      return el("li", "hop", actorButton(a), " ", ...words, " ", actorButton(b), may ? " " : null, may);
    }));
  }

  function refreshPath() {
    const {from, to} = state.path;
    showPath(from, to, bestPath(from, to));
  }

  /** The actor a typed name means: its id, or the one actor with that name or alias, or the one found. */
  function resolve(text) {
    return actors.has(text) ? text : finder.resolve(text);
  }

  function findPath() {
    const status = byId("path-status");
    const ends = ["path-from", "path-to"].map((id) => [byId(id).value, resolve(byId(id).value)]);
    const unknown = ends.find(([, id]) => id === null);
    if (unknown) {
      status.textContent = unknown[0] ? "No single actor matches “" + unknown[0] + "”." : "Pick two actors.";
      return;
    }
    const found = bestPath(ends[0][1], ends[1][1]);
    showPath(ends[0][1], ends[1][1], found);
    if (found) fitBeside(found.actors.map((a) => actors.get(a).key)); // the camera shows the path
  }

  function clearPath() {
    state.path = null;
    restyle();
    byId("path-status").textContent = "";
    byId("path-hops").replaceChildren();
    changed(true);
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
      clearPath();
    }
    applyFilters(); // shows the path again too
    if (known(wanted.actor)) selectActor(wanted.actor, false);
    else if (wanted.relation !== undefined && relations.has(wanted.relation)) selectRelation(wanted.relation);
    else {
      if (wanted.relation !== undefined) missing.push(wanted.relation);
      if (state.selected) closePanel();
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

  const features = window.actorgraphFeatures || {};
  const view = {
    data: data, state: state, core: core, el: el, button: button, byId: byId, network: network, nodes: nodes, edges: edges,
    relations: relations, kinds: kinds, categories: categories, shapePoints: SHAPE_POINTS,
    actor: (id) => actors.get(id), nameOf: nameOf, kindOf: kindOf, isClaim: isClaim, labelPx: labelPx, labelInside: labelInside,
    markerShape: markerShape, labelBelow: (id) => below.has(id), bundles: () => bundles.filter((b) => b.drawn),
    drawnLabels: drawnLabels, selectRelation: selectRelation, selectActor: selectActor, changed: changed,
    getView: getView, setView: setView, isStrict: () => strict.checked, hidesClaims: () => hideAlleged.checked,
    applyFilters: applyFilters, strictBox: strict, dayOf: dayOf, isoDay: isoDay, quotes: quotes, facts: facts,
    fitBeside: fitBeside, jumpTo: jumpTo, caption: () => (stories ? stories.caption() : null),
    spotlight: (focus) => {
      spotlight = focus;
      if (focus) unfold(focus.edges);
    },
  };
  const reader = features.reader ? features.reader(view) : {citation: () => null, close: () => null, open: () => false};
  const finder = features.search(view);
  const timeline = features.timeline(view);
  const share = features.share ? features.share(view) : null;
  const exporter = features.exporter ? features.exporter(view) : null;
  const stories = features.stories ? features.stories(view) : null;

  // ---------------------------------------------------------------- start

  buildLegend();
  byId("path-find").addEventListener("click", findPath);
  byId("path-clear").addEventListener("click", clearPath);
  for (const id of ["path-from", "path-to"]) {
    byId(id).addEventListener("keydown", (event) => {
      if (event.key === "Enter") findPath();
    });
  }
  byId("panel-close").addEventListener("click", closePanel);
  byId("fit").addEventListener("click", () => fitBeside());
  byId("menu").addEventListener("click", () => {
    const open = document.body.classList.toggle("controls-open");
    byId("menu").setAttribute("aria-expanded", String(open));
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || event.target === byId("search")) return;
    if (!byId("reader").hidden) reader.close();
    else if (!byId("export-menu").hidden) byId("export").click();
    else if (!panel.hidden) closePanel();
  });
  network.on("click", (event) => {
    if (event.nodes.length) selectActor(data.nodes[event.nodes[0]].id, false);
    else if (event.edges.length && bundleByKey.has(event.edges[0])) showBundle(bundleByKey.get(event.edges[0]));
    else if (event.edges.length) selectRelation(data.edges[event.edges[0]].id);
    else closePanel();
  });
  // Labels are chosen again once the camera rests, however it moved (wheel, drag, Fit, a link, a script).
  let labelTimer = null, labelCamera = "";
  const camera = () => {
    const p = network.getViewPosition();
    return [Math.round(p.x), Math.round(p.y), network.getScale().toPrecision(4)].join();
  };
  network.on("afterDrawing", (context) => {
    const scale = network.getScale();
    if (below.size) {
      context.save();
      context.font = LABEL_MIN / scale + "px " + FACE;
      context.textAlign = "center";
      context.textBaseline = "top";
      context.lineWidth = 4 / scale;
      context.strokeStyle = "#ffffff";
      context.lineJoin = "round";
      const positions = network.getPositions([...below].map((id) => actors.get(id).key));
      for (const id of below) {
        const n = actors.get(id);
        if (!n.visible || !labelShown.has(id)) continue;
        const p = positions[n.key], y = p.y + halfHeight(n, 1) + 2 / scale;
        context.fillStyle = dimmed !== null && !dimmed.has(id) ? "#c8c8c8" : "#1f2328";
        context.strokeText(n.name, p.x, y);
        context.fillText(n.name, p.x, y);
      }
      context.restore();
    }
    if (!started || camera() === labelCamera) return;
    clearTimeout(labelTimer);
    labelTimer = setTimeout(() => {
      labelCamera = camera();
      updateLabels();
    }, 120);
  });
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
  Object.assign(state, {selectActor: selectActor, selectRelation: selectRelation, shortestPath: shortestPath,
    holding: (id, when) => core.holding(relations.get(id).span, when),
    actor: (id) => actors.get(id), relation: (id) => relations.get(id), drawnLabels: drawnLabels,
    exportImage: exporter ? exporter.exportImage : null, view: getView, reader: reader});
  /** Show the view the address names (or fit the whole graph); the page is ready once that is drawn. */
  function showAll() {
    const wanted = share ? share.start() : {};
    network.fit({animation: false});
    network.moveTo({scale: network.getScale() * 0.95}); // room for the labels of the outermost actors
    if (share && Object.keys(wanted).length) share.restore(location.hash, true);
    labelCamera = camera();
    updateLabels();
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
