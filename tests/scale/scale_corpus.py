"""An invented corpus for the parallel tests: JSON Lines records written for these tests, varied so
that actors recur under several names, events are reported by several outlets on nearby days (and
so merge), relations recur with different dates, and claims name their speakers."""

from __future__ import annotations

import json
from pathlib import Path

GROUPS = ["كتيبة الفرسان", "قوات الدرع", "لواء الصمود", "كتيبة النصر", "سرية الحرس"]
TOWNS = ["سرت", "مصراتة", "بنغازي", "غريان", "سبها", "درنة"]
OUTLETS = ["وكالة الأنباء الليبية", "صحيفة الوسط", "قناة النبأ"]
SPEAKERS = ["سالم العبيدي", "محمود الترهوني", "عادل الفيتوري"]


def _text(i: int) -> str:
    a, b = GROUPS[i % len(GROUPS)], GROUPS[(i + 2) % len(GROUPS)]
    town, speaker = TOWNS[(i // 3) % len(TOWNS)], SPEAKERS[i % len(SPEAKERS)]
    kind = i % 4
    if kind == 0:
        return (f"اندلعت اشتباكات عنيفة بين {a} و{b} في مدينة {town} صباح اليوم بحسب سكان محليين. "
                f"وقال {speaker} المتحدث باسم {a} إن مقاتليه تمكنوا من السيطرة على مطار {town}. "
                f"ونفى مصدر في {b} هذه الرواية. الخبر رقم {i}.")
    if kind == 1:
        return (f"أعلن {a} انضمامه إلى {b} في مواجهة خصومهما قرب {town}. "
                f"وأكد {speaker} في بيان أن التحالف الجديد سيدافع عن {town} حتى النهاية. "
                f"وذكرت مصادر أن طائرة مسيرة قصفت مواقع في محيط المدينة. رقم {i}.")
    if kind == 2:
        return (f"اعتقلت {a} عددا من عناصر {b} عند مدخل {town} أمس. "
                f"وصرح {speaker} بأن المعتقلين كانوا يخططون لهجوم على المدينة. "
                f"فيما تظاهر العشرات في وسط {town} احتجاجا على تدهور الأوضاع. رقم {i}.")
    return (f"انشق قائد بارز عن {b} وأعلن ولاءه لـ{a} في {town}. "
            f"وقال مصدر مطلع إن {a} تسيطر الآن على أغلب أحياء {town}. "
            f"وأشار {speaker} إلى أن المفاوضات مع {b} متوقفة. رقم {i}.")


def records(n: int) -> list[dict[str, str]]:
    """`n` distinct records (id, title, published, outlet, text)."""
    out = []
    for i in range(n):
        day = 1 + (i // 2) % 20
        out.append({"id": f"scale-{i:03d}", "title": f"أخبار {TOWNS[(i // 3) % len(TOWNS)]} {i}",
                    "published": f"2017-04-{day:02d}", "outlet": OUTLETS[i % len(OUTLETS)], "text": _text(i)})
    return out


def write_corpus(path: Path, n: int, *, broken_at: tuple[int, ...] = ()) -> Path:
    """Write `n` records as JSON Lines to `path`; a line of broken JSON before each index in `broken_at`."""
    with open(path, "w", encoding="utf-8") as fh:
        for i, rec in enumerate(records(n)):
            if i in broken_at:
                fh.write("{this is not json\n")
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path
