/* actorgraph explorer: the view lives in the address. Every change of selection, path, date, filters,
 * reader or camera is written to the URL fragment (explorer-core.js encodeView); opening an address
 * restores its view, Back and Forward walk through views, "Copy link" copies it. The fragment is
 * only ever read as data (decodeView keeps what parses, ids are looked up in Maps): nothing in it
 * becomes markup. */
(function (root) {
  "use strict";

  const features = root.actorgraphFeatures = root.actorgraphFeatures || {};

  features.share = function (view) {
    const {core, byId, el} = view;
    let restoring = false;
    let written = location.hash.replace(/^#/, "");
    let cameraTimer = null;

    /** Write the current view to the address: a new history entry when ``push``, else in place. */
    function record(push) {
      if (restoring) return;
      const fragment = core.encodeView(view.getView());
      if (fragment === written) return;
      written = fragment;
      const address = location.href.split("#")[0] + "#" + fragment;
      if (push) history.pushState(null, "", address);
      else history.replaceState(null, "", address);
    }

    /** Show the view an address describes (after the page's start, or on Back and Forward). */
    function restore(fragment, camera) {
      restoring = true;
      try {
        const wanted = core.decodeView(fragment);
        const missing = view.setView(wanted, camera);
        const status = byId("share-status");
        if (missing.length) {
          status.hidden = false;
          status.replaceChildren("This address names what this page does not hold: " +
            missing.map((m) => "“" + m + "”").join(", "));
        }
      } finally {
        restoring = false;
      }
      written = fragment.replace(/^#/, "");
    }

    /** The camera moves often: its position is kept in place, never as a new history entry. */
    function cameraMoved() {
      clearTimeout(cameraTimer);
      cameraTimer = setTimeout(() => record(false), 250);
    }

    function copyLink() {
      record(false);
      const status = byId("share-status"), input = el("input");
      input.id = "share-link";
      input.readOnly = true;
      input.value = location.href;
      const note = el("span", "muted", "");
      status.replaceChildren(el("label", null, "Address of this view ", input), " ", note);
      status.hidden = false;
      input.focus();
      input.select();
      const copied = () => {
        note.textContent = "Copied.";
      };
      const manual = () => {
        note.textContent = "Press Ctrl+C (⌘C) to copy it.";
      };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(input.value).then(copied, manual);
      else manual();
    }

    byId("share").addEventListener("click", copyLink);
    window.addEventListener("popstate", () => restore(location.hash, true));
    return {record: record, restore: restore, cameraMoved: cameraMoved,
      start: () => core.decodeView(location.hash)};
  };
})(this);
