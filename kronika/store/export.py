"""Export: every analysis as JSON Lines, quotes as CSV, the entity co-mention graph as GraphML."""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import IO
from xml.sax.saxutils import quoteattr, escape

from kronika.store.store import Store

QUOTE_COLUMNS = ["document", "date", "start", "end", "speaker", "speaker_entity", "cue", "kind", "text"]


def _open(target: str | Path | IO[str]) -> tuple[IO[str], bool]:
    if hasattr(target, "write"):
        return target, False  # type: ignore[return-value]
    return open(target, "w", encoding="utf-8", newline=""), True


def export_jsonl(store: Store, target: str | Path | IO[str]) -> int:
    """One analysis per line, by document id; returns the count."""
    out, close = _open(target)
    count = 0
    try:
        for analysis in store.iter_analyses():
            out.write(json.dumps(analysis, ensure_ascii=False) + "\n")
            count += 1
    finally:
        if close:
            out.close()
    return count


def export_quotes_csv(store: Store, target: str | Path | IO[str]) -> int:
    out, close = _open(target)
    count = 0
    try:
        writer = csv.DictWriter(out, QUOTE_COLUMNS)
        writer.writeheader()
        for quote in store.iter_quotes():
            writer.writerow(quote)
            count += 1
    finally:
        if close:
            out.close()
    return count


def export_graphml(store: Store, target: str | Path | IO[str], min_documents: int = 1) -> tuple[int, int]:
    """Entities as nodes (name, type, documents), co-mentions as weighted undirected edges."""
    nodes, edges = store.comention_graph(min_documents)
    out, close = _open(target)
    try:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                  '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
                  '  <key id="name" for="node" attr.name="name" attr.type="string"/>\n'
                  '  <key id="type" for="node" attr.name="type" attr.type="string"/>\n'
                  '  <key id="documents" for="node" attr.name="documents" attr.type="int"/>\n'
                  '  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>\n'
                  '  <graph id="comentions" edgedefault="undirected">\n')
        for node in nodes:
            out.write(f'    <node id="e{node["id"]}"><data key="name">{escape(node["name"])}</data>'
                      f'<data key="type">{escape(node["type"])}</data>'
                      f'<data key="documents">{node["documents"]}</data></node>\n')
        for edge in edges:
            out.write(f'    <edge source={quoteattr("e" + str(edge["source"]))} target={quoteattr("e" + str(edge["target"]))}>'
                      f'<data key="weight">{edge["weight"]}</data></edge>\n')
        out.write("  </graph>\n</graphml>\n")
    finally:
        if close:
            out.close()
    return len(nodes), len(edges)
