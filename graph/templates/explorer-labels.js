/* actorgraph explorer: the actors' labels. Each is at least LABEL_MIN CSS pixels on screen wherever it is
 * drawn, and never over another; the labels of the best-connected actors win, the others appear as one
 * zooms in (update, once the camera rests). A label that belongs inside its shape (an ellipse...) but
 * would be too small there is written below the shape instead, in the same size as the other labels
 * (afterDrawing). Started before the network: it reads view.network, view.nodes and view.state when used. */
(function (root) {
  "use strict";

  const features = root.actorgraphFeatures = root.actorgraphFeatures || {};

  features.labels = function (view) {
    const {data, core, byId, labelInside, kindOf} = view;
    const LABEL_MIN = 11.5, LABEL_BASE = data.big ? 12 : 14, FACE = "system-ui, -apple-system, Segoe UI, sans-serif";
    const labelShown = new Set(data.nodes.map((n) => n.id));
    const below = new Set(); // the actors whose inside label is written below their shape
    let labelSize = LABEL_BASE; // of the labels drawn below their actor, in canvas units

    /** The font part of actor n's look (see the view's nodeStyle). */
    function font(n, dim) {
      const kind = kindOf(n);
      const shown = labelShown.has(n.id), hidden = "rgba(0,0,0,0)";
      return labelInside(n) ? {color: !shown || below.has(n.id) ? hidden : dim ? "#ffffff" : core.inkOn(kind.color),
        strokeWidth: 0, size: data.inside_font}
        : {color: !shown ? hidden : dim ? "#c8c8c8" : "#1f2328", size: labelSize, strokeWidth: shown ? 4 : 0};
    }

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
    const labelPx = (n) => (below.has(n.id) ? LABEL_MIN : (labelInside(n) ? data.inside_font : labelSize) * view.network.getScale());
    /** Half the height of actor n's shape on screen (an inside label's shape is as tall as vis-network made it). */
    const halfHeight = (n, scale) => (labelInside(n) && view.network.body.nodes[n.key].shape.height
      ? view.network.body.nodes[n.key].shape.height / 2 : n.size) * scale;

    /** Choose the labels to draw at the current zoom: each at least LABEL_MIN px, best-connected first,
     * none over another (boxes estimated from the font, checked in a grid of cells). */
    function update(restyled) {
      const {network, state} = view, dimmed = view.dimmed();
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
          changes.push(Object.assign({id: n.key}, view.nodeStyle(n, dimmed !== null && !dimmed.has(n.id))));
        }
      }
      view.nodes.update(changes); // one update of each actor whose look changed: each update costs vis-network a pass
    }

    /** The labels drawn, as vis-network laid them out: [{id, x, y, width, height, fontPx}] in CSS pixels of
     * the window, for those on screen. */
    function drawn() {
      const network = view.network;
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

    // Labels are chosen again once the camera rests, however it moved (wheel, drag, Fit, a link, a script).
    let labelTimer = null, labelCamera = "";
    const camera = () => {
      const p = view.network.getViewPosition();
      return [Math.round(p.x), Math.round(p.y), view.network.getScale().toPrecision(4)].join();
    };

    /** On vis-network's "afterDrawing": write the labels that go below their shape, and choose the labels
     * again once the camera rests. */
    function afterDrawing(context) {
      const network = view.network, dimmed = view.dimmed();
      const scale = network.getScale();
      if (below.size) {
        context.save();
        context.font = LABEL_MIN / scale + "px " + FACE;
        context.textAlign = "center";
        context.textBaseline = "top";
        context.lineWidth = 4 / scale;
        context.strokeStyle = "#ffffff";
        context.lineJoin = "round";
        const positions = network.getPositions([...below].map((id) => view.actor(id).key));
        for (const id of below) {
          const n = view.actor(id);
          if (!n.visible || !labelShown.has(id)) continue;
          const p = positions[n.key], y = p.y + halfHeight(n, 1) + 2 / scale;
          context.fillStyle = dimmed !== null && !dimmed.has(id) ? "#c8c8c8" : "#1f2328";
          context.strokeText(n.name, p.x, y);
          context.fillText(n.name, p.x, y);
        }
        context.restore();
      }
      if (!view.started() || camera() === labelCamera) return;
      clearTimeout(labelTimer);
      labelTimer = setTimeout(() => {
        labelCamera = camera();
        update();
      }, 120);
    }

    /** Choose the labels for where the camera is now, as the page starts. */
    function rest() {
      labelCamera = camera();
      update();
    }

    return {font: font, update: update, drawn: drawn, px: labelPx, isBelow: (id) => below.has(id),
      afterDrawing: afterDrawing, rest: rest};
  };
})(this);
