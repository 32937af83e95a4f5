"""Features and data helpers shared by NER training (training/ner/) and runtime.

* `morph_feature(word, readings)` turns all Morfeusz readings of a word into one
  hashable token (stored as `token.morph = "Mf=<feature>"`), which the NER model
  embeds as the MORPH attribute.
* `reconstruct(words)` rebuilds text from NKJP tokens (NKJP has no spacing
  information); training and evaluation both use it.
* `read_nkjp_iob(path)` / `outer_spans(labels)` read the NKJP NER layer and keep
  the outermost persName/orgName/placeName/geogName spans.
* `split_of(doc_id)` is the fixed document-level train/dev/test split.
"""
from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Sequence

# NKJP main class -> Kronika entity type.
TYPE_MAP = {
    "persName": "person",
    "orgName": "organization",
    "placeName": "place",
    "geogName": "geo",
}
ENTITY_TYPES = ("person", "organization", "place", "geo")

# ---------------------------------------------------------------------------
# Morfeusz feature
# ---------------------------------------------------------------------------

# Short, ASCII names for Morfeusz name classes (unknown ones are transliterated).
_NAME_CODES = {
    "imię": "imie",
    "nazwisko": "nazwisko",
    "nazwa_geograficzna": "geogr",
    "nazwa_organizacji": "org",
    "nazwa_firmy": "firma",
    "nazwa_instytucji": "inst",
    "nazwa_marki": "marka",
    "nazwa_obiektu": "obiekt",
    "nazwa_osobliwa": "osobl",
    "nazwa_własna": "wlasna",
    "pseudonim": "pseud",
    "przydomek": "przyd",
    "człon_nazwy_geograficznej": "czlon_geogr",
    "człon_nazwy_organizacji": "czlon_org",
    "nazwa_pospolita": "",  # common noun: expressed by the `lc` flag instead
    "nazwa pospolita": "",
    "pospolita": "",
}
_TRANSLIT = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")


def _ascii_token(s: str) -> str:
    s = s.translate(_TRANSLIT)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c if (c.isascii() and (c.isalnum() or c == "_")) else "_" for c in s)


def _name_code(name: str) -> str:
    code = _NAME_CODES.get(name)
    if code is None:
        code = _ascii_token(name.removeprefix("nazwa_"))
    return code


def morph_feature(word: str, readings: Sequence) -> str:
    """One [A-Za-z0-9_] token summarising all Morfeusz readings of `word`.

    `<pos>[_<name classes...>][_lc]`, where pos is the part of speech of the
    first reading, name classes are the (sorted, deduplicated) Morfeusz name
    classes of any reading, and `lc` marks that some reading is a common word
    (lowercase lemma, not a proper-name class) - i.e. a capitalised word that
    may just be a sentence-initial ordinary word.  `IGN` when Morfeusz does not
    know the word (no readings, or only `ign`); punctuation gives `interp`.
    """
    readings = [r for r in readings if r.tag and not r.tag.startswith("ign")]
    if not readings:
        return "IGN"
    pos = _ascii_token(readings[0].tag.split(":", 1)[0]) or "X"
    codes: set[str] = set()
    common = False
    for r in readings:
        proper = False
        for n in r.names:
            c = _name_code(n)
            if c:
                codes.add(c)
                proper = True
        if not proper and r.lemma[:1].islower():
            common = True
    parts = [pos, *sorted(codes)]
    # The `lc` flag only matters for capitalised words (lowercase ones are
    # almost always common words); keeping it off avoids diluting the feature.
    if common and word[:1].isupper():
        parts.append("lc")
    return "_".join(parts)


def morph_feature_of(word: str) -> str:
    """`morph_feature` with readings from the shared Morfeusz analyser."""
    from kronika.pipeline.morphology import analyse_word

    return morph_feature(word, analyse_word(word))


# ---------------------------------------------------------------------------
# Text reconstruction (no spacing information in NKJP)
# ---------------------------------------------------------------------------

_NO_SPACE_BEFORE = set(".,;:!?)]}…%”»’") | {"...", "'s"}
_NO_SPACE_AFTER = set("([{„«‘")
_AMBIGUOUS_QUOTES = {'"', "'"}


def token_spaces(words: Sequence[str], tags: Sequence[str] | None = None) -> list[bool]:
    """Whether each token is followed by a space in the reconstructed text.

    A space between tokens, except before closing punctuation and after
    opening brackets/quotes; straight quotes alternate opening/closing.
    With NKJP tags, agglutinates (`aglt`: zrobił|em) and the conditional
    particle after a past form (zrobił|by|m) are glued to the previous token.
    """
    n = len(words)
    spaces = [True] * n
    quote_open = {q: False for q in _AMBIGUOUS_QUOTES}
    for i, w in enumerate(words):
        if w in _AMBIGUOUS_QUOTES:
            if quote_open[w]:  # closing quote: no space before it
                if i > 0:
                    spaces[i - 1] = False
            else:  # opening quote: no space after it
                spaces[i] = False
            quote_open[w] = not quote_open[w]
            continue
        if w in _NO_SPACE_BEFORE and i > 0:
            spaces[i - 1] = False
        elif tags is not None and i > 0 and _glued(w, tags[i], tags[i - 1]):
            spaces[i - 1] = False
        if w in _NO_SPACE_AFTER:
            spaces[i] = False
    if n:
        spaces[-1] = False
    return spaces


def _glued(word: str, tag: str, prev_tag: str) -> bool:
    if tag.startswith("aglt"):
        return True
    return word.lower() == "by" and tag.startswith("qub") and prev_tag.startswith(("praet", "winien"))


def reconstruct(words: Sequence[str], tags: Sequence[str] | None = None
                ) -> tuple[str, list[tuple[int, int]], list[bool]]:
    """(text, per-token (start, end) char offsets, per-token trailing space)."""
    spaces = token_spaces(words, tags)
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    for w, sp in zip(words, spaces):
        offsets.append((pos, pos + len(w)))
        parts.append(w)
        pos += len(w)
        if sp:
            parts.append(" ")
            pos += 1
    return "".join(parts), offsets, spaces


# ---------------------------------------------------------------------------
# NKJP IOB reader
# ---------------------------------------------------------------------------


@dataclass
class NkjpToken:
    orth: str
    base: str
    ctag: str
    label: str


@dataclass
class NkjpDoc:
    doc_id: str
    sentences: list[list[NkjpToken]] = field(default_factory=list)

    @property
    def tokens(self) -> list[NkjpToken]:
        return [t for s in self.sentences for t in s]


def read_nkjp_iob(path: str) -> Iterator[NkjpDoc]:
    """Documents of the NKJP NER IOB file (`orth base ctag label`, blank line between sentences)."""
    doc: NkjpDoc | None = None
    sent: list[NkjpToken] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART"):
                if doc is not None:
                    if sent:
                        doc.sentences.append(sent)
                    yield doc
                sent = []
                doc = None
                if line.startswith("-DOCSTART FILE"):
                    doc_id = line.split(None, 2)[2].strip()
                    doc = NkjpDoc(doc_id.removeprefix("./"))
                continue
            if not line.strip():
                if sent and doc is not None:
                    doc.sentences.append(sent)
                sent = []
                continue
            cols = line.split("\t")
            if len(cols) < 4 or doc is None:
                raise ValueError(f"bad line in {path}: {line!r}")
            sent.append(NkjpToken(cols[0], cols[1], cols[2], cols[3]))
    if doc is not None:
        if sent:
            doc.sentences.append(sent)
        yield doc


def _main_class(label: str) -> str:
    """`placeName-settlement` -> `placeName`."""
    return label.split("-", 1)[0]


def outer_spans(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """Outermost spans of the four main classes as (start_tok, end_tok_exclusive, type).

    Each label is '#'-joined with the outermost layer first, e.g.
    `I-orgName#B-placeName-settlement`; only that first layer counts.
    A `B-` starts a span; an `I-` continues the open span if it has the same
    full label, otherwise it starts a new one.  date/time are dropped.
    """
    spans: list[tuple[int, int, str]] = []
    cur_label: str | None = None
    cur_start = 0

    def close(end: int) -> None:
        if cur_label is not None:
            typ = TYPE_MAP.get(_main_class(cur_label))
            if typ:
                spans.append((cur_start, end, typ))

    for i, lab in enumerate(labels):
        first = lab.split("#", 1)[0]
        if first == "O" or len(first) < 3 or first[1] != "-":
            close(i)
            cur_label = None
            continue
        bio, name = first[0], first[2:]
        if bio == "I" and cur_label is not None and _main_class(name) == _main_class(cur_label):
            continue
        close(i)
        cur_label, cur_start = name, i
    close(len(labels))
    return spans


def doc_char_spans(doc: NkjpDoc) -> tuple[str, list[tuple[int, int, str]]]:
    """Reconstructed text and outermost gold entity char spans of an NKJP document."""
    toks = doc.tokens
    text, offsets, _ = reconstruct([t.orth for t in toks], [t.ctag for t in toks])
    spans = [
        (offsets[s][0], offsets[e - 1][1], typ)
        for s, e, typ in outer_spans([t.label for t in toks])
    ]
    return text, spans


# ---------------------------------------------------------------------------
# Split
# ---------------------------------------------------------------------------


def split_of(doc_id: str) -> str:
    """Fixed document-level split by a stable hash: 90% train, 5% dev, 5% test."""
    h = int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:8], 16) % 100
    if h < 90:
        return "train"
    if h < 95:
        return "dev"
    return "test"


# ---------------------------------------------------------------------------
# spaCy Doc construction (same attributes as the runtime pipeline provides)
# ---------------------------------------------------------------------------


def normalise_tag(tag: str) -> str:
    """NKJP ctag as the runtime gives it (`interp:` -> `interp`)."""
    return tag.rstrip(":")


def make_doc(vocab, words: Sequence[str], tags: Sequence[str], lemmas: Sequence[str],
             spaces: Sequence[bool] | None = None, feats: Sequence[str] | None = None):
    """A spaCy Doc with tag_, lemma_ and morph (`Mf=<morph_feature>`) set."""
    from spacy.tokens import Doc

    if spaces is None:
        spaces = token_spaces(words, tags)
    if feats is None:
        feats = [morph_feature_of(w) for w in words]
    return Doc(
        vocab,
        words=list(words),
        spaces=list(spaces),
        tags=[normalise_tag(t) for t in tags],
        lemmas=list(lemmas),
        morphs=[f"Mf={f}" for f in feats],
    )


def tagger_columns(tagger, words: Sequence[str]) -> tuple[list[str], list[str]]:
    """Tags and lemmas of `words` as Kronika's tagger (`kronika.pipeline.tagger.Tagger`) chooses them."""
    from kronika.pipeline.morphology import analyse_word

    chosen = tagger.tag(words, [analyse_word(w) for w in words])
    return [r.tag for r in chosen], [r.lemma for r in chosen]


def nkjp_to_doc(vocab, doc: NkjpDoc, feats: dict[str, str] | None = None, with_ents: bool = True,
                tagged: tuple[Sequence[str], Sequence[str]] | None = None):
    """spaCy Doc of an NKJP document: morph feature, gold outer entities, and the corpus
    tag/lemma columns, or `tagged` = (tags, lemmas) from Kronika's own tagger."""
    toks = doc.tokens
    words = [t.orth for t in toks]
    if feats is not None:
        fl = [feats[w] if w in feats else feats.setdefault(w, morph_feature_of(w)) for w in words]
    else:
        fl = None
    ctags = [t.ctag for t in toks]
    tags, lemmas = tagged or (ctags, [t.base for t in toks])
    sdoc = make_doc(vocab, words, tags, lemmas, spaces=token_spaces(words, ctags), feats=fl)
    # sentence starts
    i = 0
    for s in doc.sentences:
        for j in range(len(s)):
            sdoc[i + j].is_sent_start = j == 0
        i += len(s)
    if with_ents:
        sdoc.ents = [_span(sdoc, s, e, typ) for s, e, typ in outer_spans([t.label for t in toks])]
    return sdoc


def _span(sdoc, start: int, end: int, label: str):
    from spacy.tokens import Span

    return Span(sdoc, start, end, label=label)


def iter_split(path: str, part: str) -> Iterable[NkjpDoc]:
    """Documents of one split part ('train', 'dev' or 'test')."""
    return (d for d in read_nkjp_iob(path) if split_of(d.doc_id) == part)
