// Search: any actor or place by any of its names; the server normalises Arabic (hamza and alef
// forms, ة/ه, ى/ي, «ال») so that every spelling finds the same actor.
import { api } from "../api.js";
import { fill, h } from "../dom.js";
import { ENTITY, STATUS, iso, label } from "../labels.js";
import { showActor } from "../panel.js";

export async function mount(root, state) {
  const input = h("input", { id: "search-input", type: "search", value: state.query || "", dir: "rtl",
    placeholder: "اسم فاعل أو مكان، بأي صيغة" });
  const results = h("div", { id: "search-results" });
  const run = async () => {
    const q = input.value.trim();
    state.query = q;
    if (!q) { fill(results); return; }
    const found = await api("/api/actors", { params: { q, limit: 50 } });
    results.dataset.count = found.length;
    fill(results, found.length ? h("ul", { class: "cards" }, found.map((a) => h("li", {},
      h("a", { href: "#", class: "result", onclick: (e) => { e.preventDefault(); showActor(a.id); } }, a.name),
      ` — ${label(ENTITY, a.type)}${a.name_en ? ` · ${a.name_en}` : ""}`,
      a.status !== "machine" ? h("span", { class: `badge ${a.status}` }, label(STATUS, a.status)) : null,
      h("div", { class: "meta" }, `الأسماء: ${a.aliases.join("، ")} · ${iso(a.first_seen)} … ${iso(a.last_seen)}`))))
      : h("p", { class: "muted" }, "لا نتيجة"));
  };
  const form = h("form", { class: "row", onsubmit: (e) => { e.preventDefault(); run(); } }, input,
    h("button", { type: "submit", class: "primary" }, "ابحث"));
  fill(root, h("h2", {}, "البحث"),
    h("p", { class: "muted" }, "يجد الفاعل بأي اسم من أسمائه وبأي كتابة: أ/إ/آ/ا، ة/ه، ى/ي، مع «ال» أو بدونها."),
    form, results);
  if (input.value) await run();
}
