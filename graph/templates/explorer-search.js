/* actorgraph explorer: search. The box finds actors as `actorgraph search` does (explorer-core.js
 * searchActors, over the keys Python normalised), says how each matched, takes the arrow keys, and
 * says when nothing matches; the path finder's fields resolve names the same way. */
(function (root) {
  "use strict";

  const features = root.actorgraphFeatures = root.actorgraphFeatures || {};

  features.search = function (view) {
    const {data, core, el, byId} = view;

    const searchKeys = data.nodes.map((n) => ({id: n.id, keys: n.keys, about: n.about, sortName: n.sort_name}));

    /** The actors a query finds, best first, as `actorgraph search` finds them (explorer-core.js). */
    const search = (query, limit) => core.searchActors(searchKeys, query).slice(0, limit);

    /** How a search result matched, in a few words shown after its name (empty for its own name). */
    function matchNote(n, hit) {
      if (hit.key === -1) return "— " + (n.description.length > 60 ? n.description.slice(0, 59) + "…" : n.description);
      const matched = hit.key === 0 ? n.name : hit.key <= n.aliases.length ? n.aliases[hit.key - 1] : n.id;
      if (hit.match === "similar") return "(spelt like " + matched + ")";
      return hit.key === 0 ? "" : "(" + matched + ")";
    }

    function build() {
      const input = byId("search"), list = byId("search-results");
      let found = [], active = 0;
      const close = () => {
        list.hidden = true;
        list.replaceChildren();
        input.removeAttribute("aria-activedescendant");
      };
      const choose = (id) => {
        close();
        input.value = ""; // the box is for the next search, not a label of the last one
        view.selectActor(id, true);
      };
      const mark = (index) => {
        active = index;
        list.querySelectorAll("li[role=option]").forEach((item, i) => item.setAttribute("aria-selected", String(i === index)));
        if (found.length) input.setAttribute("aria-activedescendant", "search-option-" + index);
      };
      input.addEventListener("input", () => {
        found = search(input.value, 12);
        if (!found.length) {
          list.replaceChildren(...(core.normalize(input.value) ? [el("li", "no-match", "No actor matches “" + input.value + "”.")] : []));
          list.hidden = list.childElementCount === 0;
          return;
        }
        list.replaceChildren(...found.map((hit, i) => {
          const n = view.actor(hit.id), note = matchNote(n, hit);
          const item = el("li", null, el("span", "label", n.name), note ? el("span", "muted", " " + note) : null);
          item.id = "search-option-" + i;
          item.setAttribute("role", "option");
          item.addEventListener("mousedown", (event) => {
            event.preventDefault();
            choose(hit.id);
          });
          return item;
        }));
        list.hidden = false;
        mark(0);
      });
      input.addEventListener("keydown", (event) => {
        if ((event.key === "ArrowDown" || event.key === "ArrowUp") && found.length && !list.hidden) {
          event.preventDefault();
          mark((active + (event.key === "ArrowDown" ? 1 : found.length - 1)) % found.length);
        }
        if (event.key === "Enter" && found.length && !list.hidden) choose(found[active].id);
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

    /** The actor a typed name means: the one actor with that name, alias or id, or the one the search finds. */
    function resolve(text) {
      const q = core.normalize(text);
      const exact = searchKeys.filter((e) => e.keys.includes(q)).map((e) => e.id);
      if (exact.length === 1) return exact[0];
      const found = search(text, 2);
      return found.length === 1 ? found[0].id : null;
    }

    build();
    return {search: search, resolve: resolve};
  };
})(this);
