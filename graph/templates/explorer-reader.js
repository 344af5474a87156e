/* actorgraph explorer: the source reader. A document's own text, shipped in the page with the places
 * of its quotes (graph/render/sources.py), shown with every quote the map takes from it in a <mark>,
 * the chosen one scrolled to; Previous and Next step through them. Text only: slices of the
 * document become text nodes, never markup. */
(function (root) {
  "use strict";

  const features = root.actorgraphFeatures = root.actorgraphFeatures || {};

  /** A web address the page may link to: http or https only (the loader checks this too). */
  const safeAddress = (url) => typeof url === "string" && /^https?:\/\/[^\s]+$/i.test(url);

  features.reader = function (view) {
    const {data, el, button, byId} = view;
    const documents = new Map(Object.entries(data.documents || {}));
    const section = byId("reader"), body = byId("reader-text");
    let shown = null; // {doc, at}
    let rendered = null; // the id of the document whose text is in the reader

    /** A link out to a document's web address, opening in a new tab; null for anything else. */
    function linkOut(url, text) {
      if (!safeAddress(url)) return null;
      const a = el("a", "out", text);
      a.href = url;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      return a;
    }

    /** Who wrote and published a document, and when, as one line of text. */
    function byline(doc) {
      return [doc.author, doc.publisher, doc.published_words].filter(Boolean).join(" · ");
    }

    /** A citation line for a quote: the document, its details, links out and "in context". */
    function citation(source) {
      const doc = documents.get(source.document) || {title: source.title, author: source.author};
      const parts = [el("span", "source-title", doc.title || source.document)];
      const details = byline(doc);
      if (details) parts.push(", " + details);
      const links = [linkOut(doc.url, "source ↗"), linkOut(doc.archive_url, "archived ↗")].filter(Boolean);
      if (doc.text !== undefined && source.at !== null && source.at !== undefined) {
        links.unshift(button("read in context", "link in-context", () => open(source.document, source.at, true)));
      }
      const line = el("cite", null, "— ", ...parts);
      for (const link of links) line.append(" · ", link);
      return line;
    }

    function render(docId) {
      const doc = documents.get(docId);
      const pieces = doc.segments.map(([start, end, spans]) => {
        const text = doc.text.slice(start, end);
        if (!spans.length) return document.createTextNode(text);
        const mark = el("mark", null, text);
        mark.dataset.spans = spans.join(" ");
        mark.addEventListener("click", () => open(docId, spans[spans.length - 1], false));
        return mark;
      });
      body.replaceChildren(...pieces);
      rendered = docId;
    }

    /** Show document ``docId`` with its quote number ``at`` current and scrolled to. */
    function open(docId, at, remember) {
      const doc = documents.get(docId);
      if (!doc || doc.text === undefined || !doc.quotes[at]) return false;
      if (rendered !== docId) render(docId);
      shown = {doc: docId, at: at};
      byId("reader-title").textContent = doc.title || docId;
      const details = byId("reader-details");
      details.replaceChildren(...[byline(doc), linkOut(doc.url, "source ↗"), linkOut(doc.archive_url, "archived ↗")]
        .filter(Boolean).flatMap((part, i) => (i ? [" · ", part] : [part])));
      byId("reader-position").textContent = "Quote " + (at + 1) + " of " + doc.quotes.length + " the map takes from it";
      byId("reader-prev").disabled = at === 0;
      byId("reader-next").disabled = at === doc.quotes.length - 1;
      const cites = byId("reader-cites");
      cites.replaceChildren("Cited for: ", ...doc.quotes[at][2].flatMap((id, i) => {
        const r = view.relations.get(id);
        const link = r ? button(view.nameOf(r.from) + " " + r.label + " " + view.nameOf(r.to), "link", () => {
          close();
          view.selectRelation(id);
        }) : el("span", null, id);
        return i ? ["; ", link] : [link];
      }));
      let first = null;
      for (const mark of body.querySelectorAll("mark")) {
        const current = mark.dataset.spans.split(" ").includes(String(at));
        mark.classList.toggle("current", current);
        if (current && first === null) first = mark;
      }
      section.hidden = false;
      if (first) first.scrollIntoView({block: "center"});
      if (remember) view.changed(true);
      return true;
    }

    function step(by) {
      if (shown) open(shown.doc, shown.at + by, true);
    }

    function close() {
      if (section.hidden) return;
      section.hidden = true;
      shown = null;
      view.changed(true);
    }

    byId("reader-close").addEventListener("click", close);
    byId("reader-prev").addEventListener("click", () => step(-1));
    byId("reader-next").addEventListener("click", () => step(1));
    return {
      citation: citation, open: open, close: close, safeAddress: safeAddress,
      shown: () => shown,
      current: () => [...body.querySelectorAll("mark.current")].map((m) => m.textContent).join(""),
    };
  };
})(this);
