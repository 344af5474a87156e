/* actorgraph explorer: stories, guided and cited walks through the map. Python hands the page each step
 * whole (graph/render/stories.py): the actors and relations it highlights, its filters as an address
 * fragment, its camera, and its text as a tree of text and tag names, built here with createElement and
 * text nodes only (links only to http: and https:). A step applies its filters, brings out what it
 * highlights, moves the camera and lists the citations of its relations. The address holds
 * #story=NAME&step=N. On a phone the story reads as cards, each with its picture of the graph. */
(function (root) {
  "use strict";

  const features = root.actorgraphFeatures = root.actorgraphFeatures || {};
  const TAGS = new Set(["p", "ul", "ol", "li", "em", "strong", "a"]);
  const PHONE = "(max-width: 700px)";
  const SETTLE = 250; // ms for the camera and the labels to rest before a card's picture is taken

  /** DOM nodes for a text tree: strings become text nodes; a node of an unknown tag, only its text. */
  function build(nodes) {
    return nodes.map((node) => {
      if (typeof node === "string") return document.createTextNode(node);
      const children = build(Array.isArray(node.children) ? node.children : []);
      if (!TAGS.has(node.tag)) return document.createTextNode(children.map((c) => c.textContent).join(""));
      const element = document.createElement(node.tag);
      if (node.tag === "a" && /^https?:\/\//i.test(String(node.href))) {
        element.href = node.href;
        element.rel = "noopener noreferrer";
        element.target = "_blank";
      }
      element.append(...children);
      return element;
    });
  }

  features.stories = function (view) {
    const {data, state, core, el, button, byId, network} = view;
    const stories = new Map((data.stories || []).map((story) => [story.name, story]));
    const section = byId("story");
    let open = null; // {story, index, cards, prev, next, position}
    let applying = false; // while a step sets the view through view.setView, which would otherwise leave it
    let picturing = 0; // the run of pictures under way (a newer run stops an older one)

    /** Show step ``index`` of the open story: filters, highlight and camera (moving when ``animate``). */
    function apply(step, animate) {
      applying = true;
      try {
        view.spotlight({nodes: new Set(step.actors), edges: new Set(step.relations), wide: true});
        view.setView(core.decodeView(step.view), false);
      } finally {
        applying = false;
      }
      const keys = step.actors.map((id) => view.actor(id)).filter((n) => n && n.visible).map((n) => n.key);
      if (step.focus && view.actor(step.focus) && view.actor(step.focus).visible) {
        if (animate) view.jumpTo(view.actor(step.focus).key);
        else network.focus(view.actor(step.focus).key, {scale: Math.max(network.getScale(), 1.1), animation: false});
      } else if (animate) {
        view.fitBeside(keys);
      } else {
        network.fit({nodes: keys, maxZoomLevel: 1.5, animation: false});
      }
    }

    function citations(step) {
      return el("ol", "relations story-citations", ...step.relations.map((id) => {
        const r = view.relations.get(id);
        const li = el("li", "relation", el("p", "sentence", view.nameOf(r.from) + " " + r.label + " " + view.nameOf(r.to)),
          view.facts(r, true), view.quotes(r));
        li.style.borderLeftColor = (view.categories.get(r.category) || {color: "#999999"}).color;
        return li;
      }));
    }

    function card(story, step, index) {
      const picture = el("img", "story-picture");
      picture.alt = "The map at this step";
      picture.hidden = true;
      return el("article", "story-step", el("p", "story-count muted", "Step " + (index + 1) + " of " + story.steps.length),
        el("h3", null, step.title), picture, el("div", "story-text", ...build(step.text)),
        el("h4", null, step.relations.length === 1 ? "The citation behind it" : "The citations behind it (" +
          step.relations.length + ")"), citations(step));
    }

    /** Lay out the open story: the current card on a wide screen, every card on a phone. */
    function draw() {
      const {story, index, cards} = open;
      cards.forEach((c, i) => c.classList.toggle("current", i === index));
      open.prev.disabled = index === 0;
      open.next.disabled = index === story.steps.length - 1;
      open.position.textContent = "Step " + (index + 1) + " of " + story.steps.length;
    }

    function show(index, animate) {
      open.index = index;
      draw();
      apply(open.story.steps[index], animate);
      view.changed(true);
      if (window.matchMedia(PHONE).matches) open.cards[index].scrollIntoView({block: "start"});
      else section.scrollTop = 0;
    }

    /** Open story ``name`` at step ``index`` (from 0); false when the page has no such story. */
    function start(name, index, animate) {
      const story = stories.get(name);
      if (!story) return false;
      if (!open || open.story !== story) {
        open = {story: story, index: index, cards: story.steps.map((step, i) => card(story, step, i)),
          prev: button("‹ Previous", "story-prev", () => step(-1)), next: button("Next ›", "story-next", () => step(1)),
          position: el("span", "story-position muted", "")};
        const close = button("×", "story-close", () => leave(true));
        close.setAttribute("aria-label", "Close the story");
        section.replaceChildren(el("div", "story-head", close, el("h2", null, story.title),
          story.description ? el("p", "muted", story.description) : null),
        el("p", "story-nav", open.prev, open.position, open.next), ...open.cards);
        section.hidden = false;
        document.body.classList.add("story-open");
        network.redraw();
        if (window.matchMedia(PHONE).matches) pictures();
      }
      show(Math.min(Math.max(index, 0), story.steps.length - 1), animate);
      return true;
    }

    function step(by) {
      const next = open.index + by;
      if (next >= 0 && next < open.story.steps.length) show(next, true);
    }

    /** Each card's picture: every step drawn in turn with the camera still, then the current one again. */
    function pictures() {
      const run = ++picturing, {story, cards} = open;
      const take = (i) => {
        if (run !== picturing || !open || open.story !== story) return;
        if (i === story.steps.length) {
          apply(story.steps[open.index], false);
          section.dataset.pictures = "done";
          return;
        }
        apply(story.steps[i], false);
        setTimeout(() => {
          if (run !== picturing || !open) return;
          network.redraw();
          const image = cards[i].querySelector("img");
          image.src = network.canvas.frame.canvas.toDataURL("image/png");
          image.hidden = false;
          take(i + 1);
        }, SETTLE);
      };
      delete section.dataset.pictures;
      take(0);
    }

    /** Close the open story (on the reader's demand, or because the address names none). */
    function leave(byReader) {
      if (applying || !open) return;
      open = null;
      picturing += 1;
      section.hidden = true;
      section.replaceChildren();
      document.body.classList.remove("story-open");
      view.spotlight(null);
      if (byReader) {
        view.applyFilters(); // brings the rest back, and writes the address without the story
        view.fitBeside();
      }
    }

    if (stories.size) {
      byId("stories").hidden = false;
      byId("story-list").replaceChildren(...[...stories.values()].map((story) => el("li", null,
        button(story.title, "link story-open", () => start(story.name, 0, true)),
        el("span", "muted small", " · " + story.steps.length + " steps"))));
    }
    if (data.story && !location.hash.replace(/^#/, "")) { // `render --story`: the page opens on it
      history.replaceState(null, "", location.href.split("#")[0] + "#" + core.encodeView({story: data.story, step: 1}));
    }
    document.addEventListener("keydown", (event) => {
      const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName) || event.target.isContentEditable;
      if (!open || typing || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
        event.preventDefault();
        step(event.key === "ArrowRight" ? 1 : -1);
      }
    });

    state.stories = () => [...stories.keys()];
    return {
      /** The open story's place, as the address holds it ({story, step} from 1), or null. */
      current: () => (open ? {story: open.story.name, step: open.index + 1} : null),
      /** Show the story and step an address names; returns what it names that the page does not hold. */
      restore: (name, number) => (start(name, (number || 1) - 1, false) ? [] : [name]),
      leave: () => leave(false),
      /** The open step's words for a picture: {title, text}, or null. */
      caption: () => {
        if (!open) return null;
        const step = open.story.steps[open.index];
        return {title: open.story.title + " · step " + (open.index + 1) + " of " + open.story.steps.length + ": " +
          step.title, text: step.plain};
      },
    };
  };
})(this);
