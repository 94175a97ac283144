// The details panel: an actor's profile, an event or a relation with its evidence, and the
// analyst's corrections (confirm, reject, edit, merge), stored at once and shown at once.
import { api } from "./api.js";
import { fill, h } from "./dom.js";
import { ACTION, ENTITY, EVENT, MODALITY, RELATION, SOURCE, STATUS, iso, label } from "./labels.js";
import { notify, refresh } from "./app.js";

const body = () => document.getElementById("panel-body");

export function initPanel() {
  document.getElementById("panel-close").addEventListener("click", closePanel);
}

export function closePanel() {
  document.getElementById("panel").hidden = true;
}

/** Open the panel with these children. */
export function openPanel(...children) {
  fill(body(), ...children);
  document.getElementById("panel").hidden = false;
}

function badge(status) {
  return status && status !== "machine" ? h("span", { class: `badge ${status}` }, label(STATUS, status)) : null;
}

function link(text, onclick) {
  return h("a", { href: "#", class: "link", onclick: (e) => { e.preventDefault(); onclick(); } }, text);
}

function evidenceList(items) {
  return h("ul", { class: "evidence" }, items.map((e) => h("li", {},
    h("div", { class: "meta" }, [iso(e.date), e.outlet || e.source_id || "", label(SOURCE, e.source_kind),
      e.speaker ? `— ${e.speaker}` : "", label(MODALITY, e.modality)].filter(Boolean).join(" · ")),
    h("blockquote", {}, e.sentence))));
}

/** An actor's profile (id, key or name). */
export async function showActor(ref) {
  const a = await api(`/api/actors/${encodeURIComponent(ref)}`);
  const claimsAbout = Object.entries(a.claims_about || {});
  openPanel(
    h("h2", {}, a.name, " ", badge(a.status)),
    h("p", { class: "meta" }, label(ENTITY, a.type), a.name_en ? ` · ${a.name_en}` : "",
      ` · ${iso(a.first_seen)} … ${iso(a.last_seen)}`),
    h("p", {}, h("b", {}, "الأسماء: "), (a.aliases || []).join("، ")),
    h("h3", {}, `العلاقات (${a.relations.length})`),
    h("ul", {}, a.relations.map((r) => h("li", {},
      link(`${r.head_name} ${label(RELATION, r.type)} ${r.tail_name}`, () => showRelation(r.id)),
      ` (${iso(r.first_seen)} … ${iso(r.last_seen)}، ${r.evidence} تقرير)`, badge(r.status)))),
    h("h3", {}, `الأحداث (${a.events.length})`),
    h("ul", {}, a.events.slice(0, 50).map((e) => h("li", {},
      link(`${iso(e.date)} ${label(EVENT, e.type)}${e.place_name ? ` في ${e.place_name}` : ""}`, () => showEvent(e.id)),
      badge(e.status)))),
    h("h3", {}, "ما يُقال عنه حسب نوع المصدر"),
    claimsAbout.length ? h("ul", {}, claimsAbout.map(([kind, list]) => h("li", {},
      h("b", {}, `${label(SOURCE, kind)} (${list.length}): `),
      list.slice(0, 3).map((c) => h("div", { class: "quote" }, `${c.speaker_name || c.source_text || ""}: «${c.content}»`)))))
      : h("p", { class: "muted" }, "لا شيء"),
    h("h3", {}, `ما قاله (${a.claims_made.length})`),
    h("ul", {}, a.claims_made.slice(0, 10).map((c) => h("li", { class: "quote" }, `${iso(c.date)} «${c.content}»`))),
    correctionBar("actor", a.id, {
      edit: [["name", "الاسم", null], ["name_en", "الاسم بالإنجليزية", null], ["type", "النوع", Object.keys(ENTITY)]],
      merge: true,
    }, () => showActor(a.id)),
  );
}

/** One event with its reports. */
export async function showEvent(id) {
  const e = await api(`/api/events/${encodeURIComponent(id)}`);
  if (e.status === "rejected" && !e.type) {
    openPanel(h("h2", {}, "حدث مرفوض"), h("p", { class: "muted" }, "رفض محلل هذا الحدث."));
    return;
  }
  openPanel(
    h("h2", {}, label(EVENT, e.type), " ", badge(e.status)),
    h("p", { class: "meta" }, `${e.date ? iso(e.date) : "تاريخ غير معروف"} · ${e.sources} مصدر مستقل`),
    h("p", {}, h("b", {}, "الفاعل: "), e.agents.map((id_, i) => link(e.agent_names[i] || "?", () => showActor(id_))), ""),
    e.targets.length ? h("p", {}, h("b", {}, "المستهدف: "), e.targets.map((id_, i) => link(e.target_names[i] || "?", () => showActor(id_)))) : null,
    e.place ? h("p", {}, h("b", {}, "المكان: "), link(e.place_name, () => showActor(e.place))) : null,
    h("h3", {}, `التقارير (${(e.evidence || []).length})`),
    evidenceList(e.evidence || []),
    correctionBar("event", e.id, { edit: [["type", "النوع", Object.keys(EVENT)], ["date", "التاريخ", null]] },
      () => showEvent(e.id)),
  );
}

/** One relation with the sentences stating it. */
export async function showRelation(id) {
  const r = await api(`/api/relations/${encodeURIComponent(id)}`);
  openPanel(
    h("h2", {}, `${r.head_name || "?"} ${label(RELATION, r.type)} ${r.tail_name || "?"}`, " ", badge(r.status)),
    h("p", { class: "meta" }, `${iso(r.first_seen)} … ${iso(r.last_seen)} · ${(r.outlets || []).join("، ")}`),
    h("p", {}, link(r.head_name || "", () => showActor(r.head)), " ← ", link(r.tail_name || "", () => showActor(r.tail))),
    h("h3", {}, `الأدلة (${(r.evidence || []).length})`),
    evidenceList(r.evidence || []),
    correctionBar("relation", r.id, { edit: [["type", "النوع", Object.keys(RELATION)]] }, () => showRelation(r.id)),
  );
}

/** Confirm / reject / edit / merge controls for a stored fact. */
function correctionBar(target, id, { edit = [], merge = false }, reopen) {
  const note = h("input", { type: "text", placeholder: "ملاحظة (اختياري)", class: "note" });
  const send = async (action, extra = {}) => {
    try {
      await api("/api/corrections", { method: "POST",
        body: { target, id: String(id), action, note: note.value || null, ...extra } });
      notify(`سُجّل التصحيح: ${label(ACTION, action)}`, "ok");
      refresh();
      await reopen();
    } catch (err) {
      notify(`لم يُسجَّل التصحيح: ${err.message}`);
    }
  };
  const field = h("select", {}, edit.map(([name, text]) => h("option", { value: name }, text)));
  const valueBox = h("span", {});
  const valueInput = () => valueBox.firstChild;
  const drawValue = () => {
    const spec = edit.find(([name]) => name === field.value);
    fill(valueBox, spec && spec[2]
      ? h("select", {}, spec[2].map((v) => h("option", { value: v }, `${v}`)))
      : h("input", { type: "text", size: 14 }));
  };
  field.addEventListener("change", drawValue);
  drawValue();
  const into = h("input", { type: "text", size: 14, placeholder: "رقم الفاعل أو اسمه" });
  return h("div", { class: "corrections", "data-target": target },
    h("h3", {}, "تصحيح المحلل"),
    h("div", { class: "row" },
      h("button", { type: "button", class: "confirm", onclick: () => send("confirm") }, "تأكيد"),
      h("button", { type: "button", class: "reject", onclick: () => send("reject") }, "رفض"),
      note),
    edit.length ? h("div", { class: "row" }, "تعديل ", field, " إلى ", valueBox,
      h("button", { type: "button", class: "edit", onclick: () => {
        const v = valueInput().value.trim();
        if (v) send("edit", { set: { [field.value]: v } });
      } }, "تعديل")) : null,
    merge ? h("div", { class: "row" }, "دمج في ", into,
      h("button", { type: "button", class: "merge", onclick: () => {
        if (into.value.trim()) send("merge", { into: into.value.trim() });
      } }, "دمج")) : null,
  );
}

export { badge, link };
