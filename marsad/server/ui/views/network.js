// Network view: actors and their relations (Cytoscape.js) as stated up to a date; the slider
// replays allegiances over time; defections and contested control stand out.
import { api } from "../api.js";
import { fill, h } from "../dom.js";
import { ENTITY, ENTITY_COLOR, RELATION, STATUS, label } from "../labels.js";
import { showActor, showRelation } from "../panel.js";

let cy = null;
let timer = null;

const EDGE_COLOR = { DEFECTED_FROM: "#c0392b", OPPOSES: "#e67e22", CONTROLS: "#27ae60", COMMANDS: "#1f4e79",
  LEADS: "#1f4e79", LOYAL_TO: "#2980b9", MEMBER_OF: "#5dade2", ALLIED_WITH: "#16a085", SUPPORTS: "#48c9b0",
  SPOKESPERSON_OF: "#95a5a6", BASED_IN: "#bdc3c7" };

function style() {
  return [
    { selector: "node", style: { label: "data(name)", "font-family": "Noto Naskh Arabic, Noto Sans Arabic, sans-serif",
      "font-size": 12, "text-valign": "bottom", "text-margin-y": 4, "background-color": "data(color)",
      width: "mapData(degree, 1, 12, 18, 46)", height: "mapData(degree, 1, 12, 18, 46)",
      "text-outline-color": "#fff", "text-outline-width": 2 } },
    { selector: "edge", style: { width: "mapData(evidence, 1, 10, 1.5, 6)", "line-color": "data(color)",
      "target-arrow-color": "data(color)", "target-arrow-shape": "triangle", "curve-style": "bezier",
      label: "data(label)", "font-size": 9, color: "#555", "text-rotation": "autorotate",
      "text-background-color": "#fff", "text-background-opacity": 0.8 } },
    { selector: 'edge[status = "ended"]', style: { "line-style": "dashed", "line-color": "#aaa", "target-arrow-color": "#aaa" } },
    { selector: 'edge[status = "lost"]', style: { "line-style": "dotted", "line-color": "#aaa", "target-arrow-color": "#aaa" } },
    { selector: 'edge[status = "contested"]', style: { "line-color": "#f39c12", "target-arrow-color": "#f39c12", width: 6 } },
    { selector: 'edge[type = "DEFECTED_FROM"]', style: { width: 5, "line-style": "solid", "target-arrow-shape": "tee" } },
    { selector: "edge[?confirmed]", style: { "line-outline-width": 1 } },
    { selector: ":selected", style: { "border-width": 3, "border-color": "#000" } },
  ];
}

function elements(graph) {
  const degree = {};
  for (const e of graph.edges) { degree[e.head] = (degree[e.head] || 0) + 1; degree[e.tail] = (degree[e.tail] || 0) + 1; }
  const nodes = graph.nodes.map((n) => ({ group: "nodes", data: { id: `a${n.id}`, actor: n.id, name: n.name, type: n.type,
    color: ENTITY_COLOR[n.type] || "#777", degree: degree[n.id] || 1 } }));
  const edges = graph.edges.map((e) => ({ group: "edges", data: { id: `r${e.relation}`, relation: e.relation,
    source: `a${e.head}`, target: `a${e.tail}`, type: e.type, status: e.status, evidence: e.evidence,
    confirmed: e.confirmed, color: EDGE_COLOR[e.type] || "#888",
    label: label(RELATION, e.type) + (e.status !== "active" ? ` (${label(STATUS, e.status)})` : "") } }));
  return [...nodes, ...edges];
}

export async function mount(root, state) {
  const { dates } = await api("/api/dates");
  const slider = h("input", { id: "net-date", type: "range", min: 0, max: Math.max(dates.length - 1, 0), step: 1,
    value: dates.length - 1, "aria-label": "التاريخ" });
  if (state.at && dates.length) {
    const i = dates.findIndex((d) => d > state.at);
    slider.value = i === -1 ? dates.length - 1 : Math.max(i - 1, 0);
  }
  const shown = h("output", { id: "net-at", dir: "ltr" });
  const status = h("span", { id: "net-status", class: "muted" });
  const play = h("button", { type: "button", id: "net-play" }, "▶ إعادة التشغيل");
  const box = h("div", { id: "cy", dir: "ltr" });
  const legendBox = h("div", { class: "legend" },
    Object.keys(ENTITY).map((t) => h("span", {}, h("span", { class: `dot ent-${t}` }), label(ENTITY, t))),
    h("span", { class: "edge-key defect" }, "انشقاق"), h("span", { class: "edge-key ended" }, "ولاء انتهى"),
    h("span", { class: "edge-key contested" }, "سيطرة متنازع عليها"), h("span", { class: "edge-key lost" }, "سيطرة فُقدت"));
  fill(root, h("h2", {}, "شبكة الفاعلين"),
    dates.length ? h("div", { class: "row slider" }, h("label", { for: "net-date" }, "حتى تاريخ: "), slider, shown, play, status)
      : h("p", { class: "muted" }, "المخزن فارغ: أضف مقالات من عرض المقال أو بالأمر marsad ingest"),
    legendBox, box);
  if (!dates.length) return;
  cy = window.cytoscape({ container: box, style: style(), elements: [], wheelSensitivity: 0.3, minZoom: 0.2, maxZoom: 3 });
  cy.on("tap", "node", (ev) => showActor(ev.target.data("actor")));
  cy.on("tap", "edge", (ev) => showRelation(ev.target.data("relation")));
  let pending = 0;
  const draw = async () => {
    const at = dates[Number(slider.value)];
    const ticket = ++pending;
    shown.value = at;
    state.at = at;
    const graph = await api("/api/graph", { params: { at } });
    if (ticket !== pending || !cy) return;
    const positions = {};
    cy.nodes().forEach((n) => { positions[n.id()] = { ...n.position() }; });
    cy.elements().remove();
    cy.add(elements(graph));
    const fresh = cy.nodes().filter((n) => !positions[n.id()]);
    cy.nodes().forEach((n) => { if (positions[n.id()]) n.position(positions[n.id()]); });
    const layout = { name: "cose", animate: false, randomize: fresh.length === cy.nodes().length,
      nodeRepulsion: () => 400000, idealEdgeLength: () => 110, nodeOverlap: 40, componentSpacing: 120,
      padding: 30, gravity: 60, numIter: 1500 };
    if (cy.nodes().length) cy.layout(layout).run();
    cy.fit(undefined, 30);
    status.textContent = `${graph.nodes.length} فاعلا، ${graph.edges.length} علاقة`;
    box.dataset.nodes = graph.nodes.length;
    box.dataset.edges = graph.edges.length;
    box.dataset.at = at;
  };
  slider.addEventListener("input", draw);
  play.addEventListener("click", () => {
    if (timer) { clearInterval(timer); timer = null; play.textContent = "▶ إعادة التشغيل"; return; }
    slider.value = 0;
    draw();
    play.textContent = "■ إيقاف";
    timer = setInterval(() => {
      if (Number(slider.value) >= dates.length - 1) { clearInterval(timer); timer = null; play.textContent = "▶ إعادة التشغيل"; return; }
      slider.value = Number(slider.value) + 1;
      draw();
    }, 900);
  });
  await draw();
}

export function unmount() {
  if (timer) clearInterval(timer);
  timer = null;
  if (cy) cy.destroy();
  cy = null;
}
