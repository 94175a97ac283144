"""The regular grammar of Arabic time expressions, over normalised text.

Each piece (a numeric date, «11 أكتوبر 2016», a weekday, «أمس», a clock time …) is a regex with
named groups, used by the resolver to read a match. The MASTER regex is built from the same pieces
with their group names removed and one name per kind of expression, so that a document is scanned
in one pass; the resolver then re-reads each (short) match with the named pieces.
"""

from __future__ import annotations

import re

from marsad.extract.timex import lexicon as lx
from marsad.text.calendar import AM_PM, HIJRI_MONTHS, MONTHS
from marsad.text.normalise import normalise

_ARTICLE_WEEKDAYS = ("الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "الاحد")

DAY = r"(?<!\d)(?:[12]\d|3[01]|0?[1-9])(?!\d)"
YEAR = r"(?<![\d.,])(?:1[89]\d\d|20\d\d)(?![\d.,]\d)"
HYEAR = r"(?<![\d.,])1[34]\d\d(?![\d.,]\d)"
ERA = r"(?:\s*(?:م|ميلادي|ميلاديه|للميلاد)(?!\w))?"
HMARK = r"(?:\s*(?:ه|هجري|هجريه|للهجره)(?!\w))"
MONTH = lx.alternation(MONTHS)
HMONTH = lx.alternation(HIJRI_MONTHS)
WEEKDAY = lx.alternation(_ARTICLE_WEEKDAYS) + r"(?!\s+عشر)"
REL = lx.alternation(lx.RELATIVE_DAYS)
POD = lx.alternation(lx.PARTS_OF_DAY)
DIR = lx.alternation(lx.DIRECTIONS)
MOD = lx.alternation(lx.MODIFIERS)
ORD = lx.alternation(lx.ORDINALS)
CARD = lx.alternation(lx.CARDINALS)
UNIT = lx.alternation(lx.UNITS)
HOURWORD = lx.alternation([w for w, v in lx.ORDINALS.items() if v <= 12] + ["الواحده"])
FRAC = lx.alternation(lx.HOUR_FRACTIONS)
AMPM = lx.alternation(AM_PM)
DECADE = lx.alternation(lx.DECADES)
CENTURY = lx.alternation(lx.CENTURIES)
SEASON = lx.alternation(lx.SEASONS)
_END = r"(?!\w)"
_PERIOD_NOUN = r"(?:الاسبوع|الشهر|العام|السنه)"

# ---- pieces, with named groups -------------------------------------------------------------------
NUMDATE = (r"(?<![\d/.\-])(?:(?P<ymd_y>(?:19|20)\d\d)[/.\-](?P<ymd_m>\d{1,2})[/.\-](?P<ymd_d>\d{1,2})"
           r"|(?P<dmy_d>\d{1,2})[/.\-](?P<dmy_m>\d{1,2})[/.\-](?P<dmy_y>(?:19|20)\d\d|\d\d))(?![\d/.\-]\d|\d)")
YEAR_TAIL = (rf"(?:\s*[،,]?\s*(?:من\s+)?(?:(?:عام|العام|سنه)\s+)?(?P<y>{YEAR}){ERA}"
             rf"|\s+(?:من\s+)?(?:العام|السنه)\s+(?P<ydir>{DIR}){_END}"
             rf"|\s+(?:من\s+)?(?P<ythis>هذا\s+العام|هذه\s+السنه|العام\s+(?:الجاري|الحالي)){_END}"
             rf"|\s+(?P<mdir>{DIR}){_END})?")
MONTH_PAIR = rf"(?P<m>{MONTH}){_END}(?:(?:\s*[/(\-]\s*|\s+)(?P<m2>{MONTH}){_END}(?:\s*\))?)?"
DMY = (rf"(?:(?P<d>{DAY})|(?P<od>{ORD})\s+من)\s*(?:من\s+)?(?:(?:شهر\s+)?" + MONTH_PAIR + YEAR_TAIL
       + rf"|(?P<pm>الشهر)\s+(?P<pmdir>{DIR}){_END}|هذا\s+(?P<pmthis>الشهر){_END})")
HDATE = (rf"(?:(?P<hd>{DAY})|(?P<hod>{ORD})\s+من)\s*(?:من\s+)?(?:شهر\s+)?(?P<hm>{HMONTH}){_END}"
         rf"(?:\s*[،,]?\s*(?:(?:عام|سنه)\s+)?(?P<hy>{HYEAR}))?(?P<hmark>{HMARK})?")
RELDAY = rf"(?P<rel>{REL}){_END}"
WEEKDAY_PIECE = rf"(?P<wd>{WEEKDAY}){_END}(?:\s+(?P<wdir>{DIR}){_END})?"
PART = rf"(?P<pod>{POD}){_END}\s+(?:(?P<ghad>غد){_END})?"
TIME_BODY = (rf"(?:(?P<hh>\d{{1,2}}):(?P<mm>\d\d)(?!\d)|(?P<h>\d{{1,2}})(?![\d:])|(?P<hw>{HOURWORD}){_END})"
             rf"(?:\s+(?P<frac>{FRAC}){_END})?(?:\s*(?:من\s+)?(?P<ap>{AMPM})(?!\w))?")
TIME = r"(?:(?P<sa>(?:تمام\s+)?الساعه)\s+)?" + TIME_BODY
MONTH_EXPR = rf"(?:(?P<mod>{MOD})\s+)?(?P<shahr>شهر\s+|شهري\s+)?" + MONTH_PAIR + YEAR_TAIL
YEAR_EXPR = (rf"(?:(?P<mod>{MOD})\s+)?(?:(?P<kw>عام|العام|سنه|السنه|لعام|بعام|لسنه|عامي|العامين)\s+)?"
             rf"(?P<y>{YEAR}){ERA}")
PERIOD = (rf"(?:(?P<mod>{MOD})\s+)?(?:(?P<pn>{_PERIOD_NOUN})\s+(?P<before>قبل\s+)?(?P<dir>{DIR})"
          rf"|(?:هذا|هذه)\s+(?P<pthis>الاسبوع|الشهر|العام|السنه)){_END}"
          rf"|(?P<mod2>{MOD})\s+(?P<pbare>{_PERIOD_NOUN}){_END}"
          r"(?!\s*(?:\d|الدراسي|المالي|الجديد|التالي|الذي|التي|نفسه|ذاته|الهجري|الميلادي|من\s+\d))")
APPROX = r"(?:اكثر\s+من|اقل\s+من|نحو|حوالي|حوالى|قرابه|زهاء|ما\s+يقارب|ما\s+يزيد\s+(?:عن|على)|ما\s+لا\s+يقل\s+عن)"
AGO = (rf"(?P<prep>منذ|قبل|بعد)\s+(?:(?P<approx>{APPROX})\s+)?(?:(?P<num>\d{{1,4}})\s*|(?P<card>{CARD})\s+)?(?P<unit>{UNIT}){_END}"
       rf"(?!\s+(?:من|على)\s)(?!\s+\d)(?!\s*(?:{MONTH}|{HMONTH}){_END})")
DECADE_EXPR = (rf"(?:(?P<mod>{MOD})\s+)?(?P<dec>{DECADE}){_END}"
               rf"(?:\s+(?:من\s+)?(?P<cent>{CENTURY}){_END})?")
CENTURY_EXPR = rf"(?:(?P<mod>{MOD})\s+)?(?P<cent>{CENTURY}){_END}"
SEASON_EXPR = (rf"(?:(?P<mod>{MOD})\s+)?(?:فصل\s+)?(?:ال)?(?P<season>{SEASON})\s+(?:(?:عام\s+|العام\s+)?(?P<y>{YEAR})"
               rf"|(?:من\s+)?(?:العام|السنه)\s+(?P<ydir>{DIR})|(?:من\s+)?(?P<ythis>هذا\s+العام)"
               rf"|(?P<sdir>{DIR})){_END}")
HYEAR_EXPR = (rf"(?:(?:عام|العام|سنه)\s+)?(?P<hm>{HMONTH})?\s*(?P<hy>{HYEAR}){HMARK}"
              rf"|(?P<hm2>{HMONTH}){_END}\s+(?:(?:عام|سنه)\s+)?(?P<hy2>{HYEAR}){_END}")
_RANGE_SIDE = (r"(?:(?:عامي|العامين|سنتي|عام|العام|سنه)\s+)?(?:"
               rf"{DAY}(?:\s*(?:من\s+)?(?:شهر\s+)?{MONTH}{_END})?(?:\s*{YEAR})?|(?:شهر\s+)?{MONTH}{_END}(?:\s*{YEAR})?|{YEAR})")
_RANGE_SEP = r"\s*(?:الى|حتي|و|-|–|ولغايه|لغايه|وحتى)\s*"
RANGE = (rf"(?:(?P<kw>من|بين|ما\s+بين|يومي|الفتره\s+من|الفتره\s+بين|الفتره\s+ما\s+بين)\s+(?P<left>{_RANGE_SIDE})"
         rf"(?P<sep>{_RANGE_SEP})(?P<right>{_RANGE_SIDE})(?:\s+(?P<rdir>{DIR}){_END})?"
         rf"|(?P<dd>{DAY}\s*[-–]\s*{DAY}\s*(?:من\s+)?(?:شهر\s+)?{MONTH}{_END}(?:\s*{YEAR})?)"
         rf"|(?P<yl>{YEAR})\s*[-–]\s*(?P<yr>{YEAR}))(?![\w/.\-]\d)")
BARE_YEAR = rf"(?P<y>{YEAR}){ERA}"


def denamed(pattern: str) -> str:
    """`pattern` with its named groups turned into plain groups (for embedding in a larger regex)."""
    return re.sub(r"\(\?P<\w+>", "(?:", normalise(pattern))


_SEP = r"\s*(?:[،,\-–/(]|الموافق|الموافقه)?\s*"
_CORE = (rf"(?:(?:{POD}){_END}\s+)?(?:يومي?\s+)?(?:{denamed(NUMDATE)}|{denamed(HDATE)}|{denamed(DMY)}"
         rf"|{REL}{_END}|غد{_END}|{denamed(WEEKDAY_PIECE)})")
_TIME_SEP = r"\s*[،,\-–]?\s*(?:(?:عند|في|حوالي|حوالى|نحو|قرابه|منذ|تمام)\s+){0,2}"
_STRICT_TIME = rf"(?:(?:تمام\s+)?الساعه\s+{denamed(TIME_BODY)}|\d{{1,2}}:\d\d\s*{AMPM}(?!\w))"
_CHAIN_TIME = rf"(?:{_STRICT_TIME}|\d{{1,2}}:\d\d(?!\d))"
CHAIN = rf"{_CORE}(?:{_SEP}{_CORE}){{0,3}}(?:{_TIME_SEP}{_CHAIN_TIME})?"
TIME_FIRST = rf"{_STRICT_TIME}(?:\s*(?:من|[،,])?\s*{CHAIN})?"

#: the order matters: at one starting position the first kind that matches wins
KINDS: tuple[tuple[str, str], ...] = (
    ("range", RANGE), ("chain", CHAIN), ("tfirst", TIME_FIRST), ("hyear", HYEAR_EXPR),
    ("month", MONTH_EXPR), ("period", PERIOD), ("decade", DECADE_EXPR), ("century", CENTURY_EXPR),
    ("season", SEASON_EXPR), ("ago", AGO), ("year", YEAR_EXPR), ("bareyear", BARE_YEAR),
)

#: every word an expression can start with: a cheap look-ahead that fails fast at most words
FIRST_WORDS = lx.alternation([
    "من", "بين", "ما", "الفتره", "يوم", "غد", "الساعه", "تمام", "شهر", "شهري", "عام", "العام", "سنه",
    "السنه", "لعام", "بعام", "لسنه", "عامي", "العامين", "سنتي", "الاسبوع", "الشهر", "هذا", "هذه",
    "فصل", "منذ", "قبل", "بعد", "القرن", "يومي", *_ARTICLE_WEEKDAYS, *lx.PARTS_OF_DAY, *lx.RELATIVE_DAYS,
    *lx.ORDINALS, *lx.MODIFIERS, *MONTHS, *HIJRI_MONTHS, *lx.DECADES, *lx.SEASONS,
    *("ال" + w for w in lx.SEASONS),
])

MASTER = re.compile(normalise(
    rf"(?<!\w)(?P<clitic>[وف]?[بلك]?)(?=\d|{FIRST_WORDS})(?P<body>"
    + "|".join(f"(?P<{name}>{denamed(pat)})" for name, pat in KINDS) + ")"
))

#: one piece of a chain, each kind under its name (read in order over a chain's text)
PIECES = re.compile(normalise("|".join(f"(?P<{n}>{denamed(p)})" for n, p in (
    ("numdate", NUMDATE), ("hdate", HDATE), ("dmy", DMY), ("part", PART), ("rel", RELDAY),
    ("ghad", rf"غد{_END}"), ("wd", WEEKDAY_PIECE), ("time", TIME),
))))

#: the named pieces, compiled, for reading one piece's fields
NAMED: dict[str, re.Pattern[str]] = {name: re.compile(normalise(pat)) for name, pat in (
    ("numdate", NUMDATE), ("hdate", HDATE), ("dmy", DMY), ("part", PART), ("rel", RELDAY),
    ("wd", WEEKDAY_PIECE), ("time", TIME), ("month", MONTH_EXPR), ("year", YEAR_EXPR),
    ("period", PERIOD), ("ago", AGO), ("decade", DECADE_EXPR), ("century", CENTURY_EXPR),
    ("season", SEASON_EXPR),
    ("hyear", HYEAR_EXPR), ("range", RANGE), ("bareyear", BARE_YEAR),
)}
