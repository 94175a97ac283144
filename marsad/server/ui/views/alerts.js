// Alerts view: what the watch rules (marsad watch rule add …) raised, newest first, with the change
// and its evidence.
import { api } from "../api.js";
import { fill, h } from "../dom.js";
import { SOURCE, iso, label } from "../labels.js";

export async function mount(root) {
  const list = await api("/api/alerts", { params: { limit: 300 } });
  fill(root, h("h2", {}, "التنبيهات"),
    h("p", { class: "muted" }, "ما أطلقته قواعد المراقبة (marsad watch rule add) على المقالات المخزنة، الأحدث أولا."),
    list.length ? h("ul", { class: "cards", id: "alerts-list", "data-count": list.length }, list.map((a) => h("li", {},
      h("div", {}, h("b", {}, a.summary || a.type || ""), " ", h("span", { class: "badge" }, a.rule || "")),
      h("div", { class: "meta" }, [iso(a.date), (a.sources || []).join("، "), `نُبّه في ${iso(a.created_at)}`]
        .filter(Boolean).join(" · ")),
      h("ul", { class: "evidence" }, (a.evidence || []).slice(0, 5).map((e) => h("li", {},
        h("div", { class: "meta" }, [iso(e.date), e.outlet, label(SOURCE, e.source_kind)].filter(Boolean).join(" · ")),
        h("blockquote", {}, e.sentence || "")))))))
      : h("p", { class: "muted", id: "alerts-list", "data-count": 0 }, "لا تنبيهات"));
}
