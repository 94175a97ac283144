"""Invented Arabic articles for the server tests (written for these tests; names of real places and
actors are facts). Four dates, so that the network changes along the date slider: a clash, a
defection, a meeting and an arrest."""

from __future__ import annotations

from pathlib import Path

ARTICLES = {
    "clash.txt": (
        "اشتباكات بين قوات الوفاق والجيش الوطني قرب سرت\n2019-04-10\n"
        "اندلعت اشتباكات عنيفة صباح الأربعاء بين قوات حكومة الوفاق الوطني وقوات الجيش الوطني الليبي بقيادة "
        "خليفة حفتر قرب مدينة سرت. وقال المتحدث باسم الجيش الوطني أحمد المسماري إن قواته سيطرت على مطار "
        "القرضابية جنوب سرت. وأفادت مصادر محلية بأن طائرة مسيرة قصفت مواقع في مصراتة.\n"),
    "defection.txt": (
        "كتيبة تعلن انشقاقها في طرابلس\n2019-05-20\n"
        "أعلنت كتيبة النصر انشقاقها عن حكومة الوفاق الوطني وانضمامها إلى الجيش الوطني الليبي. وقال آمر "
        "الكتيبة إن عناصره سيطروا على معسكر اليرموك في طرابلس. ونفى المجلس الرئاسي هذه الأنباء، وقال إن "
        "قواته ما زالت تسيطر على المعسكر.\n"),
    "meeting.txt": (
        "اجتماع في بنغازي\n2019-06-02\n"
        "التقى خليفة حفتر في بنغازي يوم الأحد وفدا من قبيلة العبيدات. وذكرت وكالة الأنباء الليبية أن الطرفين "
        "اتفقا على دعم الجيش الوطني الليبي. واعتقلت قوة الردع في طرابلس ثلاثة أشخاص بتهمة التخابر.\n"),
    "arrest.txt": (
        "مواجهات جديدة في سرت\n2019-07-15\n"
        "تجددت المواجهات المسلحة بين قوات حكومة الوفاق الوطني وقوات الجيش الوطني الليبي في سرت مساء "
        "الاثنين. وقال مصدر عسكري طلب عدم ذكر اسمه إن قوة الردع اعتقلت عشرة مقاتلين في طرابلس.\n"),
}

#: An article for the article view and the analyse endpoint (not in the store).
PASTED = ("هجوم قرب مطار معيتيقة\n2019-08-01\n"
          "قالت وزارة الداخلية في حكومة الوفاق الوطني إن مسلحين هاجموا بوابة مطار معيتيقة في طرابلس فجر "
          "الخميس. وأكد المتحدث باسم قوة الردع أن عناصره صدوا الهجوم واعتقلوا اثنين من المهاجمين.\n")

#: An article carrying markup and script: it must be shown as text and nothing may run.
HOSTILE = ("<script>window.__pwned = 1; alert('x')</script> خبر عن <b>طرابلس</b>\n2019-08-02\n"
           "قال المتحدث <img src=x onerror=\"window.__pwned = 2\"> باسم قوة الردع إن الوضع في طرابلس هادئ "
           "<iframe src=\"javascript:window.__pwned=3\"></iframe> وإن الدوريات مستمرة & لا جديد.\n")


def write_articles(folder: Path) -> list[Path]:
    """Write the store's articles as text files; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in ARTICLES.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
