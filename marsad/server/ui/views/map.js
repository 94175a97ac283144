// Map view: events on a map of Libya and the region, drawn without any tile server: country
// boundaries come from the world-atlas package installed by npm; events are coloured by type and
// filtered by date and type.
import { api } from "../api.js";
import { fill, h } from "../dom.js";
import { EVENT, EVENT_COLOR, SOURCE, iso, label } from "../labels.js";
import { showEvent } from "../panel.js";

let map = null;
let countries = null;   // the boundaries, fetched once
const kept = { type: "", from: "", kind: "" };   // the filters, kept when the view is drawn again

async function boundaries() {
  if (!countries) {
    const res = await fetch("/vendor/countries-50m.json");
    if (!res.ok) throw new Error("حدود الدول غير مثبتة (npm ci)");
    const topo = await res.json();
    countries = window.topojson.feature(topo, topo.objects.countries);
  }
  return countries;
}

function popup(e) {
  return h("div", { class: "popup", dir: "rtl" },
    h("b", {}, label(EVENT, e.type)), h("div", {}, `${iso(e.date)} · ${e.place_name || ""}`),
    h("div", {}, [...e.agent_names, ...(e.target_names.length ? ["←", ...e.target_names] : [])].join(" ")),
    h("div", { class: "meta" }, `${e.sources} مصدر مستقل`),
    h("a", { href: "#", onclick: (ev) => { ev.preventDefault(); showEvent(e.id); } }, "التفاصيل والتصحيح"));
}

export async function mount(root, state) {
  const type = h("select", { id: "map-type" }, h("option", { value: "" }, "كل الأنواع"),
    Object.keys(EVENT).map((t) => h("option", { value: t }, label(EVENT, t))));
  const from = h("input", { id: "map-from", type: "date" });
  const to = h("input", { id: "map-to", type: "date", value: state.at || "" });
  const kind = h("select", { id: "map-source" }, h("option", { value: "" }, "كل المصادر"),
    Object.keys(SOURCE).map((k) => h("option", { value: k }, label(SOURCE, k))));
  const status = h("span", { id: "map-status", class: "muted" });
  const box = h("div", { id: "map", dir: "ltr" });
  const legendBox = h("div", { class: "legend", id: "map-legend" });
  fill(root, h("h2", {}, "خريطة الأحداث"),
    h("div", { class: "row" }, "النوع ", type, " من ", from, " إلى ", to, " ", kind, status), legendBox, box);
  map = window.L.map(box, { attributionControl: false, zoomSnap: 0.25, preferCanvas: true })
    .fitBounds([[19.5, 9.3], [33.3, 25.2]]);
  const geo = await boundaries();
  window.L.geoJSON(geo, { interactive: false, style: (f) => ({
    color: "#7a8a99", weight: f.id === "434" ? 2 : 0.8, fillColor: f.id === "434" ? "#f4ecd8" : "#e8eef2",
    fillOpacity: 1 }) }).addTo(map);
  box.dataset.countries = geo.features.length;
  const layer = window.L.layerGroup().addTo(map);
  let pending = 0;
  const draw = async () => {
    const ticket = ++pending;
    const events = await api("/api/events", { params: { type: type.value, from: from.value, to: to.value,
      source_kind: kind.value, limit: 20000 } });
    if (ticket !== pending || !map) return;   // a later filter change has already asked again
    layer.clearLayers();
    const counts = {};
    let placed = 0;
    for (const e of events) {
      if (!e.geo) continue;
      placed++;
      counts[e.type] = (counts[e.type] || 0) + 1;
      const jitter = () => (Math.random() - 0.5) * 0.04;
      window.L.circleMarker([e.geo.lat + jitter(), e.geo.lon + jitter()], { radius: 5 + Math.min(e.sources, 5),
        color: "#333", weight: 1, fillColor: EVENT_COLOR[e.type] || "#777", fillOpacity: 0.85 })
        .bindPopup(() => popup(e)).bindTooltip(`${label(EVENT, e.type)} · ${iso(e.date)}`).addTo(layer);
    }
    fill(legendBox, Object.entries(counts).sort((a, b) => b[1] - a[1]).map(([t, n]) =>
      h("span", {}, h("span", { class: "dot", style: { background: EVENT_COLOR[t] } }), `${label(EVENT, t)} (${n})`)));
    status.textContent = `${placed} حدثا على الخريطة من ${events.length}`;
    box.dataset.markers = placed;
  };
  type.value = kept.type;
  from.value = kept.from;
  kind.value = kept.kind;
  for (const el of [type, from, to, kind]) {
    el.addEventListener("change", () => {
      Object.assign(kept, { type: type.value, from: from.value, kind: kind.value });
      if (el === to) state.at = to.value || null;
      draw();
    });
  }
  await draw();
}

export function unmount() {
  if (map) map.remove();
  map = null;
}
