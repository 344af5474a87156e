/* actorgraph explorer: the path finder. The best shortest path between two actors over what is shown,
 * ranked as the path command ranks them (the core's bestPath and shortestPaths, over the links chosen
 * here as graph.paths.Network chooses them), its hops in the sidebar and, on "Show the others", the
 * other equally short paths. */
(function (root) {
  "use strict";

  const features = root.actorgraphFeatures = root.actorgraphFeatures || {};
  const OTHERS = 20; // the most other equally short paths listed

  features.paths = function (view) {
    const {state, core, el, button, byId, nameOf, contextBox} = view;

    /** The links a path may take from actor u, the best per neighbour, as graph.paths.Network chooses:
     * shown connections (context too when asked) and claim links between a claimant and the parties of
     * its shown claims. */
    function linksFrom(u) {
      const candidates = new Map();
      const offer = (other, link) => {
        if (!candidates.has(other)) candidates.set(other, []);
        candidates.get(other).push(link);
      };
      const walkable = (r) => r.visible && (r.link !== "context" || contextBox.checked);
      const link = (r, claimant, against) => {
        const cost = [r.rank > 0 || claimant !== null ? 1 : 0, view.mayOnly(r) ? 1 : 0, ...r.weight];
        return {relation: r, claimant: claimant, cost: cost, order: [claimant === null ? 0 : 1, r.rank, ...cost, against, r.id]};
      };
      for (const r of view.relationsOf(u)) {
        if (!walkable(r)) continue;
        offer(r.from === u ? r.to : r.from, link(r, null, r.from === u ? 0 : 1));
        if (r.claimed_by && r.claimed_by !== u && view.hasActor(r.claimed_by)) offer(r.claimed_by, link(r, r.claimed_by, 0));
      }
      for (const r of view.claimsBy(u)) {
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

    function showPath(from, to, found) {
      const status = byId("path-status"), hops = byId("path-hops"), panel = view.panel;
      state.path = {from: from, to: to, nodes: found && found.actors, edges: found ? found.links.map((l) => l.relation.id) : []};
      view.unfold(state.path.edges);
      view.restyle();
      view.changed(true);
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
        const words = l.claimant === null ? [button(core.phrase(r, a), "link verb", () => panel.selectRelation(r.id))]
          : [button(a === l.claimant ? "made allegations about" : "is the subject of allegations by", "link verb claim",
            () => panel.selectRelation(r.id))];
        const may = l.cost[1] ? el("span", "may-hold", "may hold") : null;
        return el("li", "hop", panel.actorButton(a), " ", ...words, " ", panel.actorButton(b), may ? " " : null, may);
      }));
    }

    /** Find the path in force again (the filters or the date changed). */
    function refresh() {
      const {from, to} = state.path;
      showPath(from, to, bestPath(from, to));
    }

    /** The actor a typed name means: its id, or the one actor with that name or alias, or the one found. */
    function resolve(text) {
      return view.hasActor(text) ? text : view.finder.resolve(text);
    }

    function find() {
      const status = byId("path-status");
      const ends = ["path-from", "path-to"].map((id) => [byId(id).value, resolve(byId(id).value)]);
      const unknown = ends.find(([, id]) => id === null);
      if (unknown) {
        status.textContent = unknown[0] ? "No single actor matches “" + unknown[0] + "”." : "Pick two actors.";
        return;
      }
      const found = bestPath(ends[0][1], ends[1][1]);
      showPath(ends[0][1], ends[1][1], found);
      if (found) view.fitBeside(found.actors.map((a) => view.actor(a).key)); // the camera shows the path
    }

    function clear() {
      state.path = null;
      view.restyle();
      byId("path-status").textContent = "";
      byId("path-hops").replaceChildren();
      view.changed(true);
    }

    byId("path-find").addEventListener("click", find);
    byId("path-clear").addEventListener("click", clear);
    for (const id of ["path-from", "path-to"]) {
      byId(id).addEventListener("keydown", (event) => {
        if (event.key === "Enter") find();
      });
    }

    return {refresh: refresh, clear: clear, shortestPath: shortestPath};
  };
})(this);
