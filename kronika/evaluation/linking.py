"""Linking: do an article set's name mentions land on the right corpus entities (issue 7)?

Data: a `.jsonl` of `{id, date, text, links: [{start, end, text, entity}]}`, where `entity`
labels the real-world entity across the whole file (data/linking/README.md), or a seed `.gold.json`.
The articles are analysed with the full pipeline and saved into a fresh store; each gold link takes
the corpus entity of the system mention that overlaps it most, by overlap over union (none: missed).
A link labelled `… (ambiguous)` (the text does not say who) is its own entity: right only when linked
with nothing else.

Figures: `coverage` (links the pipeline found as mentions); over found links, **pairwise** P/R/F1 on
pairs of links from different articles (are two links one entity?) and B-cubed P/R/F1 over all links.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path
from typing import Any

from kronika.evaluation.report import overlap, prf
from kronika.textio import Source


def load(path: str | Path, limit: int | None = None) -> list[dict[str, Any]]:
    """Articles with gold links; a seed `.gold.json` becomes one article whose entities are the labels."""
    path = Path(path)
    if path.name.endswith(".gold.json"):
        return [_seed_article(json.loads(path.read_text(encoding="utf-8")))]
    with open(path, encoding="utf-8") as handle:
        articles = [json.loads(line) for line in handle if line.strip()]
    return articles[:limit] if limit else articles


def _seed_article(gold: dict[str, Any]) -> dict[str, Any]:
    """The seed's gold entities as links: every outermost whole-word occurrence, outside boilerplate, of
    each listed mention that is a form of the entity's name (`Putinowi`; not the role `prezydent Rosji`)."""
    text = gold["text"]
    boilerplate = [(s["start"], s["end"]) for s in gold.get("sections", []) if s.get("kind") == "boilerplate"]
    links = []
    for entity in gold["entities"]:
        stems = {word[:4] for word in entity["name"].split()}
        for form in entity["mentions"]:
            if form.split()[0][:4] not in stems:
                continue
            for match in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text):
                if not any(start <= match.start() < end for start, end in boilerplate):
                    links.append({"start": match.start(), "end": match.end(), "text": form, "entity": entity["name"]})
    outermost = [a for a in links if not any(b["start"] <= a["start"] and a["end"] <= b["end"] and b is not a
                                             and b["end"] - b["start"] > a["end"] - a["start"] for b in links)]
    return {"id": gold.get("id") or "seed", "date": gold.get("date"), "text": text, "links": outermost}


def link_all(articles: list[dict[str, Any]]) -> list[tuple[str, str, int | None]]:
    """(article id, gold label, corpus entity or None) per gold link, after ingesting every article."""
    from kronika.store import Store
    from kronika.store.ingest import ingest

    sources = (Source(a["id"], a["text"], dt.date.fromisoformat(a["date"]) if a.get("date") else None) for a in articles)
    with tempfile.TemporaryDirectory() as folder, Store.open(str(Path(folder) / "linking.db")) as store:
        ingest(store, sources)
        linked = []
        for article in articles:
            mentions = store.db.query("SELECT m.entity, m.start_char, m.end_char FROM mentions m "
                                      "JOIN documents d ON d.pk = m.doc WHERE d.id = ?", (article["id"],))
            linked += [(article["id"], _label(article, link), _entity_at(mentions, link)) for link in article["links"]]
        return linked


def _label(article: dict[str, Any], link: dict[str, Any]) -> str:
    if link["entity"].endswith("(ambiguous)"):
        return f"{link['entity']} @ {article['id']}:{link['start']}"
    return link["entity"]


def _entity_at(mentions: list[tuple[int, int, int]], link: dict[str, Any]) -> int | None:
    """The corpus entity of the (entity, start, end) mention that overlaps the link most, by overlap over union."""
    span = (link["start"], link["end"])
    shared = [(overlap((start, end), span) / (max(end, span[1]) - min(start, span[0])), entity)
              for entity, start, end in mentions]
    best = max(shared, default=(0, None))
    return best[1] if best[0] else None


def score(articles: list[dict[str, Any]]) -> dict[str, Any]:
    """The figures for articles stored together in one fresh store."""
    linked = link_all(articles)
    full = _full_labels({gold for _doc, gold, _system in linked})
    return figures([(doc, full.get(gold, gold), system) for doc, gold, system in linked])


def _full_labels(labels: set[str]) -> dict[str, str]:
    """Gold files label one entity at different lengths (the seed's `Putin`, a set's `Władimir Putin`):
    a one-word label that is the last word of exactly one longer label stands for that label."""
    longer: dict[str, list[str]] = defaultdict(list)
    for label in labels:
        if " " in label and "@" not in label:
            longer[label.split()[-1]].append(label)
    return {label: longer[label][0] for label in labels if len(longer.get(label, ())) == 1}


def figures(linked: list[tuple[str, str, int | None]]) -> dict[str, Any]:
    found = [(doc, gold, system) for doc, gold, system in linked if system is not None]
    same_gold = same_system = both = 0
    for (doc_a, gold_a, sys_a), (doc_b, gold_b, sys_b) in combinations(found, 2):
        if doc_a != doc_b:
            same_gold += gold_a == gold_b
            same_system += sys_a == sys_b
            both += gold_a == gold_b and sys_a == sys_b
    return {"links": len(linked), "coverage": len(found) / len(linked) if linked else 0.0,
            "pairwise": {**prf(both, same_system, same_gold), "gold_pairs": same_gold, "system_pairs": same_system}, "b_cubed": _b_cubed(found),
            "errors": list(_errors(found))}


def _b_cubed(found: list[tuple[str, str, int]]) -> dict[str, float]:
    by_gold, by_system = defaultdict(set), defaultdict(set)
    for number, (_doc, gold, system) in enumerate(found):
        by_gold[gold].add(number)
        by_system[system].add(number)
    if not found:
        return prf(0, 0, 0)
    precision = sum(len(by_gold[g] & by_system[s]) / len(by_system[s]) for _d, g, s in found) / len(found)
    recall = sum(len(by_gold[g] & by_system[s]) / len(by_gold[g]) for _d, g, s in found) / len(found)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def _errors(found: list[tuple[str, str, int]]) -> Iterator[dict[str, Any]]:
    """Gold entities split over several corpus entities, and corpus entities joining several gold ones."""
    systems, golds = defaultdict(set), defaultdict(set)
    for _doc, gold, system in found:
        systems[gold].add(system)
        golds[system].add(gold)
    for gold, found_in in sorted(systems.items()):
        if len(found_in) > 1:
            yield {"split": gold, "into": sorted(found_in)}
    for system, labels in sorted(golds.items()):
        if len(labels) > 1:
            yield {"merged": sorted(labels), "entity": system}


def evaluate(path: str | Path, limit: int | None = None) -> dict[str, Any]:
    return score(load(path, limit))
