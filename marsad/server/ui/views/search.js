// Search: any actor, place or term. Actors and places are found by any of their names; claims and
// event reports by the words of their text. The server compares after Arabic normalisation (hamza
// and alef forms, ة/ه, ى/ي, «ال» for names), so every spelling finds the same thing.
import { api } from "../api.js";
import { fill, h } from "../dom.js";
import { ENTITY, EVENT, SOURCE, STATUS, iso, label } from "../labels.js";
import { showActor, showEvent } from "../panel.js";

function section(title, id, items, draw) {
  return h("section", { id, "data-count": items.length }, h("h3", {}, `${title} (${items.length})`),
    items.length ? h("ul", { class: "cards" }, items.map(draw)) : h("p", { class: "muted" }, "لا نتيجة"));
}

function go(e, fn) {
  e.preventDefault();
  fn();
}

export async function mount(root, state) {
  const input = h("input", { id: "search-input", type: "search", value: state.query || "", dir: "rtl",
    placeholder: "اسم فاعل أو مكان، أو أي كلمة، بأي صيغة" });
  const results = h("div", { id: "search-results" });
  const run = async () => {
    const q = input.value.trim();
    state.query = q;
    if (!q) { fill(results); return; }
    const found = await api("/api/search", { params: { q, limit: 50 } });
    results.dataset.count = found.actors.length;
    fill(results,
      section("الفاعلون والأماكن", "search-actors", found.actors, (a) => h("li", {},
        h("a", { href: "#", class: "result", onclick: (e) => go(e, () => showActor(a.id)) }, a.name),
        ` — ${label(ENTITY, a.type)}${a.name_en ? ` · ${a.name_en}` : ""}`,
        a.status !== "machine" ? h("span", { class: `badge ${a.status}` }, label(STATUS, a.status)) : null,
        h("div", { class: "meta" }, `الأسماء: ${a.aliases.join("، ")} · ${iso(a.first_seen)} … ${iso(a.last_seen)}`))),
      section("الأحداث", "search-events", found.events, (e) => h("li", {},
        h("a", { href: "#", class: "result", onclick: (ev) => go(ev, () => showEvent(e.id)) },
          `${label(EVENT, e.type)}${e.place_name ? ` في ${e.place_name}` : ""}`),
        h("div", { class: "meta" }, `${iso(e.date)} · ${e.agent_names.join("، ")}`))),
      section("الادعاءات", "search-claims", found.claims, (c) => h("li", {},
        h("div", {}, `«${c.content}»`),
        h("div", { class: "meta" }, `${iso(c.date)} · ${c.speaker_name || c.source_text || ""} (${label(SOURCE, c.source_kind)})`))));
  };
  const form = h("form", { class: "row", onsubmit: (e) => { e.preventDefault(); run(); } }, input,
    h("button", { type: "submit", class: "primary" }, "ابحث"));
  fill(root, h("h2", {}, "البحث"),
    h("p", { class: "muted" }, "يجد الفاعل أو المكان بأي اسم من أسمائه، والأحداث والادعاءات بكلمات نصها، بأي كتابة: "
      + "أ/إ/آ/ا، ة/ه، ى/ي، مع «ال» أو بدونها في الأسماء."),
    form, results);
  if (input.value) await run();
}
