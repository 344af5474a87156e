/* actorgraph explorer: the timeline. The date filter's field and slider, with a tick on every day
 * something begins, ends or happens (Python's event_days), steps to the previous and next event, and
 * Play through them; the rule of what holds on a day is the core's (holding), over Python's day spans. */
(function (root) {
  "use strict";

  const features = root.actorgraphFeatures = root.actorgraphFeatures || {};
  const DAY = 86400000;
  const PLAY_STEP = 900; // ms per event day

  features.timeline = function (view) {
    const {data, state, byId, dayOf, isoDay} = view;
    let playing = null; // the timer stepping through the events, while playing

    function build() {
      const days = data.edges.flatMap((r) => r.span).filter((day) => Math.abs(day) < data.far);
      if (!days.length) {
        byId("dates").hidden = true;
        return {shown: false, show: () => null};
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
      const events = data.event_days.filter((day) => day >= low && day <= high);
      const ticks = byId("date-ticks");
      for (const day of events) {
        const option = document.createElement("option");
        option.value = String(day);
        ticks.append(option);
      }
      const words = byId("date-words");
      const show = (day) => {
        slider.value = day;
        input.value = isoDay(day);
        const happening = events.includes(day) ? data.edges.filter((r) => r.span[0] === day || r.span[1] === day).length : 0;
        words.textContent = new Date(day * DAY).toLocaleDateString("en-GB", {day: "numeric", month: "long", year: "numeric",
          timeZone: "UTC"}) + (happening ? " · " + happening + " relation(s) begin or happen" : "");
      };
      const setDay = (day) => {
        on.checked = true;
        state.when = [day, day];
        show(day);
        view.applyFilters();
      };
      const asOf = data.as_of_days;
      show(asOf ? asOf[0] : high);
      view.strictBox.checked = data.strict;
      if (asOf) {
        on.checked = true;
        state.when = asOf;
      }
      slider.addEventListener("input", () => setDay(Number(slider.value)));
      const current = () => Number(slider.value);
      const next = () => events.find((day) => day > current());
      const previous = () => [...events].reverse().find((day) => day < current());
      byId("date-next").addEventListener("click", () => next() !== undefined && setDay(next()));
      byId("date-prev").addEventListener("click", () => previous() !== undefined && setDay(previous()));
      const play = byId("date-play");
      const stop = () => {
        clearInterval(playing);
        playing = null;
        play.textContent = "▶ Play";
        play.setAttribute("aria-pressed", "false");
        view.changed(true);
      };
      play.addEventListener("click", () => {
        if (playing !== null) return stop();
        if (next() === undefined) setDay(events[0]); // from the start again
        play.textContent = "❚❚ Pause";
        play.setAttribute("aria-pressed", "true");
        playing = setInterval(() => (next() === undefined ? stop() : setDay(next())), PLAY_STEP);
        return null;
      });
      input.addEventListener("change", () => {
        const day = dayOf(input.value);
        if (Number.isFinite(day)) setDay(day);
      });
      on.addEventListener("change", () => {
        state.when = on.checked ? [Number(slider.value), Number(slider.value)] : null;
        view.applyFilters();
      });
      return {shown: true, show: show};
    }

    return Object.assign(build(), {playing: () => playing !== null});
  };
})(this);
