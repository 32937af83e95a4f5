"""Quotations: who said what, in every form Polish news uses.

Kinds found:
- direct: text in quotation marks („…”, "…", »…«, «…») with an attribution next to it, a
  colon before it, or standing as a whole sentence; dialogue-dash quotes (`– … – dodał X.`,
  `X: – …`, continuation paragraphs of the same speaker); headline form `X: …`;
- indirect: a speech verb with a content clause (`powiedział, że …`, `pytał, czy …`),
  `jak podkreślił X, …`, `według X …`, `zdaniem X …`;
- mixed: an indirect clause carrying quoted fragments.

Attribution: the cue is the speech verb (lemmas from Morfeusz, `token.lemma_` and every reading),
the speaker the subject next to it. Dropped subjects, pronouns, relative `który` and role phrases
(`prezydent Rosji`) are resolved from context with the verb's gender/number agreement: the most
recent agreeing subject-like mention of a person or the previous speaker. When the entity stage
has run (`doc._.entities`) the speaker mention is mapped to the entity covering it.

Everything is linear in the number of tokens: one pass per stage over precomputed token arrays.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from kronika import extensions as ext
from kronika.pipeline.spans import SpanIndex
from kronika.pipeline.sentences import ALL_RANKS

# --------------------------------------------------------------------------- tables

# Lemmas of verbs that report speech or a stated opinion (Morfeusz lemmas).
SPEECH_VERBS = frozenset("""
mówić powiedzieć rzec dodać dodawać dopowiedzieć stwierdzić stwierdzać podkreślić podkreślać
zaznaczyć zaznaczać wskazać wskazywać ocenić oceniać przekazać przekazywać poinformować informować
oświadczyć oświadczać zapowiedzieć zapowiadać zapewnić zapewniać przyznać przyznawać twierdzić
uważać sądzić tłumaczyć wytłumaczyć wyjaśnić wyjaśniać wyznać wyznawać opowiadać opowiedzieć
relacjonować zrelacjonować podać podawać ogłosić ogłaszać zauważyć zauważać przypomnieć przypominać
zastrzec zastrzegać zaapelować apelować zaproponować proponować sugerować zasugerować zapytać pytać
spytać dopytywać odpowiedzieć odpowiadać komentować skomentować podsumować podsumowywać kończyć
zakończyć wyliczać wyliczyć argumentować przekonywać przekonać obiecać obiecywać radzić doradzać
poradzić ostrzec ostrzegać alarmować zaalarmować deklarować zadeklarować potwierdzić potwierdzać
zaprzeczyć zaprzeczać dementować zdementować napisać pisać głosić krzyczeć wykrzyknąć wołać zawołać
szeptać żartować zażartować żalić skarżyć poskarżyć narzekać wtórować uzupełnić uzupełniać
precyzować sprecyzować akcentować zaakcentować oznajmić oznajmiać cytować zacytować wypowiedzieć
wypowiadać zdradzić zdradzać ujawnić ujawniać protestować zaprotestować grzmieć zagrzmieć nawoływać
zaznaczyć kontynuować przestrzegać przestrzec upierać odeprzeć odpierać replikować ripostować
zripostować zachwalać chwalić pochwalić krytykować skrytykować oskarżać oskarżyć zarzucać zarzucić
wspominać wspomnieć opisywać opisać wyjawić nalegać domagać żądać zażądać wezwać wzywać uznać
uznawać przypuszczać szacować oszacować prognozować przewidywać nadmienić zwierzać zwierzyć wytknąć
wytykać ubolewać mówiący zaręczać zaręczyć ręczyć przysięgać zapowiedzieć zastanawiać dziwić
oburzać irytować denerwować cieszyć martwić śmiać uśmiechać wzdychać westchnąć kryć ukrywać
podsumować konkludować kwitować skwitować objaśniać objaśnić instruować pouczać pouczyć
sygnalizować zasygnalizować meldować zameldować raportować donosić donieść tłumaczyć deklarować
wyrokować orzec orzekać postulować zapowiadać obwieścić obwieszczać prostować sprostować
wywodzić mówić mruczeć burknąć wtrącić wtrącać ciągnąć
podnieść podnosić usłyszeć słyszeć dopytać dopytywać odpisać odpowiedzieć zaznaczyć
sprzeciwiać sprzeciwić oponować zaoponować prosić poprosić błagać przerwać przerywać
""".split())

# Bounds that keep the stage linear on run-on text (a 15,000-character "sentence" of speech verbs):
MAX_SUBJECT_REACH = 80  # tokens searched back from a speech verb for its subject
APPOSITION_REACH = 20_000  # characters searched back for a name given a role (`Jan Nowak, rzecznik …`)
MAX_CLAUSE_TOKENS = 400  # tokens a content clause may run after `że`

# Verbs that take a content clause in reported speech; manner/feeling verbs above only frame direct quotes.
_MANNER_ONLY = frozenset("""
kryć ukrywać śmiać uśmiechać wzdychać westchnąć cieszyć martwić denerwować irytować oburzać dziwić
ciągnąć kontynuować mruczeć burknąć wtrącić wtrącać kończyć zakończyć zastanawiać wtórować
mówiący kwitować skwitować cytować zacytować usłyszeć słyszeć
sprzeciwiać sprzeciwić oponować zaoponować prosić poprosić błagać przerwać przerywać
""".split())
_REFLEXIVE_SPEECH = frozenset({"żalić", "skarżyć", "poskarżyć", "zwierzać", "zwierzyć", "upierać", "domagać",
                               "chwalić", "pochwalić", "dopytywać", "odgrażać", "sprzeciwiać",
                               "sprzeciwić"})
_FUNCTION_WORDS = frozenset("""ale i a lecz jednak więc oraz lub albo czy to tak także też również nawet
już jeszcze tylko jedynie właśnie zaś bowiem natomiast czyli dlatego potem teraz wtedy tam tu tutaj
obecnie dziś wczoraj jutro wiele kilka coś nic wśród przy sam sama sami same""".split())
INDIRECT_VERBS = SPEECH_VERBS - _MANNER_ONLY

COMPLEMENTIZERS = frozenset({"że", "iż", "czy", "aby", "żeby", "by", "jakoby", "iżby", "ażeby"})
# `według X`, `zdaniem X`, `w opinii X` ...
_ACCORDING = {("według",): "według", ("zdaniem",): "zdaniem", ("w", "opinii"): "w opinii",
              ("w", "ocenie"): "w ocenie", ("wedle",): "wedle", ("w", "przekonaniu"): "w przekonaniu"}
_NOT_SOURCES = frozenset("""scenariusz plan projekt harmonogram rozkład regulamin przepis kolejność
stan tradycja zwyczaj wzór standard norma kryterium zasada cennik taryfa model schemat wersja
mój twój nasz wasz własny swój""".split())
_SKIP_AFTER_VERB = frozenset("""
nam mi mnie nas mu jej im ją go ich sobie się też także również natomiast jednak jednocześnie
przy tym wczoraj dziś dzisiaj nawet już zawsze wielokrotnie publicznie otwarcie wyraźnie stanowczo
krótko wprost ponadto ponownie potem później wtedy teraz zaś więc bowiem zresztą np. zgodnie
natychmiast dobitnie szczerze spokojnie ostro żartem zgodnie półżartem oficjalnie nieoficjalnie
jeszcze tylko dodatkowo również rano wieczorem
""".split())
_RELATIVE = frozenset({"który", "która", "które", "którzy", "co"})
_PRONOUNS = {"on": ("m", "sg"), "ona": ("f", "sg"), "oni": ("m", "pl"), "one": ("f", "pl"),
             "ten": ("m", "sg"), "ta": ("f", "sg"), "ci": ("m", "pl"), "te": ("f", "pl"),
             "niego": ("m", "sg"), "niej": ("f", "sg"), "nich": ("m", "pl"), "jego": ("m", "sg"),
             "ich": ("m", "pl"), "jej": ("f", "sg"), "jemu": ("m", "sg"), "tego": ("m", "sg"),
             "tej": ("f", "sg"), "tych": ("m", "pl")}
_SENT_END = frozenset({".", "!", "?", "…", "?!", "!?", "..."})
_TITLES = frozenset("""ks prof dr mec inż mgr red gen płk mjr kpt por bp abp o św hab doc przew""".split()) | ALL_RANKS
_CLAUSE_END = _SENT_END | {";", ":"}
DASHES = frozenset({"-", "–", "—", "−", "--"})
_QUOTE_CHARS = "„”\"«»‹›“'‚’"
_STRIP = _QUOTE_CHARS + "-–—−" + " \t\n\r\u00a0"
_NOM_POS = frozenset({"subst", "adj", "ppas", "pact", "depr", "ger", "num", "ppron3"})
_NOUN_POS = frozenset({"subst", "depr", "ign"})
_VERB_POS = frozenset({"fin", "praet", "pcon", "impt", "imps", "inf", "bedzie", "ger", "pact", "winien", "pred"})
_PERSON_CLASSES = frozenset({"imię", "nazwisko"})
_QUOTE_MARK_TOKENS = frozenset(_QUOTE_CHARS)


# --------------------------------------------------------------------------- output


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    text: str
    lemma: str

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "lemma": self.lemma}


@dataclass(frozen=True)
class Quote:
    """One reported utterance. Offsets are str indices into doc.text, quote marks/dashes excluded."""

    start: int
    end: int
    text: str
    kind: str  # direct | indirect | mixed
    speaker: str | None = None
    speaker_entity: str | None = None
    speaker_mention: tuple[int, int] | None = None
    cue: Cue | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "speaker": self.speaker,
            "speaker_entity": self.speaker_entity,
            "speaker_mention": (
                {"start": self.speaker_mention[0], "end": self.speaker_mention[1]}
                if self.speaker_mention else None),
            "cue": self.cue.to_json() if self.cue else None,
        }


# --------------------------------------------------------------------------- token view


@dataclass
class _Speaker:
    """A resolved or to-be-resolved speaker."""

    name: str | None
    start: int | None = None  # mention char span
    end: int | None = None
    genders: frozenset = frozenset()
    number: str | None = None
    person: bool = False
    entity: str | None = None
    antecedent: tuple[int, int] | None = None  # the named mention a role/pronoun was linked to


@dataclass
class _Cand:
    start: int  # char span of the quote (without marks/dashes)
    end: int
    kind: str
    stage: str  # dash | mark | indirect | headline
    cue: tuple[int, int, str] | None = None  # token span [a, b) and lemma
    mode: str = "explicit"  # explicit | dropped | continuation | impersonal | context
    speaker_tokens: tuple[int, int] | None = None  # token span of the speaker phrase
    speaker_case: str = "nom"
    agree: tuple[frozenset, str | None] = (frozenset(), None)
    chain: int | None = None  # index of the candidate whose speaker this one shares
    pos: int = 0  # char position where the attribution is (for context)
    speaker: _Speaker | None = None


class _View:
    """Flat arrays over the doc's tokens (precomputed once)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        n = len(doc)
        self.n = n
        # attribute arrays instead of Token objects: iterating a Doc (or doc.text) is the slow part
        strings = doc.vocab.strings
        arr = doc.to_array(["IDX", "ORTH", "SPACY", "IS_SPACE", "LEMMA", "TAG", "SENT_START"]).tolist() if n else []
        cache = {h: (strings[h] if h else "") for h in {h for r in arr for h in (r[1], r[4], r[5])}}
        idx = [r[0] for r in arr]
        words = [cache[r[1]] for r in arr]
        self.text = "".join(w + " " if r[2] else w for w, r in zip(words, arr))
        space = [bool(r[3]) for r in arr]
        lemma = [cache[r[4]] for r in arr]
        tag = [cache[r[5]] for r in arr]
        self.words, self.idx, self.space, self.lemma, self.tag = words, idx, space, lemma, tag
        self.low = [w.lower() for w in words]
        self.ends = [a + len(w) for a, w in zip(idx, words)]
        readings = doc._.get(ext.READINGS)
        if readings and len(readings) == n:
            self.readings = [r or () for r in readings]
        else:
            self.readings = [()] * n
        self.lemmas = [_lemma_set(words[i], lemma[i], self.readings[i]) for i in range(n)]
        self.sent = [0] * n
        self.sent_start: list[int] = []
        self.sent_end: list[int] = []
        k = -1
        for i in range(n):
            if i == 0 or arr[i][6] == 1:
                k += 1
                self.sent_start.append(i)
                self.sent_end.append(i + 1)
            self.sent[i] = k
            self.sent_end[k] = i + 1
        # paragraphs: token ranges between newlines
        self.para = [0] * n
        self.para_start: list[int] = []
        self.para_end: list[int] = []
        p = -1
        newline = True
        for i in range(n):
            if "\n" in self.words[i] or (self.space[i] and "\n" in self.words[i]):
                newline = True
                self.para[i] = max(p, 0)
                continue
            if self.space[i]:
                self.para[i] = max(p, 0)
                continue
            if newline:
                p += 1
                self.para_start.append(i)
                self.para_end.append(i + 1)
                newline = False
            self.para[i] = p
            self.para_end[p] = i + 1
        # newlines can hide in token whitespace too
        self.bp = [False] * n
        try:
            from kronika.pipeline.structure import boilerplate_mask
            mask = boilerplate_mask(doc)
            if mask:
                self.bp = list(mask)
        except Exception:  # noqa: BLE001 - structure stage missing: no boilerplate
            pass
        self.char_tok = [-1] * (len(self.text) + 1)
        for i in range(n):
            for c in range(self.idx[i], self.ends[i]):
                self.char_tok[c] = i

    # token predicates -----------------------------------------------------
    def pos_set(self, i: int) -> set[str]:
        out = {self.tag[i].split(":", 1)[0]}
        out.update(r.tag.split(":", 1)[0] for r in self.readings[i])
        return out

    def is_dash(self, i: int) -> bool:
        """A dialogue/parenthetical dash, not a hyphen inside a compound."""
        if self.words[i] not in DASHES:
            return False
        t = self.text
        a, b = self.idx[i], self.ends[i]
        before = t[a - 1] if a > 0 else " "
        after = t[b] if b < len(t) else " "
        if before.isalnum() and after.isalnum():
            return False
        return True

    def cap(self, i: int) -> bool:
        w = self.words[i]
        return bool(w) and w[0].isupper()

    def has_case(self, i: int, case: str) -> bool:
        for r in self.readings[i]:
            parts = r.tag.split(":")
            if len(parts) > 2 and parts[0] in _NOM_POS and case in parts[2].split("."):
                return True
        parts = self.tag[i].split(":")
        return len(parts) > 2 and parts[0] in _NOM_POS and case in parts[2].split(".")

    def unknown(self, i: int) -> bool:
        return all(r.tag == "ign" for r in self.readings[i]) if self.readings[i] else self.tag[i] == "ign"

    def person_word(self, i: int) -> bool:
        """A first name, or a surname that is not also a common word (`Wojewoda`, `Sztuka`)
        unless a first name or an initial stands right before it."""
        first = surname = common = False
        for r in self.readings[i]:
            if "imię" in r.names:
                first = True
            elif "nazwisko" in r.names:
                surname = True
            elif r.names and set(r.names) & {"nazwa_geograficzna", "nazwa_organizacji", "nazwa_obiektu",
                                             "nazwa_własna", "człon_nazwy_geograficznej"}:
                common = True
            elif r.tag != "ign" and not (set(r.names) - {"nazwa_pospolita"}) and r.tag.split(":")[0] in (
                    "subst", "adj", "depr", "fin", "praet", "adv", "ppas", "pact", "ger", "prep", "conj", "qub"):
                common = True
        if any(r.tag.split(":")[0] in ("prep", "conj", "comp", "qub", "part", "ppron12", "ppron3", "interj")
               for r in self.readings[i]):
            return False
        if first and common:
            # `Nadzieja`, `Róża`: a first name only with a surname after it
            k = self.next_word(i)
            return k < self.n and self.cap(k) and (self.unknown(k) or any(
                "nazwisko" in r.names for r in self.readings[k]))
        if first:
            return True
        if surname and not common:
            return True
        if surname:
            k = self.prev_word(i)
            return k >= 0 and (self.first_name(k) or (self.words[k] == "." and k > 0 and self.initial(k - 1)))
        return False

    def first_name(self, i: int) -> bool:
        return any("imię" in r.names for r in self.readings[i]) and self.cap(i)

    def nominative_name(self, a: int, b: int) -> bool:
        """Do the words of a name stand in the nominative (`Joanny Trzepiecińskiej`: no)?"""
        for k in range(a, b):
            w = self.words[k]
            if not self.cap(k) or (len(w) <= 2 and self.initial(k)):
                continue
            named = [r for r in self.readings[k] if _PERSON_CLASSES.intersection(r.names)]
            if named:
                if not any(_sg_nom(r.tag) for r in named):
                    return False
            elif re.search(r"(ego|emu|iej|ej|ym|im|owi|em|ą|ie|u)$", w) and not self.has_case(k, "nom"):
                return False
        return True

    def other_name_word(self, i: int) -> bool:
        return any(r.names and not _PERSON_CLASSES.intersection(r.names)
                   and set(r.names) - {"nazwa_pospolita"} for r in self.readings[i])

    def initial(self, i: int) -> bool:
        w = self.words[i]
        return (len(w) <= 2 and w[:1].isupper() and w.isalpha() and w != "Ø" and i + 1 < self.n
                and self.words[i + 1] == "." and self.ends[i] == self.idx[i + 1])

    def verb_agreement(self, i: int) -> tuple[frozenset, str | None, str | None]:
        """(genders, number, person) of a verb token from its tag and readings."""
        genders: set[str] = set()
        number = None
        person = None
        tags = [self.tag[i]] + [r.tag for r in self.readings[i] if r.lemma == self.lemma[i]]
        for tag in tags:
            p = tag.split(":")
            if p[0] == "praet" and len(p) > 2:
                number = number or p[1].split(".")[0]
                genders.update(_gender_class(g) for g in p[2].split("."))
            elif p[0] in ("fin", "bedzie") and len(p) > 2:
                number = number or p[1].split(".")[0]
                person = person or p[2].split(".")[0]
        if i + 1 < self.n and self.tag[i + 1].startswith("aglt"):
            p = self.tag[i + 1].split(":")
            person = p[2] if len(p) > 2 else "pri"
        return frozenset(genders), number, person

    def verb_like(self, i: int, finite_only: bool = False) -> bool:
        pos = self.pos_set(i)
        allowed = {"fin", "praet", "bedzie"} if finite_only else {"fin", "praet", "pcon", "imps", "bedzie"}
        return bool(pos & allowed)

    def speech_verb(self, i: int, table: frozenset = SPEECH_VERBS) -> bool:
        return bool(self.lemmas[i] & table) and self.verb_like(i)

    def sent_end_at(self, k: int) -> bool:
        """Token k ends a sentence (not the dot of an initial or an abbreviation like `pn.`)."""
        w = self.words[k]
        if w not in _SENT_END:
            return False
        if w == "." and k > 0 and not self.space[k - 1] and self.ends[k - 1] == self.idx[k]:
            if self.initial(k - 1):
                return False
            prev = self.pos_set(k - 1)
            if "brev" in prev and not (prev & {"subst", "adj", "fin", "praet", "adv", "ppron3", "num", "ign"}):
                return False
            if self.low[k - 1] in ("pn", "tzw", "np", "ok", "ul", "im", "św", "nr", "red", "dr", "prof", "inż", "mgr",
                                   "ks", "hab", "godz", "tys", "mln", "mld", "zob", "por", "m.in", "in", "r"):
                return False
        return True

    def next_word(self, i: int, limit: int | None = None) -> int:
        limit = self.n if limit is None else limit
        j = i + 1
        while j < limit and self.space[j]:
            j += 1
        return j

    def prev_word(self, i: int, floor: int = 0) -> int:
        j = i - 1
        while j >= floor and self.space[j]:
            j -= 1
        return j


_LEMMA_SETS: dict[tuple, frozenset] = {}


def _lemma_set(word: str, lemma: str, readings) -> frozenset:
    """The tagger's lemma and every reading's lemma (cached by form: readings follow the form)."""
    key = (word, lemma)
    out = _LEMMA_SETS.get(key)
    if out is None:
        if len(_LEMMA_SETS) > 200_000:
            _LEMMA_SETS.clear()
        out = _LEMMA_SETS[key] = frozenset({lemma} | {r.lemma for r in readings})
    return out


def _sg_nom(tag: str) -> bool:
    p = tag.split(":")
    return len(p) > 2 and "sg" in p[1].split(".") and "nom" in p[2].split(".")


def _gender_class(g: str) -> str:
    if g.startswith("m"):
        return "m1" if g == "m1" else "m"
    return g


# --------------------------------------------------------------------------- quote marks


def _pair_marks(text: str) -> list[tuple[int, int]]:
    """(open, close) char positions of outermost quotation-mark pairs."""
    pairs: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    n = len(text)
    closers = {"„": "”“\"", "«": "»", "»": "«", '"': '"', "“": "”\"", "”": "”\""}
    for k, ch in enumerate(text):
        if ch not in "„”\"«»“":
            if ch == "\n" and stack and k + 1 < n and text[k + 1] == "\n":
                # paragraph break: an unclosed quote continues only if the next paragraph opens again
                m = k
                while m < n and text[m] in "\n \t":
                    m += 1
                if not (m < n and text[m] in "„\"«»“"):
                    stack.clear()
            continue
        before = text[k - 1] if k > 0 else " "
        after = text[k + 1] if k + 1 < n else " "
        opening_ctx = before.isspace() or before in "([{–-—:/" or k == 0
        if ch == "„":
            role = "open"
        elif ch in "«»":
            if stack and ch in closers[stack[-1][0]]:
                role = "close"
            else:
                role = "open" if not after.isspace() else "close"
        elif ch == '"':
            if stack and stack[-1][0] in ('"', "„", "“") and not (opening_ctx and after.isalnum()):
                role = "close"
            elif opening_ctx and not after.isspace():
                role = "open"
            else:
                role = "close"
        elif ch == "“":
            role = "close" if stack and stack[-1][0] == "„" else ("open" if opening_ctx else "close")
        else:  # ”
            role = "open" if not stack and opening_ctx and after.isalnum() else "close"
        if role == "open":
            if stack and stack[-1][0] == ch and ch in "„«»“" and text[stack[-1][1]:k].count("\n") >= 1 \
                    and len(stack) == 1:
                continue  # a new paragraph of a multi-paragraph quote
            stack.append((ch, k))
        else:
            for depth in range(len(stack) - 1, -1, -1):
                if ch in closers[stack[depth][0]]:
                    opener = stack[depth][1]
                    del stack[depth:]
                    if not stack:
                        pairs.append((opener, k))
                    break
    return pairs


# --------------------------------------------------------------------------- the finder


class _Finder:
    def __init__(self, doc: Doc):
        self.v = _View(doc)
        self.doc = doc
        self.text = self.v.text
        self.cands: list[_Cand] = []
        self.in_cand = bytearray(len(self.text) + 1)  # chars inside a candidate quote (overlap test in O(span))
        self.covered = bytearray(len(self.text) + 1)  # chars inside direct quotes (with marks)
        self.pairs = _pair_marks(self.text)
        self.in_pair = bytearray(len(self.text) + 1)  # chars strictly inside a pair of quote marks
        for o, c in self.pairs:
            self.in_pair[o + 1:c] = b"\x01" * max(0, c - o - 1)
        self.questions: set[int] = set()
        self._marks_close = {c: o for o, c in self.pairs}

    # helpers ----------------------------------------------------------------
    @cached_property
    def first_use(self) -> dict[str, int]:
        """Lemma -> its first token (built on the first role phrase that needs it)."""
        first: dict[str, int] = {}
        for k, lemmas in enumerate(self.v.lemmas):
            if not self.v.space[k]:
                for lemma in lemmas:
                    first.setdefault(lemma, k)
        return first

    def span_text(self, a: int, b: int) -> str:
        return self.text[a:b]

    def trim(self, a: int, b: int) -> tuple[int, int]:
        """Strip spaces, quote marks at the edges only when unbalanced, and dashes."""
        t = self.text
        while a < b and (t[a].isspace() or t[a] in "-–—−"):
            a += 1
        while b > a and (t[b - 1].isspace() or t[b - 1] in "-–—−,;:"):
            b -= 1
        return a, b

    def in_covered(self, c: int) -> bool:
        return 0 <= c < len(self.covered) and self.covered[c] == 1

    def cover(self, a: int, b: int) -> None:
        b = min(b, len(self.covered))
        if b > a:
            self.covered[a:b] = b"\x01" * (b - a)

    def bp_char(self, a: int, b: int) -> bool:
        v = self.v
        for c in (a, max(a, b - 1)):
            i = v.char_tok[c] if 0 <= c < len(v.char_tok) else -1
            if i >= 0 and v.bp[i]:
                return True
        return False

    # ---------------------------------------------------------------- attributions
    def attribution_at(self, i: int, limit: int) -> tuple[int, int] | None:
        """Is token i the start of an attribution clause (`dodał Pieskow`, `nie kryje X`,
        `mówi nam`, `usłyszeliśmy`)? Returns the verb token index and the clause end."""
        v = self.v
        j = i
        if j < limit and v.low[j] == "nie":
            j = v.next_word(j, limit)
        if j >= limit or not v.speech_verb(j):
            # `tłumaczy atakujący`: adverb first (`– powiedział krótko`) is fine; verb second
            k = v.next_word(j, limit)
            if not (j < limit and v.low[j] in _SKIP_AFTER_VERB and k < limit and v.speech_verb(k)):
                return None
            j = k
        if v.pos_set(j) & {"impt", "inf"} and not v.verb_like(j):
            return None
        return j, self.clause_end(j, limit)

    def clause_end(self, j: int, limit: int) -> int:
        """End (token index, exclusive) of an attribution clause starting near j."""
        v = self.v
        k = j + 1
        depth = 0
        while k < limit:
            w = v.words[k]
            if w in "„«":
                depth += 1
            elif w in "”»" and depth:
                depth -= 1
            if w in _SENT_END and depth == 0:
                # `R. Ciomek`, `kpt. Jan Nowak` - the dot of an initial or a title is no end
                if w == "." and k > 0 and (v.initial(k - 1) or v.low[k - 1] in _TITLES):
                    k += 1
                    continue
                return k
            if w == ":" or (v.is_dash(k) and depth == 0):
                return k
            k += 1
        return limit

    def np_after(self, j: int, limit: int) -> tuple[int, int, str] | None:
        """The subject phrase after verb j: token span and its case."""
        v = self.v
        agr = v.verb_agreement(j)
        self._agree = (_gender_want(agr[0]), agr[1])
        k = j + 1
        steps = 0
        case = "nom"
        if k < limit and v.low[k] == "się":
            k += 1
        while k < limit and steps < 8:
            steps += 1
            if v.space[k]:
                k += 1
                continue
            w, lw = v.words[k], v.low[k]
            if w in _CLAUSE_END or w == "," or v.is_dash(k) or w == "(":
                return None
            if lw in _SKIP_AFTER_VERB or w == "Ø":
                k += 1
                continue
            if lw in _TITLES and k + 1 < limit and v.words[k + 1] == ".":
                k += 2  # `ks.`, `prof.`, `mec.` before a name
                continue
            pos = v.pos_set(k)
            if lw == "od" and k + 1 < limit:  # `usłyszeliśmy od wiceprezesa`
                start = v.next_word(k, limit)
                end = self.np_extent(start, limit)
                return (start, end, "gen") if end > start else None
            if "prep" in pos and not v.cap(k) or (lw in ("w", "z", "na", "do", "podczas", "po", "przy", "dla", "o")
                                                   and not (v.cap(k) and k + 1 < limit and v.words[k + 1] == ".")):
                # skip the prepositional phrase: its adjectives, its noun, and the lowercase words after it that
                # cannot be nominative (`w parku maszyn`, `w tym czasie`)
                k = v.next_word(k, limit)
                while k < limit and not v.space[k] and (v.pos_set(k) & {"adj", "num", "ppas", "pact", "adja"}) \
                        and not (v.pos_set(k) & _NOUN_POS):
                    k += 1
                k = v.next_word(k, limit) if k < limit else k
                while k < limit and not v.cap(k) and v.pos_set(k) & (_NOUN_POS | {"adj", "ppron3"}) \
                        and not v.has_case(k, "nom") and not v.unknown(k):
                    k = v.next_word(k, limit)
                continue
            if "adv" in pos and not v.cap(k) and not (pos & _NOUN_POS):
                k += 1
                continue
            if w in '"„«»“':
                # a title in quotes: a speaker (`pisze "Życie Warszawy"`) only when nominative
                n1 = v.next_word(k, limit)
                if n1 < limit and v.has_case(n1, "nom") or (n1 < limit and v.unknown(n1)):
                    end = k + 1
                    while end < limit and v.words[end] not in '"”»“' and end - k < 8:
                        end += 1
                    return (n1, end, "nom") if end < limit else None
                return None
            if (pos & (_NOM_POS | {"ign", "brev"})) or v.cap(k):
                if v.has_case(k, "nom") or v.unknown(k) or v.initial(k) or (v.cap(k) and not self._has_cases(k)):
                    # an adjective like `oburzona` before a name is part of the phrase
                    end = self.np_extent(k, limit)
                    if end > k and not self._np_agrees(k, end):
                        k = end  # `skwitowała to zdarzenie recenzentka`: an object, go on
                        continue
                    if end > k:
                        if not v.cap(k) and end + 1 < limit and v.words[end] == "," and v.cap(end + 1) and (
                                v.first_name(end + 1) or (v.unknown(end + 1) and end + 2 < limit and v.cap(end + 2))):
                            e2 = self.np_extent(end + 1, limit)  # `twórca reklam Benettona, Oliviero Toscani`
                            if e2 > end + 1:
                                return end + 1, e2, case
                        if not self._has_person(k, end):
                            # `pełnomocnik firmy z Lindowa mec. Grzegorz Kowalczyk`: the name after a PP, or after
                            # a comma (`jeden z gdańskich żużlowców, Tomasz Piszcz`)
                            x = end
                            while x < limit and x < end + 8 and v.words[x] not in (",", ";", ":") \
                                    and not v.sent_end_at(x) and not v.is_dash(x):
                                if v.cap(x) and (v.first_name(x) or v.initial(x)):
                                    e2 = self.np_extent(x, limit)
                                    if e2 > x:
                                        return x, e2, case
                                x += 1
                        return k, end, case
                return None
            if pos & _VERB_POS:
                return None
            k += 1
        return None

    def np_extent(self, k: int, limit: int) -> int:
        """End of a noun phrase starting at k (name words, nouns, adjectives, genitives)."""
        v = self.v
        e = k
        count = 0
        while e < limit and count < 10:
            w, lw = v.words[e], v.low[e]
            if v.space[e]:
                break
            if w in _CLAUSE_END or w in ",()[];\"„”»«" or v.is_dash(e):
                if w == "." and e > k and v.initial(e - 1):
                    e += 1
                    continue
                closed = self._quoted_name_end(e, limit) if e > k else None
                if closed is None:
                    break
                e = closed  # `przewodniczący stoczniowej „Solidarności” Marek Zieliński`
                continue
            if w in ("-",) or (w in DASHES and not v.is_dash(e)):
                e += 1
                continue
            pos = v.pos_set(e)
            if lw in _RELATIVE or lw in ("i", "oraz", "a", "ale", "lub", "albo", "czy", "że", "który"):
                break
            if lw == "z" and e > k and v.low[k] in ("jeden", "jedna", "jedno") and e == v.next_word(k, limit):
                e += 1
                continue
            if "prep" in pos and not v.cap(e) and e > k:
                break
            if lw in _TITLES and e + 1 < limit and v.words[e + 1] == ".":
                e += 2
                count += 1
                continue
            if w == "Ø":
                break
            if lw in ("nr", "nr.") or w.isdigit():
                e += 1
                count += 1
                continue
            if pos & {"fin", "praet", "pcon", "imps", "inf"} and not v.cap(e) and not (pos & {"subst", "adj"}):
                break
            if not (pos & (_NOM_POS | {"ign", "brev", "adja", "subst"}) or v.cap(e)):
                break
            e += 1
            count += 1
            # the space after the token ends the loop check on the next word
            while e < limit and v.space[e] and "\n" not in v.words[e]:
                e += 1
        while e > k and v.space[e - 1]:
            e -= 1
        return e

    def _quoted_name_end(self, e: int, limit: int) -> int | None:
        """After a short quoted name inside a phrase (one to four words, capitalised), else None."""
        v = self.v
        if v.words[e] not in "„«\"":
            return None
        first = v.next_word(e, limit)
        if first >= limit or not v.cap(first):
            return None
        k, words = first, 0
        while k < limit and words <= 4:
            if v.words[k] in "”»\"":
                return k + 1 if words else None
            if v.words[k] in _CLAUSE_END or v.words[k] in ",;:(„«":
                return None
            words += not v.space[k]
            k += 1
        return None

    def _share_before(self, j: int, floor: int) -> int | None:
        """Start of a percentage right before verb j (`6 proc. z nich`, `20% badanych`), within six words."""
        v = self.v
        for k in range(j - 1, max(floor, j - 7) - 1, -1):
            if v.words[k] in (",", ";", ":") or (v.sent_end_at(k) and (k == 0 or v.low[k - 1] != "proc")):
                return None
            if v.words[k][:1].isdigit() and k + 1 < j and v.low[k + 1] in ("proc", "proc.", "%", "procent", "procent."):
                return k
        return None

    def np_before(self, j: int, floor: int) -> tuple[int, int] | None:
        """The subject phrase before verb j inside its sentence (from `floor`, at most MAX_SUBJECT_REACH tokens back)."""
        v = self.v
        floor = max(floor, j - MAX_SUBJECT_REACH)  # bounded work per verb: linear time on run-on text
        share = self._share_before(j, floor)
        if share is not None:
            return share, j  # `tylko 6 proc. z nich przyznaje`: a share of a group, nobody in particular
        # a pronoun or `który` right before the verb (`Ten obiecał`, `który przyznał`)
        k = v.prev_word(j, floor)
        while k >= floor and v.low[k] in _SKIP_AFTER_VERB and v.low[k] not in _PRONOUNS:
            k = v.prev_word(k, floor)
        if k >= floor and (v.low[k] in _RELATIVE or v.low[k] in _PRONOUNS):
            return k, k + 1
        for k in range(j - 1, floor - 1, -1):  # a missed sentence boundary
            if v.sent_end_at(k):
                floor = k + 1
                break
        # comma segments between floor and j
        segs: list[tuple[int, int]] = []
        a = floor
        depth = 0
        for k in range(floor, j):
            if v.words[k] in "„«(":
                depth += 1
            elif v.words[k] in "”»)":
                depth = max(0, depth - 1)
            if depth == 0 and (v.words[k] in (",", ";", ":") or v.is_dash(k)):
                segs.append((a, k))
                a = k + 1
        segs.append((a, j))
        agr = v.verb_agreement(j)
        self._agree = (_gender_want(agr[0]), agr[1])
        last = segs[-1]
        found = self._first_np(*last)
        if found:
            # `Roman Woźniak, prezes BPP wyjaśnia`: a role right after a name is its apposition
            if len(segs) > 1 and found[0] == v.next_word(last[0] - 1, j) and not self._has_person(*found):
                prev = self._first_np(*segs[-2])
                if prev and self._has_person(*prev) and prev[1] >= v.prev_word(segs[-2][1], segs[-2][0]):
                    return prev
            return found
        if len(segs) > 1 and all(v.space[k] or v.low[k] in _SKIP_AFTER_VERB for k in range(*last)):
            # `Jerzy Szajnowicz, prezes ..., twierdzi`: the sentence-initial phrase
            return self._first_np(*segs[0])
        return None

    def _has_cases(self, k: int) -> bool:
        return any(len(r.tag.split(":")) > 2 and r.tag.split(":")[0] in _NOM_POS for r in self.v.readings[k])

    def _has_person(self, a: int, b: int) -> bool:
        v = self.v
        return any(v.cap(k) and (v.person_word(k) or v.initial(k)) for k in range(a, b))

    def _first_np(self, a: int, b: int) -> tuple[int, int] | None:
        v = self.v
        k = a
        while k < b:
            if v.space[k]:
                k += 1
                continue
            lw = v.low[k]
            pos = v.pos_set(k)
            if lw in _FUNCTION_WORDS and lw not in _PRONOUNS:
                k += 1
                continue
            if lw in _RELATIVE or lw in _PRONOUNS:
                return k, k + 1
            if lw in ("że", "iż", "czy", "gdy", "kiedy", "jeśli", "jeżeli", "bo", "gdyby", "choć", "chociaż"):
                return None  # a subordinate clause: its subject is not the speaker
            if "prep" in pos and not v.cap(k) and lw not in ("trzy",) or lw in ("w", "z", "na", "do", "o", "po"):
                # skip the PP
                k = v.next_word(k, b)
                while k < b and (v.pos_set(k) & {"adj", "num", "adja"}) and not (v.pos_set(k) & _NOUN_POS):
                    k = v.next_word(k, b)
                k = v.next_word(k, b)
                continue
            if pos & {"fin", "praet", "impt", "inf", "pcon", "pant", "imps"} and not pos & {"subst", "depr", "ign"}:
                k += 1
                continue
            if pos <= {"ppas", "pact", "adj", "adja", "interp", "qub"} and k + 1 < b and v.low[v.next_word(k, b)] in (
                    "o", "w", "na", "przez", "za", "do", "z", "po", ","):
                k += 1  # `Pytany o to Giuliani`: a participle phrase, not the subject
                continue
            initial_name = v.initial(k) and k + 2 < b and v.cap(k + 2)
            if (v.has_case(k, "nom") or v.unknown(k) or initial_name or "num" in pos) and \
                    not ("adv" in pos and not v.cap(k)) and not (pos <= {"qub", "conj", "adv", "interp", "comp"}):
                e = self.np_extent(k, b)
                if e > k:
                    if self._np_agrees(k, e):
                        return k, e
                    k = e
                    continue
            k += 1
        return None

    def _np_agrees(self, a: int, b: int) -> bool:
        """Can the phrase be the subject of the verb being attributed (gender and number)?"""
        want, number = getattr(self, "_agree", (frozenset(), None))
        if not want and not number:
            return True
        v = self.v
        genders: set[str] = set()
        numbers: set[str] = set()
        for k in range(a, b):
            if v.space[k] or v.initial(k):
                continue
            if v.cap(k) and k != v.sent_start[v.sent[k]]:
                return True  # a name: its common-noun homonym's gender says nothing (`Pasieka`)
            for r in v.readings[k]:
                p = r.tag.split(":")
                if p[0] in ("subst", "depr") and len(p) > 3 and "nom" in p[2].split("."):
                    genders.update(_gender_class(g) for g in p[3].split("."))
                    numbers.update(p[1].split("."))
            if genders:
                break  # the head noun decides
        if not genders:
            return True
        if number and numbers and number not in numbers:
            return False
        if want and number != "pl" and not (_gender_want(frozenset(genders)) & want):
            return False
        return True

    # ---------------------------------------------------------------- dash quotes
    def find_dash_quotes(self) -> None:
        v = self.v
        for p in range(len(v.para_start)):
            a, b = v.para_start[p], v.para_end[p]
            if v.bp[a]:
                continue
            self._dash_paragraph(a, b)

    def _opener(self, i: int, a: int) -> bool:
        """Does dash token i open a dialogue turn (paragraph start or after a sentence end / colon)?"""
        v = self.v
        if not v.is_dash(i):
            return False
        if i == a:
            return True
        pw = v.prev_word(i, a)
        if pw < a:
            return True
        nw = v.next_word(i)
        if nw >= v.n or not (v.words[nw][:1].isalnum() or v.words[nw][:1] in "(.„\"["):
            return False
        return v.sent_end_at(pw) or v.words[pw] == ":" or (
            v.words[pw] in '"”»' and pw > a and v.sent_end_at(v.prev_word(pw, a)))

    def _dash_paragraph(self, a: int, b: int) -> None:
        v = self.v
        i = a
        prev_cand: int | None = None
        while i < b:
            if not self._opener(i, a) or self.in_covered(v.idx[i]):
                # a closing dash with an attribution but no opening one (`Tekst – mówi X.`)
                if v.is_dash(i) and i > a and not self.in_covered(v.idx[i]):
                    pw = v.prev_word(i, a)
                    fragment = False
                    if pw >= a and v.words[pw] in '"”»“':
                        opener = self._marks_close.get(v.idx[pw])
                        if opener is not None:
                            ot = v.char_tok[opener]
                            before_open = v.prev_word(ot, a) if ot >= 0 else a - 1
                            fragment = before_open >= a and not v.sent_end_at(before_open) \
                                and v.words[before_open] not in (":", ",")
                    if pw >= a and (v.words[pw] not in '"”»“' or fragment) and v.words[pw] not in _CLAUSE_END \
                            and v.words[pw] != "," and not self._insertion_dash(i, a, b):
                        att = self.attribution_at(v.next_word(i, b), b)
                        if att:
                            verb = att[0]
                            sp = self.np_after(verb, att[1])
                            agr = v.verb_agreement(verb)
                            if (sp or agr[2] not in ("pri", "sec")) and "imps" not in v.pos_set(verb):
                                s = self._sentence_start_char(i, a)
                                qa, qb = self.trim(s, v.idx[i])
                                if qb - qa > 10 and not self._overlaps_cand(qa, qb):
                                    kind = "mixed" if any(c in self.text[qa:qb] for c in "„\"«»") else "direct"
                                    prev_cand = self._add_dash(qa, qb, verb, att[1], sp, None, kind=kind)
                                    i = att[1]
                                    continue
                i += 1
                continue
            # colon before: `Pieskow: – ...` / `X wyjaśnia: – ...` (also ending the previous paragraph)
            pre = None
            pw = v.prev_word(i, a)
            if pw < a and i == a:
                pw = v.prev_word(a)
                if not (pw >= 0 and v.words[pw] == ":" and v.para[pw] == v.para[a] - 1):
                    pw = a - 1
            if pw >= 0 and v.words[pw] == ":" and (pw >= a or i == a):
                pre = self._pre_colon(pw)
            start = v.next_word(i, b)
            if start >= b:
                break
            j = start
            found = None
            while j < b:
                if v.is_dash(j) and j > start:
                    att = self.attribution_at(v.next_word(j, b), b)
                    if att:
                        found = (j, att)
                        break
                j += 1
            if found:
                d, (verb, cend) = found
                qa, qb = self.trim(v.idx[start], v.idx[d])
                sp = self.np_after(verb, cend)
                idx = self._add_dash(qa, qb, verb, cend, sp, pre)
                if idx is not None:
                    prev_cand = idx
                # interrupted quote / continuation after the attribution: `– dodał X – dalej`
                if cend < b and v.is_dash(cend):
                    nxt = v.next_word(cend, b)
                    # continue scanning as if the dash opened a new turn of the same speaker
                    j2 = nxt
                    found2 = None
                    while j2 < b:
                        if v.is_dash(j2) and j2 > nxt:
                            att2 = self.attribution_at(v.next_word(j2, b), b)
                            if att2:
                                found2 = j2
                                break
                        if v.words[j2] in _SENT_END and self._opener(v.next_word(j2, b), a) \
                                if v.next_word(j2, b) < b else False:
                            break
                        j2 += 1
                    if found2 is None:
                        qa2, qb2 = self.trim(v.idx[nxt], v.ends[b - 1])
                        if qb2 > qa2:
                            self._add_cont(qa2, qb2, prev_cand)
                        i = b
                        continue
                    # the dash closing the attribution opens the next turn of the same speaker
                    i = self._continue_from(cend, b, a, prev_cand)
                    continue
                i = cend
                continue
            # no attribution: the quote runs to the paragraph end
            qa, qb = self.trim(v.idx[start], v.ends[b - 1])
            if qb > qa:
                if pre is not None:
                    prev_cand = self._add_dash(qa, qb, pre[0], pre[1], pre[2], None, cue_colon=pw)
                elif self.text[qb - 1] == "?" and i == a:
                    self.questions.add(v.para[a])  # an unattributed question turn: the interviewer's
                elif i == a and not self._follows_quote(a):
                    pass  # a dash list or a turn with no speaker in sight
                else:
                    prev_cand = self._add_cont(qa, qb, prev_cand)
            i = b

    def _insertion_dash(self, i: int, a: int, b: int) -> bool:
        """The dash at i opens or closes an insertion (`koordynator – który podpisał się pod wstępem – informuje`)."""
        v = self.v

        def relative_after(k: int) -> bool:
            nxt = v.next_word(k, b)
            return nxt < b and v.low[nxt] in _RELATIVE

        before = next((k for k in range(i - 1, a - 1, -1) if v.is_dash(k)), None)
        return relative_after(i) or (before is not None and relative_after(before))

    def _follows_quote(self, a: int) -> bool:
        """Is paragraph-start token a right after a paragraph that ends in a quote or a question turn?"""
        v = self.v
        p = v.para[a]
        if p == 0:
            return False
        if p - 1 in self.questions:
            return True
        pe = v.para_end[p - 1]
        last = v.prev_word(pe)
        return last >= 0 and (self.in_covered(v.idx[last]) or self.in_covered(max(0, v.idx[last] - 2)))

    def _continue_from(self, dash: int, b: int, a: int, prev_cand: int | None) -> int:
        """A turn that begins at `dash` right after an attribution: quote up to the next
        attribution dash (then that attribution) or to the end of the paragraph."""
        v = self.v
        start = v.next_word(dash, b)
        j = start
        while j < b:
            if v.is_dash(j) and j > start:
                att = self.attribution_at(v.next_word(j, b), b)
                if att:
                    verb, cend = att
                    qa, qb = self.trim(v.idx[start], v.idx[j])
                    sp = self.np_after(verb, cend)
                    self._add_dash(qa, qb, verb, cend, sp, None)
                    return cend
            j += 1
        qa, qb = self.trim(v.idx[start], v.ends[b - 1])
        if qb > qa:
            self._add_cont(qa, qb, prev_cand)
        return b

    def _sentence_start_char(self, i: int, a: int) -> int:
        """Start of an unopened quote closed at token i: the paragraph start, or the last sentence
        boundary glued without a space (`poza nim.Nawet`, lost paragraph breaks), or the end of an
        earlier quote in the same paragraph."""
        v = self.v
        k = v.prev_word(i, a)
        while k >= a:
            if v.sent_end_at(k) and k + 1 < i and v.ends[k] == v.idx[k + 1] and v.cap(k + 1):
                return v.idx[k + 1]
            if self.in_covered(v.idx[k]):
                nk = v.next_word(k, i)
                while nk < i and not v.cap(nk):
                    nk = v.next_word(nk, i)
                return v.idx[nk] if nk < i else v.idx[i]
            k -= 1
        return v.idx[a]

    def _pre_colon(self, colon: int):
        """The attribution before a colon: (verb or colon, clause end, subject span or None)."""
        v = self.v
        s = v.sent_start[v.sent[colon]]
        floor = max(s, v.para_start[v.para[colon]])
        for k in range(colon - 1, floor - 1, -1):
            if v.speech_verb(k):
                after = self.np_after(k, colon)
                if after:
                    return k, colon, after
                sp = self.np_before(k, floor)
                if sp:
                    return k, colon, (sp[0], sp[1], "nom")
                return k, colon, None
        # a bare name before the colon (`Pieskow: – …`, `… mieszkanka osiedla Ewa Lis: – …`)
        span = self._np_up_to(floor, colon)
        if span and colon - floor <= 8:
            return colon, colon, (span[0], span[1], "nom")
        # a name and its apposition (`Paweł Kapsa, bramkarz KSZO: – …`)
        comma = next((x for x in range(floor, colon) if v.words[x] == ","), None)
        span = self._np_up_to(floor, comma) if comma is not None and colon - floor <= 14 else None
        if span and any(v.first_name(x) for x in range(*span)):
            return colon, colon, (span[0], span[1], "nom")
        k = v.prev_word(colon, floor)
        e = k + 1
        while k >= floor and (v.cap(k) or v.words[k] in ".-") and e - k < 5:
            k -= 1
        k += 1
        if e > k and any(v.first_name(x) or v.initial(x) for x in range(k, e)):
            return colon, colon, (k, e, "nom")
        return None

    def _np_up_to(self, floor: int, end: int) -> tuple[int, int] | None:
        """The first noun phrase from `floor` when it runs up to token `end`."""
        span = self._first_np(floor, end)
        return span if span and span[1] >= self.v.prev_word(end) + 1 else None

    def _overlaps_cand(self, a: int, b: int) -> bool:
        return self.in_cand.find(1, a, b) != -1

    def _push(self, c: _Cand) -> int:
        """Add a candidate quote; its index."""
        self.cands.append(c)
        self.in_cand[c.start:c.end] = b"\x01" * (c.end - c.start)
        return len(self.cands) - 1

    def _add_dash(self, qa, qb, verb, cend, sp, pre, kind="direct", cue_colon=None) -> int | None:
        v = self.v
        if qb - qa < 2 or self._overlaps_cand(qa, qb):
            return None
        c = _Cand(qa, qb, kind, "dash")
        if cue_colon is not None and verb == cue_colon:
            c.cue = (verb, verb + 1, ":")
        else:
            c.cue = (verb, verb + 1, self._lemma_of(verb))
        c.pos = v.idx[verb]
        if sp:
            c.speaker_tokens = (sp[0], sp[1])
            c.speaker_case = sp[2]
        elif pre is not None and pre[2]:
            c.speaker_tokens = (pre[2][0], pre[2][1])
            c.cue = (pre[0], pre[0] + 1, self._lemma_of(pre[0]) if v.words[pre[0]] != ":" else ":")
        else:
            self._subject_from_verb(c, verb)
        index = self._push(c)
        self.cover(max(0, qa - 3), qb + 1)
        return index

    def _subject_from_verb(self, c: _Cand, verb: int) -> None:
        """No speaker phrase: an impersonal verb (`poinformowano`) and the writer's first person (`usłyszeliśmy w
        spółdzielni`) name none; otherwise a dropped subject that agrees with the verb (`dodał` -> a man, `dodały` ->
        women) is resolved later."""
        v = self.v
        agreement = v.verb_agreement(verb)
        if ("imps" in v.pos_set(verb) and not v.verb_like(verb, finite_only=True)) or agreement[2] == "pri":
            c.mode = "impersonal"
        else:
            c.mode = "dropped"
            c.agree = tuple(agreement[:2])

    def _add_cont(self, qa, qb, prev_cand) -> int | None:
        if self._overlaps_cand(qa, qb):
            return None
        c = _Cand(qa, qb, "direct", "dash", mode="continuation", chain=prev_cand, pos=qa)
        index = self._push(c)
        self.cover(max(0, qa - 3), qb + 1)
        return index

    def _lemma_of(self, i: int) -> str:
        v = self.v
        lem = v.lemmas[i] & SPEECH_VERBS
        if v.lemma[i] in lem or not lem:
            return v.lemma[i]
        return sorted(lem)[0]

    # ---------------------------------------------------------------- quotation marks
    def find_mark_quotes(self) -> None:
        v = self.v
        t = self.text
        for o, c in self.pairs:
            a, b = o + 1, c
            if b - a < 2 or self.bp_char(o, c) or self.in_covered(o):
                continue
            content = t[a:b]
            words = content.split()
            oi, ci = v.char_tok[o], v.char_tok[c]
            if oi < 0 or ci < 0:
                continue
            para_a = v.para_start[v.para[oi]]
            para_b = v.para_end[v.para[ci]]
            # internal attribution dash: `"... - pisze X. - ..."`
            inner = None
            k = oi + 1
            while k < ci:
                if v.is_dash(k) and v.words[v.prev_word(k)] not in _CLAUSE_END | {","}:
                    att = self.attribution_at(v.next_word(k, ci), ci)
                    if att:
                        inner = (k, att)
                        break
                k += 1
            after = v.next_word(ci, para_b)
            if after < para_b and v.words[after] in (",", "."):
                a2 = v.next_word(after, para_b)
                after = a2 if (a2 < para_b and (v.is_dash(a2) or v.words[after] == ",")) else after
            att_after = None
            if after < para_b and (v.is_dash(after) or v.words[after] == ","):
                att_after = self.attribution_at(v.next_word(after, para_b), para_b)
            before = v.prev_word(oi, para_a)
            colon = before >= para_a and v.words[before] == ":"
            ends_sentence = content.rstrip()[-1:] in ".!?…" or after >= para_b or v.sent_end_at(after) \
                or v.is_dash(after) or v.words[after] in (",", ";")
            full_sentence = (content[:1].isupper() or content[:1] in "(.") and len(words) >= 4 and (
                before < para_a or v.sent_end_at(before) or v.words[before] == ":") and ends_sentence
            if inner:
                d, (verb, cend) = inner
                qa, qb = self.trim(a, v.idx[d])
                sp = self.np_after(verb, cend)
                first = self._add_mark(qa, qb, verb, sp, o)
                if cend < ci and v.is_dash(cend):
                    qa2, qb2 = self.trim(v.ends[cend], b)
                    if qb2 > qa2:
                        self._add_mark_cont(qa2, qb2, first)
                self.cover(o, c + 1)
                continue
            if att_after:
                verb, cend = att_after
                sp = self.np_after(verb, cend)
                if len(words) >= 2 or sp:
                    self._add_mark(*self.trim(a, b), verb, sp, o)
                    self.cover(o, c + 1)
                continue
            if colon:
                pre = self._pre_colon(before)
                if pre is not None and (len(words) >= 3 or (len(words) == 2 and content[:1].isupper())
                                        or content.rstrip()[-1:] in "!?"):
                    verb, _cend, sp = pre
                    qa, qb = self.trim(a, b)
                    self._add_mark(qa, qb, verb, sp, o, colon=before)
                    self.cover(o, c + 1)
                    continue
            if full_sentence and len(words) >= 5:
                qa, qb = self.trim(a, b)
                idx = self._add_mark(qa, qb, None, None, o)
                if idx is not None:
                    self.cands[idx].mode = "context"
                self.cover(o, c + 1)

    def _add_mark(self, qa, qb, verb, sp, o, colon=None) -> int | None:
        v = self.v
        if qb - qa < 2 or self._overlaps_cand(qa, qb):
            return None
        c = _Cand(qa, qb, "direct", "mark", pos=o)
        if verb is not None:
            if colon is not None and verb == colon:
                c.cue = (colon, colon + 1, ":")
            else:
                c.cue = (verb, verb + 1, self._lemma_of(verb))
                c.pos = v.idx[verb]
        if sp:
            c.speaker_tokens = (sp[0], sp[1])
            c.speaker_case = sp[2]
        elif verb is not None and verb != colon:
            self._subject_from_verb(c, verb)
        else:
            c.mode = "context"
        return self._push(c)

    def _add_mark_cont(self, qa, qb, prev) -> None:
        if not self._overlaps_cand(qa, qb):
            self._push(_Cand(qa, qb, "direct", "mark", mode="continuation", chain=prev, pos=qa))

    # ---------------------------------------------------------------- indirect
    def find_indirect(self) -> None:
        v = self.v
        n = v.n
        for i in range(n):
            if v.space[i] or v.bp[i]:
                continue
            lw = v.low[i]
            if self.in_covered(v.idx[i]):
                continue
            if lw == "jak" and i + 1 < n:
                self._jak(i)
                continue
            key = None
            if lw in ("według", "zdaniem", "wedle"):
                key = (lw,)
            elif lw == "w" and i + 2 < n and v.low[v.next_word(i)] in ("opinii", "ocenie", "przekonaniu"):
                key = ("w", v.low[v.next_word(i)])
            if key:
                self._according(i, key)
                continue
            if lw == "zdania" and i > 0 and v.lemmas[v.prev_word(i)] & {"być"}:
                self._content_clause(i, verb=v.prev_word(i))  # `jest zdania, że`
                continue
            if not v.lemmas[i] & INDIRECT_VERBS or not v.verb_like(i):
                continue
            self._content_clause(i)

    def _sentence_bounds(self, i: int) -> tuple[int, int]:
        v = self.v
        s = v.sent[i]
        a, b = v.sent_start[s], v.sent_end[s]
        pa, pb = v.para_start[v.para[i]], v.para_end[v.para[i]]
        return max(a, pa), min(b, pb)

    def _content_end(self, k: int, b: int) -> int:
        """Char end of a content clause starting at token k, within sentence end b (and MAX_CLAUSE_TOKENS)."""
        v = self.v
        b = min(b, k + MAX_CLAUSE_TOKENS)  # bounded work per clause: linear time on run-on text
        depth = 0
        e = k
        while e < b:
            w = v.words[e]
            if w in "„«":
                depth += 1
            elif w in "”»" and depth:
                depth -= 1
            if depth == 0 and v.is_dash(e) and e > k:
                nw = v.next_word(e, b)
                if nw < b and (self.attribution_at(nw, b) or v.words[v.prev_word(e)] == ":"):
                    break
            if depth == 0 and w == ":" and v.next_word(e, b) < b and v.is_dash(v.next_word(e, b)):
                break
            e += 1
        end_char = v.ends[e - 1] if e > k else v.idx[k]
        # a sentence may spill over a quote mark closing later
        if depth > 0:
            para_end = v.para_end[v.para[k]]
            while e < para_end and depth > 0:
                if v.words[e] in "”»":
                    depth -= 1
                e += 1
            end_char = v.ends[e - 1]
        return end_char

    def _content_clause(self, i: int, verb: int | None = None) -> None:
        v = self.v
        sa, sb = self._sentence_bounds(i)
        agr = v.verb_agreement(verb if verb is not None else i)
        if agr[2] in ("pri", "sec"):
            return  # the journalist's `zapytaliśmy`, the speaker's own `mówię`
        if "impt" in v.pos_set(i) and not v.verb_like(i):
            return
        pw = v.prev_word(i, sa)
        if pw >= sa and v.low[pw] == "nie":
            pw = v.prev_word(pw, sa)
        if pw >= sa and v.low[pw] in ("nikt", "nikogo", "niczego"):
            return  # nobody said it
        nxt = v.next_word(i, sb)
        if nxt < sb and v.low[nxt] == "się" and not (v.lemmas[i] & _REFLEXIVE_SPEECH):
            return  # `przyznaje się`, `mówi się`: confession or hearsay, not a report
        k = i + 1
        steps = 0
        subj_after = None
        while k < sb and steps < 10:
            if v.space[k]:
                k += 1
                continue
            steps += 1
            lw = v.low[k]
            if lw == ",":
                nk = v.next_word(k, sb)
                if nk < sb and v.low[nk] in COMPLEMENTIZERS:
                    return self._emit_indirect(i, nk, sa, sb, subj_after, verb)
                return
            if lw == "na":
                return  # `wskazuje na to, że`: evidence, not speech
            if lw in _SKIP_AFTER_VERB or lw in ("o", "tym", "to"):
                k += 1
                continue
            if lw in COMPLEMENTIZERS and lw in ("że", "iż") :
                return self._emit_indirect(i, k, sa, sb, subj_after)
            pos = v.pos_set(k)
            if (v.has_case(k, "nom") or self._unknown_name(k)) and subj_after is None and not (pos & {"fin", "praet"}):
                e = self.np_extent(k, sb)
                if e > k:
                    subj_after = (k, e)
                    k = e
                    continue
            if pos & {"adv", "prep", "subst", "adj", "ppron3", "ppron12", "num"} and not (pos & {"fin", "praet"}):
                k += 1
                continue
            return

    def _emit_indirect(self, verb: int, comp: int, sa: int, sb: int, subj_after, agr_verb=None) -> None:
        v = self.v
        cue_tok = verb
        if agr_verb is not None:
            verb = agr_verb
        start = v.next_word(comp, sb)
        if start >= sb:
            return
        qa = v.idx[start]
        qb = self._content_end(start, sb)
        qa, qb = self.trim(qa, qb)
        while qb > qa and self.text[qb - 1] in ".!?…":
            qb -= 1
        if qb - qa < 3 or self.in_covered(qa):
            return
        kind = "mixed" if any(ch in self.text[qa:qb] for ch in "„\"«»") else "indirect"
        c = _Cand(qa, qb, kind, "indirect", pos=v.idx[verb])
        if cue_tok != verb:
            c.cue = (verb, cue_tok + 1, "być zdania")
        else:
            lemma = self._lemma_of(verb)
            cue_end = verb + 1
            if cue_end < v.n and v.low[cue_end] == "się":
                cue_end += 1
            c.cue = (verb, cue_end, lemma)
        self._subject_for(c, verb, sa, subj_after)
        if c.mode == "skip":
            return
        self._push(c)

    def _subject_for(self, c: _Cand, verb: int, sa: int, subj_after=None) -> None:
        v = self.v
        agr = v.verb_agreement(verb)
        pos = v.pos_set(verb)
        if "imps" in pos and not v.verb_like(verb, finite_only=True):
            # `poinformowano nas` (a source told the journalist) is a report; `uważano` is not
            nxt = v.next_word(verb)
            if nxt < v.n and v.low[nxt] in ("nas", "nam", "mnie", "mi"):
                c.mode = "impersonal"
                org = self._locative_source(sa, verb)
                if org:
                    c.mode = "explicit"
                    c.speaker_tokens = org
                    c.speaker_case = "loc"
            else:
                c.mode = "skip"
            return
        if subj_after:
            c.speaker_tokens = subj_after
            return
        if "pcon" in pos and not v.verb_like(verb, finite_only=True):
            c.mode = "clause"  # the subject of the governing clause
            c.agree = (frozenset(), None)
            return
        sp = self.np_before(verb, sa)
        if sp:
            w = v.low[sp[0]]
            if w in ("kto", "co", "ktoś", "nikt") and w != "ktoś":
                c.mode = "skip"  # `Kto pisał, że …?`: a question, not a report
                return
            if w in _RELATIVE:
                c.mode = "relative"
                c.agree = (agr[0], agr[1])
                return
            if w in _PRONOUNS and sp[1] - sp[0] == 1:
                # `Ten obiecał`: a demonstrative points at the last-named person, in any case
                c.mode = "relative" if w in ("ten", "ta", "ci", "te") else "dropped"
                g, num = _PRONOUNS[w]
                c.agree = (agr[0] or frozenset({g}), agr[1] or num)
                return
            c.speaker_tokens = sp
            return
        c.mode = "dropped"
        c.agree = (agr[0], agr[1])

    def _source_extent(self, s0: int, sb: int) -> int:
        """End of the source phrase after `według`/`zdaniem`: up to a comma close by, else the
        head word with its adjectives and capitalised words (`według ekspertów ceny wzrosną`)."""
        v = self.v
        full = self.np_extent(s0, sb)
        k = s0
        while k < min(sb, s0 + 8):
            if v.words[k] in (",", "–", "—", "-") and k > s0:
                return min(full, k) if full > s0 else k
            if v.pos_set(k) & {"fin", "praet", "bedzie"} and not v.pos_set(k) & {"subst", "adj"}:
                break
            k += 1
        e = s0 + 1
        while e < full and (v.cap(e) or v.words[e] in ".-" or (v.pos_set(e) & {"adj", "ppas", "pact"}
                                                               and not v.pos_set(e) & {"subst"})):
            e += 1
        return e

    def _locative_source(self, a: int, b: int) -> tuple[int, int] | None:
        """`W Sopockim Zrzeszeniu Transportowym poinformowano nas`: the institution in `w X`."""
        v = self.v
        for k in range(a, b):
            if v.low[k] in ("w", "we") and not v.space[k]:
                s0 = v.next_word(k, b)
                if s0 < b and v.cap(s0):
                    e = self.np_extent(s0, b)
                    if e > s0:
                        return s0, e
        return None

    def _jak(self, i: int) -> None:
        """`Jak mówi X, …` / `…, jak podkreślił X.` / `Jak wynika z wypowiedzi X, …`."""
        v = self.v
        sa, sb = self._sentence_bounds(i)
        j = v.next_word(i, sb)
        if j >= sb:
            return
        cue_end = j + 1
        sp = None
        if v.low[j] == "wynika" and v.next_word(j, sb) < sb and v.low[v.next_word(j, sb)] == "z":
            z = v.next_word(j, sb)
            w2 = v.next_word(z, sb)
            if w2 >= sb or v.low[w2] not in ("wypowiedzi", "słów", "relacji", "zapewnień", "informacji", "deklaracji"):
                return
            s0 = v.next_word(w2, sb)
            e = self.np_extent(s0, sb)
            if e <= s0:
                return
            sp = (s0, e, "gen")
            cue_end = w2 + 1
            verb = j
        else:
            if not v.speech_verb(j, INDIRECT_VERBS):
                return
            verb = j
            agr = v.verb_agreement(j)
            if agr[2] in ("pri", "sec"):
                return
            sp = self.np_after(j, sb)
        # content: after the attribution to the sentence end, or from the sentence start to `, jak`
        pw = v.prev_word(i, sa)
        if pw < sa or v.words[pw] in _SENT_END:
            # attribution first: find the comma closing it
            k = (sp[1] if sp else verb + 1)
            while k < sb and v.words[k] != ",":
                if v.words[k] in _SENT_END:
                    return
                k += 1
            start = v.next_word(k, sb)
            if start >= sb:
                return
            qa, qb = self.trim(v.idx[start], self._content_end(start, sb))
        elif v.words[pw] == ",":
            qa, qb = self.trim(v.idx[v.next_word(sa - 1, sb) if sa > 0 else sa], v.idx[pw])
            if qa >= qb:
                return
        else:
            return
        while qb > qa and self.text[qb - 1] in ".!?…":
            qb -= 1
        if qb - qa < 3 or self.in_covered(qa):
            return
        kind = "mixed" if any(ch in self.text[qa:qb] for ch in "„\"«»") else "indirect"
        c = _Cand(qa, qb, kind, "indirect", pos=v.idx[i])
        c.cue = (i, cue_end, self._lemma_of(verb) if verb != j or v.low[j] != "wynika" else "wynikać")
        if sp:
            c.speaker_tokens = (sp[0], sp[1])
            c.speaker_case = sp[2]
        else:
            agr = v.verb_agreement(verb)
            c.mode = "dropped"
            c.agree = (agr[0], agr[1])
        self._push(c)

    def _according(self, i: int, key: tuple[str, ...]) -> None:
        v = self.v
        sa, sb = self._sentence_bounds(i)
        k = i
        for _ in key[1:]:
            k = v.next_word(k, sb)
        s0 = v.next_word(k, sb)
        if s0 >= sb:
            return
        pw = v.prev_word(i, sa)
        # `moim zdaniem` / `jego zdaniem`
        pron = None
        if key == ("zdaniem",) and pw >= sa and v.low[pw] in _PRONOUNS | {"moim": 0, "naszym": 0, "jego": 0}:
            if v.low[pw] in ("moim", "naszym", "twoim", "waszym"):
                return
            pron = pw
        if pron is None and key == ("zdaniem",) and v.low[pw] if pw >= sa else False:
            if v.low[pw] in ("moim", "naszym", "twoim", "waszym", "czyim", "innym"):
                return
        if pron is not None:
            sp_span = (pron, pron + 1)
            att_end = i + 1
            pw = v.prev_word(pron, sa)
        else:
            if v.low[s0] in ("niego", "niej", "nich", "mnie", "nas"):
                if v.low[s0] in ("mnie", "nas"):
                    return
                sp_span = (s0, s0 + 1)
            else:
                e = self._source_extent(s0, sb)
                if e <= s0:
                    return
                head = v.lemmas[s0]
                if head & _NOT_SOURCES or v.low[s0] in ("danych", "badań", "sondażu", "prognoz", "statystyk"):
                    pass  # statistics and documents as sources: borderline, still reported
                if head & _NOT_SOURCES:
                    return
                sp_span = (s0, e)
            att_end = sp_span[1]
        # where is the attribution in its sentence?
        nxt = v.next_word(att_end - 1, sb)
        at_start = pw < sa or v.words[pw] in _SENT_END
        pieces = []
        if at_start:
            k = nxt
            if k < sb and v.words[k] == ",":
                k = v.next_word(k, sb)
            if k >= sb:
                return
            pieces.append((v.idx[k], self._content_end(k, sb)))
        else:
            first = v.next_word(sa - 1, sb) if sa > 0 else sa
            if pw >= sa and v.is_dash(pw) and nxt < sb and v.is_dash(nxt):
                pieces.append((v.idx[first], v.idx[pw]))
                k2 = v.next_word(nxt, sb)
                if k2 < sb:
                    pieces.append((v.idx[k2], self._content_end(k2, sb)))
            elif pw >= sa and v.words[pw] == "," and nxt < sb and v.words[nxt] == ",":
                pieces.append((v.idx[first], self._content_end(first, sb)))
            elif pw >= sa and v.words[pw] == "," and (nxt >= sb or v.words[nxt] in _SENT_END):
                pieces.append((v.idx[first], v.idx[pw]))
            else:
                return
        prev = None
        for qa, qb in pieces:
            qa, qb = self.trim(qa, qb)
            while qb > qa and self.text[qb - 1] in ".!?…":
                qb -= 1
            if qb - qa < 3 or self.in_covered(qa) or self._overlaps_cand(qa, qb):
                continue
            kind = "indirect"  # `według X` governs a whole sentence: quoted words in it are scare quotes
            c = _Cand(qa, qb, kind, "indirect", pos=v.idx[i])
            if prev is None:
                cue_end = i + len(key)
                c.cue = (i, cue_end if key[0] != "w" else v.next_word(i, sb) + 1, key[-1] if len(key) == 1 else " ".join(key))
                w = v.low[sp_span[0]]
                if w in _PRONOUNS and sp_span[1] - sp_span[0] == 1:
                    g, num = _PRONOUNS[w]
                    c.mode = "dropped"
                    c.agree = (frozenset({g}) if g == "f" else frozenset({"m1", "m"}), num)
                else:
                    c.speaker_tokens = sp_span
                    c.speaker_case = "gen"
                prev = self._push(c)
            else:
                c.mode = "continuation"
                c.chain = prev
                self._push(c)

    # ---------------------------------------------------------------- headlines
    def find_headlines(self) -> None:
        v = self.v
        sections = self.doc._.get(ext.SECTIONS) or []
        for s in sections:
            if s.kind not in ("headline", "heading", "lead") and not (s.kind == "paragraph" and s.end - s.start < 120):
                continue
            line = self.text[s.start:s.end]
            m = re.match(r"^([A-ZŁŚŻŹĆÓĘĄŃ][\w.\-]*(?: [A-ZŁŚŻŹĆÓĘĄŃ][\w.\-]*){0,3}):\s+(\S.*)$", line)
            if not m or "\n" in line:
                continue
            qa, qb = s.start + m.start(2), s.start + m.end(2)
            qa, qb = self.trim(qa, qb)
            while qb > qa and self.text[qb - 1] in ".":
                qb -= 1
            if len(m.group(2).split()) < 2 or self._overlaps_cand(qa, qb) or self.bp_char(qa, qb):
                continue
            a_tok = v.char_tok[s.start]
            colon_tok = v.char_tok[s.start + m.end(1)]
            if a_tok < 0 or colon_tok < 0:
                continue
            # the name must look like a name: capitalised words, not a label like `Czytaj też`
            if any(v.pos_set(k) & {"fin", "praet", "impt"} for k in range(a_tok, colon_tok)):
                continue
            if not any(self._unknown_name(k) or v.initial(k) or any(
                    _PERSON_CLASSES.intersection(r.names) for r in v.readings[k]) for k in range(a_tok, colon_tok)):
                continue  # `Współpraca: …`, `Uwaga: …`
            if all(w[:1].isupper() for w in m.group(2).split()):
                continue  # a byline: `Współpraca: Aleksander Król`
            c = _Cand(qa, qb, "direct", "headline", pos=s.start)
            c.cue = (colon_tok, colon_tok + 1, ":")
            c.speaker_tokens = (a_tok, colon_tok)
            self._push(c)

    # ---------------------------------------------------------------- speakers
    def mentions(self) -> list[tuple[int, int, int, frozenset, bool]]:
        """Person-name runs outside quotes: (char start, token start, token end, genders, nominative)."""
        v = self.v
        out = []
        spans = sorted((c.start, c.end) for c in self.cands if c.stage in ("dash", "mark", "headline"))
        si = 0
        i = 0
        while i < v.n:
            if v.space[i] or not v.cap(i):
                i += 1
                continue
            # a run of capitalised words, initials and hyphenated parts on one line
            j = i
            toks = []
            while j < v.n and not v.space[j]:
                if v.cap(j):
                    toks.append(j)
                    j += 1
                elif v.words[j] == "." and toks and v.initial(toks[-1]) and j == toks[-1] + 1:
                    j += 1
                elif v.words[j] == "-" and toks and j + 1 < v.n and v.cap(j + 1) and v.ends[j - 1] == v.idx[j]:
                    j += 1
                else:
                    break
                if j < v.n and not v.space[j] and j - 1 >= 0 and v.ends[j - 1] == v.idx[j] \
                        and v.words[j - 1] not in ".-" and v.words[j] != "-":
                    break  # `Zielińskim.` - punctuation glued to the word ends the run
            # keep the part from the first person-like word
            first = next((k for k in toks if v.person_word(k) or v.initial(k)), None)
            if first is None and len(toks) >= 2 and (all(self._unknown_name(k) for k in toks[:2]) or (
                    len(toks) == 2 and self._unknown_name(toks[-1]) and i > 0
                    and not v.cap(v.prev_word(i)) and self._person_noun(v.prev_word(i)))):
                first = toks[0]  # `autor Lon Witter`: a role noun before two capitalised words
            if first is None or (i > 0 and v.words[v.prev_word(i)] in _QUOTE_MARK_TOKENS):
                i = max(j, i + 1)
                continue
            # `Violetty Nowakowskiej Małgorzata Musierowicz`: a first name after a surname starts a new name
            rest = [k for k in toks if k >= first]
            for n_, k in enumerate(rest[1:], 1):
                if v.first_name(k) and not v.first_name(rest[n_ - 1]) and not v.initial(rest[n_ - 1]):
                    rest = rest[:n_]
                    break
            e = rest[-1] + 1
            c0 = v.idx[first]
            if self.in_pair[c0]:
                i = max(j, i + 1)
                continue
            while si < len(spans) and spans[si][1] <= c0:
                si += 1
            inside = si < len(spans) and spans[si][0] <= c0 < spans[si][1]
            if not inside:
                nom = v.nominative_name(first, e)
                out.append((c0, first, e, self.name_genders(first, e), nom))
            i = max(j, i + 1)
        return out

    def name_genders(self, a: int, b: int) -> frozenset:
        v = self.v
        first = set()
        other = set()
        for k in range(a, b):
            for r in v.readings[k]:
                if "imię" in r.names:
                    p = r.tag.split(":")
                    if len(p) > 3:
                        first.update(_gender_class(g) for g in p[3].split("."))
                elif "nazwisko" in r.names:
                    p = r.tag.split(":")
                    if len(p) > 3 and "nom" in p[2].split("."):
                        other.update(_gender_class(g) for g in p[3].split("."))
        g = first or other
        if not g:
            last = v.words[b - 1].lower()
            if re.search(r"(ska|cka|dzka|owa|ówna|ewa)$", last):
                return frozenset({"f"})
        return frozenset(g)

    def phrase_speaker(self, a: int, b: int, case: str, name_hint: bool = False) -> _Speaker:
        """A speaker from a token span: the person name in it, or the role phrase's base form."""
        v = self.v
        if name_hint and all(v.cap(k) or v.words[k] in ".-" or v.space[k] for k in range(a, b)):
            surface = self.text[v.idx[a]:v.ends[b - 1]]
            return _Speaker(surface, v.idx[a], v.ends[b - 1], self.name_genders(a, b), "sg", person=True)
        from kronika.pipeline.names import base_form

        # drop `jeden z` / adjectives before a capitalised name
        words = [k for k in range(a, b) if not v.space[k]]
        if len(words) >= 3 and v.low[words[0]] in ("jeden", "jedna", "jedno") and v.low[words[1]] == "z":
            rest = words[2:]
            head = next((k for k in rest if v.pos_set(k) & {"subst", "depr"}), rest[0])
            lem = " ".join(v.lemma[k] for k in rest if k <= head)
            tail = self.text[v.ends[head]:v.ends[rest[-1]]] if rest[-1] > head else ""
            return _Speaker((lem + tail).strip(), v.idx[a], v.ends[b - 1], number="sg")
        # a person name run inside the phrase
        best = None
        k = a
        while k < b:
            if case == "nom" and v.cap(k) and self._has_cases(k) and not v.has_case(k, "nom") \
                    and not v.initial(k):
                k += 1  # `szkoleniowiec Arki`, `babcia Katarzyny Pawłowskiej`: a genitive, not the speaker
                continue
            if v.cap(k) and not v.space[k] and (v.person_word(k) or v.first_name(k) or v.initial(k)
                                                or self._unknown_name(k)):
                e = k
                while e < b and (v.cap(e) or v.words[e] in (".", "-") or v.space[e]) and v.words[e] not in (",",):
                    if v.words[e] == "." and not (e > k and v.initial(e - 1)):
                        break
                    e += 1
                while e > k and (v.space[e - 1] or v.words[e - 1] == "-"):
                    e -= 1
                if any(v.first_name(x) or v.initial(x) for x in range(k, e)):
                    best = (k, e)
                    break
                if best is None and (any(v.person_word(x) for x in range(k, e)) or (
                        e - k >= 1 and self._unknown_name(k))):
                    best = (k, e)
                k = e + 1
                continue
            k += 1
        if best:
            s, e = best
            firsts = [x for x in range(s, e) if v.first_name(x)]
            if firsts and firsts[0] > s and not v.initial(s):
                s = firsts[0]  # `Arki Dariusz Pasieka` -> `Dariusz Pasieka`
            surface = self.text[v.idx[s]:v.ends[e - 1]]
            name = surface
            nominative = case == "nom"
            if not nominative:
                try:
                    name = base_form(surface, "person") or surface
                except Exception:  # noqa: BLE001 - the colleague's stage may be unfinished
                    name = surface
                name = self._unknown_surname(name, s, e)
            sp = _Speaker(name, v.idx[s], v.ends[e - 1], self.name_genders(s, e), "sg", person=True)
            sp.name = self.expand_name(sp.name, s, e)
            return sp
        surface = self.text[v.idx[a]:v.ends[b - 1]].strip(_QUOTE_CHARS + " ")
        name = surface
        if case != "nom" or not v.has_case(words[0], "nom"):
            try:
                name = base_form(surface, "other") or surface
            except Exception:  # noqa: BLE001
                name = surface
        sentence_initial = words[0] == v.sent_start[v.sent[words[0]]] or v.sent_end_at(v.prev_word(words[0]))
        if name and name[:1].isupper() and sentence_initial and not any(
                v.cap(x) and x != words[0] for x in words) and not v.other_name_word(words[0]) \
                and not any("nazwisko" in r.names or "imię" in r.names for r in v.readings[words[0]]):
            name = name[:1].lower() + name[1:]
        genders = set()
        number = None
        want_case = "nom" if case == "nom" else case
        for r in v.readings[words[0]] if words else ():
            p = r.tag.split(":")
            if p[0] in ("subst", "depr", "adj", "pact") and len(p) > 3 and want_case in p[2].split("."):
                genders.update(_gender_class(g) for g in p[3].split("."))
                number = number or p[1].split(".")[0]
        return _Speaker(name, v.idx[a], v.ends[b - 1], frozenset(genders), number)

    def _unknown_surname(self, name: str, s: int, e: int) -> str:
        """`Tomaszu Undermanie` -> `Tomasz Underman`: a male surname Morfeusz does not know, left
        inflected after the first name was put in the nominative, loses its case ending."""
        v = self.v
        words = name.split()
        last = e - 1
        if len(words) < 2 or not v.unknown(last) or words[-1] != v.words[last]:
            return name
        if not any(v.first_name(k) and "m1" in self.name_genders(k, k + 1) for k in range(s, last)):
            return name
        if words[0] == v.words[s]:
            return name  # the first name was nominative already: so is the surname
        for suffix in ("owi", "em", "ie", "u", "a"):
            stem = words[-1][: -len(suffix)]
            if words[-1].endswith(suffix) and len(stem) >= 3 and not stem[-1] in "aeiouyąęó":
                return " ".join(words[:-1] + [stem])
        return name

    def _unknown_name(self, k: int) -> bool:
        """A capitalised word Morfeusz does not know, not an acronym (`BPP`, `GPEC`)."""
        w = self.v.words[k]
        return self.v.unknown(k) and not (len(w) > 1 and w.isupper())

    def expand_name(self, name: str, s: int, e: int) -> str:
        """`W. Kalisz` / `Kalisz` -> the fullest form of the same surname in the article."""
        words = name.replace(".", ". ").split()
        if not words:
            return name
        last = words[-1]
        if len(words) >= 2 and not any(len(w.rstrip(".")) == 1 for w in words):
            return name
        best = self._full_names.get(last.lower())
        if best and best != name:
            first = best.split()[0]
            if len(words) >= 2 and len(words[0].rstrip(".")) == 1 and not first.startswith(words[0].rstrip(".")):
                return name
            return best
        return name

    def build_full_names(self, mentions) -> None:
        from kronika.pipeline.names import base_form

        self._full_names: dict[str, str] = {}
        v = self.v
        for c0, s, e, g, nom in mentions:
            toks = [k for k in range(s, e) if not v.space[k]]
            if len(toks) < 2 or any(v.initial(k) for k in toks) or v.words[toks[-1]] == ".":
                continue
            surface = self.text[v.idx[s]:v.ends[e - 1]]
            if len(surface.split()) > 3:
                continue
            try:
                base = surface if nom else (base_form(surface, "person") or surface)
            except Exception:  # noqa: BLE001
                base = surface
            key = base.split()[-1].lower()
            self._full_names.setdefault(key, base)
            self._full_names.setdefault(v.words[toks[-1]].lower(), base)

    def resolve(self) -> list[Quote]:
        v = self.v
        self.cands.sort(key=lambda c: (c.start, c.end))
        # chains were indices into the unsorted list: rebuild by identity
        mentions = self.mentions()
        self.build_full_names(mentions)
        entities = _mention_index(self.doc._.get(ext.ENTITIES) or [])
        history: list[tuple[int, _Speaker]] = []  # (char pos, speaker) of earlier quotes
        out: list[Quote] = []
        resolved: dict[int, _Speaker | None] = {}
        # precompute: mention list sorted by position
        ments = [(c0, s, e, g, nom) for c0, s, e, g, nom in mentions]
        for c in self.cands:
            sp: _Speaker | None = None
            if c.speaker_tokens:
                a, b = c.speaker_tokens
                sp = self.phrase_speaker(a, b, c.speaker_case, name_hint=c.stage == "headline")
                if c.cue and c.cue[2] != ":" and (not sp.genders or sp.number is None):
                    agr = v.verb_agreement(c.cue[0])
                    if agr[0] and not sp.genders and agr[1] != "pl":
                        sp.genders = agr[0]
                    sp.number = sp.number or agr[1]
                if not sp.person:
                    linked = self.link_role(sp, a, b, history, ments)
                    if linked is not None and linked.name:
                        # the role phrase stays the mention; the name comes from its antecedent
                        sp = _Speaker(linked.name, sp.start, sp.end, linked.genders, linked.number, True,
                                      antecedent=(linked.start, linked.end) if linked.start is not None else None)
            elif c.mode in ("dropped", "relative", "clause"):
                sp = self.context_speaker(c.pos, c.agree, history, ments, relative=c.mode == "relative")
            elif c.mode == "continuation":
                src = self._chain_source(c)
                sp = resolved.get(id(src)) if src is not None else None
                if src is not None and src.mode == "impersonal":
                    c.mode = "impersonal"  # `– … – usłyszeliśmy w spółdzielni. – …`: still nobody named
                elif sp is None:
                    sp = self.context_speaker(c.pos, (frozenset(), None), history, ments, recent_only=True)
            elif c.mode == "context":
                sp = self.context_speaker(c.pos, (frozenset(), None), history, ments, recent_only=True)
            resolved[id(c)] = sp
            if sp is not None and sp.name:
                history.append((c.pos, sp))
        # forward fill: a dropped subject with no antecedent takes the next speaker
        for n_, c in enumerate(self.cands):
            if resolved.get(id(c)) is None and c.mode in ("dropped", "continuation", "context"):
                for c2 in self.cands[n_ + 1:n_ + 4]:
                    sp2 = resolved.get(id(c2))
                    if sp2 is not None and sp2.person and c2.start - c.end < 400:
                        resolved[id(c)] = sp2
                        break
        for c in self.cands:
            sp = resolved.get(id(c))
            name = sp.name if sp else None
            mention = (sp.start, sp.end) if sp and sp.start is not None else None
            entity = None
            if entities and mention:
                ent = _entity_covering(entities, mention)
                if ent is None and sp.antecedent:
                    ent = _entity_covering(entities, sp.antecedent)
                if ent is not None:
                    entity, ename = ent
                    name = ename or name
            cue = None
            if c.cue:
                a, b, lemma = c.cue
                cs, ce = v.idx[a], v.ends[b - 1]
                cue = Cue(cs, ce, self.text[cs:ce], lemma)
            out.append(Quote(c.start, c.end, self.text[c.start:c.end], c.kind, name or None, entity, mention, cue))
        return out

    def _chain_source(self, c: _Cand) -> _Cand | None:
        """The candidate whose speaker a continuation shares: the previous quote in the text."""
        idx = self.cands.index(c)
        for k in range(idx - 1, -1, -1):
            prev = self.cands[k]
            if c.start - prev.end > 1500:
                return None
            if prev.stage in ("dash", "mark", "indirect"):
                return prev
        return None

    def link_role(self, sp: _Speaker, a: int, b: int, history, ments) -> _Speaker | None:
        """A role phrase (`prezydent Rosji`, `rzecznik prasowy`) that refers back to a named person."""
        v = self.v
        head = self.v.lemma[a] if a < v.n else None
        if not head or not sp.name:
            return None
        words = [k for k in range(a, b) if not v.space[k]] or [a]
        if v.low[a] in ("nasz", "nasza", "nasi", "jeden", "jedna", "pewien", "pewna", "inny", "inna", "jakiś",
                        "jakaś", "ktoś", "niektórzy", "wielu", "kilku", "ci", "ten", "ta"):
            return None
        if sp.number == "pl" or len(words) > 3:
            return None
        if any(v.lemmas[k] & {"jeden", "pewien", "inny", "któryś", "jakiś", "nasz", "wasz", "mój"} for k in words):
            return None  # an indefinite source: `wiceprezes jednej z firm`
        end = words[-1] + 1
        nxt = v.next_word(end - 1)
        if nxt < v.n and v.words[nxt] == "," and len(words) >= 2:
            n2 = v.next_word(nxt)
            if n2 < v.n and v.low[n2] in _RELATIVE | {"którego", "której", "których", "któremu", "którym"}:
                return None  # `pracownik firmy, którego przeniesiono`: a new, described source
        # the head noun: the first noun of the phrase
        head = next((k for k in words if v.pos_set(k) & {"subst", "depr", "ger"} or v.lemma[k].endswith("cy")), a)
        heads = v.lemmas[head]
        c0 = v.idx[a]
        if not self._person_noun(head):
            return None
        # apposition: `Name, role` / `role Name` earlier in the article (within APPOSITION_REACH characters)
        lo = bisect.bisect_left(ments, (c0 - APPOSITION_REACH,))
        for m0, s, e, g, nom in ments[lo:bisect.bisect_left(ments, (c0,))]:
            if s <= head < e:
                continue
            nb = v.next_word(e - 1)
            after = []
            if nb < v.n and v.words[nb] == ",":
                x = v.next_word(nb)
                after = [x, v.next_word(x)] if x < v.n else []
            before = []
            x = v.prev_word(s)
            if x >= 0:
                before = [x, v.prev_word(x)] if not v.cap(x) else [x]
            if any(0 <= k < v.n and v.lemmas[k] & heads for k in after + before):
                return self.phrase_speaker(s, e, "nom" if nom else "gen")
        # anaphoric (the head noun occurred before) or a bare role: the most recent agreeing person
        earlier = any(self.first_use.get(lemma, a) < a for lemma in heads)
        bare = len(words) == 1  # `rzecznik ministerstwa` names its own source; a lone `minister` refers back
        if not (earlier or bare):
            return None
        return self.context_speaker(c0, (sp.genders, "sg"), history, ments, person_only=True, relative=True)

    def _person_noun(self, k: int) -> bool:
        """A common noun for a person (`rzecznik`, `aktorka`, `wojewoda`), not an institution."""
        v = self.v
        w = v.words[k]
        if len(w) > 1 and w.isupper():
            return False
        for r in v.readings[k]:
            p = r.tag.split(":")
            if p[0] in ("subst", "depr", "adj", "pact") and len(p) > 3:
                gs = p[3].split(".")
                if "m1" in gs:
                    return True
                if "f" in gs and re.search(r"(ka|yni|ini|ica|owa)$", r.lemma):
                    return True
        return False

    def _phrase_end(self, a: int) -> int:
        return self.np_extent(a, min(self.v.n, a + 12))

    def context_speaker(self, pos: int, agree, history, ments, relative=False, recent_only=False,
                        person_only=False) -> _Speaker | None:
        genders, number = agree
        want = _gender_want(genders)
        # most recent agreeing candidate among earlier speakers and nominative person mentions
        best = None
        best_pos = -1
        for hpos, sp in reversed(history):
            if hpos >= pos:
                continue
            if pos - hpos > 2500:
                break
            if person_only and not sp.person:
                continue
            if want and not sp.genders:
                continue
            if _agrees(sp.genders, sp.number, want, number):
                best, best_pos = sp, hpos
                break
        if recent_only:
            return best
        for m0, s, e, g, nom in reversed(ments):
            if m0 >= pos:
                continue
            if m0 <= best_pos or pos - m0 > 2500:
                break
            if not nom and not relative:
                continue
            if number == "pl":
                continue
            if _agrees(g, "sg", want, number):
                sp = self.phrase_speaker(s, e, "nom" if nom else "gen")
                return sp
        return best


def _gender_want(genders: frozenset) -> frozenset:
    if not genders:
        return frozenset()
    out = set()
    for g in genders:
        if g in ("m1", "m"):
            out.update({"m1", "m"})
        else:
            out.add(g)
    return frozenset(out)


def _agrees(genders, number, want, want_number) -> bool:
    if want_number and number and want_number != number:
        return False
    if not want or not genders:
        return True
    return bool(_gender_want(genders) & want)


def _mention_index(entities) -> SpanIndex[tuple[bool, str, str]]:
    """Every entity mention as (start, end, (is a person, entity id, entity name))."""
    rows = []
    for ent in entities:
        ident, name, person = str(_get(ent, "id")), _get(ent, "name"), _get(ent, "type") == "person"
        for m in _get(ent, "mentions") or []:
            ms, me = _get(m, "start"), _get(m, "end")
            if ms is not None and me is not None:
                rows.append((ms, me, (person, ident, name)))
    return SpanIndex(rows)


def _entity_covering(mentions: SpanIndex[tuple[bool, str, str]], span: tuple[int, int]) -> tuple[str, str] | None:
    """(id, name) of the entity the speaker phrase names: a person inside it, else a mention at its start.

    `władze Metra` is not the organisation `Metro`: a name in the complement does not speak.
    """
    a, b = span
    best, best_key = None, (False, 0)
    for ms, me, (person, ident, name) in mentions.overlapping(a, b):
        ov = min(b, me) - max(a, ms)
        if ov > 0 and (person or ms <= a) and (person, ov) > best_key:
            best_key, best = (person, ov), (ident, name)
    return best


def _get(obj, key):
    if isinstance(obj, dict):
        return obj.get(key)
    return getattr(obj, key, None)


# --------------------------------------------------------------------------- API


def find_quotes(doc: Doc) -> list[Quote]:
    """Every quote in an analysed doc (needs morphology, structure and sentences)."""
    if not len(doc):
        return []
    f = _Finder(doc)
    f.find_dash_quotes()
    f.find_mark_quotes()
    f.find_headlines()
    f.find_indirect()
    quotes = f.resolve()
    return _dedupe(quotes)


def _dedupe(quotes: list[Quote]) -> list[Quote]:
    """Drop quotes nested in a larger one (quoted fragments inside a mixed quote)."""
    quotes = sorted(quotes, key=lambda q: (q.start, -q.end))
    out: list[Quote] = []
    for q in quotes:
        if out and q.start < out[-1].end:
            prev = out[-1]
            if q.end <= prev.end:
                if prev.kind == "indirect" and q.kind == "direct":
                    out[-1] = Quote(prev.start, prev.end, prev.text, "mixed", prev.speaker, prev.speaker_entity,
                                    prev.speaker_mention, prev.cue)
                continue
            if q.start < prev.end - (prev.end - prev.start) // 2:
                continue
        out.append(q)
    return out


@Language.component("kronika_quotations", assigns=["doc._." + ext.QUOTES])
def quotations_component(doc: Doc) -> Doc:
    doc._.set(ext.QUOTES, find_quotes(doc))
    return doc
