"""Invented Arabic news articles (written for these tests) that the pipeline reads into known facts."""

from __future__ import annotations

#: (path, title, published, body)
DEFECTION = ("/news/defection.html", "انشقاق قائد كتيبة عن قوات حفتر في بنغازي", "2017-03-12T09:30:00+02:00",
             "أعلن آمر كتيبة شهداء الزاوية العقيد فرج البرعصي انشقاقه عن قوات خليفة حفتر، وقال في بيان مصور "
             "إنه لن يقاتل بعد اليوم إلى جانب الجيش الوطني الليبي.\n"
             "وقال مصدر عسكري طلب عدم ذكر اسمه إن قوات الجيش الوطني الليبي سيطرت على ميناء راس لانوف بعد "
             "اشتباكات عنيفة مع سرايا الدفاع عن بنغازي.")

PORT_TAKEN = ("/news/port.html", "سرايا الدفاع تعلن السيطرة على راس لانوف", "2017-03-03T11:00:00+02:00",
              "أعلنت سرايا الدفاع عن بنغازي سيطرتها على ميناء راس لانوف بعد معارك مع قوات حفتر استمرت يومين.\n"
              "وقال المتحدث باسم السرايا إن مقاتليها دخلوا الميناء صباح الجمعة.")

ANONYMOUS = ("/news/sirte.html", "مصادر: تحركات عسكرية قرب سرت", "2017-04-03T08:00:00+02:00",
             "قال مصدر عسكري مطلع لصحيفتنا إن قوات حفتر تستعد لهجوم على مدينة سرت خلال الأيام المقبلة.\n"
             "وأضاف المصدر أن التعزيزات وصلت من بنغازي خلال الليل.")

MEETING = ("/news/cairo.html", "اجتماع في القاهرة لبحث الأزمة الليبية", "2017-03-20T13:00:00+02:00",
           "التقى وزير الخارجية المصري سامح شكري في القاهرة رئيس المجلس الرئاسي فائز السراج لبحث الأزمة "
           "الليبية.\nوتناول اللقاء سبل دعم الحوار بين الأطراف الليبية.")

RFC822 = {"2017-03-12": "Sun, 12 Mar 2017 07:30:00 GMT", "2017-03-03": "Fri, 03 Mar 2017 09:00:00 GMT",
          "2017-04-03": "Mon, 03 Apr 2017 06:00:00 GMT", "2017-03-20": "Mon, 20 Mar 2017 11:00:00 GMT"}


def serve(site: object, *stories: tuple[str, str, str, str]) -> None:
    """Put the stories' pages on the site."""
    from watchserver import page

    for path, title, published, body in stories:
        site.put(path, page(title, body, published=published))  # type: ignore[attr-defined]


def feed_items(*stories: tuple[str, str, str, str]) -> list[tuple[str, str, str]]:
    """RSS items (path, title, RFC 822 date) for the stories."""
    return [(p, t, RFC822[d[:10]]) for p, t, d, _ in stories]
