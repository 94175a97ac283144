// The single-page UI: a router over the views, shared state (the date shown), the details panel.
import { api, setToken, token } from "./api.js";
import { fill, h } from "./dom.js";
import * as article from "./views/article.js";
import * as network from "./views/network.js";
import * as map from "./views/map.js";
import * as timeline from "./views/timeline.js";
import * as claims from "./views/claims.js";
import * as search from "./views/search.js";
import * as corrections from "./views/corrections.js";
import * as alerts from "./views/alerts.js";
import { initPanel } from "./panel.js";

const VIEWS = { article, network, map, timeline, claims, search, corrections, alerts };

/** State shared by the views: `at` is the date the network, map and timeline look at. */
export const state = { at: null, query: "", current: null };

/** Show a message above the views (errors in red). */
export function notify(message, kind = "error") {
  const box = document.getElementById("notice");
  box.className = kind;
  box.textContent = message;
  box.hidden = !message;
  if (message && kind !== "error") setTimeout(() => { if (box.textContent === message) box.hidden = true; }, 4000);
}

/** Go to a view, optionally with a date or a search term. */
export function go(view, { at, query } = {}) {
  if (at !== undefined) state.at = at;
  if (query !== undefined) state.query = query;
  const hash = `#/${view}`;
  if (window.location.hash === hash) route();
  else window.location.hash = hash;
}

/** Draw the current view again (after a correction, so that it shows at once). */
export function refresh() {
  route();
  refreshStats();
}

async function refreshStats() {
  try {
    const s = await api("/api/stats");
    fill(document.getElementById("stats"), `${s.articles} مقالا · ${s.actors} فاعلا · ${s.events} حدثا`);
  } catch (err) { /* the notice says it when the views fail */ }
}

function missingLibraries() {
  const missing = [];
  if (typeof window.cytoscape !== "function") missing.push("cytoscape");
  if (typeof window.L !== "object") missing.push("leaflet");
  if (typeof window.vis !== "object") missing.push("vis-timeline");
  if (typeof window.topojson !== "object") missing.push("topojson-client");
  return missing;
}

let token_ = 0;

async function route() {
  const name = (window.location.hash.match(/^#\/([a-z]+)/) || [])[1] || "article";
  const view = VIEWS[name] || article;
  const ticket = ++token_;
  for (const a of document.querySelectorAll("#nav a")) a.classList.toggle("active", a.dataset.view === name);
  if (state.current && state.current.unmount) state.current.unmount();
  state.current = view;
  const root = document.getElementById("view");
  root.dataset.view = name;
  root.dataset.ready = "false";
  fill(root);
  try {
    await view.mount(root, state);
  } catch (err) {
    if (ticket === token_) fill(root, h("p", { class: "error" }, `تعذّر عرض هذه الصفحة: ${err.message}`));
  }
  if (ticket === token_) {
    root.dataset.readyMs = String(Math.round(performance.now()));   // read by benchmarks/bench_ui.py
    root.dataset.ready = "true";
  }
}

function init() {
  const missing = missingLibraries();
  if (missing.length) {
    notify(`مكتبات الواجهة غير مثبتة (${missing.join("، ")}): شغّل npm ci في مجلد المستودع`);
  }
  const input = document.getElementById("token");
  input.value = token();
  input.addEventListener("change", () => setToken(input.value.trim()));
  document.getElementById("token-form").addEventListener("submit", (e) => { e.preventDefault(); setToken(input.value.trim()); });
  initPanel();
  window.addEventListener("hashchange", route);
  refreshStats();
  route();
}

init();
