"""Invented plain-text articles for end-to-end store tests (written for the tests, varied by template)."""

from __future__ import annotations

from pathlib import Path

GROUPS = ["كتيبة الفرسان", "قوات الدرع", "لواء الصمود", "كتيبة النصر", "سرية الحرس", "قوات الردع"]
TOWNS = ["سرت", "مصراتة", "بنغازي", "الزاوية", "غريان", "سبها", "درنة"]


def write_articles(folder: Path, n: int) -> list[Path]:
    """Write `n` distinct short articles (headline, date line, body) into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        a, b = GROUPS[i % len(GROUPS)], GROUPS[(i + 1) % len(GROUPS)]
        town = TOWNS[i % len(TOWNS)]
        day = 1 + i % 27
        text = (f"اشتباكات في {town}\n"
                f"الاثنين {day} مارس 2016\n\n"
                f"اندلعت اشتباكات عنيفة بين {a} و{b} في مدينة {town} صباح اليوم، وفق ما أفاد به شهود عيان. "
                f"وقال المتحدث باسم {a} سالم العبيدي إن قواته سيطرت على مطار {town} بعد معارك استمرت ساعات. "
                f"وأضاف أن {b} انسحبت نحو الجنوب، في حين نفى مصدر في {b} ذلك. رقم التقرير {i}.\n")
        path = folder / f"article-{i:03d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
