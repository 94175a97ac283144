// Article view: paste or upload an article, see its entities, times, claims and events highlighted
// in the text, with details on hover (title) and on click (the panel).
import { api } from "../api.js";
import { fill, h } from "../dom.js";
import { ENTITY, EVENT, MODALITY, RELATION, SOURCE, iso, label } from "../labels.js";
import { notify, refresh } from "../app.js";
import { openPanel, showActor } from "../panel.js";

let last = null;   // the last analysis, kept while the analyst moves between views

/** Every highlighted stretch of the analysis: {start, end, kind, cls, ref, tip}. */
export function annotations(a) {
  const text = a.document.text;
  const ents = Object.fromEntries(a.entities.map((e) => [e.id, e]));
  const name = (id) => (ents[id] ? ents[id].name : id || "");
  const out = [];
  for (const e of a.entities) {
    for (const m of e.mentions) {
      out.push({ start: m.start, end: m.end, kind: "entity", cls: `ent ent-${e.type}`, ref: e,
        tip: `${label(ENTITY, e.type)}: ${e.name}${e.name_en ? ` (${e.name_en})` : ""}` });
    }
  }
  for (const t of a.times) {
    out.push({ start: t.start, end: t.end, kind: "time", cls: "time", ref: t, tip: `زمن: ${t.value || "؟"} (${t.precision})` });
  }
  for (const c of a.claims) {
    out.push({ start: c.content.start, end: c.content.end, kind: "claim", cls: `claim src-${c.source_kind}`, ref: c,
      tip: `ادعاء — ${label(SOURCE, c.source_kind)}: ${name(c.speaker) || c.source_text || ""}` });
    out.push({ start: c.cue.start, end: c.cue.end, kind: "cue", cls: "cue", ref: c, tip: `فعل القول: ${c.cue.text}` });
  }
  for (const ev of a.events) {
    out.push({ start: ev.trigger.start, end: ev.trigger.end, kind: "event", cls: `event ev-${ev.type}`, ref: ev,
      tip: `حدث: ${label(EVENT, ev.type)} — ${ev.agents.map(name).join("، ")}${ev.place ? ` في ${name(ev.place)}` : ""}` });
  }
  return out.filter((x) => x.start >= 0 && x.end <= text.length && x.end > x.start);
}

/** The text as segments, each with the annotations covering it. */
export function segments(text, anns) {
  const cuts = new Set([0, text.length]);
  for (const x of anns) { cuts.add(x.start); cuts.add(x.end); }
  const points = [...cuts].sort((p, q) => p - q);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [s, e] = [points[i], points[i + 1]];
    out.push({ start: s, end: e, anns: anns.filter((x) => x.start <= s && x.end >= e) });
  }
  return out;
}

function renderText(a) {
  const text = a.document.text;
  const anns = annotations(a);
  return h("div", { class: "article-text", dir: "rtl" }, segments(text, anns).map((seg) => {
    const piece = text.slice(seg.start, seg.end);
    if (!seg.anns.length) return piece;
    return h("span", {
      class: `hl ${seg.anns.map((x) => x.cls).join(" ")}`, title: seg.anns.map((x) => x.tip).join("\n"),
      tabindex: 0, onclick: () => details(a, seg.anns),
    }, piece);
  }));
}

function details(a, anns) {
  const ents = Object.fromEntries(a.entities.map((e) => [e.id, e]));
  const name = (id) => (ents[id] ? ents[id].name : id || "—");
  const text = a.document.text;
  const seen = new Set();
  const blocks = [];
  for (const x of anns) {
    if (seen.has(x.ref)) continue;
    seen.add(x.ref);
    const r = x.ref;
    if (x.kind === "entity") {
      blocks.push(h("section", { class: "detail" }, h("h3", {}, r.name),
        h("p", {}, `${label(ENTITY, r.type)}${r.name_en ? ` · ${r.name_en}` : ""}${r.kind ? ` · ${r.kind}` : ""}`),
        r.kb_id ? h("p", { class: "meta" }, `في قاعدة المعرفة: ${r.kb_id}`) : h("p", { class: "meta" }, "ليس في قاعدة المعرفة"),
        r.geo ? h("p", { class: "meta" }, `الإحداثيات: ${iso(`${r.geo.lat}, ${r.geo.lon}`)}`) : null,
        r.roles && r.roles.length ? h("p", {}, `الصفة: ${r.roles.join("، ")}`) : null,
        h("p", { class: "meta" }, `ذُكر ${r.mentions.length} مرة`),
        h("button", { type: "button", onclick: () => showActor(r.kb_id ? `kb:${r.kb_id}` : r.name)
          .catch(() => notify("هذا الفاعل ليس في المخزن بعد", "info")) }, "ملفه في المخزن")));
    } else if (x.kind === "claim" || x.kind === "cue") {
      blocks.push(h("section", { class: "detail" }, h("h3", {}, "ادعاء"),
        h("p", {}, h("b", {}, "المصدر: "), `${name(r.speaker) !== "—" ? name(r.speaker) : r.source_text || "—"} (${label(SOURCE, r.source_kind)})`),
        r.via && r.via.length ? h("p", {}, h("b", {}, "نقلا عن: "), r.via.map(name).join("، ")) : null,
        h("p", {}, h("b", {}, "فعل القول: "), r.cue.text),
        h("blockquote", {}, text.slice(r.content.start, r.content.end))));
    } else if (x.kind === "event") {
      blocks.push(h("section", { class: "detail" }, h("h3", {}, `حدث: ${label(EVENT, r.type)}`),
        h("p", {}, h("b", {}, "الفاعل: "), r.agents.map(name).join("، ") || "—"),
        h("p", {}, h("b", {}, "المستهدف: "), r.targets.map(name).join("، ") || "—"),
        h("p", {}, h("b", {}, "المكان: "), r.place ? name(r.place) : "—"),
        h("p", {}, h("b", {}, "الزمن: "), (r.time && (r.time.value || r.time.start)) || "—"),
        h("p", {}, h("b", {}, "الصيغة: "), label(MODALITY, r.modality)),
        r.claim ? h("p", { class: "meta" }, "وارد في ادعاء") : null,
        h("blockquote", {}, text.slice(r.evidence.start, r.evidence.end))));
    } else if (x.kind === "time") {
      blocks.push(h("section", { class: "detail" }, h("h3", {}, `زمن: ${r.text}`),
        h("p", {}, `القيمة: ${r.value || "؟"} · الدقة: ${r.precision}`)));
    }
  }
  openPanel(...blocks);
}

function legend() {
  return h("div", { class: "legend" },
    Object.keys(ENTITY).map((t) => h("span", { class: `hl ent ent-${t}` }, label(ENTITY, t))),
    h("span", { class: "hl time" }, "زمن"), h("span", { class: "hl event" }, "حدث"),
    h("span", { class: "hl claim" }, "مضمون ادعاء"), h("span", { class: "hl cue" }, "فعل القول"));
}

function lists(a) {
  const ents = Object.fromEntries(a.entities.map((e) => [e.id, e]));
  const name = (id) => (ents[id] ? ents[id].name : id || "—");
  return h("div", { class: "lists" },
    h("section", {}, h("h3", {}, `الفاعلون والأماكن (${a.entities.length})`),
      h("ul", { id: "entity-list" }, a.entities.map((e) => h("li", {}, h("span", { class: `dot ent-${e.type}` }), `${e.name} — ${label(ENTITY, e.type)}`)))),
    h("section", {}, h("h3", {}, `الأحداث (${a.events.length})`),
      h("ul", {}, a.events.map((e) => h("li", {}, `${label(EVENT, e.type)}: ${e.agents.map(name).join("، ")}${e.place ? ` في ${name(e.place)}` : ""} (${label(MODALITY, e.modality)})`)))),
    h("section", {}, h("h3", {}, `العلاقات (${a.relations.length})`),
      h("ul", {}, a.relations.map((r) => h("li", {}, `${name(r.head)} ${label(RELATION, r.type)} ${name(r.tail)}`)))),
    h("section", {}, h("h3", {}, `الادعاءات (${a.claims.length})`),
      h("ul", {}, a.claims.map((c) => h("li", {}, `${label(SOURCE, c.source_kind)} — ${name(c.speaker) !== "—" ? name(c.speaker) : c.source_text || ""}: «${a.document.text.slice(c.content.start, c.content.end)}»`)))));
}

export async function mount(root) {
  const text = h("textarea", { id: "article-input", rows: 10, dir: "rtl",
    placeholder: "الصق نص المقال هنا: سطر العنوان، ثم سطر التاريخ، ثم المتن" });
  const title = h("input", { id: "article-title", type: "text", placeholder: "العنوان (اختياري)" });
  const date = h("input", { id: "article-date", type: "date", title: "تاريخ النشر (اختياري)" });
  const file = h("input", { id: "article-file", type: "file", accept: ".txt,.html,.htm,text/plain,text/html" });
  const out = h("div", { id: "article-result" });
  let format = "text";
  file.addEventListener("change", async () => {
    const f = file.files[0];
    if (!f) return;
    text.value = await f.text();
    format = /\.html?$/i.test(f.name) || f.type === "text/html" ? "html" : "text";
  });
  text.addEventListener("input", () => { format = "text"; });
  const payload = () => ({ text: text.value, format, title: title.value || null, published: date.value || null });
  const analyse = async () => {
    if (!text.value.trim()) { notify("الصق نص مقال أولا"); return; }
    fill(out, h("p", { class: "muted" }, "جارٍ التحليل…"));
    try {
      last = await api("/api/analyse", { method: "POST", body: payload() });
      draw();
    } catch (err) { fill(out, h("p", { class: "error" }, `تعذّر التحليل: ${err.message}`)); }
  };
  const store = async () => {
    if (!text.value.trim()) { notify("الصق نص مقال أولا"); return; }
    try {
      const r = await api("/api/ingest", { method: "POST", body: { articles: [payload()] } });
      if (r.failed.length) notify(`لم يُحفظ: ${r.failed[0].reason}`);
      else notify(r.duplicates ? "المقال محفوظ من قبل" : "حُفظ المقال في المخزن", "ok");
      refresh();
    } catch (err) { notify(`لم يُحفظ: ${err.message}`); }
  };
  const draw = () => {
    if (!last) return;
    fill(out, h("h2", { id: "article-heading" }, last.document.title || "بلا عنوان"),
      h("p", { class: "meta" }, last.document.published ? iso(last.document.published) : "تاريخ غير معروف"),
      (last.warnings || []).map((w) => h("p", { class: "warning" }, w)),
      legend(), renderText(last), lists(last));
  };
  fill(root, h("h2", {}, "تحليل مقال"),
    h("div", { class: "form" }, text, h("div", { class: "row" }, title, date, file,
      h("button", { id: "analyse", type: "button", class: "primary", onclick: analyse }, "حلّل"),
      h("button", { id: "ingest", type: "button", onclick: store }, "أضف إلى المخزن"))),
    out);
  draw();
}
