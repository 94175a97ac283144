// Timeline view: events and allegiance changes over time (vis-timeline); selecting an item shows
// its details and moves the network and the map to its date.
import { api } from "../api.js";
import { fill, h } from "../dom.js";
import { EVENT, EVENT_COLOR, RELATION, iso, label } from "../labels.js";
import { go } from "../app.js";
import { showEvent, showRelation } from "../panel.js";

let tl = null;

// the time axis in Arabic (vis-timeline's bundled moment has no Arabic locale), Western digits
const MONTH = new Intl.DateTimeFormat("ar-u-nu-latn", { month: "long" });
const MONTH_YEAR = new Intl.DateTimeFormat("ar-u-nu-latn", { month: "long", year: "numeric" });

function minorLabel(date, scale) {
  const d = new Date(date.valueOf());
  if (scale === "year") return String(d.getFullYear());
  if (scale === "month") return MONTH.format(d);
  if (scale === "week" || scale === "day" || scale === "weekday") return String(d.getDate());
  return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
}

function majorLabel(date, scale) {
  const d = new Date(date.valueOf());
  if (scale === "month") return String(d.getFullYear());
  if (scale === "year") return "";
  return MONTH_YEAR.format(d);
}

function item(id, group, start, text, color, title) {
  const content = h("span", { class: "tl-item" }, h("span", { class: "dot", style: { background: color } }), text);
  return { id, group, start, content, title, type: "point" };
}

export async function mount(root, state) {
  const data = await api("/api/timeline", { params: { limit: 5000 } });
  // right to left as the rest of the page: time runs from right (earlier) to left (later)
  const box = h("div", { id: "timeline", dir: "rtl" });
  const picked = h("div", { id: "tl-picked", class: "row" });
  fill(root, h("h2", {}, "الخط الزمني"),
    h("p", { class: "muted", id: "tl-status" }, `${data.events.length} حدثا و${data.changes.length} تغيّرا في الولاءات والسيطرة`),
    picked, box);
  if (!data.events.length && !data.changes.length) return;
  const items = [];
  for (const e of data.events) {
    const who = e.agent_names.slice(0, 2).join("، ");
    items.push(item(`e${e.id}`, "events", e.date, `${label(EVENT, e.type)}${who ? ` — ${who}` : ""}`,
      EVENT_COLOR[e.type] || "#777", `${e.date} ${label(EVENT, e.type)} ${e.place_name || ""}`));
  }
  for (const r of data.changes) {
    items.push(item(`r${r.id}`, "changes", r.first_seen, `${r.head_name} ${label(RELATION, r.type)} ${r.tail_name}`,
      r.type === "DEFECTED_FROM" ? "#c0392b" : "#2980b9", r.first_seen));
  }
  const groups = [{ id: "changes", content: "الولاءات والسيطرة" }, { id: "events", content: "الأحداث" }];
  tl = new window.vis.Timeline(box, items, groups, { rtl: true, stack: true, maxHeight: 560,
    zoomMin: 86400000, orientation: "top", showCurrentTime: false,
    format: { minorLabels: minorLabel, majorLabels: majorLabel } });
  box.dataset.items = items.length;
  tl.on("select", ({ items: sel }) => {
    if (!sel.length) return;
    const id = sel[0];
    const at = (id[0] === "e" ? data.events.find((e) => `e${e.id}` === id).date
      : data.changes.find((r) => `r${r.id}` === id).first_seen).slice(0, 10);
    state.at = at;
    if (id[0] === "e") showEvent(id.slice(1)); else showRelation(id.slice(1));
    fill(picked, `التاريخ المختار: ${iso(at)} `,
      h("button", { type: "button", id: "tl-to-network", onclick: () => go("network", { at }) }, "الشبكة في هذا التاريخ"),
      h("button", { type: "button", id: "tl-to-map", onclick: () => go("map", { at }) }, "الخريطة حتى هذا التاريخ"));
  });
}

export function unmount() {
  if (tl) tl.destroy();
  tl = null;
}
