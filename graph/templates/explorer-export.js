/* actorgraph explorer: pictures and print. The current view (what the camera shows, with the filters,
 * date and path in force) drawn as SVG with the map's title, the date in force, a legend of what is
 * shown, the key for alleged and disputed relations, and a credit and sources line; PNG is that SVG
 * drawn on a canvas at 2x or 4x. Every text goes in as a text node, and the markup is made by
 * XMLSerializer, so nothing in the data becomes markup. Downloads are data: addresses. */
(function (root) {
  "use strict";

  const features = root.actorgraphFeatures = root.actorgraphFeatures || {};
  const SVG = "http://www.w3.org/2000/svg"; // a namespace name, never fetched
  const FONT = "system-ui, -apple-system, Segoe UI, Roboto, sans-serif";
  const LEGEND = 290, HEAD = 74, FOOT = 46, PAD = 16;
  const DASHES = {claim: "7 5", context: "2 4"};

  function make(tag, attributes, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attributes || {})) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** Words on lines of at most ``width`` characters (the picture has no text layout of its own). */
  function wrap(text, width) {
    const lines = [];
    let line = "";
    for (const word of String(text).split(/\s+/)) {
      if (line && line.length + word.length + 1 > width) {
        lines.push(line);
        line = word;
      } else {
        line = line ? line + " " + word : word;
      }
    }
    if (line) lines.push(line);
    return lines;
  }

  const dayWords = (day) => new Date(day * 86400000).toLocaleDateString("en-GB",
    {day: "numeric", month: "long", year: "numeric", timeZone: "UTC"});

  features.exporter = function (view) {
    const {data, network, nodes, edges, byId} = view;

    /** A drawing of a node's shape centred on (x, y) with radius r. */
    function shape(kindShape, x, y, r, fill, stroke) {
      const style = {fill: fill, stroke: stroke, "stroke-width": 1.5};
      const points = view.shapePoints.get(kindShape);
      if (points) {
        const scaled = points.split(" ").map((p) => p.split(",").map(Number))
          .map(([px, py]) => (x + (px - 8) * r / 7).toFixed(1) + "," + (y + (py - 8) * r / 7).toFixed(1)).join(" ");
        return make("polygon", Object.assign({points: scaled}, style));
      }
      if (kindShape === "ellipse" || kindShape === "database" || kindShape === "box" || kindShape === "text") {
        return make("ellipse", Object.assign({cx: x, cy: y, rx: r * 1.6, ry: r}, style));
      }
      return make("circle", Object.assign({cx: x, cy: y, r: r}, style));
    }

    /** What the picture says about the view: the date in force and the filters. */
    function dateLine() {
      const when = view.state.when;
      const date = when === null ? "All dates" : when[0] === when[1] ? "As of " + dayWords(when[0])
        : "As of " + dayWords(when[0]) + " to " + dayWords(when[1]);
      return date + (when !== null && view.isStrict() ? ", only what is known to hold" : "") +
        (view.hidesClaims() ? "; alleged and disputed relations hidden" : "");
    }

    /** The documents the shown relations cite, as "Title, author" strings. */
    function sourcesLine() {
      const cited = new Map();
      for (const r of data.edges) {
        if (!r.visible) continue;
        for (const s of r.sources) cited.set(s.document, s);
      }
      const documents = data.documents || {};
      return [...cited.keys()].sort().map((id) => {
        const doc = Object.prototype.hasOwnProperty.call(documents, id) ? documents[id] : cited.get(id);
        return [doc.title || id, doc.author, doc.publisher, doc.published_words].filter(Boolean).join(", ");
      });
    }

    let size = [800, 600];

    /** The picture of the current view as an <svg> element. */
    function drawing() {
      const box = byId("network").getBoundingClientRect();
      if (box.width > 0 && box.height > 0) size = [Math.round(box.width), Math.round(box.height)];
      const [width, height] = size; // the graph's last size on screen: printing may have hidden it
      const total = width + LEGEND;
      const meta = data.dataset || {};
      const credit = meta.credit ? wrap(meta.credit, Math.floor(total / 6.6)) : [];
      const flat = (text) => String(text || "").replace(/\s+/g, " ");
      const uncredited = sourcesLine().filter((line) => !flat(meta.credit).includes(flat(line.split(", ")[0])));
      const sources = uncredited.length || !credit.length
        ? wrap("Sources: " + (uncredited.join("; ") || "none shown"), Math.floor(total / 6.6)) : [];
      const caption = view.caption(); // a story's step: its title above the graph, its text below
      const told = caption ? wrap(caption.text, Math.floor(total / 6.6)) : [];
      const foot = FOOT + 15 * (told.length + credit.length + sources.length);
      const svg = make("svg", {xmlns: SVG, width: total, height: HEAD + height + foot, viewBox: "0 0 " + total + " " +
        (HEAD + height + foot), "font-family": FONT});
      svg.append(make("rect", {x: 0, y: 0, width: total, height: HEAD + height + foot, fill: "#ffffff"}));
      svg.append(make("text", {x: PAD, y: 30, "font-size": 21, "font-weight": 700, fill: "#1f2328", class: "title"},
        data.title));
      const byline = [meta.author ? "By " + meta.author : "", meta.updated_words ? "updated " + meta.updated_words : ""]
        .filter(Boolean).join(", ");
      svg.append(make("text", {x: PAD, y: 52, "font-size": 13, fill: "#444c56", class: "date"},
        dateLine() + (byline ? " · " + byline : "")));
      const path = view.state.path && view.state.path.nodes;
      const subject = caption ? caption.title : path ? "Path: " + path.map(view.nameOf).join(" → ") : data.note;
      if (subject) svg.append(make("text", {x: PAD, y: 68, "font-size": 12, fill: "#1f2328", class: "subject"}, subject));

      // The graph, clipped to what the camera shows.
      const graph = make("g", {transform: "translate(0," + HEAD + ")", class: "graph"});
      const clip = make("clipPath", {id: "view"});
      clip.append(make("rect", {x: 0, y: 0, width: width, height: height}));
      const defs = make("defs");
      defs.append(clip);
      svg.append(defs);
      graph.setAttribute("clip-path", "url(#view)");
      graph.append(make("rect", {x: 0.5, y: 0.5, width: width - 1, height: height - 1, fill: "none", stroke: "#d8dee4"}));
      const scale = network.getScale();
      const at = (p) => network.canvasToDOM(p);
      const inView = (p, margin) => p.x > -margin && p.y > -margin && p.x < width + margin && p.y < height + margin;
      const positions = network.getPositions();
      const shownKinds = new Map(), shownCategories = new Map();
      let claims = 0, context = 0;
      for (const r of data.edges) {
        if (!r.visible) continue;
        const a = at(positions[view.actor(r.from).key]), b = at(positions[view.actor(r.to).key]);
        if (!inView(a, 0) && !inView(b, 0)) continue;
        shownCategories.set(r.category, (shownCategories.get(r.category) || 0) + 1);
        claims += view.isClaim(r) ? 1 : 0;
        context += r.link === "context" ? 1 : 0;
        if (!r.drawn) continue; // folded into a bundle, drawn below
        const item = edges.get(r.key);
        const color = item.color.color;
        let d = "M" + a.x.toFixed(1) + "," + a.y.toFixed(1);
        let from = a, middle = {x: (a.x + b.x) / 2, y: (a.y + b.y) / 2};
        const internal = network.body.edges[r.key];
        if (r.curve && internal && internal.edgeType && internal.edgeType._getViaCoordinates) {
          const via = at(internal.edgeType._getViaCoordinates());
          d += " Q" + via.x.toFixed(1) + "," + via.y.toFixed(1);
          from = via;
          middle = {x: (a.x + b.x) / 4 + via.x / 2, y: (a.y + b.y) / 4 + via.y / 2};
        }
        d += " " + b.x.toFixed(1) + "," + b.y.toFixed(1);
        const dash = view.isClaim(r) ? DASHES.claim : r.link === "context" ? DASHES.context : null;
        graph.append(make("path", Object.assign({d: d, fill: "none", stroke: color, "stroke-width": item.width,
          "stroke-opacity": item.color.opacity === undefined ? 1 : item.color.opacity}, dash ? {"stroke-dasharray": dash} : {})));
        const marker = view.markerShape((view.categories.get(r.category) || {}).marker, middle.x, middle.y, 3.5, color);
        if (marker) graph.append(marker);
        if (!r.symmetric) { // an arrowhead at the edge of the target's shape
          const dx = b.x - from.x, dy = b.y - from.y, length = Math.hypot(dx, dy) || 1;
          const ux = dx / length, uy = dy / length, reach = view.actor(r.to).size * scale + 2;
          const tip = {x: b.x - ux * reach, y: b.y - uy * reach}, s = 7;
          graph.append(make("polygon", {fill: color, points: [[tip.x, tip.y],
            [tip.x - ux * s * 1.4 - uy * s * 0.6, tip.y - uy * s * 1.4 + ux * s * 0.6],
            [tip.x - ux * s * 1.4 + uy * s * 0.6, tip.y - uy * s * 1.4 - ux * s * 0.6]]
            .map((p) => p[0].toFixed(1) + "," + p[1].toFixed(1)).join(" ")}));
        }
      }
      for (const bundle of view.bundles()) { // many relations between two actors, as the page draws them
        const a = at(positions[view.actor(bundle.from).key]), b = at(positions[view.actor(bundle.to).key]);
        if (!inView(a, 0) && !inView(b, 0)) continue;
        const item = edges.get(bundle.key);
        graph.append(make("line", {x1: a.x.toFixed(1), y1: a.y.toFixed(1), x2: b.x.toFixed(1), y2: b.y.toFixed(1),
          stroke: item.color.color, "stroke-width": 3.5}));
        graph.append(make("text", {x: ((a.x + b.x) / 2).toFixed(1), y: ((a.y + b.y) / 2 + 4).toFixed(1), "font-size": 12,
          "text-anchor": "middle", fill: item.font && item.font.color ? item.font.color : "#1f2328", stroke: "#ffffff",
          "stroke-width": 3, "paint-order": "stroke",
          class: "bundle"}, bundle.count + " relations"));
      }
      const labels = new Set(view.drawnLabels().map((l) => l.id));
      for (const n of data.nodes) {
        if (!n.visible) continue;
        const p = at(positions[n.key]);
        if (!inView(p, 40)) continue;
        const item = nodes.get(n.key), kind = view.kindOf(n), look = network.body.nodes[n.key].options.color; // as drawn
        const r = Math.max(3, n.size * scale);
        graph.append(shape(kind.shape, p.x, p.y, r, look.background, look.border));
        if (labels.has(n.id)) {
          const size = view.labelPx(n), inside = view.labelInside(n) && !view.labelBelow(n.id);
          graph.append(make("text", {x: p.x.toFixed(1), y: (inside ? p.y + size * 0.35 : p.y + r + size + 1).toFixed(1),
            "font-size": size.toFixed(1),
            "text-anchor": "middle", fill: item.font && item.font.color ? item.font.color : "#1f2328", stroke: "#ffffff",
            "stroke-width": 3, "paint-order": "stroke", class: "label"}, n.name));
        }
        shownKinds.set(n.kind, (shownKinds.get(n.kind) || 0) + 1);
      }
      svg.append(graph);

      // The legend: what is shown.
      const legend = make("g", {transform: "translate(" + (width + PAD) + "," + HEAD + ")", "font-size": 12, fill: "#1f2328",
        class: "legend"});
      let y = 12;
      const heading = (text) => {
        legend.append(make("text", {x: 0, y: y, "font-size": 11, "font-weight": 700, fill: "#656d76"}, text.toUpperCase()));
        y += 18;
      };
      heading("Actors");
      for (const [id, kind] of view.kinds) {
        if (!shownKinds.has(id)) continue;
        legend.append(shape(kind.shape, 7, y - 4, 6, kind.color, "#ffffff"));
        legend.append(make("text", {x: 20, y: y}, kind.label + " (" + shownKinds.get(id) + ")"));
        y += 18;
      }
      y += 6;
      heading("Relations");
      for (const [id, category] of view.categories) {
        if (!shownCategories.has(id)) continue;
        legend.append(make("line", {x1: 0, y1: y - 4, x2: 16, y2: y - 4, stroke: category.color, "stroke-width": 3}));
        const marker = view.markerShape(category.marker, 8, y - 4, 3.5, category.color);
        if (marker) legend.append(marker);
        legend.append(make("text", {x: 22, y: y}, category.label + " (" + shownCategories.get(id) + ")"));
        y += 18;
      }
      y += 6;
      heading("Key");
      const keys = [["reported", null, 1], ["alleged or disputed (a claim)", DASHES.claim, 1],
        ["context, not a connection", DASHES.context, 1]];
      if (view.state.when !== null) keys.push(["faint: only may hold on the date", null, 0.4]);
      for (const [label, dash, opacity] of keys) {
        legend.append(make("line", Object.assign({x1: 0, y1: y - 4, x2: 16, y2: y - 4, stroke: "#555555", "stroke-width": 2,
          "stroke-opacity": opacity}, dash ? {"stroke-dasharray": dash} : {})));
        legend.append(make("text", {x: 22, y: y, class: "key"}, label));
        y += 18;
      }
      legend.append(make("text", {x: 0, y: y + 4, fill: "#656d76", "font-size": 11},
        claims + " claim(s), " + context + " context relation(s) shown"));
      svg.append(legend);

      // Credit and sources, and when the picture was made.
      let line = HEAD + height + 20;
      const footer = make("g", {"font-size": 11, fill: "#444c56", class: "credit"});
      for (const text of [...told, ...credit, ...sources]) {
        footer.append(make("text", {x: PAD, y: line}, text));
        line += 15;
      }
      footer.append(make("text", {x: PAD, y: line + 4, fill: "#656d76"},
        "Made with actorgraph on " + dayWords(Math.floor(Date.now() / 86400000)) +
        " · every link cites a quote from its source"));
      svg.append(footer);
      return svg;
    }

    const markup = () => new XMLSerializer().serializeToString(drawing());

    /** The current view as SVG markup, or as a PNG data address drawn at ``scale`` (2 or 4). */
    function exportImage(format, options) {
      if (format === "svg") return Promise.resolve(markup());
      if (format !== "png") return Promise.reject(new Error("exportImage: format must be \"png\" or \"svg\""));
      const scale = (options && options.scale) || 2;
      const svg = drawing();
      const width = Number(svg.getAttribute("width")), height = Number(svg.getAttribute("height"));
      const text = new XMLSerializer().serializeToString(svg);
      return new Promise((resolve, reject) => {
        const image = new Image();
        image.onload = () => {
          const canvas = document.createElement("canvas");
          canvas.width = width * scale;
          canvas.height = height * scale;
          const context = canvas.getContext("2d");
          context.scale(scale, scale);
          context.drawImage(image, 0, 0, width, height);
          resolve(canvas.toDataURL("image/png"));
        };
        image.onerror = () => reject(new Error("the picture could not be drawn"));
        image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(text);
      });
    }

    function download(address, name) {
      const a = document.createElement("a");
      a.href = address;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
    }

    const fileName = (extension) => (data.dataset && data.dataset.title ? data.dataset.title : "actorgraph")
      .toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) + "." + extension;

    // Print: the same picture, on its own page.
    const figure = byId("print-figure");
    window.addEventListener("beforeprint", () => figure.replaceChildren(drawing()));
    window.addEventListener("afterprint", () => figure.replaceChildren());

    const menu = byId("export-menu"), opener = byId("export");
    const toggle = (open) => {
      menu.hidden = !open;
      opener.setAttribute("aria-expanded", String(open));
    };
    opener.addEventListener("click", () => toggle(menu.hidden));
    for (const item of menu.querySelectorAll("button")) {
      item.addEventListener("click", () => {
        toggle(false);
        const format = item.dataset.format;
        if (format === "print") window.print();
        else if (format === "svg") download("data:image/svg+xml;charset=utf-8," + encodeURIComponent(markup()), fileName("svg"));
        else exportImage("png", {scale: Number(item.dataset.scale)}).then((png) => download(png, fileName("png")));
      });
    }
    return {exportImage: exportImage, drawing: drawing};
  };
})(this);
