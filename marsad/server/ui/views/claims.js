// Claims view: claims by kind of source — what rests only on anonymous sources, who says what about whom.
import { api } from "../api.js";
import { fill, h } from "../dom.js";
import { SOURCE, iso, label } from "../labels.js";
import { showActor } from "../panel.js";

function actorLink(id, name) {
  if (id === null || id === undefined) return name || "—";
  return h("a", { href: "#", onclick: (e) => { e.preventDefault(); showActor(id); } }, name || "?");
}

export async function mount(root) {
  const kind = h("select", { id: "claims-kind" }, h("option", { value: "" }, "كل أنواع المصادر"),
    Object.keys(SOURCE).filter((k) => k !== "narrator").map((k) => h("option", { value: k }, label(SOURCE, k))));
  const anon = h("input", { id: "claims-anon", type: "checkbox" });
  const about = h("input", { id: "claims-about", type: "search", placeholder: "عن من؟ (اسم فاعل)" });
  const summary = h("div", { id: "claims-summary", class: "bars" });
  const table = h("div", { id: "claims-table" });
  fill(root, h("h2", {}, "الادعاءات حسب نوع المصدر"),
    h("div", { class: "row" }, kind, h("label", {}, anon, " ما يستند إلى مصادر مجهولة وحدها"), about), summary, table);
  const draw = async () => {
    let list;
    try {
      list = await api("/api/claims", { params: { source_kind: kind.value, anonymous_only: anon.checked || "",
        about: about.value.trim(), limit: 2000 } });
    } catch (err) { fill(table, h("p", { class: "error" }, err.message)); return; }
    const counts = {};
    for (const c of list) counts[c.source_kind] = (counts[c.source_kind] || 0) + 1;
    const max = Math.max(1, ...Object.values(counts));
    fill(summary, Object.entries(counts).sort((a, b) => b[1] - a[1]).map(([k, n]) => h("div", { class: "bar-row" },
      h("span", { class: "bar-label" }, label(SOURCE, k)),
      h("span", { class: `bar src-${k}`, style: { width: `${Math.round((n / max) * 60)}%` } }), h("span", {}, String(n)))));
    fill(table, h("table", { class: "grid" },
      h("thead", {}, h("tr", {}, ["التاريخ", "نوع المصدر", "من يقول", "ماذا", "عن من", "الوسيلة"].map((t) => h("th", {}, t)))),
      h("tbody", {}, list.map((c) => h("tr", { class: `src-${c.source_kind}` },
        h("td", { class: "nowrap" }, iso(c.date)), h("td", {}, label(SOURCE, c.source_kind)),
        h("td", {}, actorLink(c.speaker, c.speaker_name || c.source_text),
          c.via && c.via.length ? h("div", { class: "meta" }, `نقلا عن ${c.via.join("، ")}`) : null),
        h("td", {}, `«${c.content}»`),
        h("td", {}, (c.about || []).map((a, i) => [i ? "، " : "", actorLink(a.id, a.name)])),
        h("td", {}, c.outlet || "—"))))));
    table.dataset.rows = list.length;
  };
  for (const el of [kind, anon]) el.addEventListener("change", draw);
  about.addEventListener("change", draw);
  await draw();
}
