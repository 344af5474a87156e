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

  /** Case, diacritics and punctuation folded away, like graph.names.normalize. */
  function normalize(text) {
    return String(text).normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ").trim();
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

  function nodeStyle(n, dim) {
    const kind = kindOf(n);
    const color = dim ? fade(kind.color) : kind.color;
    const inside = labelInside(n);
    return {
      color: {background: color, border: dim ? "#f2f2f2" : "#ffffff",
        highlight: {background: color, border: "#222222"}, hover: {background: color, border: "#555555"}},
      font: inside ? {color: dim ? "#ffffff" : inkOn(kind.color), strokeWidth: 0, size: data.inside_font}
        : {color: dim ? "#c8c8c8" : "#1f2328"},
    };
  }

  function edgeStyle(r, dim, onPath) {
    const color = dim ? fade(colorOf(r)) : colorOf(r);
    return {color: {color: color, highlight: color, hover: color, inherit: false},
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
    arrows: {to: {enabled: !r.symmetric, scaleFactor: 0.55}},
    dashes: isClaim(r) ? [7, 5] : r.link === "context" ? [2, 4] : false,
    smooth: r.curve ? {enabled: true, type: r.curve > 0 ? "curvedCW" : "curvedCCW", roundness: Math.abs(r.curve)}
      : {enabled: false},
    title: nameOf(r.from) + " " + r.label + " " + nameOf(r.to) + (r.when ? "\n" + r.when : "") +
      (isClaim(r) ? "\n" + statusText(r) : "") + (r.link === "context" ? "\ncontext, not a connection" : ""),
  }, edgeStyle(r, false, false))));

  // Small pages run vis-network's physics for 150 steps from the positions computed in Python, to
  // push apart actors drawn over each other, then turn it off; big pages keep those positions.
  const settle = !data.big && data.nodes.length > 1;
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
    when: null, path: null, selected: null, normalize: normalize,
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
    nodes.update(nodeChanges);
    edges.update(edgeChanges);
    state.visible = {nodes: shownNodes, edges: shownEdges};
    byId("counts").textContent = "Showing " + shownNodes + " of " + data.nodes.length + " actors, " +
      shownEdges + " of " + data.edges.length + " relations";
    if (state.path) refreshPath();
    if (state.selected) showSelected();
  }

  function legendItem(swatch, label, count) {
    return el("li", null, swatch, el("span", "label", label), el("span", "count", String(count)));
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

  function buildLegend() {
    const kindList = byId("legend-kinds");
    for (const [id, kind] of kinds) {
      kindList.append(legendItem(glyph(kind.shape, kind.color), kind.label, data.nodes.filter((n) => n.kind === id).length));
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
      const line = el("span", "line");
      line.style.borderColor = category.color;
      const item = legendItem(line, category.label, data.edges.filter((r) => r.category === id).length);
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
    withContext.addEventListener("change", () => state.path && refreshPath());
  }

  function buildDateFilter() {
    const days = data.edges.flatMap((r) => r.span).filter((day) => Math.abs(day) < data.far);
    if (!days.length) {
      byId("dates").hidden = true;
      return;
    }
    let [low, high] = [Math.min(...days), Math.max(...days)];
    const year = (day) => new Date(day * DAY).getUTCFullYear();
    [low, high] = [dayOf(year(low) + "-01-01"), dayOf(year(high) + "-12-31")]; // whole years
    const on = byId("date-on"), slider = byId("date-slider"), input = byId("date-input");
    slider.min = low;
    slider.max = high;
    input.min = isoDay(low);
    input.max = isoDay(high);
    byId("date-min").textContent = isoDay(low);
    byId("date-max").textContent = isoDay(high);
    const show = (day) => {
      slider.value = day;
      input.value = isoDay(day);
    };
    const setDay = (day) => {
      on.checked = true;
      state.when = [day, day];
      show(day);
      applyFilters();
    };
    const asOf = data.as_of_days;
    show(asOf ? asOf[0] : high);
    strict.checked = data.strict;
    if (asOf) {
      on.checked = true;
      state.when = asOf;
    }
    slider.addEventListener("input", () => setDay(Number(slider.value)));
    input.addEventListener("change", () => {
      const day = dayOf(input.value);
      if (Number.isFinite(day)) setDay(day);
    });
    on.addEventListener("change", () => {
      state.when = on.checked ? [Number(slider.value), Number(slider.value)] : null;
      applyFilters();
    });
  }

  // ---------------------------------------------------------------- search

  const searchKeys = data.nodes.map((n) => ({
    id: n.id, keys: [n.name, ...n.aliases, n.id].map(normalize).filter(Boolean),
  }));

  /** Actors whose name, alias or id contains the query; those starting with it first. */
  function search(query, limit) {
    const q = normalize(query);
    if (!q) return [];
    const scored = [];
    for (const entry of searchKeys) {
      let best = Infinity;
      for (const key of entry.keys) {
        if (key === q) best = Math.min(best, 0);
        else if (key.startsWith(q)) best = Math.min(best, 1);
        else if (key.includes(" " + q)) best = Math.min(best, 2);
        else if (key.includes(q)) best = Math.min(best, 3);
      }
      if (best < Infinity) scored.push([best, nameOf(entry.id), entry.id]);
    }
    scored.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
    return scored.slice(0, limit).map((s) => s[2]);
  }

  function buildSearch() {
    const input = byId("search"), list = byId("search-results");
    let found = [];
    const close = () => {
      list.hidden = true;
      list.replaceChildren();
    };
    const choose = (id) => {
      close();
      input.value = nameOf(id);
      selectActor(id, true);
    };
    input.addEventListener("input", () => {
      found = search(input.value, 12);
      const q = normalize(input.value);
      list.replaceChildren(...found.map((id) => {
        const n = actors.get(id);
        const alias = n.aliases.find((a) => normalize(a).includes(q) && !normalize(n.name).includes(q));
        const item = el("li", null, el("span", "label", n.name), alias ? el("span", "muted", " (" + alias + ")") : null);
        item.setAttribute("role", "option");
        item.addEventListener("mousedown", (event) => {
          event.preventDefault();
          choose(id);
        });
        return item;
      }));
      list.hidden = found.length === 0;
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && found.length) choose(found[0]);
      if (event.key === "Escape") close();
    });
    input.addEventListener("blur", close);
    const names = byId("actor-names");
    for (const n of data.nodes) {
      for (const name of [n.name, ...n.aliases]) {
        const option = document.createElement("option");
        option.value = name;
        names.append(option);
      }
    }
  }

  // ---------------------------------------------------------------- details panel

  const panel = byId("panel"), panelBody = byId("panel-body");

  function openPanel(...children) {
    panelBody.replaceChildren(...children.filter(Boolean));
    panel.hidden = false;
  }

  function actorButton(id) {
    return actors.has(id) ? button(nameOf(id), "link actor", () => selectActor(id, true)) : el("span", null, id);
  }

  function quotes(r) {
    return el("div", "quotes", ...r.sources.map((s) => el("blockquote", null,
      el("p", null, "“" + s.quote + "”"),
      el("cite", null, "— " + (s.title || s.document) + (s.author ? ", " + s.author : "")))));
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
    const list = el("ol", "relations", ...relationsOf.get(id).map((r) => {
      const other = r.from === id ? r.to : r.from;
      const item = el("li", r.visible ? "relation" : "relation filtered",
        el("p", "sentence", button(phrase(r, id), "link verb", () => selectRelation(r.id)), " ", actorButton(other)),
        facts(r, true), quotes(r));
      item.style.borderLeftColor = colorOf(r);
      return item;
    }));
    openPanel(
      el("h2", null, n.name),
      el("p", "kind", glyph(kind.shape, kind.color), " " + kind.label),
      n.aliases.length ? el("p", "aliases", "Also known as: " + n.aliases.join(" · ")) : null,
      n.description ? el("p", "description", n.description) : null,
      n.visible ? null : el("p", "hidden-note", "Hidden by the filters: none of its relations is shown."),
      el("h3", null, "Relations (" + relationsOf.get(id).length + ")"),
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
    state.selected = {actor: id};
    const n = actors.get(id);
    if (n.visible) {
      network.selectNodes([n.key]);
      if (focus) network.focus(n.key, {scale: Math.max(network.getScale(), 1.1), animation: {duration: 300}});
    } else {
      network.unselectAll();
    }
    showActor(id);
  }

  function selectRelation(id) {
    state.selected = {relation: id};
    const r = relations.get(id);
    if (r.visible) network.setSelection({nodes: [], edges: [r.key]}, {unselectAll: true, highlightEdges: false});
    showRelation(id);
  }

  function closePanel() {
    state.selected = null;
    panel.hidden = true;
    network.unselectAll();
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
    return found && {actors: found.actors, count: found.count,
      links: found.actors.slice(1).map((v, i) => links(found.actors[i]).get(v))};
  }

  const shortestPath = (a, b) => (bestPath(a, b) || {actors: null}).actors;

  /** Highlight the path's actors and relations and dim the rest (no path: restore every colour); return
   * the ids of the path's relations. */
  function highlight(found) {
    const chain = found ? found.actors : null;
    const onPath = new Set(chain || []);
    const pathEdges = new Set(found ? found.links.map((l) => l.relation.id) : []);
    nodes.update(data.nodes.map((n) => Object.assign({id: n.key}, nodeStyle(n, chain !== null && !onPath.has(n.id)))));
    edges.update(data.edges.map((r) => Object.assign({id: r.key}, edgeStyle(r, chain !== null && !pathEdges.has(r.id), pathEdges.has(r.id)))));
    return pathEdges;
  }

  function showPath(from, to, found) {
    const status = byId("path-status"), hops = byId("path-hops");
    state.path = {from: from, to: to, nodes: found && found.actors, edges: [...highlight(found)]};
    if (!found) {
      status.textContent = "No path between " + nameOf(from) + " and " + nameOf(to) + " among the shown relations.";
      hops.replaceChildren();
      return;
    }
    const length = found.actors.length - 1;
    status.textContent = length + (length === 1 ? " hop" : " hops") +
      (found.count > 1 ? "; the best of " + found.count + " equally short paths" : "") + " (over the shown relations)";
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

  /** The actor a typed name means: its id, or the one actor with that name or alias. */
  function resolve(text) {
    if (actors.has(text)) return text;
    const q = normalize(text);
    const exact = searchKeys.filter((e) => e.keys.includes(q)).map((e) => e.id);
    if (exact.length === 1) return exact[0];
    const found = search(text, 2);
    return found.length === 1 ? found[0] : null;
  }

  function findPath() {
    const status = byId("path-status");
    const ends = ["path-from", "path-to"].map((id) => [byId(id).value, resolve(byId(id).value)]);
    const unknown = ends.find(([, id]) => id === null);
    if (unknown) {
      status.textContent = unknown[0] ? "No single actor matches “" + unknown[0] + "”." : "Pick two actors.";
      return;
    }
    showPath(ends[0][1], ends[1][1], bestPath(ends[0][1], ends[1][1]));
  }

  function clearPath() {
    state.path = null;
    highlight(null);
    byId("path-status").textContent = "";
    byId("path-hops").replaceChildren();
  }

  // ---------------------------------------------------------------- start

  buildLegend();
  buildDateFilter();
  buildSearch();
  byId("path-find").addEventListener("click", findPath);
  byId("path-clear").addEventListener("click", clearPath);
  for (const id of ["path-from", "path-to"]) {
    byId(id).addEventListener("keydown", (event) => {
      if (event.key === "Enter") findPath();
    });
  }
  byId("panel-close").addEventListener("click", closePanel);
  byId("fit").addEventListener("click", () => network.fit({animation: {duration: 300}}));
  network.on("click", (event) => {
    if (event.nodes.length) selectActor(data.nodes[event.nodes[0]].id, false);
    else if (event.edges.length) selectRelation(data.edges[event.edges[0]].id);
    else closePanel();
  });
  if (data.path) {
    byId("path-from").value = nameOf(data.path[0]);
    byId("path-to").value = nameOf(data.path[data.path.length - 1]);
    state.path = {from: data.path[0], to: data.path[data.path.length - 1]};
  }
  applyFilters();
  if (data.path) byId("path-hops").scrollIntoView({block: "nearest"});
  Object.assign(state, {selectActor: selectActor, selectRelation: selectRelation, shortestPath: shortestPath,
    holding: (id, when) => core.holding(relations.get(id).span, when),
    actor: (id) => actors.get(id), relation: (id) => relations.get(id)});
  /** Fit the whole graph in view; the page is ready once that is drawn. */
  function showAll() {
    network.once("afterDrawing", () => {
      state.ready = true;
      state.readyAt = performance.now();
      document.body.dataset.ready = "true";
    });
    network.fit({animation: false});
    network.moveTo({scale: network.getScale() * 0.95}); // room for the labels of the outermost actors
  }
  if (settle) {
    network.once("stabilizationIterationsDone", () => {
      network.setOptions({physics: {enabled: false}});
      showAll();
    });
  } else {
    showAll();
  }
})();
