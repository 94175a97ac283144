// Corrections view: every analyst's correction, newest first (they are made from the panels of
// the other views: an actor, a relation or an event).
import { api } from "../api.js";
import { fill, h } from "../dom.js";
import { ACTION, iso, label } from "../labels.js";

const TARGET = { actor: "فاعل", relation: "علاقة", event: "حدث" };

export async function mount(root) {
  const list = await api("/api/corrections", { params: { limit: 500 } });
  fill(root, h("h2", {}, "تصحيحات المحللين"),
    h("p", { class: "muted" }, "تُسجَّل التصحيحات من لوحة التفاصيل في العروض الأخرى (انقر فاعلا أو علاقة أو حدثا). "
      + "لا يُمحى تصحيح أبدا؛ الأحدث لكل هدف هو النافذ، ويبقى بعد إعادة الإدخال."),
    list.length ? h("table", { class: "grid", id: "corrections-table" },
      h("thead", {}, h("tr", {}, ["الوقت", "الهدف", "المفتاح", "الإجراء", "الحقول", "المحلل", "ملاحظة"].map((t) => h("th", {}, t)))),
      h("tbody", {}, list.map((c) => h("tr", {},
        h("td", { class: "nowrap" }, iso(c.created_at)), h("td", {}, label(TARGET, c.target)),
        h("td", { dir: "ltr", class: "key" }, c.key), h("td", {}, label(ACTION, c.action)),
        h("td", {}, c.payload ? Object.entries(c.payload).map(([k, v]) => `${k} = ${v}`).join("، ") : "—"),
        h("td", {}, c.author || "—"), h("td", {}, c.note || "—")))))
      : h("p", { class: "muted" }, "لا تصحيحات بعد"));
}
