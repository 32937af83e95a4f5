"""Tokens, lemmas and sentence ends against UD CoNLL-U files."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kronika.evaluation.report import prf

SENTENCES_PER_DOCUMENT = 50


@dataclass
class GoldWord:
    start: int | None  # None when the word cannot be placed in the text (a contracted form)
    end: int | None
    lemma: str


@dataclass
class GoldDocument:
    text: str = ""
    words: list[GoldWord] = field(default_factory=list)
    sentence_ends: list[int] = field(default_factory=list)


def read_conllu(path: str | Path) -> Iterator[tuple[str, list[list[str]]]]:
    """(text, rows) per sentence; rows are the CoNLL-U columns of word and range lines."""
    text, rows = None, []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            line = line.rstrip("\n")
            if line.startswith("# text = "):
                text = line[len("# text = ") :]
            elif line and not line.startswith("#"):
                rows.append(line.split("\t"))
            elif not line and rows:
                yield text or "", rows
                text, rows = None, []
    if rows:
        yield text or "", rows


def place_words(text: str, rows: list[list[str]], offset: int) -> list[GoldWord]:
    """Character spans of a sentence's words (multi-word tokens split when their parts spell them)."""
    words, position, parts = [], 0, []
    for row in rows:
        if "." in row[0]:
            continue  # empty nodes
        if "-" in row[0]:
            first, last = map(int, row[0].split("-"))
            parts = [r for r in rows if r[0].isdigit() and first <= int(r[0]) <= last]
            start = text.find(row[1], position)
            cursor = start
            joined = "".join(p[1] for p in parts)
            for part in parts:
                if start >= 0 and joined == row[1]:
                    words.append(GoldWord(offset + cursor, offset + cursor + len(part[1]), part[2]))
                    cursor += len(part[1])
                else:
                    words.append(GoldWord(None, None, part[2]))
            position = start + len(row[1]) if start >= 0 else position
            continue
        if any(row is p for p in parts):
            continue
        start = text.find(row[1], position)
        if start < 0:
            words.append(GoldWord(None, None, row[2]))
            continue
        words.append(GoldWord(offset + start, offset + start + len(row[1]), row[2]))
        position = start + len(row[1])
    return words


def gold_documents(path: str | Path) -> Iterator[GoldDocument]:
    """Sentences joined by one space into documents of up to 50 sentences."""
    document = GoldDocument()
    count = 0
    for text, rows in read_conllu(path):
        if count == SENTENCES_PER_DOCUMENT:
            yield document
            document, count = GoldDocument(), 0
        offset = len(document.text) + (1 if document.text else 0)
        document.text = f"{document.text} {text}" if document.text else text
        words = place_words(text, rows, offset)
        document.words.extend(words)
        placed = [w.end for w in words if w.end is not None]
        document.sentence_ends.append(max(placed) if placed else offset + len(text))
        count += 1
    if document.text:
        yield document


def evaluate(path: str | Path, limit: int | None = None) -> dict:
    """Token alignment, lemma accuracy (case-sensitive and not), sentence-end P/R/F1."""
    from kronika.core import analyze

    gold_words = aligned = lemma_ok = lemma_ok_ci = 0
    gold_ends = predicted_ends = correct_ends = 0
    for number, gold in enumerate(gold_documents(path)):
        if limit is not None and number >= limit:
            break
        data = analyze(gold.text).to_json(tokens=True)
        tokens = {(t["start"], t["end"]): t["lemma"] for t in data["tokens"]}
        for word in gold.words:
            gold_words += 1
            lemma = tokens.get((word.start, word.end))
            if lemma is None:
                continue
            aligned += 1
            lemma_ok += lemma == word.lemma
            lemma_ok_ci += lemma.lower() == word.lemma.lower()
        ends = {s["end"] for s in data["sentences"]}
        gold_ends += len(gold.sentence_ends)
        predicted_ends += len(ends)
        correct_ends += len(ends & set(gold.sentence_ends))
    sentence = prf(correct_ends, predicted_ends, gold_ends)
    return {
        "token_alignment": aligned / gold_words if gold_words else 0.0,
        "lemma_accuracy": lemma_ok / aligned if aligned else 0.0,
        "lemma_accuracy_ci": lemma_ok_ci / aligned if aligned else 0.0,
        "sentence_precision": sentence["precision"],
        "sentence_recall": sentence["recall"],
        "sentence_f1": sentence["f1"],
        "gold_words": gold_words,
        "aligned_words": aligned,
        "gold_sentences": gold_ends,
    }
