"""Learn the tables behind `kronika.pipeline.names` from a KPWr name-lemma training file.

Usage: python training/build_name_rules.py [TRAIN_TSV] [--out kronika/models/names.json.gz]
       [--corpus TEXT_OR_JSONL ...]

Tables (all small):
- suffix: per kind group, surface-word suffix -> (chars to cut, string to add, count, total), learned
  from words that Morfeusz cannot place in the phrase (unknown words; for people also words
  with no name reading), aligned token by token with the gold base form.
- press: SGJP lemma -> nominative the press uses, where they differ (`Łukaszenko` -> `Łukaszenka`):
  for m1 surnames in -ko/-go whose inflected forms are also those of an -ka/-ga noun, the
  nominative that is more frequent in the given text corpora wins.
"""
from __future__ import annotations

import argparse
import collections
import gzip
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
sys.path.insert(0, str(ROOT))

from kronika.evaluation.names import read_rows  # noqa: E402
from kronika.pipeline import names as N  # noqa: E402
from kronika.pipeline.morphology import morfeusz  # noqa: E402

MAX_SUFFIX = 6


def rule_of(surface: str, gold: str) -> tuple[int, str] | None:
    s, g = surface.lower(), gold.lower()
    p = 0
    while p < min(len(s), len(g)) and s[p] == g[p]:
        p += 1
    if p == 0 and s and g:
        return None
    return len(s) - p, gold[p:]


def unknown_for(word: str, group: str) -> bool:
    """Mirror of the runtime's notion of a word the suffix rules decide."""
    return N._unknown(word, group)


def learn_suffixes(rows) -> dict:
    counts: dict = collections.defaultdict(lambda: collections.defaultdict(collections.Counter))
    for gold, surface, kind in rows:
        st, gt = surface.split(" "), gold.split(" ")
        if len(st) != len(gt):
            continue
        group = N._group(kind)
        changed = [s != g for s, g in zip(st, gt)]
        for j, (s, g) in enumerate(zip(st, gt)):
            if not N._is_word(s) or not s[:1].isupper() and group == "person":
                continue
            if not unknown_for(s, group):
                continue
            r = rule_of(s, g)
            if r is None:
                continue
            low = s.lower()
            oblique = group == "person" and any(c for k, c in enumerate(changed) if k != j
                                                and not N._unknown(st[k], group))
            for n in range(1, min(MAX_SUFFIX, len(low) - 1) + 1):
                counts[group][low[-n:]][r] += 1
                if oblique:
                    counts[group + ":obl"][low[-n:]][r] += 1
    table: dict = {}
    for group, sufs in counts.items():
        out = {}
        for suf, ctr in sufs.items():
            total = sum(ctr.values())
            (cut, add), best = ctr.most_common(1)[0]
            if total < 2:
                continue
            parent = sufs.get(suf[1:]) if len(suf) > 1 else None
            if parent is not None:
                pbest = parent.most_common(1)[0]
                # a longer suffix adds nothing when it decides like its parent with no less confidence
                if pbest[0] == (cut, add) and best / total <= pbest[1] / sum(parent.values()) + 1e-9 \
                        and len(suf) > 2:
                    continue
            out[suf] = [cut, add, best, total]
        table[group] = out
    return table


def learn_gazetteer(rows, min_count: int = 1) -> dict:
    """Per kind group, the words that occur in gold base forms (capitalised name words only)."""
    ctr: dict = collections.defaultdict(collections.Counter)
    for gold, surface, kind in rows:
        for w in gold.split(" "):
            if len(w) > 1 and w[:1].isupper() and N._is_word(w):
                ctr[N._group(kind)][w] += 1
    return {g: sorted(w for w, n in c.items() if n >= min_count) for g, c in ctr.items()}


def learn_lone_adjectives(rows, max_len: int = 8, min_count: int = 2) -> dict:
    """For one-word phrases that are adjectives: which base form the gold uses, by suffix
    (`^` marks a capitalised surface): `low` masculine lowercase lemma, `nom` same-gender
    nominative, `keep` the surface."""
    counts: dict = collections.defaultdict(lambda: collections.defaultdict(collections.Counter))
    for gold, surface, kind in rows:
        if " " in surface or kind == "person":
            continue
        opts = N._adj_options(surface)
        if not opts:
            continue
        if kind != "other" and any(r.proper for r in N._readings(surface) if r.pos in N._NOUN_POS):
            continue
        hit = [k for k, v in opts.items() if v == gold]
        if gold == surface:
            hit.append("keep")
        if not hit:
            continue
        key = ("^" if surface[:1].isupper() else "_") + surface.lower()
        for n in range(1, min(max_len, len(key)) + 1):
            suf = key[-n:] if n < len(key) else key
            for h in hit:
                counts[N._group(kind)][suf][h] += 1.0 / len(hit)
        if len(key) > max_len:
            for h in hit:
                counts[N._group(kind)][key][h] += 1.0 / len(hit)
    out: dict = {}
    for group, sufs in counts.items():
        table = {}
        for suf, ctr in sufs.items():
            if sum(ctr.values()) >= min_count or len(suf) <= 2:
                table[suf] = max(sorted(ctr), key=lambda k: ctr[k])
        out[group] = table
    return out


def learn_first_word_case(rows, min_count: int = 2) -> dict:
    """First word of multi-word names written lowercase in base forms (`plac`, `dworzec`) or capitalised."""
    counts: dict = collections.defaultdict(lambda: collections.defaultdict(collections.Counter))
    for gold, surface, kind in rows:
        words = gold.split(" ")
        if len(words) < 2 or not words[0][:1].isalpha():
            continue
        counts[N._group(kind)][words[0].lower()]["l" if words[0][:1].islower() else "u"] += 1
    out: dict = {}
    for group, ws in counts.items():
        out[group] = {w: c.most_common(1)[0][0] for w, c in ws.items()
                      if sum(c.values()) >= min_count and c.most_common(1)[0][1] >= 0.75 * sum(c.values())
                      and (c.most_common(1)[0][0] == "l")}
    return out


def learn_words(rows, min_share: float = 0.75) -> dict:
    """Per kind group, surface word -> gold word for words the runtime hands to the suffix rules
    (unknown to Morfeusz; for people, no name reading), aligned token by token; kept when one
    gold word has at least `min_share` of the word's occurrences and the suffix rules would
    not already give it."""
    ctr: dict = collections.defaultdict(lambda: collections.defaultdict(collections.Counter))
    for gold, surface, kind in rows:
        st, gt = surface.split(" "), gold.split(" ")
        if len(st) != len(gt):
            continue
        group = N._group(kind)
        for s, g in zip(st, gt):
            if N._is_word(s) and len(s) > 1 and N._unknown(s, group):
                ctr[group][s][g] += 1
    out: dict = {}
    for group, ws in ctr.items():
        table = {}
        for w, c in ws.items():
            g, n = c.most_common(1)[0]
            if n >= min_share * sum(c.values()):
                table[w] = g
        out[group] = table
    return out


def learn_lexicon(rows, tables: dict, min_share: float = 0.6) -> dict:
    """Per kind group, whole training phrases whose gold base form the rules miss (exceptions),
    kept when one gold form has at least `min_share` of the phrase's occurrences."""
    N._tables.cache_clear()
    N.base_form.cache_clear()
    saved = N._tables
    frozen = dict(tables)
    frozen["gazetteer"] = {g: frozenset(ws) for g, ws in tables["gazetteer"].items()}
    frozen["lexicon"] = {}
    N._tables = lambda: frozen
    try:
        ctr: dict = collections.defaultdict(lambda: collections.defaultdict(collections.Counter))
        for gold, surface, kind in rows:
            ctr[N._group(kind)][(surface, kind)][gold] += 1
        out: dict = collections.defaultdict(dict)
        for group, phrases in ctr.items():
            for (surface, kind), c in phrases.items():
                g, n = c.most_common(1)[0]
                if n < min_share * sum(c.values()):
                    continue
                if N.base_form(surface, kind) != g:
                    out[group][" ".join(surface.split())] = g
    finally:
        N._tables = saved
        N.base_form.cache_clear()
    return dict(out)


def corpus_counts(paths: list[str]) -> collections.Counter:
    word = re.compile(r"[A-ZŁŚŻŹĆŃÓĘĄ][a-ząćęłńóśźż]+(?:k|g)[oa]\b")
    ctr: collections.Counter = collections.Counter()
    for p in paths:
        path = Path(p)
        if not path.exists():
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                ctr.update(word.findall(line))
    return ctr


def learn_press(paths: list[str]) -> dict:
    """SGJP m1 -ko/-go surname lemmas whose -ka/-ga nominative is the more frequent one in the texts."""
    ctr = corpus_counts(paths)
    out = {}
    m = morfeusz()
    for w, n_a in ctr.items():
        if not w.endswith(("ka", "ga")):
            continue
        o = w[:-1] + "o"
        n_o = ctr.get(o, 0)
        if n_a <= n_o or n_a < 2:
            continue
        # the -a form must be unknown to SGJP as a nominative, and the -o form an m1 surname
        # whose oblique forms are those of an -a noun (gen -ki, acc -kę, inst -ką)
        if any(t != "ign" for _s, _e, (_o, _l, t, _n, _q) in m.analyse(w)):
            continue  # the -a form must be unknown to SGJP
        ok = False
        for _s, _e, (_orth, lem, tag, names, _q) in m.analyse(w[:-1] + "ę"):
            if lem.split(":")[0] == o and tag.startswith("subst:sg:acc:m1") and "nazwisko" in names:
                ok = True
        if ok:
            out[o] = w
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("train", nargs="?", default=str(DATA / "names" / "kpwr-ne-lemma-train.tsv"))
    ap.add_argument("--out", default=str(ROOT / "kronika" / "models" / "names.json.gz"))
    # unlabelled text only: never an evaluation set (quotes/dev.jsonl is one)
    ap.add_argument("--corpus", nargs="*", default=[str(DATA / "corpus" / "pcc-texts.jsonl"),
                                                     str(DATA / "ner" / "nkjp-ner.iob")])
    args = ap.parse_args(argv)
    rows = list(read_rows(args.train))
    tables = {"suffix": learn_suffixes(rows), "press": learn_press(args.corpus), "lexicon": {},
              "gazetteer": learn_gazetteer(rows), "adj": learn_lone_adjectives(rows),
              "first": learn_first_word_case(rows), "words": learn_words(rows)}
    tables["lexicon"] = learn_lexicon(rows, tables)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as f:
        json.dump(tables, f, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    print(f"wrote {args.out}: " + ", ".join(f"suffix[{g}]={len(t)}" for g, t in tables["suffix"].items())
          + f", press={tables['press']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
