/* actorgraph explorer: bundles. Many relations between the same two actors (Python's ``bundles``) are drawn
 * as one link saying how many ("N relations"), until it is clicked open; a path or a selected relation
 * among them opens it too. Started before the network (its links join view.edges first); it reads
 * view.network and the panel through the view when used. */
(function (root) {
  "use strict";

  const features = root.actorgraphFeatures = root.actorgraphFeatures || {};

  features.bundles = function (view) {
    const {data, core, el, button, relations, edges, nameOf, colorOf} = view;
    const bundles = (data.bundles || []).map((b, i) => ({key: data.edges.length + i, from: b.from, to: b.to,
      members: b.members.map((id) => relations.get(id)), open: false, folded: false, drawn: false, count: -1}));
    const bundleOf = new Map(bundles.flatMap((b) => b.members.map((r) => [r.id, b])));
    const bundleByKey = new Map(bundles.map((b) => [b.key, b]));
    edges.add(bundles.map((b) => ({id: b.key, from: view.actor(b.from).key, to: view.actor(b.to).key, hidden: true,
      physics: false, width: 3.5, color: {color: "#57606a", highlight: "#1f2328", hover: "#1f2328", inherit: false},
      smooth: {enabled: false}, arrows: {to: {enabled: false}}, font: {size: 12, align: "middle", strokeWidth: 4},
      title: b.members.length + " relations between " + nameOf(b.from) + " and " + nameOf(b.to) + " (click to show each)\n" +
        b.members.map((r) => "· " + nameOf(r.from) + " " + r.label + " " + nameOf(r.to)).join("\n")})));

    /** Draw each relation the filters keep, unless it is folded into its bundle, and each folded bundle;
     * then let vis-network recompute what it draws (``actorsChanged``: it must even if no relation changed). */
    function draw(actorsChanged) {
      const network = view.network, changes = [], labels = [];
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
      view.hide(network.body.edges, changes);
      if (actorsChanged || changes.length) network.body.emitter.emit("_dataChanged");
    }

    /** Open the bundles holding any of ``ids`` (relation ids), so that each of those relations is drawn. */
    function unfold(ids) {
      let opened = false;
      for (const id of ids) {
        const b = bundleOf.get(id);
        if (b && !b.open) opened = b.open = true;
      }
      if (opened) draw(false);
    }

    /** The bundle drawn as vis-network's edge ``key`` clicked: open it and list its relations in the panel,
     * with a way to fold them again. */
    function show(key) {
      const b = bundleByKey.get(key), panel = view.panel;
      b.open = true;
      draw(false);
      view.state.selected = null;
      view.network.setSelection({nodes: [], edges: []});
      panel.open(el("h2", null, b.members.length + " relations between " + nameOf(b.from) + " and " + nameOf(b.to)),
        el("p", null, button("Fold them into one link again", "link fold", () => {
          b.open = false;
          draw(false);
          panel.close();
        })),
        el("ol", "relations", ...b.members.map((r) => {
          const li = el("li", r.visible ? "relation" : "relation filtered", el("p", "sentence", panel.actorButton(r.from), " ",
            button(r.label, "link verb", () => panel.selectRelation(r.id)), " ", panel.actorButton(r.to)), panel.facts(r, true),
          panel.quotes(r));
          li.style.borderLeftColor = colorOf(r);
          return li;
        })));
    }

    /** Dim the bundles none of whose relations stands out (``focus``, see the view's restyle), adding the
     * changes of look to ``edgeChanges``. */
    function restyle(focus, dimEdges, edgeChanges) {
      for (const b of bundles) { // a bundle stands out with any of its relations
        const dim = dimEdges && !b.members.some((r) => focus.edges.has(r.id));
        if (dim !== Boolean(b.dim)) {
          const color = dim ? core.fade("#57606a") : "#57606a";
          edgeChanges.push({id: b.key, color: {color: color, highlight: "#1f2328", hover: "#1f2328", inherit: false},
            font: {color: dim ? "#c8c8c8" : "#343434"}});
        }
        b.dim = dim;
      }
    }

    return {draw: draw, unfold: unfold, show: show, restyle: restyle, has: (key) => bundleByKey.has(key),
      drawn: () => bundles.filter((b) => b.drawn)};
  };
})(this);
