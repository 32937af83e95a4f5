"""Polish temporal expressions (DATE, TIME, DURATION, SET) found by table-built regexes and normalised to TIMEX3.

Pipeline: atoms (one regex per kind, each match -> fields) -> longest non-overlapping atoms -> adjacent atoms
merged into one expression (`wtorek 6 października 2009 r. godz. 15.00`) -> ranges share year and month ->
values resolved left to right against the document date, or, without one, against an anchor inferred from
the text (latest explicit year; first day-and-month placed in it), choosing past/future occurrences by the
tense of the nearest verb.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from kronika.extensions import DATE, SECTIONS, TIMES
from kronika.pipeline.structure import BOILERPLATE

__all__ = ["TimeExpression", "find_times"]


@dataclass(frozen=True)
class TimeExpression:
    """One temporal expression: span, TIMEX3 type and value; `inferred` when the year came from a guessed anchor.

    `value` is None for a SET under the KPWr convention (see `find_times`).
    """

    start: int
    end: int
    text: str
    type: str
    value: str | None
    inferred: bool = False

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "type": self.type,
                "value": self.value, "inferred": self.inferred}


# ---------------------------------------------------------------- tables

MONTHS = {  # month -> (nominative, genitive, locative, instrumental, adjective stem)
    1: ("styczeń", "stycznia", "styczniu", "styczniem", "styczniow"),
    2: ("luty", "lutego", "lutym", "lutym", "lutow"),
    3: ("marzec", "marca", "marcu", "marcem", "marcow"),
    4: ("kwiecień", "kwietnia", "kwietniu", "kwietniem", "kwietniow"),
    5: ("maj", "maja", "maju", "majem", "majow"),
    6: ("czerwiec", "czerwca", "czerwcu", "czerwcem", "czerwcow"),
    7: ("lipiec", "lipca", "lipcu", "lipcem", "lipcow"),
    8: ("sierpień", "sierpnia", "sierpniu", "sierpniem", "sierpniow"),
    9: ("wrzesień", "września", "wrześniu", "wrześniem", "wrześniow"),
    10: ("październik", "października", "październiku", "październikiem", "październikow"),
    11: ("listopad", "listopada", "listopadzie", "listopadem", "listopadow"),
    12: ("grudzień", "grudnia", "grudniu", "grudniem", "grudniow"),
}
MONTH_GEN = {forms[1]: m for m, forms in MONTHS.items()}
MONTH_ANY = {form: m for m, forms in MONTHS.items() for form in forms[:4]}
MONTH_ADJ = {forms[4]: m for m, forms in MONTHS.items()}
ROMAN = {r: i for i, r in enumerate("I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX XXI XXII".split(), 1)}

NUMERALS = {
    1: "jeden jedna jedno jednego jednej jednemu jednym jedną",
    2: "dwa dwie dwóch dwu dwom dwóm dwoma dwiema dwaj dwoje dwojga",
    3: "trzy trzech trzem trzema trzej troje trojga", 4: "cztery czterech czterem czterema czterej czworo czworga",
    5: "pięć pięciu pięcioma pięcioro", 6: "sześć sześciu sześcioma sześcioro", 7: "siedem siedmiu siedmioma",
    8: "osiem ośmiu ośmioma", 9: "dziewięć dziewięciu dziewięcioma", 10: "dziesięć dziesięciu dziesięcioma",
    11: "jedenaście jedenastu jedenastoma", 12: "dwanaście dwunastu dwunastoma",
    13: "trzynaście trzynastu trzynastoma", 14: "czternaście czternastu czternastoma",
    15: "piętnaście piętnastu piętnastoma", 16: "szesnaście szesnastu szesnastoma",
    17: "siedemnaście siedemnastu siedemnastoma", 18: "osiemnaście osiemnastu osiemnastoma",
    19: "dziewiętnaście dziewiętnastu dziewiętnastoma", 20: "dwadzieścia dwudziestu dwudziestoma",
    30: "trzydzieści trzydziestu trzydziestoma", 40: "czterdzieści czterdziestu czterdziestoma",
    50: "pięćdziesiąt pięćdziesięciu pięćdziesięcioma", 60: "sześćdziesiąt sześćdziesięciu sześćdziesięcioma",
    70: "siedemdziesiąt siedemdziesięciu", 80: "osiemdziesiąt osiemdziesięciu", 90: "dziewięćdziesiąt dziewięćdziesięciu",
    100: "sto stu", 200: "dwieście dwustu", 300: "trzysta trzystu", 400: "czterysta czterystu", 500: "pięćset pięciuset",
    1000: "tysiąc tysiąca tysiące tysięcy tysiącem",
}
NUM_WORD = {w: v for v, forms in NUMERALS.items() for w in forms.split()}
FRACTION = {"pół": 0.5, "półtora": 1.5, "półtorej": 1.5}
VAGUE_QTY = ("kilka kilku kilkoma parę paru paroma kilkanaście kilkunastu kilkadziesiąt kilkudziesięciu kilkaset "
             "kilkuset wiele wielu wieloma tyle tylu dziesiątki dziesiątek dziesiątkami setki setek tysiące "
             "tysięcy").split()

UNITS = {  # unit code -> inflected forms
    "S": "sekunda sekundy sekundzie sekundę sekundą sekund sekundach sekundami sek. s",
    "MIN": "minuta minuty minucie minutę minutą minut minutach minutami min. min",
    "H": "godzina godziny godzinie godzinę godziną godzin godzinach godzinami h",
    "D": "dzień dnia dniu dniem dni dniach dniami doba doby dobie dobę dobą dób dobach",
    "W": "tydzień tygodnia tygodniu tygodniem tygodnie tygodni tygodniach tygodniami",
    "M": "miesiąc miesiąca miesiącu miesiącem miesiące miesięcy miesiącach miesiącami",
    "Y": "rok roku rokiem lata lat latach latami",
    "Q": "kwartał kwartału kwartale kwartały kwartałów kwartałach",
    "DE": "dekada dekady dekadzie dekadę dekad dekadach",
    "CE": "wiek wieku wieki wieków wiekach stulecie stulecia stuleci stuleciu",
}
UNIT_OF = {w: u for u, forms in UNITS.items() for w in forms.split()}
TIME_UNITS = {"S", "MIN", "H"}
UNIT_FMT = {"S": "S", "MIN": "M", "H": "H", "D": "D", "W": "W", "M": "M", "Y": "Y", "Q": "Q", "DE": "DE", "CE": "CE"}
ADJ_UNIT = {"sekundow": "S", "minutow": "MIN", "godzinn": "H", "dniow": "D", "dobow": "D", "tygodniow": "W",
            "miesięczn": "M", "roczn": "Y", "letni": "Y"}
ADJ_STEM = {"jedno": 1, "dwu": 2, "trzy": 3, "cztero": 4, "pięcio": 5, "sześcio": 6, "siedmio": 7, "ośmio": 8,
            "dziewięcio": 9, "dziesięcio": 10, "dwunasto": 12, "piętnasto": 15, "dwudziesto": 20, "trzydziesto": 30,
            "pięćdziesięcio": 50, "stu": 100, "cało": 1, "pół": 0.5, "półtora": 1.5, "kilku": "X", "kilkunasto": "X",
            "kilkudziesięcio": "X", "wielo": "X"}
SET_UNIT = {"rok": "P1Y", "roku": "P1Y", "miesiąc": "P1M", "miesiąca": "P1M", "tydzień": "P1W", "tygodnia": "P1W",
            "tygodniu": "P1W", "miesiącu": "P1M", "dzień": "P1D", "dnia": "P1D", "dobę": "P1D", "godzinę": "PT1H",
            "noc": "TNI", "sezon": "P1Y", "kwartał": "P1Q", "weekend": "XXXX-WXX-WE", "lato": "XXXX-SU",
            "zimę": "XXXX-WI", "wiosnę": "XXXX-SP", "jesień": "XXXX-FA"}
SET_ADV = {"codziennie": "P1D", "codzień": "P1D", "dziennie": "P1D", "corocznie": "P1Y", "rocznie": "P1Y",
           "tygodniowo": "P1W", "miesięcznie": "P1M", "cotygodniowo": "P1W", "comiesięcznie": "P1M",
           "godzinowo": "PT1H", "dobowo": "P1D"}
SET_ADJ = {"coroczn": "P1Y", "cotygodniow": "P1W", "comiesięczn": "P1M", "codobow": "P1D"}

WEEKDAYS = {  # ISO weekday -> noun forms, adjective stem, plural (SET) forms
    1: ("poniedziałek poniedziałku poniedziałkiem", "poniedziałkow", "poniedziałki"),
    2: ("wtorek wtorku wtorkiem", "wtorkow", "wtorki"),
    3: ("środa środy środę środzie środą sroda srode", "środow", "środy"),
    4: ("czwartek czwartku czwartkiem", "czwartkow", "czwartki"),
    5: ("piątek piątku piątkiem", "piątkow", "piątki"),
    6: ("sobota soboty sobotę sobocie sobotą sobote", "sobotni", "soboty"),
    7: ("niedziela niedzieli niedzielę niedzielą niedziele", "niedzieln", "niedziele"),
}
WD_NOUN = {w: d for d, (forms, _a, _p) in WEEKDAYS.items() for w in forms.split()}
WD_ADJ = {a: d for d, (_f, a, _p) in WEEKDAYS.items()}
WD_PLURAL = {p: d for d, (_f, _a, p) in WEEKDAYS.items()}
WD_MOD = {"najbliższ": 1, "przyszł": 1, "następn": 1, "kolejn": 1, "ubiegł": -1, "zeszł": -1, "ostatni": -1,
          "poprzedni": -1, "minion": -1}

DAY_REL = {"dziś": 0, "dzisiaj": 0, "dzis": 0, "dzisiejsz": 0, "wczoraj": -1, "wczorajsz": -1, "przedwczoraj": -2,
           "przedwczorajsz": -2, "jutro": 1, "jutra": 1, "jutrzejsz": 1, "pojutrze": 2, "pojutrzejsz": 2}
REF_REL = {"tego dnia": 0, "tego samego dnia": 0, "tym samym dniu": 0, "tym dniu": 0, "następnego dnia": 1,
           "kolejnego dnia": 1, "nazajutrz": 1, "dzień później": 1, "dzień wcześniej": -1, "poprzedniego dnia": -1,
           "dzień przed": -1}
PERIOD_MOD = {"t": 0, "bieżąc": 0, "obecn": 0, "ubiegł": -1, "zeszł": -1, "przeszł": -1, "poprzedni": -1,
              "ostatni": -1, "przyszł": 1, "następn": 1, "kolejn": 1, "nadchodząc": 1}
PERIOD_UNIT = {"roku": "Y", "rok": "Y", "rokiem": "Y", "miesiącu": "M", "miesiąc": "M", "miesiąca": "M",
               "miesiącem": "M", "tygodniu": "W", "tydzień": "W", "tygodnia": "W", "tygodniem": "W",
               "kwartale": "Q", "kwartału": "Q", "kwartał": "Q"}
YEAR_ADJ = {"tegoroczn": 0, "ubiegłoroczn": -1, "zeszłoroczn": -1, "przyszłoroczn": 1}
VAGUE_REF = {  # KPWr: a vague stretch of the past or future is left unresolved at the granularity of its unit
    "ostatnich latach": "XXXX", "ostatnich miesiącach": "XXXX-XX", "ostatnich tygodniach": "XXXX-WXX",
    "ostatnich dniach": "XXXX-XX-XX", "ostatnim czasie": "PAST_REF", "ostatnimi czasy": "PAST_REF",
    "ostatnich czasach": "PAST_REF", "ubiegłych latach": "XXXX", "minionych latach": "XXXX",
    "poprzednich latach": "XXXX", "najbliższych dniach": "XXXX-XX-XX",
    "najbliższych tygodniach": "XXXX-WXX", "najbliższych miesiącach": "XXXX-XX",
    "najbliższych latach": "XXXX", "nadchodzących latach": "XXXX",
    "któregoś dnia": "XXXX-XX-XX",  # generic 'w dzisiejszych czasach' is not a timex in KPWr
    "pewnego dnia": "XXXX-XX-XX", "pewnego razu": None,
}
VAGUE_REF = {k: v for k, v in VAGUE_REF.items() if v}
PARTS_OF_DAY = {
    "rano": "MO", "rankiem": "MO", "nad ranem": "MO", "z rana": "MO", "poranek": "MO", "porankiem": "MO",
    "przed południem": "MO", "przedpołudnie": "MO", "przedpołudniem": "MO", "w południe": "MI", "południe": "MI",
    "po południu": "AF", "popołudniu": "AF", "popołudnie": "AF", "popołudniem": "AF", "wieczorem": "EV",
    "wieczór": "EV", "wieczora": "EV", "wieczorze": "EV", "nocą": "NI", "nocy": "NI", "noc": "NI",
    "po północy": "NI", "o północy": "NI", "północy": "NI", "nocami": "NI",
}
POD_ADJ = {"porann": "MO", "przedpołudniow": "MO", "popołudniow": "AF", "wieczorn": "EV", "nocn": "NI"}
SEASONS = {"zima": "WI", "zimy": "WI", "zimie": "WI", "zimę": "WI", "zimą": "WI", "wiosna": "SP", "wiosny": "SP",
           "wiośnie": "SP", "wiosnę": "SP", "wiosną": "SP", "lato": "SU", "latem": "SU", "lecie": "SU",
           "jesień": "FA", "jesieni": "FA", "jesienią": "FA"}
SEASON_ADJ = {"zimow": "WI", "wiosenn": "SP", "letni": "SU", "jesienn": "FA"}
HOLIDAYS = {  # regex -> (month, day) or Easter offset in days (int)
    r"Boże(?:go|m)? Narodzeni(?:e|a|u)": (12, 25), r"[Ww]igili(?:a|i|ę|ą)": (12, 24),
    r"[Ss]ylwestr(?:a|em|ze|owej nocy)|sylwester": (12, 31), r"Now(?:y|ego|ym) Rok(?:u|iem)?": (1, 1),
    r"(?:[Śś]więt(?:o|a|em|u)|[Dd]zie(?:ń|nia|ńi)) Trzech Króli|Trzech Króli": (1, 6),
    r"[Ww]alentynk(?:i|ach|ami|om)": (2, 14), r"[Dd]zie(?:ń|nia|niu) Kobiet": (3, 8),
    r"[Pp]rima [Aa]prilis": (4, 1), r"[Śś]więt(?:o|a|em|u) Pracy": (5, 1),
    r"[Dd]zie(?:ń|nia|niu) Matki": (5, 26), r"[Dd]zie(?:ń|nia|niu) Dziecka": (6, 1),
    r"[Dd]zie(?:ń|nia|niu) Ojca": (6, 23),
    r"(?:[Dd]zie(?:ń|nia|niu)|[Śś]więt(?:o|a|em|u)|[Uu]roczystoś(?:ć|ci)) Wszystkich Świętych": (11, 1),
    r"[Zz]aduszk(?:i|ach|ami)|[Dd]zie(?:ń|nia|niu) Zaduszny": (11, 2),
    r"(?:Narodowe(?:go|m)? )?[Śś]więt(?:o|a|em|u) Niepodległości": (11, 11),
    r"[Aa]ndrzejk(?:i|ach|ami)": (11, 30), r"[Mm]ikołajk(?:i|ach|ami)": (12, 6), r"[Bb]arbórk(?:a|i|ę|ą)": (12, 4),
    r"Wielkanoc(?:y|ą)?|Wielkiej Nocy|Niedziel(?:a|i|ę) Wielkanocn(?:a|ej|ą)": 0,
    r"Poniedziałk(?:u|iem)? Wielkanocn(?:y|ego|ym)|Poniedziałek Wielkanocny|[Ll]any(?:m|ego)? Poniedziałk(?:u|iem)?": 1,
    r"Wielki(?:ego|m)? Piąt(?:ek|ku)": -2, r"Wielk(?:a|iej|ą) Sobot(?:a|y|ę)": -1,
    r"Boże(?:go|m)? Ciał(?:o|a|u)": 60, r"Zielon(?:e|ych) Świąt(?:ki|ek)": 49,
}

# ---------------------------------------------------------------- regex building blocks


def _alt(words) -> str:
    """Longest-first alternation of literal words."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


L = r"(?<![\w\d])"  # left word edge (also for words starting with a non-ASCII letter)
R = r"(?![\w])"  # right word edge
NUMW = f"(?:{_alt(NUM_WORD)})"
DIGITS = r"\d{1,3}(?:[ \u00a0]\d{3}){1,4}(?!\d)|\d{1,9}(?:[.,]\d{1,3})?"
QTY = rf"(?:{DIGITS}|{NUMW}(?:\s+{NUMW}){{0,3}}|{_alt(FRACTION)}|{_alt(VAGUE_QTY)})"
UNIT = f"(?:{_alt(UNIT_OF)})"
ROM = r"(?:XX|XIX|XVIII|XVII|XVI|XV|XIV|XIII|XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I|XXI|XXII)"
ROM_MONTH = r"(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)"
YEAR_SUFFIX = r"(?:\s?r\.|\s?r\b|\s+roku\b|\s+rokiem\b|\s+rok\b)"
DAY_WORD = {  # ordinal day numbers in the genitive ("pierwszego maja")
    "pierwszego": 1, "drugiego": 2, "trzeciego": 3, "czwartego": 4, "piątego": 5, "szóstego": 6, "siódmego": 7,
    "ósmego": 8, "dziewiątego": 9, "dziesiątego": 10, "jedenastego": 11, "dwunastego": 12, "trzynastego": 13,
    "czternastego": 14, "piętnastego": 15, "szesnastego": 16, "siedemnastego": 17, "osiemnastego": 18,
    "dziewiętnastego": 19, "dwudziestego": 20, "trzydziestego": 30,
}
DAYW = rf"(?:(?:dwudziestego|trzydziestego)\s+(?:pierwszego|drugiego|trzeciego|czwartego|piątego|szóstego|siódmego|ósmego|dziewiątego)|{_alt(DAY_WORD)})"
DECADE_WORD = {"dwudziest": 2, "trzydziest": 3, "czterdziest": 4, "pięćdziesiąt": 5, "sześćdziesiąt": 6,
               "siedemdziesiąt": 7, "osiemdziesiąt": 8, "dziewięćdziesiąt": 9}
CENTURY_WORD = {"dziewiętnast": 19, "osiemnast": 18, "siedemnast": 17, "szesnast": 16, "dwudziest": 20}
UNIT_AFTER = re.compile(r"\s*(?:zł|złotych|%|proc|mln|mld|tys|km|kg|m\b|cm|mm|ha|l\b|[Ee]uro|EUR|USD|PLN|dolar|osób|"
                        r"os\.|sztuk|szt|metr|W\b|A\b|V\b|Ω|GB|MB|MHz|mAh|Wh|KM|px|dpi|x\b|cal|punkt|pkt|głos|mieszk|"
                        r"egz|stron|znak|razy|zgłosze|uczestnik|widz|kibic|km/h)")


def _number(text: str) -> float | str:
    """A quantity in digits, words, fractions or a vague word -> number, or 'X' when vague."""
    text = text.strip().replace("\u00a0", " ")
    if text in FRACTION:
        return FRACTION[text]
    if text in VAGUE_QTY:
        return "X"
    if text[0].isdigit():
        return float(text.replace(" ", "").replace(",", "."))
    total, current = 0, 0
    for word in text.split():
        value = NUM_WORD[word]
        if value == 1000:
            total, current = total + max(current, 1) * 1000, 0
        else:
            current += value
    return total + current


def _fmt(n: float | str) -> str:
    """2.0 -> '2', 0.5 -> '0.5', 'X' stays."""
    if isinstance(n, str):
        return n
    return str(int(n)) if n == int(n) else f"{n:g}"


def _duration(n: float | str, unit: str) -> str:
    """TIMEX3 duration value: P2M, PT5M, PXD."""
    return ("PT" if unit in TIME_UNITS else "P") + _fmt(n) + UNIT_FMT[unit]


def _stem(word: str, table: dict) -> object:
    """Value of the longest table key that `word` (lower-cased) starts with."""
    word = word.lower()
    for key in sorted(table, key=len, reverse=True):
        if word.startswith(key):
            return table[key]
    return None


# ---------------------------------------------------------------- atoms


@dataclass
class Atom:
    """A matched piece with its normalisation fields (y, m, d, wd, h, mi, pod, dur, set, ...)."""

    start: int
    end: int
    f: dict = field(default_factory=dict)


Handler = Callable[[re.Match, str], Iterator[Atom]]


@dataclass(frozen=True)
class Pattern:
    """A compiled regex, whether it runs on the lower-cased text, an optional cheap hint, and its handler."""

    regex: re.Pattern
    lower: bool
    hint: re.Pattern | None
    handler: Handler
    reach: int = 40

    def matches(self, text: str, low: str) -> Iterator[re.Match]:
        """Matches in the text (only in windows around hint matches when there is a hint)."""
        subject = low if self.lower else text
        if self.hint is None:
            yield from self.regex.finditer(subject)
            return
        done = 0
        for h in self.hint.finditer(subject):
            for m in self.regex.finditer(subject, max(done, h.start() - self.reach), min(len(subject), h.end() + 40)):
                done = max(done, m.end())
                yield m


PATTERNS: list[Pattern] = []


def pattern(regex: str, flags: int = 0, hint: str | re.Pattern | None = None, reach: int = 40) -> Callable[[Handler], Handler]:
    """Register a handler for `regex` (tried only near matches of `hint`, if given); re.I patterns run on the lower-cased text."""
    def register(func: Handler) -> Handler:
        first = _first_chars(regex)
        guard = f"(?=[{''.join(re.escape(c) for c in sorted(first))}])" if first else ""
        hint_rx = re.compile(hint) if isinstance(hint, str) else hint
        PATTERNS.append(Pattern(re.compile(guard + regex, flags & ~re.I), bool(flags & re.I), hint_rx, func, reach))
        return func
    return register


def _first_chars(regex: str) -> set[str] | None:
    """Characters a match of `regex` can start with (None: any), for a cheap look-ahead guard."""
    from re import _constants as c, _parser  # noqa: PLC0415 (stdlib parser, used once per pattern at import)

    def seq(items) -> tuple[set[str] | None, bool]:
        """(first characters, nullable) of a sequence of parsed items."""
        out: set[str] = set()
        for op, arg in items:
            first, nullable = item(op, arg)
            if first is None:
                return None, False
            out |= first
            if not nullable:
                return out, False
        return out, True

    def item(op, arg) -> tuple[set[str] | None, bool]:
        """(first characters, nullable) of one parsed item."""
        if op is c.LITERAL:
            return {chr(arg)}, False
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            return set(), True
        if op is c.IN:
            return _class(arg), False
        if op is c.SUBPATTERN:
            return seq(arg[-1])
        if op is c.BRANCH:
            parts = [seq(alt) for alt in arg[1]]
            if any(p[0] is None for p in parts):
                return None, False
            return set().union(*(p[0] for p in parts)), any(p[1] for p in parts)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            first, nullable = seq(arg[2])
            return first, nullable or arg[0] == 0
        return None, False

    def _class(arg) -> set[str] | None:
        """Characters of a character class (digits only among categories)."""
        out: set[str] = set()
        for op, value in arg:
            if op is c.LITERAL:
                out.add(chr(value))
            elif op is c.RANGE and value[1] - value[0] < 200:
                out |= {chr(i) for i in range(value[0], value[1] + 1)}
            elif op is c.CATEGORY and value is c.CATEGORY_DIGIT:
                out |= set("0123456789")
            else:
                return None
        return out

    first, nullable = seq(_parser.parse(regex))
    return None if nullable or not first else first


def _lower(text: str) -> str:
    """Lower-cased text of the same length (characters whose lower case is longer stay as they are)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _atom(match: re.Match, group: int | str = 0, **fields) -> Atom:
    """An atom spanning a match group."""
    return Atom(match.start(group), match.end(group), fields)


def _year(text: str, base: int | None = None) -> int:
    """'2009' -> 2009; two digits complete `base` ('94' after 1987 -> 1994) or go to 19xx/20xx."""
    value = int(text)
    if len(text) == 2:
        century = (base // 100 * 100) if base else (2000 if value < 40 else 1900)
        value += century
        if base and value < base:
            value += 100
    return value


@pattern(rf"{L}(?:(dniu|dnia)\s+)?(\d{{1,2}})([./-])(\d{{1,2}})\3(\d{{4}}|\d{{2}}(?![\d]))(?:{YEAR_SUFFIX})?(?![\d])")
def _numeric_date(m: re.Match, text: str) -> Iterator[Atom]:
    """23.02.2008 r., 8-06-2006, dniu 2.11.10."""
    d, mo = int(m[2]), int(m[4])
    if 1 <= d <= 31 and 1 <= mo <= 12:
        yield _atom(m, y=_year(m[5]), m=mo, d=d, rank=1, ye=True)


@pattern(rf"{L}(\d{{4}})-(\d{{2}})-(\d{{2}})(?![\d])")
def _iso_date(m: re.Match, text: str) -> Iterator[Atom]:
    """2023-01-05."""
    if 1 <= int(m[2]) <= 12 and 1 <= int(m[3]) <= 31:
        yield _atom(m, y=int(m[1]), m=int(m[2]), d=int(m[3]), rank=1, ye=True)


@pattern(rf"{L}(\d{{1,2}})[.\s]\s*({ROM_MONTH})(?:[.\s]\s*(\d{{4}})({YEAR_SUFFIX})?)?(?![\w])")
def _roman_date(m: re.Match, text: str) -> Iterator[Atom]:
    """28 IX 2010, 3.V."""
    if 1 <= int(m[1]) <= 31 and (m[3] or "." in m[0][:4]):
        fields = dict(m=ROMAN[m[2]], d=int(m[1]), rank=1)
        if m[3]:
            fields.update(y=int(m[3]), ye=True)
        yield _atom(m, **fields)


MONTH_G = f"(?:{_alt(MONTH_GEN)})"


@pattern(rf"{L}(?:(dniu|dnia|dzień)\s+)?(\d{{1,2}}|{DAYW})(?:\.|-go|-ego|-tego|-ym)?(?:\s*(?:[-–—]|do|i|a|na|lub|albo|oraz)\s*(\d{{1,2}})\.?)?\s*({MONTH_G}){R}", re.I, hint=MONTH_G)
def _day_month(m: re.Match, text: str) -> Iterator[Atom]:
    """7 maja, 7-go października, pierwszego maja; 3-10 sierpnia, między 3 a 10, z 3 na 4 sierpnia (two atoms)."""
    month = MONTH_GEN[m[4]]
    day = int(m[2]) if m[2].isdigit() else sum(DAY_WORD[w] for w in m[2].split())
    if text[m.start(4):m.end(4)].istitle() and not _sentence_start(text, m.start()):
        return  # a name: 'ul. 11 Listopada', 'Konstytucji 3 Maja'
    if m[3]:
        if 1 <= day <= 31:
            yield Atom(m.start(), m.end(2), dict(m=month, d=day, rank=1))
        day = int(m[3])
        if 1 <= day <= 31:
            yield Atom(m.start(3), m.end(), dict(m=month, d=day, rank=1))
    elif 1 <= day <= 31:
        yield _atom(m, m=month, d=day, rank=1)


@pattern(rf"{L}({_alt(MONTH_ANY)}){R}", re.I)
def _month(m: re.Match, text: str) -> Iterator[Atom]:
    """listopadzie, czerwca, Styczeń (capitalised only at a sentence start or before a year)."""
    word = m[1]
    if text[m.start()].isupper() and not (_sentence_start(text, m.start()) or re.match(r"\s+\d{4}", text[m.end():m.end() + 6])):
        return
    if word == "maja" and not (MAJA_BEFORE.search(text, max(0, m.start() - 16), m.start()) or re.match(r"\s+\d{4}", text[m.end():m.end() + 6])):
        return  # 'nie maja' is a typo of 'mają'
    yield _atom(m, m=MONTH_ANY[word], rank=1)


MAJA_BEFORE = re.compile(r"(?:\bod|\bdo|\bz|\bpoczątk\w*|\bkońc\w*|\bpołow\w*|\bprzełom\w*|\bi|\bpoczątkiem|\bkońcem|"
                         rf"\b(?:{_alt(WD_NOUN)}))\s+$", re.I)


@pattern(rf"{L}({_alt(MONTH_ADJ)})(?:y|a|e|ego|ej|emu|ym|ą|ych|ymi){R}")
def _month_adj(m: re.Match, text: str) -> Iterator[Atom]:
    """czerwcowe (spotkanie); lower case only, not after 'ul.'."""
    if not re.search(r"(?:ul\.|ulic\w*|al\.|pl\.)\s*$", text[max(0, m.start() - 8):m.start()]):
        yield _atom(m, m=MONTH_ADJ[m[1]], rank=1)


@pattern(rf"{L}(?:(roku|rok|r\.)\s+)?(\d{{4}}){YEAR_SUFFIX}")
@pattern(rf"{L}(?:roku|rok|rokiem)\s+(\d{{4}})(?![\d])()")
def _year_word(m: re.Match, text: str) -> Iterator[Atom]:
    """1989 roku, 2001 r., rok 2075, roku 2010."""
    year = int(next(g for g in m.groups() if g and g.isdigit()))
    if 1000 <= year <= 2200:
        yield _atom(m, y=year, rank=2, ye=True)


@pattern(rf"{L}(\d{{1,4}})\s*(?:r\.|roku|rok)?\s*p\.\s?n\.\s?e\.", re.I)
def _year_bc(m: re.Match, text: str) -> Iterator[Atom]:
    """450 r. p.n.e. -> BC0450."""
    yield _atom(m, value=f"BC{int(m[1]):04d}", rank=2)


QUANTITY_BEFORE = re.compile(r"(?:ponad|około|ok\.|niemal|prawie|blisko|przeszło|nawet|niespełna|aż|tylko|zaledwie)\s+$", re.I)
RANGE_UNIT = re.compile(rf"\s*(?:[-–]|do)\s*[\d ]+\s*(?:{UNIT})\b")


@pattern(rf"{L}(1[89]\d\d|20\d\d)(?:\s*([-–/])\s*(\d{{4}}|\d{{2}})(?![\d]))?(?![\d]|[.,]\d|-\w)")
def _bare_year(m: re.Match, text: str) -> Iterator[Atom]:
    """2010, 1972-1992, 1987-94, 2006/07 (each year its own atom); not before a unit ('2000 zł')."""
    if UNIT_AFTER.match(text, m.end()) or text[max(0, m.start() - 1):m.start()] in ("-", "/", ".", ",", "+", "#", "№"):
        return
    if RANGE_UNIT.match(text, m.end(1)) or QUANTITY_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return
    first = int(m[1])
    yield _atom(m, 1, y=first, rank=2, ye=True)
    if m[3]:
        second = _year(m[3], first)
        if second > first:
            yield _atom(m, 3, y=second, rank=2, ye=True)


@pattern(rf"{L}(?:(?:(pierwsz|drugi)\w*\s+)?(połow\w*)|(?:pod\s+)?(?:początk\w*|końc\w*|koniec)|schyłk\w*|środk\w*|"
         rf"(pierwsz|ostatni)\w*\s+dni(?:ach|ami)?){R}", re.I)
def _modifier(m: re.Match, text: str) -> Iterator[Atom]:
    """początku / pod koniec / drugiej połowy / pierwszych dniach: joins the date that follows."""
    half = {"pierwsz": "H1", "drugi": "H2"}.get(m[1]) if m[1] else None
    fields = dict(mod=half or "", rank=-1)
    if m[3] == "ostatni" and m[0].endswith("dniach"):
        fields["value"] = "XXXX-XX-XX"  # 'w ostatnich dniach' when no month follows
    yield _atom(m, **fields)


@pattern(rf"{L}(?:z\s+)?(?:(?:pod\s+)?koniec|końca|końcem|końcu|początek|początku|początkiem|połowie|połowy|połową)\s+"
         rf"(roku|miesiąca|tygodnia|rok|miesiąc|tydzień|sezonu){R}(?!\s+\d)", re.I)
def _edge_of_period(m: re.Match, text: str) -> Iterator[Atom]:
    """końca roku, z końcem roku, początku miesiąca: the current year/month/week."""
    unit = {"sezonu": "Y"}.get(m[1], PERIOD_UNIT.get(m[1], "Y"))
    start = m.start() + (2 if m[0][:2].lower() == "z " else 0)
    start += len(text[start:]) - len(text[start:].lstrip())
    yield Atom(start, m.end(), dict(rel=(unit, 0), rank=2))


@pattern(rf"{L}(?:(\d{{1,2}})|({ROM}))(?:\s*(?:i|-|–|oraz|a)\s*(?:(\d{{1,2}})|({ROM})))?\s*(?:-go|-ego)?\s*(wieku|wiek|wiekiem|w\.|stulecia|stuleciu|stulecie){R}?")
def _century(m: re.Match, text: str) -> Iterator[Atom]:
    """XX wieku, XX w., 19. wieku, XIX i XX wieku (two atoms)."""
    first = int(m[1]) if m[1] else ROMAN[m[2]]
    if m[5] == "w." and not m[2]:
        return
    if m[3] or m[4]:
        end_first = m.end(1) if m[1] else m.end(2)
        yield Atom(m.start(), end_first, dict(cent=first, rank=3))
        second = int(m[3]) if m[3] else ROMAN[m[4]]
        yield Atom(m.start(3) if m[3] else m.start(4), m.end(), dict(cent=second, rank=3))
    else:
        yield _atom(m, cent=first, rank=3)


@pattern(rf"{L}(?:({ROM})-?|({_alt(CENTURY_WORD)})o)wieczn\w*")
def _century_adj(m: re.Match, text: str) -> Iterator[Atom]:
    """dwudziestowieczna, XIX-wieczny."""
    yield _atom(m, cent=ROMAN[m[1]] if m[1] else CENTURY_WORD[m[2]], rank=3)


@pattern(rf"{L}(?:lat(?:a|ach|ami|om)?|dekad\w*)\s+(?:(\d)0\.?(?:-?(?:tych|tymi|te|ych|ymi|e|ch))?(?![\d])|({_alt(DECADE_WORD)})(?:ych|e|ymi))(?:\s+(?:({ROM})\s*(?:w\.|wieku|stulecia)|(?:ubiegłego|poprzedniego|zeszłego|minionego)\s+(?:wieku|stulecia)))?")
def _decade(m: re.Match, text: str) -> Iterator[Atom]:
    """latach 90-tych XX w., lata 80., latach dziewięćdziesiątych ubiegłego wieku."""
    digit = int(m[1]) if m[1] else DECADE_WORD[m[2]]
    century = ROMAN[m[3]] - 1 if m[3] else 19
    yield _atom(m, dec=f"{century}{digit}", rank=3)


NAME_BEFORE = re.compile(r"\b[A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]+\s+$")
WD_ORD = {"pierwsz": 1, "drugi": 2, "drug": 2, "trzeci": 3, "czwart": 4, "ostatni": -1}
MONTH_NEXT = re.compile(rf"\s+(?:{MONTH_G}){R}", re.I)


@pattern(rf"{L}((?:{_alt(WD_MOD)}|pierwsz|drug|trzeci|czwart)\w*\s+)?({_alt(WD_NOUN)}){R}", re.I, hint=_alt(WD_NOUN))
def _weekday(m: re.Match, text: str) -> Iterator[Atom]:
    """wtorek, w środę, najbliższy wtorek, ubiegłą niedzielę; ostatnia niedziela września, pierwszy wtorek maja."""
    word = m[2]
    if text[m.start(2)].isupper() and not m[1] and not _sentence_start(text, m.start()) and (
            word in ("środa", "niedziela") or NAME_BEFORE.search(text, max(0, m.start() - 20), m.start())):
        return  # 'tygodnik Niedziela', 'Piotr Piątek'
    nth = _stem(m[1], WD_ORD) if m[1] else None
    if nth and MONTH_NEXT.match(text, m.end()):  # the n-th (last) weekday of the month that follows
        yield _atom(m, wd=WD_NOUN[word], wdrel=0, wdord=nth, rank=0)
        return
    if m[1] and _stem(m[1], WD_MOD) is None:  # 'drugi wtorek' without a month: only the weekday
        yield _atom(m, 2, wd=WD_NOUN[word], wdrel=0, rank=0)
        return
    rel = _stem(m[1], WD_MOD) if m[1] else 0
    yield _atom(m, wd=WD_NOUN[word], wdrel=rel, rank=0)


@pattern(rf"{L}({_alt(WD_ADJ)})(?:y|a|e|ego|ej|emu|ym|ą|ych|ymi|ch|m|mi)?{R}")
def _weekday_adj(m: re.Match, text: str) -> Iterator[Atom]:
    """poniedziałkowy (program), sobotnie."""
    if m[1] == "środow" and m[0] == "środow":
        return
    yield _atom(m, wd=WD_ADJ[m[1]], wdrel=0, rank=0)


@pattern(rf"{L}(?:w|we)\s+({_alt(WD_PLURAL)}|weekendy){R}|{L}co\s+({_alt(WD_NOUN)}|weekend){R}|{L}(?:w\s+)?każd\w+\s+({_alt(WD_NOUN)}|{_alt(SET_UNIT)}){R}",
         re.I, hint=rf"{L}(?:co|każd\w+|w|we)\s+(?:{_alt(WD_PLURAL)}|{_alt(WD_NOUN)}|weekend|{_alt(SET_UNIT)})")
def _set_days(m: re.Match, text: str) -> Iterator[Atom]:
    """w poniedziałki, co środę, w każdy piątek, każdego dnia."""
    word = (m[1] or m[2] or m[3]).lower()
    start = m.start(1) if m[1] else m.start()
    if word in WD_NOUN or word in WD_PLURAL:
        value = f"XXXX-WXX-{WD_NOUN.get(word) or WD_PLURAL[word]}"
    else:
        value = SET_UNIT.get(word, "XXXX-WXX-WE")
    yield Atom(start, m.end(), dict(set=value))


@pattern(rf"{L}co\s+(?:({QTY})\s+)?({_alt(SET_UNIT)}|{UNIT}){R}", re.I)
def _set_every(m: re.Match, text: str) -> Iterator[Atom]:
    """co roku, co tydzień, co dwa lata, co 5 minut."""
    unit = m[2].lower()
    if m[1]:
        yield _atom(m, set=_duration(_number(m[1].lower()), UNIT_OF.get(unit, "Y")))
    elif unit in SET_UNIT:
        yield _atom(m, set=SET_UNIT[unit])


@pattern(rf"{L}(?:({_alt(SET_ADV)})|({_alt(SET_ADJ)})\w*){R}", re.I)
def _set_adverb(m: re.Match, text: str) -> Iterator[Atom]:
    """codziennie, rocznie, coroczny."""
    yield _atom(m, set=SET_ADV[m[1].lower()] if m[1] else SET_ADJ[m[2].lower()])


@pattern(rf"{L}(?:(?:ponad|około|ok\.|prawie|niemal|blisko)\s+)?(?:raz|dwa\s+razy|trzy\s+razy|cztery\s+razy|\d+\s+razy|kilka\s+razy|kilkanaście\s+razy|{QTY})\s+(?:w|na|przez)\s+(rok|tydzień|miesiąc|dzień|dobę|godzinę|minutę|sezon|kwartał|roku|tygodniu|miesiącu|dniu|dobie){R}", re.I,
         hint=r"\s(?:w|na|przez)\s+(?:rok|tydzień|miesiąc|dzień|dobę|godzinę|minutę|sezon|kwartał|roku|tygodniu|miesiącu|dniu|dobie)\b", reach=60)
def _set_rate(m: re.Match, text: str) -> Iterator[Atom]:
    """raz w tygodniu, dwa razy w roku, trzy na miesiąc."""
    unit = m[1].lower()
    yield _atom(m, set=SET_UNIT.get(unit) or SET_UNIT.get({"dniu": "dzień", "dobie": "dobę"}.get(unit, unit), "P1D"))


PREFIX = r"(?:(?:w\s+ciągu|przez)\s+(?=(?:najbliższych|ostatnich|kolejnych|następnych|minionych|ubiegłych)\s))?"
MODS = ("ponad prawie niemal blisko przeszło całe całych całą całego niespełna niecałe niecałych "
        "najbliższe najbliższych ostatnie ostatnich kolejne kolejnych następne następnych pierwsze pierwszych "
        "minione minionych ubiegłych dobre dobrych długie długich").split()
DUR_MODS = rf"(?:(?:{_alt(MODS)})\s+){{0,2}}"


SINGULAR = set("rok roku rokiem miesiąc miesiąca miesiącu miesiącem tydzień tygodnia tygodniu tygodniem dzień dnia "
               "dniu dniem godzina godzinie godziną minuta minucie minutą sekunda sekundzie doba dobie".split())
AGE_BEFORE = re.compile(r"(?:wieku|\bma|\bmają|\bmiał\w*|\bmieli|\bmiały|skończy\w*|\bliczy\w*|\(\d+\s+i)\s+"
                        r"(?:(?:od|do|i|ok\.|około|więcej|mniej|niż|ponad|prawie|niespełna|\d+|[-–])\s*){0,4}$")


@pattern(rf"{L}{PREFIX}{DUR_MODS}(?:({QTY})\s*(?:[-–]|do|lub|albo|czy)\s*)?({QTY})(?:\s*-\s*|\s+)({UNIT})(?:(?<=\.)|{R})", re.I, hint=rf"{L}{UNIT}(?:(?<=\.)|{R})", reach=90)
def _duration_qty(m: re.Match, text: str) -> Iterator[Atom]:
    """dwóch miesięcy, 7 latach, pół roku, kilka dni, ponad dziesięć lat, 2000-2500 lat (two atoms); not ages."""
    word = m[3] if m[3] in UNIT_OF else m[3].lower()
    unit = UNIT_OF.get(word)
    number = _number(m[2].lower())
    if unit is None or word in ("s", "h") and not m[2][0].isdigit():
        return
    if isinstance(number, float) and number == int(number) and _ordinal_form(word, int(number)):
        return  # 'w 12 minucie', '26 roku życia', 'do 50 minuty': ordinals
    if unit == "Y" and AGE_BEFORE.search(text, max(0, m.start() - 30), m.start()):
        return
    if m[1]:
        first = _number(m[1].lower())
        yield Atom(m.start(), m.end(1), dict(dur=_duration(first, unit)))
        yield Atom(m.start(2), m.end(), dict(dur=_duration(number, unit)))
    else:
        yield _atom(m, dur=_duration(number, unit))


PAUCAL = set("sekundy minuty godziny doby tygodnie miesiące".split())


def _ordinal_form(word: str, n: int) -> bool:
    """Does the unit's form disagree with the cardinal n, so that n is an ordinal ('12 minucie', '50 minuty')?"""
    if word in SINGULAR:
        return n != 1
    return word in PAUCAL and not (n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14))


PERSON_NOUNS = set("kobieta kobiety kobietę kobiecie kobietą dziewczynka dziewczynki dziewczynkę dziewczynce dziewczynką "
                   "dziewczyna dziewczyny dziewczynę dziewczynie mieszkanka mieszkanki mieszkankę mieszkance matka matki "
                   "córka córki córkę córce żona żony żonę pani kierująca kierującą studentka uczennica nastolatka "
                   "nastolatki emerytka babcia pasażerka piesza turystka aktorka piosenkarka zawodniczka".split())


def _person_follows(text: str, end: int) -> bool:
    """Is the next word a person (masculine-personal noun in Morfeusz, or a listed feminine one)?"""
    from kronika.pipeline.morphology import analyse_word

    m = WORD.search(text, end, end + 40)
    if m is None:
        return False
    word = m[0]
    if word[0].isupper() or word.lower() in PERSON_NOUNS:
        return True
    return any(r.tag.startswith("subst") and ":m1" in r.tag for r in analyse_word(word.lower()))


@pattern(rf"{L}(\d+)-?(?:lecie|lecia|leciu|leciem){R}")
def _anniversary(m: re.Match, text: str) -> Iterator[Atom]:
    """50-lecie: a span of years."""
    yield _atom(m, dur=_duration(float(m[1]), "Y"))


@pattern(rf"{L}(?:od|przed|od\s+wielu|przez\s+wiele)\s+(lat|laty|miesięcy|tygodni){R}", re.I)
def _years_vague(m: re.Match, text: str) -> Iterator[Atom]:
    """od lat, przed laty, od miesięcy, od tygodni: an unspecified number of years (months, weeks)."""
    start = m.start(1) if m[0].split()[1].lower() in ("lat", "laty", "miesięcy", "tygodni") else m.start(0) + len(m[0].split()[0]) + 1
    yield Atom(start, m.end(), dict(dur=_duration("X", UNIT_OF.get(m[1].lower(), "Y"))))


@pattern(rf"{L}(?:cał|niecał)(?:y|ą|e)\s+(dzień|tydzień|miesiąc|rok|minutę|godzinę|dobę){R}", re.I)
def _whole_period(m: re.Match, text: str) -> Iterator[Atom]:
    """cały dzień, niecałą minutę, całą noc."""
    unit = UNIT_OF.get(m[1].lower(), "D")
    yield _atom(m, dur=_duration(1, unit))


@pattern(rf"{L}od\s+(\d{{1,2}})\s+do\s+(\d{{1,2}})(?=\s*(?:[,.;:)]|$|\s(?:w|we|na|po|i|a|oraz|dla|przy|–|-)\s))", re.I)
def _hour_range(m: re.Match, text: str) -> Iterator[Atom]:
    """'od 10 do 12 w szkole': two clock hours (only when no unit or noun follows)."""
    first, second = int(m[1]), int(m[2])
    if 0 <= first < second <= 24 and not AGE_BEFORE.search(text, max(0, m.start() - 30), m.start()):
        yield Atom(m.start(1), m.end(1), dict(h=first, mi=0, rank=4))
        yield Atom(m.start(2), m.end(2), dict(h=second, mi=0, rank=4))


@pattern(rf"{L}(?:(\d+)\s*-?\s*|({_alt(ADJ_STEM)}))?({_alt(ADJ_UNIT)})(?:y|a|e|ego|ej|emu|ym|ą|ych|ymi|ch|m|mi|ą)?{R}", re.I)
def _duration_adj(m: re.Match, text: str) -> Iterator[Atom]:
    """dwudniowych, 3-miesięczną, godzinnym, kilkuminutowy, wieloletnia (not '20-letni': ages)."""
    unit = ADJ_UNIT[m[3].lower()]
    if unit == "Y" and (m[1] or m[2] and m[2].lower() not in ("wielo", "kilku", "kilkunasto", "kilkudziesięcio", "pół", "półtora")) and _person_follows(text, m.end()):
        return  # '38-letni mężczyzna', 'pięcioletnia dziewczynka': ages
    if not (m[1] or m[2]) and unit != "H":
        return
    number = float(m[1]) if m[1] else (ADJ_STEM[m[2].lower()] if m[2] else 1)
    yield _atom(m, dur=_duration(number, unit))


BARE_BEFORE = re.compile(r"(?:\bciągu|\bprzeciągu|\bprzez|\bza|\bna|\bo|\bprzed|\bpo|\bponad|\bod|\bniż|\bzajęło to|"
                         r"\bzajmie|\btrwa\w*|\bcały|\bcałą|\bcałe|\bniecały|\bjeszcze)\s+$", re.I)
BARE_AFTER = re.compile(r"\s+(?:temu|później|wcześniej|po\s|przed\s)")


@pattern(r"(?<!\w)(rok|rokiem|miesiąc|miesiąca|tydzień|tygodnia|godzinę|dobę)(?!\w)(?!\s+\d)", re.I)
def _duration_bare(m: re.Match, text: str) -> Iterator[Atom]:
    """rok, miesiąc, godzinę after 'przez', 'za', 'w ciągu', before 'temu'/'później', or starting a sentence."""
    word, before = m[1], text[max(0, m.start() - 14):m.start()]
    if re.search(r"roku na $", before) or text[m.start()].isupper() and not _sentence_start(text, m.start()):
        return
    cued = BARE_BEFORE.search(before) or BARE_AFTER.match(text, m.end()) or _sentence_start(text, m.start())
    if word.lower() in ("miesiąca", "tygodnia") and not re.search(r"(?:ciągu|ponad|przez|przeciągu)\s+$", before):
        return
    if cued:
        yield _atom(m, dur=_duration(1, UNIT_OF[word.lower()]))


JUTRA_BEFORE = re.compile(r"\b(?:od|do|na|z|przed)\s+$", re.I)


@pattern(rf"{L}({_alt(DAY_REL)})(y|a|e|ego|ej|emu|ym|ą|ych|ymi)?{R}", re.I)
def _day_relative(m: re.Match, text: str) -> Iterator[Atom]:
    """dziś, wczoraj, do jutra, jutrzejszy (not the generic 'w dzisiejszym świecie', 'świat jutra')."""
    if m[2] and (m[2] in ("ym", "ych", "ymi") or not m[1].lower().endswith("sz")):
        return
    if m[1].lower() == "jutra" and not JUTRA_BEFORE.search(text, max(0, m.start() - 8), m.start()):
        return
    yield _atom(m, dayrel=DAY_REL[m[1].lower()], rank=0)


@pattern(rf"{L}({_alt(REF_REL)}){R}", re.I)
def _ref_relative(m: re.Match, text: str) -> Iterator[Atom]:
    """tego dnia, następnego dnia: relative to the last mentioned day."""
    yield _atom(m, refrel=REF_REL[m[1].lower()], rank=0)


@pattern(rf"{L}({_alt(PERIOD_MOD)})\w*\s+({_alt(PERIOD_UNIT)}){R}|{L}(ub\.\s?r(?:oku|\.)|b\.\s?r\.|br\.|ub\.\s?(?:tygodniu|tygodnia|miesiącu|miesiąca))|{L}({_alt(YEAR_ADJ)})\w*{R}", re.I,
         hint=rf"{_alt(PERIOD_UNIT)}|ub\.|b\.|br\.|roczn")
def _period_relative(m: re.Match, text: str) -> Iterator[Atom]:
    """tym roku, ubiegłego miesiąca, przyszłym tygodniu, ub. roku, br., tegoroczny."""
    if m[3]:
        unit = {"t": "W", "m": "M"}.get(m[3].lower().replace(" ", "")[3:4], "Y")
        yield _atom(m, rel=(unit, 0 if m[3].lower().startswith("b") else -1), rank=2)
    elif m[4]:
        yield _atom(m, rel=("Y", YEAR_ADJ[m[4].lower()]), rank=2)
    else:
        word = m[0].split()[0].lower()
        if m[1].lower() == "t" and not re.match(r"t(?:ym|en|ego|ę|ej|ą)$", word):
            return
        yield _atom(m, rel=(PERIOD_UNIT[m[2].lower()], _stem(word, PERIOD_MOD)), rank=2)


@pattern(rf"{L}(\d{{1,2}})\s*(b\.\s?m\.|bm\.|ub\.\s?m\.)", re.I, hint=r"m\.")
def _day_of_relative_month(m: re.Match, text: str) -> Iterator[Atom]:
    """27 bm. (of this month), 12 ub.m. (of last month)."""
    if 1 <= int(m[1]) <= 31:
        yield _atom(m, d=int(m[1]), rel=("M", -1 if m[2].lower().startswith("ub") else 0), rank=3)


@pattern(rf"{L}({_alt(VAGUE_REF)}){R}", re.I)
def _vague(m: re.Match, text: str) -> Iterator[Atom]:
    """ostatnich latach -> xxxx, najbliższych dniach -> xxxx-xx-xx, ostatnim czasie -> PAST_REF."""
    yield _atom(m, value=VAGUE_REF[m[1].lower()], rank=0)


@pattern(rf"{L}(?:(?:ok\.|około|ok)\s+)?(?:godz\.?|godzin(?:a|ie|y|ę|ą)|g\.)\s*(\d{{1,2}})(?:[.:](\d{{2}}))?(?![\d])|"
         rf"(?:(?<![\d.,:/-])|(?<=\d\d-)|(?<=\d\d–))(?:(?:ok\.|około)\s+)?(\d{{1,2}})([:.])(\d{{2}})(?![\d]|[.,]\d)", re.I)
def _clock(m: re.Match, text: str) -> Iterator[Atom]:
    """godz. 20.20, o godzinie 19, 16:45, 10.30 (not before a unit: '2.24 zł')."""
    hour = int(m[1] or m[3])
    minute = int(m[2] or m[5] or 0)
    if hour > 24 or minute > 59:
        return
    if m[3] and (UNIT_AFTER.match(text, m.end()) or not _clock_context(text, m)):
        return
    yield _atom(m, h=hour, mi=minute, rank=4)


@pattern(rf"{L}(?:godz\.?|godzin(?:a|ie|y)|(godzinach|godzinami)|g\.)\s*(\d{{1,2}})(?:[.:](\d{{2}}))?\s*(?:[-–—]|do)\s*"
         rf"(\d{{1,2}})(?:[.:](\d{{2}}))?(?![\d]|[.,]\d)", re.I)
def _clock_range(m: re.Match, text: str) -> Iterator[Atom]:
    """godz. 8-16, w godzinach 9–17.30: both ends; the plural 'godzinach' stays out of the span (KPWr)."""
    times = [(int(m[2]), int(m[3] or 0)), (int(m[4]), int(m[5] or 0))]
    if any(hour > 24 or minute > 59 for hour, minute in times) or UNIT_AFTER.match(text, m.end()):
        return
    first_end = m.end(3) if m[3] else m.end(2)
    yield Atom(m.start(2) if m[1] else m.start(), first_end, dict(h=times[0][0], mi=times[0][1], rank=4))
    yield Atom(m.start(4), m.end(), dict(h=times[1][0], mi=times[1][1], rank=4))


def _clock_context(text: str, m: re.Match) -> bool:
    """A bare '10.30' is a time when near a dash, another time, 'godz', 'od', 'do' or 'o'."""
    before = text[max(0, m.start() - 12):m.start()]
    after = text[m.end():m.end() + 12]
    return bool(re.search(r"(?:godz\w*|[-–—]|\bod|\bdo|\bo|\bok\.|\bw|\bi|\bpo|\bprzed|\bokoło)\s*$", before)
                or re.match(r"\s*(?:[-–—]\s*\d|do\s+\d)", after)) and int(m[3]) <= 23


POD_CUE = re.compile(r"(?:\bw|\bo|\bna|\btej|\bnoc|\bminionej|\bubiegłej|\bzeszłej|\bostatniej|\bnastępnej|\bkolejnej|"
                     r"\bdzisiejsz\w+|\bwczorajsz\w+|\bjutrzejsz\w+|\w+ow[aye]|\w+owej|\bsobotni\w*|\bniedzieln\w+|\bten|\btego)\s+$", re.I)


@pattern(rf"{L}({_alt(PARTS_OF_DAY)}){R}|{L}({_alt(POD_ADJ)})\w*{R}", re.I)
def _part_of_day(m: re.Match, text: str) -> Iterator[Atom]:
    """rano, wieczorem, po południu, nocą, poranną (capitalised only at a sentence start)."""
    if text[m.start()].isupper() and not _sentence_start(text, m.start()):
        return
    if m[1]:
        word = m[1].lower()
        if word in ("noc", "nocy", "południe", "wieczór") and not POD_CUE.search(text, max(0, m.start() - 14), m.start()):
            return
        if word == "południe" and re.search(r"\bna\s+$", text[max(0, m.start() - 4):m.start()], re.I):
            return  # 'na południe': southwards
        yield _atom(m, pod=PARTS_OF_DAY[word], **({"midnight": True} if word == "po północy" else {}))
    else:
        yield _atom(m, pod=POD_ADJ[m[2].lower()])


@pattern(rf"{L}({_alt(SEASONS)}){R}|{L}({_alt(SEASON_ADJ)})(?:y|a|e|ego|ej|emu|ym|ą|ych|ymi|ch|m|mi)?{R}", re.I)
def _season(m: re.Match, text: str) -> Iterator[Atom]:
    """zimą, wiosną, latem, jesienną (capitalised only at a sentence start)."""
    if text[m.start()].isupper() and not _sentence_start(text, m.start()):
        return
    if m[2] == "letni" and re.search(r"\d[\s-]?$", text[max(0, m.start() - 2):m.start()]):
        return
    if m[1] in ("lato", "lecie") and not re.search(r"(?:\bw|\bna|\bprzez|\bto|\bcałe|\btego|\bzeszłym|\bubiegłym|\bprzyszłym|\btym)\s+$", text[max(0, m.start() - 10):m.start()]):
        return
    yield _atom(m, season=SEASONS[m[1]] if m[1] else SEASON_ADJ[m[2]], rank=1)


QUARTER_ORD = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "pierwsz": 1, "drugi": 2, "trzeci": 3, "czwart": 4}


@pattern(rf"{L}(iv|iii|ii|i|pierwsz\w*|drugi\w*|trzeci\w*|czwart\w*)\s+(kwarta\w+|półrocz\w+){R}", re.I)
def _quarter(m: re.Match, text: str) -> Iterator[Atom]:
    """I kwartał, w drugim półroczu: YYYY-Q1, YYYY-H2 (the year joins from what follows)."""
    n = QUARTER_ORD.get(m[1]) or _stem(m[1], QUARTER_ORD)
    half = m[2].startswith("półrocz")
    if n and (not half or n <= 2) and (m[1] not in ("i", "ii", "iii", "iv") or text[m.start()].isupper()):
        yield _atom(m, season=f"{'H' if half else 'Q'}{n}", rank=1)


HOLIDAY_HINT = re.compile("Narodzeni|igili|ylwest|Rok|Król|alentynk|Kobiet|prilis|Pracy|Matki|Dziecka|Ojca|Świętych|"
                          "aduszk|Niepodległ|ndrzejk|ikołajk|arbórk|Wielk|Ciał|Świątk|Poniedział|Lany")


@pattern("|".join(f"({rx})" for rx in HOLIDAYS), hint=HOLIDAY_HINT)
def _holiday(m: re.Match, text: str) -> Iterator[Atom]:
    """Boże Narodzenie -> 12-25, Wielkanoc -> Easter Sunday of the year."""
    key = list(HOLIDAYS.values())[m.lastindex - 1]
    if isinstance(key, int):
        yield _atom(m, easter=key, rank=1)
    else:
        yield _atom(m, m=key[0], d=key[1], rank=1)


@pattern(rf"{L}(?:(?:w\s+)?(?:ten|najbliższy|przyszły|ubiegły|zeszły|ostatni|długi|majowy)\s+)?(?:weekend|weekendu|weekendzie){R}", re.I)
def _weekend(m: re.Match, text: str) -> Iterator[Atom]:
    """weekend, długi weekend, w przyszły weekend."""
    start = m.start() + (len(m[0]) - len(m[0].lstrip("wW ")) if m[0][:2].lower() == "w " else 0)
    rel = _stem(m[0].split()[-2], WD_MOD) if len(m[0].split()) > 1 else 0
    yield Atom(start, m.end(), dict(weekend=rel or 0, rank=0))


# ---------------------------------------------------------------- helpers: sentences and tense

ABBREVIATIONS = "ul al pl os gen płk mjr kpt por sierż prof dr hab mgr inż ks św bp abp im tzw np ok godz nr ust art pkt red"
NOT_ABBREVIATION = "".join(rf"(?<!\b{a})" for a in ABBREVIATIONS.split())
SENT_END = re.compile(rf"(?:{NOT_ABBREVIATION}\.|[!?…])\s+(?=[A-ZĄĆĘŁŃÓŚŹŻ„\"–—-])|\n")


ABBREVIATION_END = re.compile(rf"\b(?:{'|'.join(ABBREVIATIONS.split())})\.[ \"„(–—-]*$", re.I)


def _sentence_start(text: str, pos: int) -> bool:
    """Is `pos` the first word of a sentence (not after 'ul.', 'im.', 'gen.')?"""
    before = text[max(0, pos - 4):pos].rstrip(" \"„(–—-")
    if before[-1:] == ".":
        return not ABBREVIATION_END.search(text, max(0, pos - 12), pos)
    return not before or before[-1] in "!?…\n:"


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence around a span (looks at most 400 characters each way)."""
    lo = max(0, start - 400)
    left = lo
    for match in SENT_END.finditer(text, lo, start):
        left = match.end()
    right = SENT_END.search(text, end, min(len(text), end + 400))
    return left, (right.start() if right else min(len(text), end + 400))


WORD = re.compile(r"\w+")


def _verb_tense(word: str) -> str | None:
    """'past', 'future', 'present' or None, from Morfeusz tags of one word."""
    from kronika.pipeline.morphology import analyse_word

    tags = [r.tag for r in analyse_word(word)]
    if any(t.startswith(("praet", "imps")) for t in tags):
        return "past"
    if any(t.startswith("bedzie") for t in tags) or any(t.startswith("fin") and t.endswith("perf") and not t.endswith("imperf") for t in tags):
        return "future"
    if any(t.startswith("fin") for t in tags):
        return "present"
    return None


def tense_near(text: str, start: int, end: int) -> str | None:
    """Tense of the verb nearest to a span within its sentence."""
    left, right = _sentence(text, start, end)
    words = [(abs((w.start() if w.start() >= end else start) - (w.end() if w.end() <= start else end)), w[0])
             for w in WORD.finditer(text, left, right) if not (start <= w.start() < end) and len(w[0]) > 2]
    for _distance, word in sorted(words):
        tense = _verb_tense(word.lower())
        if tense == "past" and any(w.lower() in FUTURE_AUX for _d, w in words):
            return "future"  # 'będzie gościł'
        if tense:
            return tense
    return None


FUTURE_AUX = {"będzie", "będą", "będę", "będziemy", "będziesz", "będziecie"}


# ---------------------------------------------------------------- resolution


def _easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    """A date, or None when the day does not exist."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _pick_year(anchor: dt.date, month: int, day: int | None, tense: str | None, weekday: int | None = None) -> int:
    """Year of a day-and-month (day None: a whole month): a stated weekday decides, then tense
    (past -> last occurrence, future -> next), otherwise the nearest occurrence."""
    years = (anchor.year - 1, anchor.year, anchor.year + 1)
    if weekday and day:
        matching = [y for y in years if (d := _safe_date(y, month, day)) and d.isoweekday() == weekday]
        if len(matching) == 1:
            return matching[0]
    key, now = ((month, day), (anchor.month, anchor.day)) if day else ((month,), (anchor.month,))
    if tense == "past":
        return anchor.year if key <= now else anchor.year - 1
    if tense == "future":
        return anchor.year if key >= now else anchor.year + 1
    middle = min(day or 15, 28)
    return min(years, key=lambda y: abs((dt.date(y, month, middle) - anchor).days))


def _pick_weekday(anchor: dt.date, weekday: int, rel: int, tense: str | None) -> dt.date:
    """Date of a weekday near the anchor: explicit 'next'/'last', else by tense, else the nearest."""
    delta = (weekday - anchor.isoweekday()) % 7
    after, before = anchor + dt.timedelta(days=delta), anchor - dt.timedelta(days=(7 - delta) % 7)
    if rel > 0:
        return after if delta else anchor + dt.timedelta(days=7)
    if rel < 0:
        return before if delta else anchor - dt.timedelta(days=7)
    if tense == "past":
        return before
    if tense == "future":
        return after
    return after if delta <= 3 else before


def _shift(anchor: dt.date, unit: str, n: int) -> str:
    """Anchor moved by n years/months/weeks/quarters, at that granularity."""
    if unit == "Y":
        return f"{anchor.year + n:04d}"
    if unit in ("M", "Q"):
        months = anchor.year * 12 + anchor.month - 1 + n * (3 if unit == "Q" else 1)
        if unit == "Q":
            return f"{months // 12:04d}-Q{months % 12 // 3 + 1}"
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    if unit == "W":
        year, week, _ = (anchor + dt.timedelta(weeks=n)).isocalendar()
        return f"{year:04d}-W{week:02d}"
    return (anchor + dt.timedelta(days=n)).isoformat()


@dataclass
class _Context:
    """Resolution state: document date, anchor (possibly inferred), last day mentioned."""

    text: str
    anchor: dt.date | None
    anchor_year: int | None
    inferred: bool
    last_day: dt.date | None = None
    last_day_value: str | None = None
    event_day: dt.date | None = None
    last_year: int | None = None
    year_said: tuple[int, int] | None = None  # the last explicit year and where it ended
    last_day_end: int = -999
    used_inferred: bool = False
    inferred_days: set[dt.date] = field(default_factory=set)

    def tense(self, expr: "Expr") -> str | None:
        """Tense around an expression; none after 'na' ('zapowiedziano na 13 sierpnia' names a target date), except
        in 'z soboty na niedzielę' (a night between two days)."""
        if TARGET_BEFORE.search(self.text, max(0, expr.start - 4), expr.start) and not NIGHT_BETWEEN.search(
                self.text, max(0, expr.start - 30), expr.start):
            return None
        return tense_near(self.text, expr.start, expr.end)


TARGET_BEFORE = re.compile(r"\bna\s+$", re.I)
NIGHT_BETWEEN = re.compile(r"\bz\s+\w+\s+na\s+$", re.I)


@dataclass
class Expr:
    """Merged atoms: span plus the union of their fields."""

    start: int
    end: int
    f: dict


Part = tuple[str | None, dt.date | None]  # (value of the calendar part, the day when it is day-exact)


def _day(day: dt.date) -> Part:
    """A day-exact part."""
    return day.isoformat(), day


def _from_last_day(f: dict, ctx: _Context, expr: Expr) -> Part:
    """tego dnia, następnego dnia: relative to the last day mentioned ('5 maja' with no year known: XXXX-05-05
    for 'tego dnia'); with none, only the year is known."""
    if ctx.last_day_value and ctx.last_day_value.startswith("XXXX"):
        return (ctx.last_day_value if f["refrel"] == 0 else "XXXX-XX-XX"), None
    if ctx.last_day:
        ctx.used_inferred |= ctx.last_day in ctx.inferred_days
        return _day(ctx.last_day + dt.timedelta(days=f["refrel"]))
    ctx.used_inferred |= ctx.inferred and ctx.anchor_year is not None
    return f"{ctx.anchor_year or 'XXXX'}-XX-XX", None


def _from_anchor(f: dict, ctx: _Context, expr: Expr) -> Part:
    """dziś, wczoraj, jutro: relative to the anchor."""
    if ctx.anchor is None:
        return ("PRESENT_REF" if f["dayrel"] == 0 else "XXXX-XX-XX"), None
    ctx.used_inferred |= ctx.inferred
    return _day(ctx.anchor + dt.timedelta(days=f["dayrel"]))


def _relative_period(f: dict, ctx: _Context, expr: Expr) -> Part:
    """w tym roku, w ubiegłym miesiącu, maja przyszłego roku."""
    unit, n = f["rel"]
    base = ctx.anchor or (dt.date(ctx.anchor_year, 1, 1) if ctx.anchor_year and unit == "Y" else None)
    if base is None:
        if unit == "Y" and "m" in f:  # `15 marca br.` in an undated article: the day without its year
            return f"XXXX-{f['m']:02d}" + (f"-{f['d']:02d}" if "d" in f else ""), None
        return ("XXXX-XX-" + f"{f['d']:02d}" if unit == "M" and "d" in f else "XXXX"), None
    ctx.used_inferred |= ctx.inferred
    if unit == "W":  # KPWr: a relative week keeps its year, the week number stays unspecified
        return f"{(base + dt.timedelta(weeks=n)).year:04d}-WXX", None
    rel = _shift(base, unit, n)
    if unit == "Y" and ("m" in f or "season" in f):
        return _month_value(f, int(rel), ctx), _exact(f, int(rel))
    if unit == "M" and "d" in f:  # `27 bm.`
        day = _safe_date(int(rel[:4]), int(rel[5:7]), f["d"])
        return (_day(day) if day else (rel, None))
    return rel, None


def _weekend_part(f: dict, ctx: _Context, expr: Expr) -> Part:
    """(długi) weekend: the week of the nearest Saturday."""
    if ctx.anchor is None:
        return "XXXX-WXX-WE", None
    return f"{_pick_weekday(ctx.anchor, 6, f['weekend'], ctx.tense(expr)).year:04d}-WXX-WE", None


def _easter_part(f: dict, ctx: _Context, expr: Expr) -> Part:
    """Wielkanoc and the feasts that move with it."""
    year = f.get("y") or _resolve_year(f, ctx, expr, 4, 1)
    return _day(_easter(year) + dt.timedelta(days=f["easter"])) if year else ("XXXX-XX-XX", None)


def _calendar(f: dict, ctx: _Context, expr: Expr) -> Part:
    """5 stycznia, w listopadzie, zimą, w I kwartale, ostatnia niedziela września (year given or resolved)."""
    year = f.get("y") or _resolve_year(f, ctx, expr, f.get("m", 6), f.get("d", 15))
    if year and f.get("wdord") and "m" in f and "d" not in f:
        day = _nth_weekday(year, f["m"], f["wd"], f["wdord"])
        if day:
            return _day(day)
    return _month_value(f, year, ctx), _exact(f, year)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date | None:
    """The n-th (nth=-1: last) given ISO weekday of a month."""
    first = dt.date(year, month, 1)
    days = [first + dt.timedelta(days=i) for i in range(31) if (first + dt.timedelta(days=i)).month == month]
    matching = [d for d in days if d.isoweekday() == weekday]
    return matching[nth if nth < 0 else nth - 1] if len(matching) >= abs(nth) else None


def _weekday_part(f: dict, ctx: _Context, expr: Expr) -> Part:
    """w środę: the past or coming one, by tense (any one in a habitual sentence)."""
    if ctx.anchor is None or _habitual(ctx.text, expr):
        return f"XXXX-WXX-{f['wd']}", None
    ctx.used_inferred |= ctx.inferred
    return _day(_pick_weekday(ctx.anchor, f["wd"], f.get("wdrel", 0), ctx.tense(expr)))


RESOLVERS: list[tuple[str, Callable[[dict, _Context, Expr], Part]]] = [  # the first field present decides
    ("value", lambda f, ctx, e: (f["value"], None)),
    ("cent", lambda f, ctx, e: (f"{f['cent'] - 1:02d}" + (f"-{f['mod']}" if f.get("mod") else ""), None)),
    ("dec", lambda f, ctx, e: (f["dec"], None)),
    ("refrel", _from_last_day),
    ("dayrel", _from_anchor),
    ("rel", _relative_period),
    ("weekend", _weekend_part),
    ("easter", _easter_part),
    ("m", _calendar),
    ("season", _calendar),
    ("y", lambda f, ctx, e: (f"{f['y']:04d}" + (f"-{f['mod']}" if f.get("mod") else ""), None)),
    ("wd", _weekday_part),
    ("d", lambda f, ctx, e: (f"XXXX-XX-{f['d']:02d}", None)),
]


def _date_part(f: dict, ctx: _Context, expr: Expr) -> Part:
    """Calendar part of a DATE/TIME expression, by the first resolver whose field is present."""
    for key, resolve in RESOLVERS:
        if key in f:
            return resolve(f, ctx, expr)
    return None, None


def _resolve_year(f: dict, ctx: _Context, expr: Expr, month: int, day: int) -> int | None:
    """Year of a date given without one, from the anchor and the tense; none in a habitual sentence."""
    if _habitual(ctx.text, expr):
        return None
    if ctx.anchor is None:
        if ctx.anchor_year:
            ctx.used_inferred = True
        return ctx.anchor_year
    ctx.used_inferred |= ctx.inferred
    if ctx.last_year and abs(ctx.last_year - ctx.anchor.year) > 1:
        return ctx.last_year
    if ctx.year_said and not SENTENCE_END.search(ctx.text, ctx.year_said[1], expr.start):
        return ctx.year_said[0]  # `W 2003 roku zarząd zebrał się 5 marca`
    return _pick_year(ctx.anchor, month, f.get("d") if "m" in f else day, ctx.tense(expr), f.get("wd"))


SENTENCE_END = re.compile(r"[.!?]\s+[A-ZĄĆĘŁŃÓŚŹŻ\-–„\"]|\n")
HABITUAL = re.compile(r"\b(?:rokrocznie|corocznie|(?<!jak )co\s+roku|każdego\s+roku|(?<!jak )(?<!niż )zwykle|"
                      r"zazwyczaj|z\s+reguły|regularnie)\b", re.I)


def _habitual(text: str, expr: Expr) -> bool:
    """Is the expression in a sentence about what recurs ('odbywa się rokrocznie w lipcu', 'zwykle w sobotę')?"""
    return bool(HABITUAL.search(text, *_sentence(text, expr.start, expr.end)))


def _month_value(f: dict, year: int | None, ctx: _Context) -> str:
    """YYYY-MM-DD, YYYY-MM or YYYY-SS (XXXX when the year is unknown)."""
    y = f"{year:04d}" if year else "XXXX"
    if "season" in f:
        return f"{y}-{f['season']}"
    if "d" in f:
        return f"{y}-{f['m']:02d}-{f['d']:02d}"
    return f"{y}-{f['m']:02d}" + (f"-{f['mod']}" if f.get("mod") else "")


def _exact(f: dict, year: int | None) -> dt.date | None:
    """The day, when fields and year pin one down."""
    return _safe_date(year, f["m"], f["d"]) if year and "d" in f and "m" in f else None


def _type(f: dict) -> str:
    """TIMEX3 type from the fields."""
    if "dur" in f:
        return "DURATION"
    if "set" in f:
        return "SET"
    if "h" in f or "pod" in f:
        return "TIME"
    return "DATE"


def _value(expr: Expr, ctx: _Context) -> str:
    """TIMEX3 value of a merged expression; updates the last mentioned day."""
    f = expr.f
    if "dur" in f:
        return f["dur"]
    if "set" in f:
        return f["set"]
    date_value, day = _date_part(f, ctx, expr)
    if f.get("midnight") and day and "dayrel" in f:  # 'dziś po północy': the night after today, i.e. tomorrow
        date_value, day = _day(day + dt.timedelta(days=1))
    if f.get("ye") and "m" in f:
        ctx.last_year = f["y"]
    if f.get("ye") and not _birth_year(expr, ctx.text):
        ctx.year_said = (f["y"], expr.end)
    if day or "m" in f and "d" in f:
        ctx.last_day_value = date_value
    if day:
        ctx.last_day, ctx.last_day_end = day, expr.end
        if ctx.used_inferred:
            ctx.inferred_days.add(day)
        if "h" in f or "pod" in f or "wd" in f:
            ctx.event_day = day
    if "h" not in f and "pod" not in f:
        return date_value or "XXXX"
    if date_value is None:
        date_value = _day_of_time(expr, ctx)
    if "h" in f:
        hour = f["h"] + (12 if f.get("pod") in ("AF", "EV") and f["h"] < 12 else 0)
        return f"{date_value}T{hour:02d}:{f['mi']:02d}"
    return f"{date_value}T{f['pod']}"


def _day_of_time(expr: Expr, ctx: _Context) -> str:
    """The day a bare time of day ('o godz. 18', 'wieczorem') belongs to: the last day mentioned in its sentence,
    else the day of the last timed event, else the last day (even with its year unknown). When the text names no
    day, a reported past event ('o godz. 6 wybuchł pożar') is of the document date; otherwise the day is
    unknown ('' -> KPWr 'T18:00')."""
    gap = ctx.text[max(ctx.last_day_end, 0):expr.start] if ctx.last_day_end >= 0 else "\n"
    near = not any(c in gap for c in "\n);") and not SENT_END.search(ctx.text, ctx.last_day_end, expr.start + 1)
    base = ctx.last_day if near else ctx.event_day or ctx.last_day
    if base is None and ctx.last_day_value:  # a day without a known year: 'xxxx-05-05T12:00'
        return ctx.last_day_value
    if base is None:
        reported = ctx.anchor and not ctx.inferred and ctx.tense(expr) == "past" and not _habitual(ctx.text, expr)
        return ctx.anchor.isoformat() if reported else ""
    ctx.used_inferred |= base in ctx.inferred_days
    return base.isoformat()


# ---------------------------------------------------------------- driver

GAP_MERGE = re.compile(r"[ \t\u00a0,]*(?:(?:o|w|we|po|około|ok\.)[ \t\u00a0]+)?")
GAP_RANGE = re.compile(r"\s*(?:[-–—]|do|i|oraz|lub|albo|a|,|/)\s*")


def _atoms(text: str) -> list[Atom]:
    """Longest non-overlapping atoms, in text order."""
    low = _lower(text)
    found = [atom for p in PATTERNS for m in p.matches(text, low) for atom in p.handler(m, text)]
    found.sort(key=lambda a: (a.start - a.end, a.start))
    taken: list[Atom] = []
    occupied: set[int] = set()
    for atom in found:
        if atom.end > atom.start and not any(i in occupied for i in range(atom.start, atom.end)):
            taken.append(atom)
            occupied.update(range(atom.start, atom.end))
    return sorted(taken, key=lambda a: a.start)


def _can_merge(group: Expr, atom: Atom, text: str) -> bool:
    """May `atom` extend `group` (adjacent, compatible fields, calendar order)?"""
    if "dur" in group.f or "set" in group.f or "dur" in atom.f or "set" in atom.f:
        return False
    gap = GAP_MERGE.fullmatch(text, group.end, atom.start)
    if gap is None:
        return False
    if "pod" in atom.f:
        return "pod" not in group.f and "h" not in group.f and "rank" in group.f
    if "rank" not in group.f:  # only a part of day so far
        return "pod" in group.f and atom.f.get("rank", 9) <= 4 and "h" not in atom.f
    if group.f["rank"] == -1:
        return atom.f.get("rank", 9) in (1, 2, 3) and "d" not in atom.f
    keys = set(atom.f) - {"rank", "ye", "wdrel"}
    return atom.f.get("rank", -9) > group.f["rank"] and not keys & (set(group.f) - {"rank", "ye", "wdrel", "mod"})


def _merge(atoms: list[Atom], text: str) -> list[Expr]:
    """Adjacent compatible atoms joined into expressions; lone modifiers dropped."""
    exprs: list[Expr] = []
    for atom in atoms:
        if exprs and _can_merge(exprs[-1], atom, text):
            last = exprs[-1]
            rank = atom.f.get("rank")
            last.f.update({k: v for k, v in atom.f.items() if k != "rank"})
            if rank is not None and rank > last.f.get("rank", -9):
                last.f["rank"] = rank
            last.end = atom.end
        else:
            exprs.append(Expr(atom.start, atom.end, dict(atom.f)))
    return [e for e in exprs if e.f.get("rank") != -1 or "value" in e.f]


def _share_ranges(exprs: list[Expr], text: str) -> None:
    """'23 marca - 3 kwietnia 2009': the first end of a range takes the year (and month) of the second."""
    for first, second in zip(exprs, exprs[1:]):
        if not GAP_RANGE.fullmatch(text, first.end, second.start):
            continue
        if "y" not in first.f and "rel" not in first.f and ("m" in first.f or "d" in first.f):
            if "y" in second.f:
                first.f["y"] = second.f["y"]
            elif second.f.get("rel", ("",))[0] == "Y" and "m" in second.f:
                first.f["rel"] = second.f["rel"]
        if "d" in first.f and "m" not in first.f and "m" in second.f:
            first.f["m"] = second.f["m"]
        if first.f.get("ye") and "m" in first.f and "m" in second.f and not ({"y", "rel"} & set(second.f)):
            later = (second.f["m"], second.f.get("d", 1)) >= (first.f["m"], first.f.get("d", 1))
            second.f["y"] = first.f["y"] + (0 if later else 1)


def _infer_anchor(exprs: list[Expr], text: str) -> tuple[dt.date | None, int | None]:
    """Without a document date: the latest explicit year (not a birth year: `rocznik 1993 i młodsi`), and the first
    day-and-month placed in it."""
    exprs = [e for e in exprs if not _birth_year(e, text)]
    years = [e.f["y"] for e in exprs if e.f.get("ye") and 1900 <= e.f["y"] <= 2100]
    if not years:
        return None, None
    dated = [e.f["y"] for e in exprs if e.f.get("ye") and "m" in e.f and 1900 <= e.f["y"] <= 2100]
    year = max(dated or years)
    for e in exprs:
        if "m" in e.f and "d" in e.f and "y" not in e.f and "rel" not in e.f:
            return _safe_date(year, e.f["m"], e.f["d"]), year
    full = [_safe_date(e.f["y"], e.f["m"], e.f["d"]) for e in exprs if {"y", "m", "d"} <= set(e.f)]
    full = [d for d in full if d and d.year == year]
    return (max(full) if full else None), year


BIRTH_BEFORE = re.compile(r"(?:rocznik[a-z]*|urodzon[a-z]*|urodził[a-z]*|ur\.|urodzeni[a-z]*)\W*(?:\w+\W+){0,2}$", re.I)
BIRTH_AFTER = re.compile(r"^\W*(?:roku?\W+)?(?:i|lub|oraz)\s+(?:młods|stars)", re.I)


def _birth_year(e: Expr, text: str) -> bool:
    """A year of birth or an age group: `rocznik 1987`, `urodzony w 1950 r.`, `1993 i młodsi`."""
    return bool(BIRTH_BEFORE.search(text[max(0, e.start - 40):e.start]) or BIRTH_AFTER.match(text[e.end:e.end + 30]))


def find_times(text: str, date: dt.date | None = None, *, vague: str | None = "VAGUE",
               set_values: bool = False) -> list[TimeExpression]:
    """Temporal expressions of `text`, normalised against the document `date` (or an anchor inferred from the text).

    Values follow the conventions of the KPWr TIMEX3 annotation:
    - a duration of unspecified length (`kilka godzin`, `od lat`, `wieloletni`) is `VAGUE` (`vague=None`: TIMEX3 `PXH`,
      `PXY`), except a vague offset from an event (`kilka dni po wizycie`), which keeps `PXD`;
    - a SET has no value (None); `set_values=True` gives its TIMEX3 period instead (`co tydzień` -> `P1W`);
    - unknown digits of a date are lower-case `x` (`xxxx-08-31`, `xxxx-Wxx-3`), a relative week is `YYYY-Wxx`,
      a vague stretch is unresolved at its unit (`w ostatnich latach` -> `xxxx`);
    - a time of day takes the day last named in the text; with none it has no date (`T18:00`, `TNI`), except a
      reported past event, which is of the document date (`o godz. 6 wybuchł pożar` -> `2023-03-10T06:00`);
    - `tego dnia` with no day named before it keeps only the year (`2023-xx-xx`);
    - in a habitual sentence (`rokrocznie`, `zazwyczaj`, `co roku`) a month, season or weekday has no year
      (`festiwal odbywa się rokrocznie w lipcu` -> `xxxx-07`).
    """
    exprs = _merge(_atoms(text), text)
    _share_ranges(exprs, text)
    if date is not None:
        ctx = _Context(text, date, date.year, False)
    else:
        anchor, year = _infer_anchor(exprs, text)
        ctx = _Context(text, anchor, year, True)
    out = []
    for e in exprs:
        ctx.used_inferred = False
        value: str | None = _value(e, ctx)
        kind = _type(e.f)
        if kind == "DURATION":
            if vague and "X" in value and not _event_offset(text, e):
                value = vague
        elif kind == "SET":
            value = value if set_values else None
        else:
            value = value.replace("X", "x")
        out.append(TimeExpression(e.start, e.end, text[e.start:e.end], kind, value, ctx.used_inferred))
    return out


OFFSET_AFTER = re.compile(r"\s+(?:po|przed)\s")
OFFSET_NOT_BEFORE = re.compile(r"(?:\bciągu|\bprzez|\bod|\bna|\bdo|\bza|\bprzeciągu)\s+$", re.I)
OFFSET_NOT_START = re.compile(r"(?:w\s+ciągu|przez)\s", re.I)


def _event_offset(text: str, e: Expr) -> bool:
    """'(zaledwie) kilka dni po wizycie': a vague distance from an event, not a stretch of time ('przez kilka dni po')."""
    return bool(OFFSET_AFTER.match(text, e.end)) and not OFFSET_NOT_BEFORE.search(text, max(0, e.start - 12), e.start) \
        and not OFFSET_NOT_START.match(text, e.start)


def times_outside(doc: Doc) -> list[TimeExpression]:
    """Time expressions of the article text, boilerplate excluded, anchored at `doc._.date`."""
    boilerplate = [(s.start, s.end) for s in doc._.get(SECTIONS) or () if s.kind == BOILERPLATE]
    return [
        expr
        for expr in find_times(doc.text, doc._.get(DATE))
        if not any(start < expr.end and expr.start < end for start, end in boilerplate)
    ]


@Language.component("kronika_times", requires=[f"doc._.{SECTIONS}"], assigns=[f"doc._.{TIMES}"])
def times_component(doc: Doc) -> Doc:
    """Set `doc._.times`."""
    doc._.set(TIMES, times_outside(doc))
    return doc
