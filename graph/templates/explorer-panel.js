/* actorgraph explorer: the details panel. An actor (its relations grouped by category, with counts and a
 * filter, and the claims it made) or a relation (its status and citations), with a Back to the
 * selections before; selecting either here is what the page, the search and the scripts call. */
(function (root) {
  "use strict";

  const features = root.actorgraphFeatures = root.actorgraphFeatures || {};

  features.panel = function (view) {
    const {data, state, core, el, button, byId, network, categories, statuses, nameOf, kindOf, colorOf, isClaim,
      statusText} = view;
    const panel = byId("panel"), panelBody = byId("panel-body");
    const trail = []; // the selections before this one, for the panel's Back
    let stepping = false;

    function open(...children) {
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

    /** Remember the selection being left, unless going back to it. */
    function leave(next) {
      const now = state.selected;
      if (!stepping && now && (now.actor !== next.actor || now.relation !== next.relation)) trail.push(now);
    }

    function actorButton(id) {
      return view.hasActor(id) ? button(nameOf(id), "link actor", () => selectActor(id, true)) : el("span", null, id);
    }

    function quotes(r) {
      const reader = view.reader;
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
      if (r.visible && view.mayOnly(r)) items.push(el("span", "may-hold", "may hold at this date"));
      if (!r.visible) items.push(el("span", "hidden-note", "hidden by the filters"));
      return el("p", "facts", ...items);
    }

    function showActor(id) {
      const n = view.actor(id), relationsOf = view.relationsOf(id), claimsBy = view.claimsBy(id);
      const kind = kindOf(n);
      const item = (r) => {
        const other = r.from === id ? r.to : r.from;
        const li = el("li", r.visible ? "relation" : "relation filtered",
          el("p", "sentence", button(core.phrase(r, id), "link verb", () => selectRelation(r.id)), " ", actorButton(other)),
          facts(r, true), quotes(r));
        li.style.borderLeftColor = colorOf(r);
        return li;
      };
      // Relations by category (in the vocabulary's order), each in date order, with counts.
      const groups = [...categories.keys(), ...new Set(relationsOf.map((r) => r.category))]
        .filter((c, i, all) => all.indexOf(c) === i)
        .map((c) => [c, relationsOf.filter((r) => r.category === c)]).filter(([, rs]) => rs.length);
      const list = el("div", "groups", ...groups.map(([c, rs]) => el("section", "group",
        el("h4", null, view.lineGlyph(colorOf(rs[0]), (categories.get(c) || {}).marker), " " + (categories.get(c) || {label: c}).label +
          " (" + rs.length + ")"), el("ol", "relations", ...rs.map(item)))));
      const filter = relationsOf.length > 4 ? el("input", "panel-filter") : null;
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
        view.jumpTo(n.key);
      }) : null;
      open(
        el("h2", null, n.name),
        el("p", "kind", view.glyph(kind.shape, kind.color), " " + kind.label, " ", around),
        n.aliases.length ? el("p", "aliases", "Also known as: " + n.aliases.join(" · ")) : null,
        n.description ? el("p", "description", n.description) : null,
        n.visible ? null : el("p", "hidden-note", "Hidden by the filters: none of its relations is shown."),
        el("h3", null, "Relations (" + relationsOf.length + ")"),
        filter,
        list,
        claimsBy.length ? el("h3", null, "Claims made (" + claimsBy.length + ")") : null,
        claimsBy.length ? el("ol", "relations", ...claimsBy.map((r) => el("li", "relation",
          el("p", "sentence", actorButton(r.from), " ", button(r.label, "link verb", () => selectRelation(r.id)), " ",
            actorButton(r.to)), facts(r, true), quotes(r)))) : null);
    }

    function showRelation(id) {
      const r = view.relations.get(id);
      const category = categories.get(r.category) || {label: r.category};
      const swatch = el("span", "line");
      swatch.style.borderColor = colorOf(r);
      const status = statuses.get(r.status) || {label: r.status, description: ""};
      open(
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
      const n = view.actor(id);
      showActor(id);
      if (n.visible) {
        network.selectNodes([n.key]);
        if (focus) view.jumpTo(n.key);
      } else {
        network.setSelection({nodes: [], edges: []});
      }
      view.restyle();
      view.changed(true);
    }

    function selectRelation(id) {
      leave({relation: id});
      state.selected = {relation: id};
      view.unfold([id]);
      const r = view.relations.get(id);
      if (r.visible) network.setSelection({nodes: [], edges: [r.key]}, {unselectAll: true, highlightEdges: false});
      showRelation(id);
      view.restyle();
      view.changed(true);
    }

    function close() {
      state.selected = null;
      trail.length = 0;
      panel.hidden = true;
      network.setSelection({nodes: [], edges: []}); // unselectAll would also redraw at once
      view.restyle();
      view.changed(true);
    }

    byId("panel-close").addEventListener("click", close);

    return {open: open, close: close, isOpen: () => !panel.hidden, actorButton: actorButton, quotes: quotes, facts: facts,
      showSelected: showSelected, selectActor: selectActor, selectRelation: selectRelation};
  };
})(this);
