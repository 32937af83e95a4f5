"""Events: who did what to whom, when and where, with a small taxonomy mapped to CAMEO codes.

One linear pass over the tokens finds triggers by Morfeusz lemma (verbs and their nominalisations,
tables precomputed below); each trigger gets a clause (the stretch of its sentence between clause
breaks), and from the clause its participants (entity mentions, by preposition and position),
time (from `doc._.times`), place (a place entity after `w`/`na`/`do`) and status. A trigger that
refers back to an earlier event (`spotkanie` after `spotkali się`) becomes a mention of that event
instead of a new one. Taxonomy and conventions: docs/events.md.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from kronika.extensions import ENTITIES, EVENTS, QUOTES, READINGS, TIMES
from kronika.pipeline.structure import boilerplate_mask

# ---------------------------------------------------------------- taxonomy

# type -> CAMEO code (None: a non-CAMEO kind, evaluated by its type word).
CAMEO = {
    "statement": "010",
    "appeal": "020",
    "intent_to_meet": "036",
    "consult": "040",
    "phone_call": "041",
    "visit": "042",
    "host": "043",
    "invitation": "043",
    "meeting": "044",
    "negotiation": "046",
    "praise": "051",
    "agreement": "057",
    "demand": "100",
    "criticism": "111",
    "accusation": "112",
    "threat": "130",
    "protest": "140",
    "arrest": "173",
    "attack": "180",
    "military_attack": "190",
    "election": None,
    "appointment": None,
    "resignation": None,
    "other": None,
}
# Types a later trigger may be a mention of (a `rozmowa` can be the phone call or the meeting).
CORE_TYPES = {
    "consult": {"consult", "phone_call", "meeting", "visit", "negotiation"},
    "meeting": {"meeting", "visit", "host"},
    "negotiation": {"negotiation", "consult", "meeting"},
    "visit": {"visit"},
}
# Meeting-like types that turn into `intent_to_meet` when planned.
MEETING_TYPES = frozenset({"consult", "phone_call", "visit", "meeting", "negotiation"})

# Trigger lemmas: lemma -> type. Verbs and nouns share one table; conditions are checked in `_accept`.
TRIGGERS = {
    **dict.fromkeys("rozmawiać porozmawiać rozmowa konsultacja konsultować naradzać".split(), "consult"),
    **dict.fromkeys("zadzwonić dzwonić zatelefonować telefonować".split(), "phone_call"),
    **dict.fromkeys("spotkać spotykać spotkanie zebranie narada obradować obrady posiedzenie sesja konwent zjazd".split(), "meeting"),
    **dict.fromkeys("wizyta odwiedzić odwiedzać przyjechać przybyć przylecieć".split(), "visit"),
    **dict.fromkeys("gościć".split(), "host"),
    **dict.fromkeys("zaprosić zapraszać zaproszenie".split(), "invitation"),
    **dict.fromkeys("negocjować negocjacja pertraktacja rokowanie".split(), "negotiation"),
    **dict.fromkeys("uzgodnić porozumieć porozumienie umowa ugoda dogadać pakt koalicja".split(), "agreement"),
    **dict.fromkeys("zaapelować apelować apel poprosić prosić prośba".split(), "appeal"),
    **dict.fromkeys("żądać zażądać domagać żądanie nakazać wnosić wnieść".split(), "demand"),
    **dict.fromkeys("podziękować dziękować podziękowanie pochwalić chwalić pogratulować gratulować gratulacja".split(), "praise"),
    **dict.fromkeys("skrytykować krytykować krytyka potępić potępiać potępienie zastrzeżenie".split(), "criticism"),
    **dict.fromkeys("zarzucić zarzucać oskarżyć oskarżać obwinić obwiniać oskarżenie zarzut skarga zawiadomienie pozew".split(), "accusation"),
    **dict.fromkeys("zagrozić grozić pogrozić groźba ultimatum".split(), "threat"),
    **dict.fromkeys("protestować zaprotestować protest strajk strajkować pikieta pikietować demonstracja manifestacja głodówka zamieszki".split(), "protest"),
    **dict.fromkeys("zatrzymać zatrzymanie aresztować aresztowanie areszt ująć złapać".split(), "arrest"),
    **dict.fromkeys("zaatakować atakować napaść napadać napad pobić pobicie zabić zamordować zastrzelić zabójstwo morderstwo zamach postrzelić przemoc gwałt bomba".split(), "attack"),
    **dict.fromkeys("zbombardować bombardować ostrzelać ostrzeliwać ostrzał nalot inwazja".split(), "military_attack"),
    **dict.fromkeys("wybory wybór wybrać referendum zwyciężyć mandat".split(), "election"),
    **dict.fromkeys("powołać mianować nominować nominacja powołanie".split(), "appointment"),
    **dict.fromkeys("zrezygnować rezygnacja ustąpić dymisja zdymisjonować odwołać zrzec odejść".split(), "resignation"),
    **dict.fromkeys("zostać objąć obejmować przejąć".split(), "appointment"),
    **dict.fromkeys("skazać uniewinnić uchwalić wyrok uchwała".split(), "other"),
}
# Triggers that need `się` nearby (`spotkać się`, `porozumieć się`), or must not have it (`wybrać się`).
NEEDS_SIE = frozenset({"spotkać", "spotykać", "porozumieć", "dogadać", "domagać", "naradzać"})
NO_SIE = frozenset({"wybrać", "zatrzymać", "odwołać", "zabić", "przyjechać"})
# Nouns that are events only with a verb of doing (`podpisać umowę`, `postawić zarzut`).
NEEDS_VERB = {
    "umowa": frozenset({"podpisać", "zawrzeć", "parafować", "podpisywać"}),
    "ugoda": frozenset({"podpisać", "zawrzeć"}),
    "zarzut": frozenset({"postawić", "przedstawić", "usłyszeć", "stawiać"}),
    "areszt": frozenset({"trafić", "aresztować", "zastosować", "osadzić", "tymczasowy"}),
    "pakt": frozenset({"podpisać", "zawrzeć", "podpisanie", "przypieczętować"}),
    "koalicja": frozenset({"zawrzeć", "przypieczętować", "podpisać", "zawiązać", "utworzyć"}),
    "bomba": frozenset({"podłożyć", "zdetonować", "wybuchnąć", "podkładać"}),
    "skarga": frozenset({"złożyć", "trafić", "wnieść", "skierować"}),
    "zawiadomienie": frozenset({"złożyć", "przestępstwo"}),
    "pozew": frozenset({"złożyć", "wnieść", "skierować"}),
    "zastrzeżenie": frozenset({"mieć", "zgłosić", "zgłaszać", "wnieść"}),
    "wyrok": frozenset({"zapaść", "wydać", "ogłosić", "prawomocny", "skazujący"}),
    "uchwała": frozenset({"przejść", "przyjąć", "podjąć", "uchwalić"}),
    "prośba": frozenset({"spełnić", "zwrócić", "wystosować"}),
    "gwałt": frozenset({"dopuścić", "dokonać", "popełnić"}),
}
# Verbs of travel are visits only with a destination (and a person or organisation travelling).
TRAVEL = frozenset({"przyjechać", "przybyć", "przylecieć"})
# `zostać prezesem`, `objąć stanowisko`: an appointment only with a function noun.
OFFICE_NOUNS = frozenset(
    "prezydent wiceprezydent premier wicepremier minister wiceminister podsekretarz sekretarz marszałek wicemarszałek"
    " prezes wiceprezes przewodniczący przewodnicząca kierownik kierowniczka dyrektor dyrektorka szef szefowa"
    " burmistrz wójt starosta wicestarosta wojewoda wicewojewoda komendant naczelnik rzecznik doradca zastępca członek"
    " ambasador kanclerz skarbnik sołtys prokurator sędzia radny poseł senator".split()
)
POST_NOUNS = frozenset({"stanowisko", "funkcja", "urząd", "teka", "kierownictwo", "posada", "fotel", "mandat"})
LEAVE_FROM = frozenset({"praca", "stanowisko", "funkcja", "urząd", "rząd", "zarząd", "teka"})
# Nouns after `spotkać się z` that make it a reception, not a meeting (`spotkało się z krytyką`).
RECEPTION = frozenset({"krytyka", "sprzeciw", "aprobata", "uznanie", "zainteresowanie", "odmowa", "reakcja", "odzew", "protest", "poparcie", "entuzjazm", "niechęć", "zrozumienie"})
# Types that need at least one named participant to count.
NEEDS_PARTICIPANT = frozenset({"consult", "threat", "appointment", "resignation"})
PHONE_CUES = frozenset({"telefonicznie", "telefon", "telefoniczny"})
INTENT_WORDS = frozenset(
    "gotowość zamierzać zamiar planować zaplanować plan chcieć zapowiedzieć zapowiadać zaproponować"
    " propozycja zgodzić gotowy zapowiadany planowany zaplanowany przyszły".split()
)
CONDITIONAL = frozenset({"gdyby", "jeśli", "jeżeli", "jakby", "gdyż_"})
NEGATION = frozenset({"nie"})
# Words that make a sentence a sports report (sports results are not events).
SPORT = frozenset(
    "mecz bramka gol trener piłkarz piłkarski zawodnik drużyna liga turniej sezon remis kibic boisko"
    " zespół_ siatkarz koszykarz hokeista skoczek".split()
)
SCORE = re.compile(r"\b\d{1,3}:\d{1,3}\b")
# Clause breaks: punctuation and subordinators that open a new clause.
BREAK_PUNCT = frozenset({",", ";", ":", "–", "—", "-", "\"", "„", "”", "?", "!"})
SUBORDINATORS = frozenset({"że", "który", "aby", "żeby", "by", "gdy", "kiedy", "ponieważ", "bo", "choć", "chociaż", "jeśli", "jeżeli", "gdyby", "ale", "lecz", "a", "iż"})
PLACE_PREPS = frozenset({"w", "we", "na"})
SETTING_PREPS = frozenset({"w", "we", "na", "o", "po", "podczas", "przy", "od", "dla", "za", "przed", "pod", "nad", "u", "wobec", "wśród", "do", "według", "wg", "między", "spośród", "bez", "około", "ponad", "poza", "dzięki"})
ROLE_HEADS = frozenset(
    "prezydent premier przywódca lider szef minister kanclerz król dyktator ambasador marszałek".split()
)
PARTICIPANT_TYPES = frozenset({"person", "organization"})
NOUN_POS = frozenset({"subst", "ger", "depr"})
VERB_POS = frozenset({"fin", "praet", "impt", "imps", "inf", "bedzie", "pcon", "pant", "ppas", "pact", "winien"})
NP_POS = frozenset({"subst", "adj", "adja", "ger", "depr", "num", "numcol", "ppas", "pact", "ign", "brev", "xxx"})


# ---------------------------------------------------------------- output


@dataclass(slots=True)
class Participant:
    entity: str | None
    name: str
    role: str  # source | target | co-participant

    def to_json(self) -> dict:
        return {"entity": self.entity, "name": self.name, "role": self.role}


@dataclass(slots=True)
class Trigger:
    start: int
    end: int
    text: str
    lemma: str

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "lemma": self.lemma}


@dataclass(slots=True)
class Event:
    """One real-world event; `start`/`end` on its first trigger, later references in `mentions`."""

    type: str
    cameo: str | None
    participants: list[Participant]
    time: str | None
    place: str | None
    status: str  # occurred | intended | negated | reported | hypothetical
    start: int
    end: int
    trigger: Trigger
    mentions: list[tuple[int, int]] = field(default_factory=list)
    quote: int | None = None  # index into doc._.quotes (statements)

    def to_json(self) -> dict[str, Any]:
        data = {
            "type": self.type,
            "cameo": self.cameo,
            "participants": [p.to_json() for p in self.participants],
            "time": self.time,
            "place": self.place,
            "status": self.status,
            "start": self.start,
            "end": self.end,
            "mentions": [{"start": a, "end": b} for a, b in self.mentions],
            "trigger": self.trigger.to_json(),
        }
        if self.quote is not None:
            data["quote"] = self.quote
        return data


# ---------------------------------------------------------------- finder


def _pos(tag: str) -> str:
    return tag.split(":", 1)[0]


def _case(tag: str) -> str | None:
    for part in tag.split(":")[1:]:
        for c in part.split("."):
            if c in ("nom", "gen", "dat", "acc", "inst", "loc", "voc"):
                return c
    return None


class _Finder:
    def __init__(self, doc: Doc, statements: bool = False):
        self.doc = doc
        self.statements = statements
        n = len(doc)
        self.lemma = [t.lemma_.lower() for t in doc]
        self.low = [t.text.lower() for t in doc]
        self.tag = [t.tag_ for t in doc]
        self.pos = [_pos(t) for t in self.tag]
        self.idx = [t.idx for t in doc]
        self.skip = boilerplate_mask(doc)
        self.sent = [0] * n
        self.sent_bounds: list[tuple[int, int]] = []
        for k, s in enumerate(doc.sents):
            self.sent_bounds.append((s.start, s.end))
            for i in range(s.start, s.end):
                self.sent[i] = k
        self.entities = doc._.get(ENTITIES) or []
        # token -> (entity, mention) for every entity mention
        self.ment: list[tuple[Any, Any] | None] = [None] * n
        self.ment_start: dict[int, tuple[int, Any, Any]] = {}
        spans = []
        for ent in self.entities:
            for m in ent.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None:
                    spans.append((span.end - span.start, ent.type == "person", span.start, span.end, ent, m))
        # shorter mentions first, so a longer one (`rosyjskiego prezydenta` over `rosyjskiego`) wins
        for _len, _person, s, e, ent, m in sorted(spans, key=lambda x: (x[0], x[1])):
            self.ment_start[s] = (e, ent, m)
            for i in range(s, e):
                self.ment[i] = (ent, m)
        for s in [s for s, (e, ent, m) in self.ment_start.items() if self.ment[s][1] is not m]:
            del self.ment_start[s]
        readings = doc._.get(READINGS)
        self.plural = [":pl:" in t for t in self.tag]
        if readings:
            for i, rs in enumerate(readings):
                if rs and any(":pl:" in r.tag for r in rs):
                    self.plural[i] = True
        self.quotes = doc._.get(QUOTES) or []
        self.times = [t for t in (doc._.get(TIMES) or []) if t.value]
        self.by_name = {e.name: e for e in self.entities}

    # ------------------------------------------------------------ helpers

    def sentence_has_sport(self, k: int) -> bool:
        a, b = self.sent_bounds[k]
        if SCORE.search(self.doc.text[self.idx[a]: self.idx[b - 1] + len(self.doc[b - 1].text)]):
            return True
        return any(self.lemma[i] in SPORT for i in range(a, b))

    def clause(self, i: int) -> tuple[int, int]:
        a, b = self.sent_bounds[self.sent[i]]
        s = i
        while s > a and not self._break(s - 1, left=True):
            s -= 1
        e = i + 1
        while e < b and not self._break(e, left=False):
            e += 1
        return s, e

    def _break(self, j: int, left: bool) -> bool:
        t = self.low[j]
        if t in BREAK_PUNCT or self.doc[j].is_space:
            # a comma inside a coordination of names does not end the clause
            if t == "," and 0 < j < len(self.doc) - 1 and self.ment[j - 1] and self.ment[j + 1]:
                return False
            return True
        return self.lemma[j] in SUBORDINATORS and not left

    def near(self, i: int, words: frozenset, before: int, after: int, lemmas: bool = True) -> int | None:
        a, b = self.sent_bounds[self.sent[i]]
        seq = self.lemma if lemmas else self.low
        for j in range(max(a, i - before), min(b, i + after + 1)):
            if j != i and seq[j] in words:
                return j
        return None

    def in_quote(self, char: int):
        for q_i, q in enumerate(self.quotes):
            if q.start <= char < q.end:
                return q_i, q
        return None

    # ------------------------------------------------------------ triggers

    def accept(self, i: int) -> str | None:
        lemma, pos = self.lemma[i], self.pos[i]
        etype = TRIGGERS.get(lemma)
        if etype is None or (pos not in VERB_POS and pos not in NOUN_POS):
            return None
        is_verb = pos in VERB_POS and pos != "ger"
        if lemma in NEEDS_SIE and is_verb and self.near(i, frozenset({"się"}), 3, 3, lemmas=False) is None:
            return None
        if lemma in NO_SIE and self.near(i, frozenset({"się"}), 0, 1, lemmas=False) is not None:
            return None
        if lemma in NEEDS_VERB and self.near(i, NEEDS_VERB[lemma], 4, 2) is None:
            return None
        if lemma in ("prosić", "poprosić", "wnosić", "wnieść") and self.near(i, frozenset({"o", "aby", "żeby", "by"}), 0, 5) is None:
            return None
        if pos in ("ppas", "pact") and etype != "attack" and self.near(i, frozenset({"zostać", "być"}), 3, 2) is None:
            return None  # `oskarżony`, `zatrzymany` as adjectives/nouns
        if lemma in TRAVEL:
            if not any(self.lemma[j] in ("do", "na") for j in range(i + 1, min(len(self.doc), i + 4))):
                return None
        if lemma == "zatrzymać" or lemma == "zatrzymanie" or lemma == "ująć":
            if not self._arrest_context(i):
                return None
        if lemma in ("grozić", "groźba") and self.near(i, frozenset({"kara", "więzienie", "grzywna", "rok", "niebezpieczeństwo", "zawalenie"}), 0, 6):
            return None  # `grozi mu kara` is a penalty, not a threat
        if lemma in ("wybrać",) and self.near(i, frozenset({"na", "przewodniczący", "prezes", "prezydent", "burmistrz", "wójt", "radny", "poseł"}), 0, 4) is None:
            return None
        if lemma == "odwołać" and not any(self.ment[j] for j in range(i + 1, min(len(self.doc), i + 4))) \
                and self.near(i, frozenset({"stanowisko", "funkcja", "urząd"}), 0, 4) is None:
            return None
        if lemma in ("dzwonić", "zadzwonić", "telefonować", "zatelefonować") and self.near(i, frozenset({"do"}), 0, 3) is None:
            return None
        if self.ment[i] is not None and lemma not in ("wybory",):
            return None  # inside a name (`Porozumienie Samorządowe`)
        if lemma in ("spotkać", "spotykać") and self.near(i, RECEPTION, 0, 4) is not None:
            return None
        if lemma == "wybór" and not self.plural_tag(i):
            return None
        if lemma in ("wybory", "wybór") and self.governing_prep(i, max(0, i - 3)) in ("po", "przed", "z", "na", "podczas", "do", "od", "dla"):
            return None  # `po wyborach`: a time setting, not the election itself
        if self.near(i, frozenset({"by", "aby", "żeby", "móc"}), 2, 0) is not None and pos in VERB_POS:
            return None  # purpose or possibility (`by wybrać`, `mogą zwyciężyć`)
        if self.in_title_quote(i):
            return None
        if lemma in ("zwyciężyć", "mandat") and self.near(i, frozenset({"wybory", "wybór", "głos", "uzyskać", "zdobyć"}), 40, 40) is None:
            return None
        if lemma == "sesja" and self.near(i, frozenset({"rada", "sejmik", "radny", "ostatni", "nadzwyczajny", "absolutoryjny", "budżetowy"}), 3, 3) is None:
            return None
        if lemma == "zostać":
            if not any(self.lemma[j] in OFFICE_NOUNS and _case(self.tag[j]) == "inst"
                       for j in range(max(0, i - 8), min(len(self.doc), i + 4)) if self.sent[j] == self.sent[i]):
                return None
        if lemma in ("objąć", "obejmować", "przejąć") and self.near(i, POST_NOUNS, 0, 6) is None:
            return None
        if lemma == "odejść" and self.near(i, LEAVE_FROM, 0, 3) is None:
            return None
        if lemma == "zrzec" and self.near(i, frozenset({"się"}), 1, 1, lemmas=False) is None:
            return None
        if etype == "consult" and self.near(i, PHONE_CUES, 3, 3) is not None:
            etype = "phone_call"
        if lemma == "rozmowa" and self.pos[i] == "subst" and self.tag[i].split(":")[1] == "pl" and etype == "consult":
            etype = "negotiation" if self.near(i, frozenset({"prowadzić", "podjąć", "rozpocząć", "toczyć"}), 3, 1) else etype
        return etype

    def in_title_quote(self, i: int) -> bool:
        """Inside a short quoted title or slogan (`pod hasłem "Prezydent Lubina zaprasza"`)."""
        a, b = self.sent_bounds[self.sent[i]]
        left = [k for k in range(max(a, i - 4), i) if self.low[k] in ("\"", "“", "„", "«")]
        right = [k for k in range(i + 1, min(b, i + 4)) if self.low[k] in ("\"", "”", "»")]
        return bool(left and right) and any(self.lemma[k] in ("hasło", "tytuł", "slogan", "pod") for k in range(max(a, left[0] - 3), left[0]))

    def _geographic(self, k: int) -> bool:
        """Morfeusz knows the name's head as geographic (`Petersburgu`), whatever type NER gave it."""
        readings = self.doc._.get(READINGS)
        return bool(readings) and any("nazwa_geograficzna" in r.names for r in readings[k] or ())

    def plural_tag(self, i: int) -> bool:
        return ":pl:" in self.tag[i]

    def _arrest_context(self, i: int) -> bool:
        a, b = self.sent_bounds[self.sent[i]]
        cues = {"policja", "policjant", "funkcjonariusz", "prokuratura", "straż", "żandarmeria", "uop", "cbś", "abw", "podejrzany", "areszt", "złodziej", "sprawca", "złodziejka"}
        pa = self.sent_bounds[max(0, self.sent[i] - 1)][0]
        if any(self.lemma[j] in cues for j in range(pa, b)):
            return True
        return any(self.ment[j] and self.ment[j][0].type == "person" for j in range(i + 1, min(b, i + 5)))

    # ------------------------------------------------------------ arguments

    def governing_prep(self, j: int, floor: int) -> str | None:
        k = j - 1
        steps = 0
        while k >= floor and steps < 6:
            if self.pos[k] == "prep":
                return self.lemma[k]
            if self.pos[k] in NP_POS or self.ment[k] or self.low[k] in ("i", "oraz", ","):
                k -= 1
                steps += 1
                continue
            return None
        return None

    def mentions_in(self, a: int, b: int) -> list[tuple[int, int, Any, Any]]:
        out = []
        j = a
        while j < b:
            hit = self.ment_start.get(j)
            if hit:
                end, ent, m = hit
                out.append((j, end, ent, m))
                j = max(end, j + 1)
            else:
                j += 1
        return out

    def participants(self, i: int, a: int, b: int, etype: str) -> tuple[list[Participant], list[int]]:
        parts: list[Participant] = []
        used_tokens: list[int] = []
        is_noun = self.pos[i] in NOUN_POS
        seen: set[str] = set()

        def add(ent, role):
            if ent.id in seen or not ent.name[:1].isupper():
                return
            seen.add(ent.id)
            parts.append(Participant(ent.id, ent.name, role))

        for s, e, ent, m in self.mentions_in(a, b):
            if s <= i < e:
                continue
            prep = self.governing_prep(s, i + 1 if s > i else a)
            case = _case(self.tag[s]) or _case(self.tag[e - 1])
            if ent.type not in PARTICIPANT_TYPES:
                # a country as an actor (`Rosja zaatakowała Ukrainę`), never a place phrase or a genitive
                if ent.type != "place" or prep is not None or case not in ("nom", "acc") or etype in ("visit", "meeting", "host", "invitation"):
                    continue
            if prep in ("z", "ze"):
                add(ent, "co-participant")
            elif prep in ("przez",):
                add(ent, "source")
            elif prep == "do" and etype in ("phone_call", "appeal", "invitation"):
                add(ent, "target")
            elif prep is not None:
                continue
            elif is_noun:
                if s > i and (case == "gen" or self._gen_chain(i, s)):
                    add(ent, "source")
                elif s < i and case == "nom" and self._subject_of_noun(i):
                    add(ent, "source")
            else:
                if case == "gen" and s > i and not self._follows_trigger(i, s):
                    continue
                role = "source" if (s < i and case in (None, "nom")) or (s > i and case == "nom") else "target"
                add(ent, role)
            used_tokens.append(s)
        # role phrases for several countries' leaders: `przywódcy Rosji i Białorusi`
        for j in range(a, b):
            if self.lemma[j] in ROLE_HEADS and self.plural[j] and not self.ment[j]:
                prep = self.governing_prep(j, a)
                if prep is not None and prep not in ("z", "ze"):
                    continue
                for ent in self._leaders(j, b):
                    add(ent, "co-participant" if prep else ("source" if j < i else "target"))
        return parts, used_tokens

    def _follows_trigger(self, i: int, s: int) -> bool:
        return all(self.pos[k] in NP_POS or self.low[k] in ("się",) for k in range(i + 1, s))

    def _gen_chain(self, i: int, s: int) -> bool:
        return all(self.pos[k] in NP_POS or self.ment[k] or self.low[k] in ("i", "oraz", ",") for k in range(i + 1, s))

    def _subject_of_noun(self, i: int) -> bool:
        # `X odbył wizytę`: a verb between the subject and the noun
        return any(self.lemma[k] in ("odbyć", "złożyć", "prowadzić", "zorganizować", "podpisać", "zawrzeć",
                                     "rozpocząć", "ogłosić", "wystosować", "postawić", "przedstawić",
                                     "przeprowadzić", "złożyć", "wyrazić")
                   for k in range(max(0, i - 4), i))

    def _leaders(self, j: int, b: int) -> list[Any]:
        """Person entities whose roles name the countries listed after a plural role noun."""
        found = []
        k = j + 1
        while k < b and (self.ment[k] or self.low[k] in ("i", "oraz", ",") or self.pos[k] in ("adj",)):
            hit = self.ment[k]
            if hit and hit[0].type in ("place", "organization"):
                country_forms = {hit[1].text.lower(), hit[0].name.lower()}
                for ent in self.entities:
                    if ent.type != "person":
                        continue
                    texts = [r.lower() for r in ent.roles] + [m.text.lower() for m in ent.mentions if m.kind == "role"]
                    if any(any(w in r.split() for w in country_forms) or
                           any(f in r for f in country_forms) for r in texts):
                        if ent not in found:
                            found.append(ent)
            k += 1
        return found

    def place(self, i: int, a: int, b: int, etype: str) -> str | None:
        for s, e, ent, m in self.mentions_in(a, b):
            if s <= i < e or not (ent.type in ("place", "geo") or self._geographic(e - 1)):
                continue
            prep = self.governing_prep(s, a)
            if prep is None:
                continue
            if prep in PLACE_PREPS and _case(self.tag[s]) in ("loc", None):
                return ent.name
            if prep == "do" and etype in ("visit", "invitation"):
                return ent.name
        return None

    def time(self, i: int, a: int, b: int, etype: str) -> str | None:
        ca, cb = self.idx[a], self.idx[b - 1] + len(self.doc[b - 1].text)
        inside = [t for t in self.times if ca <= t.start and t.end <= cb]
        dated = self.doc._.get("date") is not None
        points = [t for t in inside if t.type in ("DATE", "TIME") and _known(t.value)
                  and (dated or any(ch.isdigit() for ch in t.text))]
        if not points:  # a timeline line: `15 sierpnia - spotkanie ...`
            sa = self.sent_bounds[self.sent[i]][0]
            points = [t for t in self.times if t.type in ("DATE", "TIME") and _known(t.value)
                      and self.idx[sa] <= t.start < self.idx[min(sa + 2, len(self.doc) - 1)] + 1
                      and any(ch.isdigit() for ch in t.text) and t.start < self.idx[a]]
        if etype == "intent_to_meet":
            for t in inside:
                if t.type == "DURATION" and re.search(r"w ciągu|w przeciągu|przez najbliższ", t.text, re.I):
                    sa = self.idx[self.sent_bounds[self.sent[i]][0]]
                    anchors = [p for p in self.times if p.type in ("DATE", "TIME") and sa <= p.start < t.start and _known(p.value)]
                    anchor = _date_part(anchors[-1].value) if anchors else (self.doc._.get("date").isoformat() if self.doc._.get("date") else None)
                    return f"{anchor}/{t.value}" if anchor else t.value
        if not points:
            return None
        if len(points) >= 2:
            first, last = points[0], points[-1]
            between = self.doc.text[first.end:last.start].strip().lower()
            if between in ("i", "oraz", "-", "–", "do", "a") and first.value != last.value:
                return f"{_date_part(first.value)}/{_date_part(last.value)}"
        tpos = self.idx[i]
        best = min(points, key=lambda t: abs(t.start - tpos))
        return best.value

    def status(self, i: int, a: int, b: int, etype: str) -> str:
        if any(self.low[k] == "nie" for k in range(max(a, i - 3), i)):
            return "negated"
        if self._intended(i, a):
            return "intended"
        if any(self.low[k] in CONDITIONAL for k in range(a, b)) or any(
                self.low[k] == "by" for k in range(max(a, i - 2), min(b, i + 3))):
            return "hypothetical"
        if self.in_quote(self.idx[i]):
            return "reported"
        return "occurred"

    def _intended(self, i: int, a: int) -> bool:
        if self.pos[i] == "bedzie" or (self.pos[i] == "fin" and self.tag[i].endswith(":perf")):
            return True
        if any(self.pos[k] == "bedzie" or (self.lemma[k] == "zostać" and self.pos[k] == "fin")
               for k in range(max(a, i - 3), i)):
            return True
        return any(self.lemma[k] in INTENT_WORDS for k in range(max(a, i - 5), i))

    # ------------------------------------------------------------ main pass

    def run(self) -> list[Event]:
        events: list[Event] = []
        last_meeting: Event | None = None
        sport_cache: dict[int, bool] = {}
        prev_event_in_sentence: dict[int, Event] = {}
        n = len(self.doc)
        i = 0
        while i < n:
            if self.skip[i] or self.lemma[i] not in TRIGGERS:
                i += 1
                continue
            etype = self.accept(i)
            if etype is None:
                i += 1
                continue
            k = self.sent[i]
            if k not in sport_cache:
                sport_cache[k] = self.sentence_has_sport(k)
            if sport_cache[k]:
                i += 1
                continue
            a, b = self.clause(i)
            status = self.status(i, a, b, etype)
            if etype in MEETING_TYPES and status == "intended":
                etype = "intent_to_meet"
            parts, _ = self.participants(i, a, b, etype)
            is_noun = self.pos[i] in NOUN_POS
            quote = self.in_quote(self.idx[i])
            # first person inside a quote: the speaker (and, for `my`, the partner of the last meeting)
            person = self._person(i)
            if quote and person and quote[1].speaker_entity:
                spk = next((e for e in self.entities if e.id == quote[1].speaker_entity), None)
                if spk is not None:
                    parts.insert(0, Participant(spk.id, spk.name, "source"))
                    if person == "pl" and last_meeting is not None:
                        for p in last_meeting.participants:
                            if p.entity != spk.id:
                                parts.append(Participant(p.entity, p.name, "co-participant"))
            if etype == "consult" and any(self.low[k] in ("nam", "nas", "nami") for k in range(a, b)) and not quote:
                i += 1
                continue
            if (not is_noun or (etype in ("resignation", "appointment") and not parts)) and not any(p.role == "source" for p in parts):
                inherited = self._inherit_source(i, prev_event_in_sentence.get(k))
                parts = inherited + parts
            parts = _dedupe(parts)
            time = self.time(i, a, b, etype)
            place = self.place(i, a, b, etype)
            start, end = self.idx[i], self.idx[i] + len(self.doc[i].text)
            # a later reference to an earlier event becomes one of its mentions
            target = self._antecedent(events, etype, is_noun, time, place, parts, i)
            if target is not None:
                target.mentions.append((start, end))
                if target.place is None and place:
                    target.place = place
                i += 1
                continue
            if etype in NEEDS_PARTICIPANT and not parts:
                i += 1
                continue
            if etype in ("meeting", "host") and place is None and last_meeting is not None \
                    and last_meeting.type == "invitation" and last_meeting.place \
                    and self.sent[i] - self._sent_of(last_meeting) <= 2:
                place = last_meeting.place
            event = Event(etype, CAMEO[etype], parts, time, place, status, start, end,
                          Trigger(start, end, self.doc[i].text, self.lemma[i]))
            events.append(event)
            prev_event_in_sentence[k] = event
            if CAMEO[etype] and CAMEO[etype].startswith("04"):
                last_meeting = event
            i += 1
        if self.statements:
            events.extend(self._statements())
        return events

    def _sent_of(self, event: Event) -> int:
        span = self.doc.char_span(event.start, event.end, alignment_mode="expand")
        return self.sent[span.start] if span is not None else 0

    def _person(self, i: int) -> str | None:
        """'sg'/'pl' when the trigger verb is in the first person (`uzgodniliśmy`), else None."""
        tag = self.tag[i]
        if self.pos[i] == "fin" and ":pri" in tag:
            return "pl" if ":pl:" in tag else "sg"
        if self.pos[i] == "praet" and i + 1 < len(self.doc) and self.pos[i + 1] == "aglt" and ":pri" in self.tag[i + 1]:
            return "pl" if ":pl:" in self.tag[i + 1] else "sg"
        return None

    def _inherit_source(self, i: int, prev: Event | None) -> list[Participant]:
        if prev is not None:
            return [Participant(p.entity, p.name, p.role) for p in prev.participants if p.role == "source"]
        a = self.sent_bounds[max(0, self.sent[i] - 1)][0]
        best = last = None
        for s, e, ent, m in self.mentions_in(self.sent_bounds[max(0, self.sent[i] - 2)][0], i):
            if ent.type == "person" and ent.name[:1].isupper():
                last = ent
                if s >= a and self.governing_prep(s, a) is None and _case(self.tag[s]) in ("nom", None):
                    best = ent
        best = best or last
        if ":pl:" in self.tag[i] or (i + 1 < len(self.doc) and self.pos[i + 1] == "aglt" and ":pl:" in self.tag[i + 1]):
            return []  # one person cannot be the subject of a plural verb
        return [Participant(best.id, best.name, "source")] if best is not None else []

    def _antecedent(self, events: list[Event], etype: str, is_noun: bool, time, place, parts, i: int) -> Event | None:
        compatible = CORE_TYPES.get(etype, {etype})
        if time is not None:
            return None
        if not is_noun and etype not in ("consult", "meeting") and not parts:
            return None
        for ev in reversed(events):
            if ev.type not in compatible:
                continue
            if place and ev.place and place != ev.place:
                return None
            names = {p.entity for p in ev.participants}
            mine = {p.entity for p in parts}
            if mine and names and not (mine & names):
                if is_noun or etype in MEETING_TYPES:
                    return None
                continue
            return ev
        return None

    def _statements(self) -> list[Event]:
        out = []
        for q_i, q in enumerate(self.quotes):
            if q.cue is None:
                continue
            parts = [Participant(q.speaker_entity, q.speaker, "source")] if q.speaker else []
            out.append(Event("statement", CAMEO["statement"], parts, None, None, "occurred", q.cue.start, q.cue.end,
                             Trigger(q.cue.start, q.cue.end, q.cue.text, q.cue.lemma), quote=q_i))
        return out


def _dedupe(parts: list[Participant]) -> list[Participant]:
    seen, out = set(), []
    for p in parts:
        key = p.entity or p.name
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _known(value: str | None) -> bool:
    """A TIMEX3 value with a known year (not `xxxx-xx-xx` of an unanchored `wczoraj`, nor a year-less `xxxx-12-18`)."""
    return bool(value) and not value.lower().startswith("xxxx") and value not in ("PRESENT_REF", "PAST_REF", "FUTURE_REF")


def _date_part(value: str) -> str:
    return value.split("T", 1)[0]


def find_events(doc: Doc, statements: bool = False) -> list[Event]:
    return _Finder(doc, statements).run()


@Language.factory("kronika_events", default_config={"statements": False}, assigns=[f"doc._.{EVENTS}"])
def make_events(nlp: Language, name: str, statements: bool):
    def events_component(doc: Doc) -> Doc:
        doc._.set(EVENTS, find_events(doc, statements))
        return doc

    return events_component
