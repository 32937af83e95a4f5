"""Morphological disambiguation: one (lemma, NKJP tag) per token among Morfeusz's readings.

The NKJP file we have carries a *random* interpretation per token, not the disambiguated one
(see training/train_tagger.py), so nothing here is learnt from gold tags. The model
(``kronika/models/tagger.json.gz``, built by ``training/train_tagger.py``) has:

* priors over lemmas and over tags, estimated by leave-one-out EM over the Morfeusz candidate
  sets of NKJP's text (``log P(lemma) + log P(tag)``), plus SGJP usage labels (archaic,
  dialectal readings lose) and a few documented preferences for closed-class words;
* lemma capitalisation: a lowercase form never gets a capitalised lemma, a capitalised form
  inside a sentence prefers a proper-noun lemma;
* optionally (``Tagger.load(context=True)``, ``tagger-context.json.gz``) a context model:
  averaged perceptrons predicting POS / case / number / gender from the neighbours' forms and
  ambiguity classes, trained on tokens whose value of that attribute Morfeusz leaves unambiguous.
  It only chooses among the readings of the chosen lemma: tags get ~10 points better, lemmas
  are unchanged, tagging is ~5x slower.

The lemma is chosen by the summed probability of its readings, then the best tag of that lemma.
Unknown words (no reading, or only ``ign``) get readings from ``kronika.pipeline.guesser``.
Returned tags are single NKJP tags (no dots; SGJP's ``part`` -> ``qub``, ``:ncol``/``:col``/``:pt``
dropped).
"""
from __future__ import annotations

import gzip
import itertools
import json
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from kronika.pipeline.guesser import guess_scored
from kronika.pipeline.morphology import Reading

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "tagger.json.gz"

# ---------------------------------------------------------------- tagset -----------------------
# SGJP-only attribute values that the NKJP tagset lacks, and SGJP-only POS mapped to NKJP ones.
_DROP = frozenset({"ncol", "col", "pt"})
_POS_MAP = {"part": "qub", "frag": "ign"}
CASES = frozenset({"nom", "gen", "dat", "acc", "inst", "loc", "voc"})
NUMBERS = frozenset({"sg", "pl"})
GENDERS = frozenset({"m1", "m2", "m3", "f", "n"})
ATTRS = ("pos", "case", "num", "gen")


@lru_cache(maxsize=None)
def expand_tag(tag: str) -> tuple[str, ...]:
    """`subst:sg:nom.acc:n:ncol` -> (`subst:sg:nom:n`, `subst:sg:acc:n`): specific NKJP tags."""
    tag = tag.rstrip(":")
    if not tag:
        return ("ign",)
    parts = tag.split(":")
    pos = _POS_MAP.get(parts[0], parts[0])
    if pos == "ign":
        return ("ign",)
    rest = [p for p in parts[1:] if p and p not in _DROP]
    out = [":".join((pos,) + combo) for combo in itertools.product(*(p.split(".") for p in rest))]
    return tuple(dict.fromkeys(out))


def nkjp_tag(tag: str) -> str:
    """One specific tag in either tagset (Morfeusz/UD-PDB or NKJP) -> NKJP form."""
    return expand_tag(tag)[0]


@lru_cache(maxsize=None)
def tag_attrs(tag: str) -> tuple[str, str, str, str]:
    """(pos, case, number, gender) of a specific tag; '' where the tag has none."""
    parts = tag.split(":")
    case = num = gen = ""
    for p in parts[1:]:
        if p in CASES:
            case = p
        elif p in NUMBERS:
            num = p
        elif p in GENDERS:
            gen = p
    return parts[0], case, num, gen


# Closed-class POS ranking for forms that have readings of several of them (`i` conj/qub/interj,
# `że` comp/qub, `na` prep/interj): the corpus priors cannot tell these apart.
POS_BONUS = {"prep": 2.0, "comp": 2.0, "conj": 1.5, "qub": 0.0, "adv": 0.5, "pred": 1.0, "interj": -3.0}


def clean_lemma(lemma: str) -> str:
    """Drop what homonym stripping leaves behind: `rok:Sm3~lata` -> `rok`."""
    if ":" in lemma[1:]:
        head = lemma.split(":", 1)[0]
        if head:
            return head
    return lemma


ROMAN = re.compile(r"^[IVXLCDM]{2,}$")
# Abbreviations whose Morfeusz reading is missing or misleading (`r` -> ign, `proc` -> proca).
# Used when the token is followed by a full stop (or carries it). NKJP tags these brev:pun.
ABBREVIATIONS = {
    "r": "rok", "tys": "tysiąc", "mln": "milion", "mld": "miliard", "proc": "procent",
    "art": "artykuł", "ust": "ustęp", "ul": "ulica", "al": "aleja", "prof": "profesor",
    "godz": "godzina", "ok": "około", "dr": "doktor", "św": "święty", "pkt": "punkt",
    "woj": "województwo", "pow": "powiat", "gen": "generał", "płk": "pułkownik",
    "tzw": "tak zwany", "wg": "według", "ws": "w sprawie", "nr": "numer", "pl": "plac",
    "ks": "ksiądz", "mec": "mecenas", "red": "redaktor", "godz": "godzina", "wyd": "wydanie",
    "zł": "złoty", "gr": "grosz", "tj": "to jest", "tzn": "to znaczy", "br": "bieżący rok",
}

# Closed-class forms whose lemma the corpus priors cannot settle (a homonymous rare noun or verb
# form competes with a pronoun: `mnie` miąć/ja, `mu` mu/on, `sobie` soba/siebie), comparatives of
# adverbs lemmatised to the positive like adjectives (`dalej` -> `daleko`, as `najlepszy` -> `dobry`),
# and predicatives / modal forms (`można`, `powinna` -> `powinien`). Applied only when Morfeusz
# offers the preferred lemma.
PREFERRED_LEMMA = {
    **dict.fromkeys(["mnie", "mi", "mną", "ja"], "ja"),
    **dict.fromkeys(["ci", "cię", "ciebie", "tobie", "tobą"], "ty"),
    **dict.fromkeys(["jej", "mu", "go", "je", "nim", "nich", "im", "ich", "niej", "nią", "jego",
                     "niego", "jemu", "niemu", "ją", "nień", "ń"], "on"),
    **dict.fromkeys(["sobie", "sobą", "siebie"], "siebie"),
    **dict.fromkeys(["nas", "nam", "nami"], "my"),
    **dict.fromkeys(["was", "wam", "wami"], "wy"),
    **dict.fromkeys(["wszystko", "wszystkiego"], "wszystko"),
    **dict.fromkeys(["powinna", "powinno", "powinny", "powinni", "powinien"], "powinien"),
    "można": "można", "dalej": "daleko", "pół": "pół", "wszyscy": "wszyscy", "więcej": "więcej",
    "dzięki": "dzięki", "zamian": "zamian",
    "lub": "lub", "jak": "jak", "jako": "jako", "od": "od", "tak": "tak", "tam": "tam",
}
PREF_BONUS = 15.0
# Lemma pairs where SGJP offers a rare or archaic competitor: (dispreferred, preferred...).
# `większy` is the comparative of both `duży` and `wielki`; `patrzyć` is a dialectal variant of
# `patrzeć`; `wszystek` is the adjectival lexeme behind `wszystko` / `wszyscy`.
DISPREFERRED = {
    "wielki": ("duży",), "patrzyć": ("patrzeć",), "dzięka": ("dzięki",),
    "wszystek": ("wszystko", "wszyscy"), "soba": ("siebie",),
}
SENTENCE_OPENERS = frozenset({".", "!", "?", "…", "...", "„", '"', "«", "»", "-", "–", "—", ":", "(", "'"})


def _case_bonus(upper: bool, lemma: str, initial: bool) -> float:
    lup = lemma[:1].isupper()
    if not upper:
        return -6.0 if lup else 0.0
    if initial:
        return 0.0
    return 3.0 if lup else 0.0


HYPHENS = frozenset({"-", "‐", "‑"})


@lru_cache(maxsize=20_000)
def _adja(low: str) -> str | None:
    """`polsko` (before a hyphen, as in polsko-niemiecki) -> `polski`; `biało` -> `biały`."""
    from kronika.pipeline.morphology import analyse_word

    stem = low[:-1]
    for lemma in (stem + "i", stem + "y"):
        if any(r.tag.startswith("adj") and clean_lemma(r.lemma) == lemma for r in analyse_word(lemma)):
            return lemma
    return None


# SGJP usage labels: archaic, dialectal, rare or regional readings (`dzięka`, `osła`) lose to
# unmarked ones; a domain label (`zool.` for the yak `jak`, `karc.`) is a milder hint.
_QUAL_PENALTY = {"daw.": -4.0, "gwar.": -4.0, "przest.": -3.0, "rzad.": -2.0, "reg.": -2.0,
                 "środ.": -1.0, "książk.": -1.0, "pot.": -0.5}


@lru_cache(maxsize=100_000)
def _qualified(word: str) -> dict[tuple[str, str], float]:
    """(lemma, specific tag) -> penalty for the word's readings that carry SGJP usage labels."""
    from kronika.pipeline.morphology import morfeusz, strip_homonym

    out: dict[tuple[str, str], float] = {}
    for _s, _e, (orth, lemma, tag, _names, quals) in morfeusz().analyse(word):
        if quals and orth == word:
            pen = min((_QUAL_PENALTY.get(q, -1.0) for q in quals), default=0.0)
            lem = clean_lemma(strip_homonym(lemma))
            for t in expand_tag(tag):
                out[(lem, t)] = pen
    return out


def marked_readings(forms) -> dict[str, float]:
    """"lemma|pos" -> usage-label penalty, for the lexemes all of whose readings among the given
    word forms carry a label (an archaic lexeme, not a lexeme with one archaic form)."""
    from kronika.pipeline.morphology import morfeusz, strip_homonym

    best: dict[str, float] = {}
    for form in forms:
        for _s, _e, (orth, lemma, tag, _names, quals) in morfeusz().analyse(form):
            if orth != form:
                continue
            pen = min((_QUAL_PENALTY.get(q, -1.0) for q in quals), default=0.0)
            key = clean_lemma(strip_homonym(lemma)) + "|" + _POS_MAP.get(tag.split(":", 1)[0], tag.split(":", 1)[0])
            best[key] = max(best.get(key, -99.0), pen)
    return {k: v for k, v in best.items() if v < 0}


def _choose(out: tuple, scores: Sequence[float]) -> tuple:
    """The lemma with the largest summed probability, then that lemma's best-scoring reading."""
    if len(out) == 1:
        return out[0]
    top = max(scores)
    mass: dict[str, float] = {}
    for j, (lemma, _t, _n) in enumerate(out):
        mass[lemma] = mass.get(lemma, 0.0) + math.exp(scores[j] - top)
    lemma = max(mass, key=mass.__getitem__)
    j = max((j for j in range(len(out)) if out[j][0] == lemma), key=scores.__getitem__)
    return out[j]


TEN_TO = frozenset({"to", "tego", "tym", "temu"})
_NOMINAL = frozenset({"subst", "adj", "ger", "num", "pact", "ppas", "depr", "adjp"})


_BYC = frozenset({"jest", "są", "był", "była", "było", "były", "byli", "będzie", "będą", "byłoby"})


def _ten_or_to(low: str, out: tuple, prior: Sequence[float], nxt: tuple, prev: str, next_word: str):
    """`tego domu` -> ten (agrees with a nominal next word); `tego nie wiem`, `jest to ...` -> to;
    `tym bardziej`, `tym samym` -> tym."""
    if low == "tym" and (next_word == "samym" or any(t.endswith(":com") for _, t, _ in nxt)):
        js = [j for j in range(len(out)) if out[j][0] == "tym"]
        if js:
            return out[js[0]]
    agree = set() if prev in _BYC else {tag_attrs(t)[1:] for _, t, _ in nxt if tag_attrs(t)[0] in _NOMINAL}
    ten = [j for j in range(len(out)) if out[j][0] == "ten" and tag_attrs(out[j][1])[1:] in agree]
    if ten:
        return out[max(ten, key=prior.__getitem__)]
    if low == "temu":  # `rok temu`, `dzięki temu`: the adverb/preposition-like `temu`
        js = [j for j in range(len(out)) if out[j][0] == "temu"]
        if js:
            return out[js[0]]
    to = [j for j in range(len(out)) if out[j][0] == "to" and out[j][1].startswith("subst")]
    if to:
        return out[max(to, key=prior.__getitem__)]
    return None


# ---------------------------------------------------------------- features ---------------------


def _shape(word: str) -> str:
    if word.isdigit():
        return "D"
    if word[:1].isupper():
        return "U" if word.isupper() and len(word) > 1 else "C"
    if word.isalpha():
        return "l"
    return "o" if len(word) > 1 else word


_TEMPLATES = ("b", "sh", "p1", "p2", "n1", "n2", "cp1", "cp2", "cn1", "cn2", "cp1cn1", "cp2cp1", "cn1cn2")
_PAIRS = frozenset({"cp1cn1", "cp2cp1", "cn1cn2"})


def context_features(words: Sequence[str], classes: Sequence[str], i: int) -> list[str]:
    """Features of position i for the context model: its neighbours (forms and ambiguity classes)
    and its shape only, never its own form or candidates (the model is trained on tokens whose
    attribute is unambiguous, where those would give the answer away)."""
    n = len(words)
    p1 = words[i - 1].lower() if i > 0 else "<s>"
    p2 = words[i - 2].lower() if i > 1 else "<s>"
    n1 = words[i + 1].lower() if i + 1 < n else "</s>"
    n2 = words[i + 2].lower() if i + 2 < n else "</s>"
    cp1 = classes[i - 1] if i > 0 else "<s>"
    cp2 = classes[i - 2] if i > 1 else "<s>"
    cn1 = classes[i + 1] if i + 1 < n else "</s>"
    cn2 = classes[i + 2] if i + 2 < n else "</s>"
    return [
        "b",
        "sh=" + _shape(words[i]) + ("0" if i == 0 else ""),
        "p1=" + p1,
        "p2=" + p2,
        "n1=" + n1,
        "n2=" + n2,
        "cp1=" + cp1,
        "cp2=" + cp2,
        "cn1=" + cn1,
        "cn2=" + cn2,
        "cp1cn1=" + cp1 + "|" + cn1,
        "cp2cp1=" + cp2 + "|" + cp1,
        "cn1cn2=" + cn1 + "|" + cn2,
    ]


def ambiguity_class(cands: Sequence[tuple[str, str, tuple[str, ...]]]) -> str:
    """Compact ambiguity class of a token: its candidate POS+case values, sorted."""
    vals = sorted({_coarse(t) for _, t, _ in cands})
    return ",".join(vals[:6])


@lru_cache(maxsize=None)
def _coarse(tag: str) -> str:
    pos, case, _num, _gen = tag_attrs(tag)
    if pos == "prep":
        return "prep:" + case
    if pos in ("adj", "subst", "ppron3", "ppron12", "num", "ger", "pact", "ppas", "siebie", "depr"):
        return ("N" if pos in ("subst", "ger", "depr") else "A" if pos in ("adj", "pact", "ppas") else pos) + case
    return pos


# ---------------------------------------------------------------- the tagger -------------------


def context_path(path: Path) -> Path:
    """`tagger.json.gz` -> `tagger-context.json.gz`."""
    name = path.name
    stem = name[: -len(".json.gz")] if name.endswith(".json.gz") else name
    return path.with_name(stem + "-context.json.gz")



class Tagger:
    """Disambiguator over Morfeusz readings; see the module docstring."""

    def __init__(self, model: dict, context: bool | None = None) -> None:
        self.lemma_logp: dict[str, float] = model["lemma_logp"]
        self.lemma_floor: float = model["lemma_floor"]
        self.tag_logp: dict[str, float] = model["tag_logp"]
        self.tag_floor: float = model["tag_floor"]
        # "lemma|pos" -> penalty for readings with SGJP usage labels (archaic, dialectal...),
        # collected from the training corpus at build time (see marked_readings)
        self.marked: dict[str, float] = model.get("marked", {})
        self.ctx_weight: float = model.get("ctx_weight", 0.0)
        # weights[feature] -> {attr_value: weight}, attr_value like "pos=subst", "case=gen"
        self.weights: dict[str, dict[str, float]] = model.get("weights", {})
        self._cache: dict[str, tuple[object, tuple]] = {}
        # candidate entries carry ambiguity classes and attribute values only when a context
        # model is used (or being trained)
        self.context = bool(self.weights) if context is None else context
        # the same weights indexed by template, for tagging without building feature strings
        self._tw: dict[str, dict] = {name: {} for name in _TEMPLATES}
        for f, wf in self.weights.items():
            name, _, value = f.partition("=")
            if name in self._tw:
                self._tw[name][tuple(value.split("|")) if name in _PAIRS else value] = wf

    # -- loading ---------------------------------------------------------------------------
    @classmethod
    def load(cls, path: Path | None = None, context: bool = False) -> "Tagger":
        """The shipped model (priors only: fast). context=True also loads the context model from
        the sibling `*-context.json.gz` (tags about 10 points better, lemmas the same, ~5x slower)."""
        path = path or MODEL_PATH
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            model = json.load(fh)
        ctx_path = context_path(path)
        if context and ctx_path.exists():
            with gzip.open(ctx_path, "rt", encoding="utf-8") as fh:
                model.update(json.load(fh))
        return cls(model)

    def save(self, path: Path) -> None:
        """Priors to `path`, the context model (if any) to `context_path(path)`."""
        priors = {"lemma_logp": self.lemma_logp, "lemma_floor": self.lemma_floor,
                  "tag_logp": self.tag_logp, "tag_floor": self.tag_floor, "marked": self.marked}
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as fh:
            json.dump(priors, fh, ensure_ascii=False, separators=(",", ":"))
        if self.weights:
            with gzip.open(context_path(path), "wt", encoding="utf-8", compresslevel=9) as fh:
                json.dump({"ctx_weight": self.ctx_weight, "weights": self.weights}, fh,
                          ensure_ascii=False, separators=(",", ":"))

    # -- candidates --------------------------------------------------------------------------
    def candidates(self, word: str, readings: Sequence[Reading]) -> tuple:
        """(cands, prior scores, class) for a word; cands are (lemma, tag, names), deduplicated."""
        hit = self._cache.get(word)
        if hit is not None and (hit[0] is readings or tuple(hit[0]) == tuple(readings)):
            return hit[1]
        entry = self._build(word, readings)
        if len(self._cache) > 300_000:
            self._cache.clear()
        self._cache[word] = (readings, entry)
        return entry

    def _build(self, word: str, readings: Sequence[Reading]) -> tuple:
        cands: dict[tuple[str, str], tuple[str, ...]] = {}
        lemma_bonus: dict[str, float] = {}
        known = [r for r in readings if r.tag != "ign"]
        if not known:
            # unknown word: the guesser's rule shares stand in for the lemma prior
            for r, share in guess_scored(word):
                known.append(r)
                lemma = clean_lemma(r.lemma)
                lemma_bonus[lemma] = max(lemma_bonus.get(lemma, -99.0), math.log(share))
        for r in known:
            lemma = clean_lemma(r.lemma)
            for t in expand_tag(r.tag):
                cands.setdefault((lemma, t), r.names)
        if not cands:
            cands[(word, "ign")] = ()
        out = tuple((lemma, t, names) for (lemma, t), names in cands.items())
        lp, lf, tp, tf = self.lemma_logp, self.lemma_floor, self.tag_logp, self.tag_floor
        if lemma_bonus:
            base = [lemma_bonus.get(lemma, 0.0) + tp.get(t, tf) for lemma, t, _ in out]
        else:
            base = [lp.get(lemma, lf) + tp.get(t, tf) for lemma, t, _ in out]
        closed = {t.split(":", 1)[0] for _, t, _ in out} & POS_BONUS.keys()
        if len(closed) > 1:
            base = [b + POS_BONUS.get(t.split(":", 1)[0], 0.0) for b, (_, t, _) in zip(base, out)]
        if closed:
            # a noun spelt like a function word with the same lemma (`do` the note, `dzięki` the
            # thanks, `zbyt` the sales) is rarer than the function word
            fn = {lemma for lemma, t, _ in out if t.split(":", 1)[0] in POS_BONUS}
            base = [b - 2.0 if lemma in fn and t.startswith(("subst", "depr")) else b
                    for b, (lemma, t, _) in zip(base, out)]
        low = word.lower()
        pref = PREFERRED_LEMMA.get(low)
        if pref and any(lemma == pref for lemma, _, _ in out):
            base = [b + (PREF_BONUS if lemma == pref else 0.0) for b, (lemma, _, _) in zip(base, out)]
        if len(out) > 1 and self.marked:
            mk = self.marked
            base = [b + mk.get(lemma + "|" + t.split(":", 1)[0], 0.0) for b, (lemma, t, _) in zip(base, out)]
        lemmas = {lemma for lemma, _, _ in out}
        for bad, goods in DISPREFERRED.items():
            if bad in lemmas and any(g in lemmas for g in goods):
                base = [b - PREF_BONUS if lemma == bad else b for b, (lemma, _, _) in zip(base, out)]
        if len(lemmas) > 1:
            # numerals are their own lemma (`czterdzieści`, not the ordinal `czterdziesty`);
            # all-capitals forms are acronyms or Roman numerals (`II`, `WE`), not `ii`, `we`
            caps = len(word) > 1 and word.isupper()
            base = [b + (3.0 if (t.startswith("num") and lemma == low) or (caps and lemma == word) else 0.0)
                    for b, (lemma, t, _) in zip(base, out)]
        upper = word[:1].isupper()
        # lemma capitalisation: a lowercase form never has a capitalised lemma (`mi` is not
        # `Księga_Micheasza`); a capitalised form inside a sentence is a name (`Polski` -> `Polska`)
        mid = tuple(b + _case_bonus(upper, lemma, False) for b, (lemma, _, _) in zip(base, out))
        # sentence-initially a capitalised form may be a common word, but a proper noun whose
        # lemma is exactly this form (`Paweł`, `Kreml`) is still the better bet
        first = tuple(b + _case_bonus(upper, lemma, True) + (2.0 if upper and lemma == word and names else 0.0)
                      for b, (lemma, _, names) in zip(base, out))
        best_mid = _choose(out, mid)
        best_first = best_mid if first == mid else _choose(out, first)
        idx_mid = tuple(j for j in range(len(out)) if out[j][0] == best_mid[0])
        idx_first = tuple(j for j in range(len(out)) if out[j][0] == best_first[0])
        ctx_mid = ctx_first = None
        if self.context:
            ctx_mid = self._context_part(word, out, mid, idx_mid, False)
            ctx_first = self._context_part(word, out, first, idx_first, True)
        return (out, ambiguity_class(out) if self.context else "",
                best_mid, best_first, ctx_mid, ctx_first, mid, first)

    def _context_part(self, word: str, out: tuple, prior: Sequence[float], idx: tuple, initial: bool):
        """For the readings of the chosen lemma: (indices, their varying attribute values,
        prior + the context model's token-only features (bias, shape)), or None if only one."""
        if len(idx) < 2:
            return None
        vals = [tag_attrs(out[j][1]) for j in idx]
        varying = [k for k in range(len(ATTRS)) if len({v[k] for v in vals}) > 1]
        attrs = tuple(tuple(f"{ATTRS[k]}={v[k]}" for k in varying if v[k]) for v in vals)
        static = []
        fixed = [self._tw["b"].get(""), self._tw["sh"].get(_shape(word) + ("0" if initial else ""))]
        for j, a in zip(idx, attrs):
            static.append(prior[j] + self.ctx_weight * sum(wf.get(x, 0.0) for wf in fixed if wf for x in a))
        needed = tuple({x for a in attrs for x in a})
        return (idx, attrs, static, needed)

    # -- tagging -----------------------------------------------------------------------------
    def tag(self, words: Sequence[str], readings: Sequence[Sequence[Reading]]) -> list[Reading]:
        """One reading per word: specific NKJP tag, lemma, name classes of the source reading."""
        n = len(words)
        entries = [self.candidates(words[i], readings[i]) for i in range(n)]
        classes = [e[1] for e in entries]
        result: list[Reading] = []
        weights = self.weights
        cw = self.ctx_weight if weights else 0.0
        lows: list[str] | None = None
        cls: list[str] = []
        tw = self._tw
        tw_p1, tw_p2, tw_n1, tw_n2 = tw["p1"], tw["p2"], tw["n1"], tw["n2"]
        tw_cp1, tw_cp2, tw_cn1, tw_cn2 = tw["cp1"], tw["cp2"], tw["cn1"], tw["cn2"]
        tw_cp1cn1, tw_cp2cp1, tw_cn1cn2 = tw["cp1cn1"], tw["cp2cp1"], tw["cn1cn2"]
        for i in range(n):
            out, _cls, best, best0, ctx, ctx0, prior, prior0 = entries[i]
            word = words[i]
            if i == 0 or words[i - 1] in SENTENCE_OPENERS:
                best, ctx, prior = best0, ctx0, prior0
            if not cw or ctx is None:
                lemma, t, names = best
            else:
                # the lemma comes from the priors; the context model (neighbours' forms and
                # ambiguity classes) picks the tag among that lemma's readings
                idx, attrs, static, needed = ctx
                if lows is None:
                    lows = ["<s>", "<s>"] + [w.lower() for w in words] + ["</s>", "</s>"]
                    cls = ["<s>", "<s>"] + classes + ["</s>", "</s>"]
                k = i + 2
                cp1, cp2, cn1, cn2 = cls[k - 1], cls[k - 2], cls[k + 1], cls[k + 2]
                found = [tw_p1.get(lows[k - 1]), tw_p2.get(lows[k - 2]),
                         tw_n1.get(lows[k + 1]), tw_n2.get(lows[k + 2]),
                         tw_cp1.get(cp1), tw_cp2.get(cp2), tw_cn1.get(cn1), tw_cn2.get(cn2),
                         tw_cp1cn1.get((cp1, cn1)), tw_cp2cp1.get((cp2, cp1)), tw_cn1cn2.get((cn1, cn2))]
                acc = dict.fromkeys(needed, 0.0)
                for wf in found:
                    if wf:
                        for a in needed:
                            v = wf.get(a)
                            if v:
                                acc[a] += v
                bj, bs = 0, None
                for m, a in enumerate(attrs):
                    sc = static[m] + cw * sum([acc[x] for x in a])
                    if bs is None or sc > bs:
                        bj, bs = m, sc
                lemma, t, names = out[idx[bj]]
            low = word.lower()
            if low in TEN_TO and i + 1 < n and len(out) > 1:
                prev = words[i - 1].lower() if i else ""
                lemma, t, names = _ten_or_to(low, out, prior, entries[i + 1][0], prev,
                                             words[i + 1].lower()) or (lemma, t, names)
            elif low == "im" and i + 1 < n and any(r[1].endswith(":com") for r in entries[i + 1][0]):
                alt = [j for j in range(len(out)) if out[j][0] == "im"]  # `im więcej, tym lepiej`
                if alt:
                    lemma, t, names = out[alt[0]]
            elif low == "może" and lemma != "móc" and any(r[1].startswith("inf") for k in (1, 2)
                                                           if i + k < n for r in entries[i + k][0]):
                alt = [j for j in range(len(out)) if out[j][0] == "móc"]
                if alt:
                    lemma, t, names = out[alt[0]]
            if len(word) == 1 and word.isupper() and i > 0 and words[i - 1] not in SENTENCE_OPENERS:
                # a capital letter inside a sentence is an initial or a label (`J. Kowalski`, `klasa A`)
                if lemma != word:
                    lemma, t, names = word, ("brev:pun" if i + 1 < n and words[i + 1] == "." else t), ()
            if i + 1 < n and words[i + 1] in HYPHENS and low.endswith("o") and t != "adja":
                adja = _adja(low)
                if adja:
                    lemma, t, names = adja, "adja", ()
            if i + 1 < n and words[i + 1] == "." or word.endswith("."):
                abbr = ABBREVIATIONS.get(word.rstrip(".").lower())
                if abbr and lemma != abbr:  # `proc.` is procent, not proca
                    lemma, t, names = next((o for o in out if o[0] == abbr), (abbr, "brev:pun", ()))
            if lemma != word and ROMAN.match(word):  # `II` stays `II`
                lemma = word
            result.append(Reading(lemma, t, names))
        return result
