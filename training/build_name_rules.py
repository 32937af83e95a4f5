"""Learn the tables behind `kronika.pipeline.names` from a KPWr name-lemma training file.

Usage: python training/build_name_rules.py [TRAIN_TSV] [--out kronika/models/names.json.gz]
       [--corpus TEXT_OR_JSONL ...] [--folds K [--errors FILE]]

With --folds, nothing is written: the training file is cut into K contiguous blocks, tables are
learned on K-1 and measured on the remaining one, and accuracy per kind is printed.

Tables (all small), from the training file:
- suffix: for people, for places, and one for all kinds but people (`N.suffix_group`): suffix
  of a surface word -> (chars to cut, string to add, share), learned from the distinct words
  that Morfeusz cannot place in the phrase (unknown words; for people also words with no name
  reading), aligned token by token with the gold base form; shares are smoothed towards the
  next shorter suffix's.
- words, lexicon, gazetteer: training words and whole phrases the rules miss, gold name words
  (first words and those the base form changes).
- adj, first: capitalisation conventions (lone adjectives `Europejskiej` -> `europejski`,
  first words `Placu` -> `plac`, `ustawy` -> `Ustawa`).
- glue: spacing around punctuation in tokenised text (`S . A .` -> `S.A.`).
From the corpora:
- press: SGJP lemma -> nominative the press uses, where they differ (`Łukaszenko` -> `Łukaszenka`):
  for m1 surnames in -ko/-go whose inflected forms are also those of an -ka/-ga noun, the
  nominative that is more frequent in the given text corpora wins.
- attested: unknown words whose paradigm the texts attest (`Gladwella` -> `Gladwell`).
- lemmas: how often names have each lemma in the NE-annotated corpus (NKJP).
"""
from __future__ import annotations

import argparse
import collections
import contextlib
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


def _suffix_examples(rows) -> dict:
    """Per kind group, the distinct (surface word, rule) pairs of words the suffix rules decide.
    Distinct pairs, so that a name repeated through one document counts once."""
    seen: dict = collections.defaultdict(set)
    for gold, surface, kind in rows:
        st, gt = N.split_tokens(surface)[0], N.split_tokens(gold)[0]
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
            # the shared table learns from every kind but people
            for table in {N.suffix_group(kind)} | ({"name"} if group != "person" else set()):
                seen[table].add((N.suffix_key(s), r))
            if group == "person" and any(c for k, c in enumerate(changed) if k != j
                                         and not N._unknown(st[k], group)):
                seen[group + ":obl"].add((N.suffix_key(s), r))
    return seen


def smoothed_suffixes(examples, prior: float = 2.0, max_len: int = MAX_SUFFIX) -> dict:
    """Suffix -> [label, share] from (key, label, weight) examples: each suffix's label shares
    are smoothed towards the next shorter suffix's (`prior` pseudo-counts, the empty suffix
    being the overall shares). A suffix is kept only where its decision (best label, and
    whether it has half the weight) differs from its parent's."""
    counts: dict = collections.defaultdict(collections.Counter)
    for key, label, weight in examples:
        for n in range(0, min(max_len, len(key) - 1) + 1):
            counts[key[len(key) - n:]][label] += weight
    dist: dict = {}
    out: dict = {}
    for suf in sorted(counts, key=lambda k: (len(k), k)):
        ctr, parent = counts[suf], dist.get(suf[1:], {}) if suf else {}
        total = sum(ctr.values()) + (prior if suf else 0.0)
        dist[suf] = {r: (ctr[r] + prior * parent.get(r, 0.0)) / total for r in set(ctr) | set(parent)}
        best = max(sorted(dist[suf]), key=lambda r: dist[suf][r])
        decision = (best, dist[suf][best] >= 0.5)
        if parent:
            pbest = max(sorted(parent), key=lambda r: parent[r])
            if decision == (pbest, parent[pbest] >= 0.5) and len(suf) > 1:
                continue
        if suf:
            out[suf] = [best, round(dist[suf][best], 3)]
    return out


def learn_suffixes(rows) -> dict:
    """Per kind group, word suffix -> [chars to cut, string to add, share] (`smoothed_suffixes`)."""
    return {group: {suf: [rule[0], rule[1], share] for suf, (rule, share) in
                    smoothed_suffixes((key, r, 1.0) for key, r in sorted(examples)).items()}
            for group, examples in sorted(_suffix_examples(rows).items())}


def learn_gazetteer(rows, min_count: int = 1) -> dict:
    """Per kind group, the capitalised name words of gold base forms, except later words the
    surface already has (`Wisły` in `Źródła Wisły` is no base form)."""
    ctr: dict = collections.defaultdict(collections.Counter)
    for gold, surface, kind in rows:
        gt, st = N.split_tokens(gold)[0], N.split_tokens(surface)[0]
        for j, w in enumerate(gt):
            if len(gt) == len(st) and j > 0 and st[j] == w:
                continue
            if len(w) > 1 and w[:1].isupper() and N._is_word(w):
                ctr[N._group(kind)][w] += 1
    return {g: sorted(w for w, n in c.items() if n >= min_count) for g, c in ctr.items()}


def learn_lone_adjectives(rows) -> dict:
    """For one-word phrases that are adjectives: which base form the gold uses, by suffix of
    the surface with its capitalisation (`N.adj_key`): `low` masculine lowercase lemma, `nom`
    same-gender nominative, `keep` the surface. Every mention counts: the choice is a
    convention, not a property of the word."""
    seen: dict = collections.defaultdict(list)
    for gold, surface, kind in rows:
        if " " in surface or kind == "person":
            continue
        opts = N.adj_options(surface, kind)
        if not opts:
            continue
        hit = [k for k, v in sorted(opts.items()) if v == gold] + (["keep"] if gold == surface else [])
        if hit:
            seen[N._group(kind)].append((N.adj_key(surface), tuple(hit)))
    return {group: {suf: label for suf, (label, _share) in smoothed_suffixes(
        ((key, h, 1.0 / len(hit)) for key, hit in sorted(examples) for h in hit), max_len=9).items()}
        for group, examples in sorted(seen.items())}


def learn_first_word_case(rows, min_count: int = 2, min_share: float = 0.75) -> dict:
    """First words of multi-word names whose base form changes the surface's capitalisation:
    `l` for capitalised surfaces written lowercase (`Plac` -> `plac`), `u` for lowercase ones
    written capitalised (`ustawy` -> `Ustawa`)."""
    counts: dict = collections.defaultdict(lambda: collections.defaultdict(collections.Counter))
    for gold, surface, kind in rows:
        words, first = N.split_tokens(gold)[0], N.split_tokens(surface)[0][:1]
        if len(words) < 2 or not words[0][:1].isalpha() or not first or not first[0][:1].isalpha():
            continue
        flip = "l" if first[0][:1].isupper() else "u"
        changed = words[0][:1].isupper() != first[0][:1].isupper()
        counts[N._group(kind)][(words[0].lower(), flip)][changed] += 1
    out: dict = {}
    for group, ws in sorted(counts.items()):
        out[group] = {flip: sorted(w for (w, f), c in ws.items() if f == flip and c[True] >= min_count
                                   and c[True] >= min_share * sum(c.values())) for flip in "lu"}
    return out


def learn_words(rows, min_share: float = 0.75) -> dict:
    """Per kind group, surface word -> gold word for words the runtime hands to the suffix rules
    (unknown to Morfeusz; for people, no name reading), aligned token by token; kept when one
    gold word has at least `min_share` of the word's occurrences and the suffix rules would
    not already give it."""
    ctr: dict = collections.defaultdict(lambda: collections.defaultdict(collections.Counter))
    for gold, surface, kind in rows:
        st, gt = N.split_tokens(surface)[0], N.split_tokens(gold)[0]
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


def learn_glue(rows, min_count: int = 2) -> dict:
    """Spacing of base forms around punctuation: for each token-shape context of a boundary
    (`N.glue_keys`), the gap the gold base forms most often have there (`S . A .` -> `S.A.`).
    Tokenised rows whose gold splits into as many tokens are aligned token by token."""
    ctr: dict = collections.defaultdict(collections.Counter)
    for gold, surface, _kind in rows:
        st, spaced = N.split_tokens(surface)
        gm = list(N.TOKEN.finditer(gold))
        if len(gm) != len(st) or not all(spaced[1:]):
            continue
        for i in range(1, len(st)):
            if not N.spaced_pair(st[i - 1], st[i]):
                for key in N.glue_keys(st, i):
                    ctr[key][gold[gm[i - 1].end():gm[i].start()]] += 1
    return {k: c.most_common(1)[0][0] for k, c in sorted(ctr.items()) if sum(c.values()) >= min_count}


def learn_lexicon(rows, tables: dict, min_share: float = 0.6) -> dict:
    """Per kind group, whole training phrases whose gold base form the rules miss (exceptions),
    kept when one gold form has at least `min_share` of the phrase's occurrences."""
    ctr: dict = collections.defaultdict(lambda: collections.defaultdict(collections.Counter))
    for gold, surface, kind in rows:
        ctr[N._group(kind)][(surface, kind)][gold] += 1
    out: dict = collections.defaultdict(dict)
    with using_tables({**tables, "lexicon": {}}):
        for group, phrases in ctr.items():
            for (surface, kind), c in phrases.items():
                g, n = c.most_common(1)[0]
                if n >= min_share * sum(c.values()) and N.base_form(surface, kind) != g:
                    out[group][" ".join(surface.split())] = g
    return dict(out)


@contextlib.contextmanager
def using_tables(tables: dict):
    """Run `kronika.pipeline.names` with these tables in place of the shipped model's."""
    saved, frozen = N._tables, N.prepare_tables(tables)
    N._tables = lambda: frozen
    N.base_form.cache_clear()
    try:
        yield
    finally:
        N._tables = saved
        N.base_form.cache_clear()


_CAPITALISED = re.compile(r"\b[A-ZÀ-ÖØ-ÞĄĆĘŁŃÓŚŹŻ]\w+")


def _lines(paths: list[str]):
    """Lines of the corpus files that exist."""
    for path in map(Path, paths):
        if path.exists():
            with open(path, encoding="utf-8", errors="replace") as f:
                yield from f


def corpus_counts(paths: list[str]) -> collections.Counter:
    """Capitalised words in the texts (in NE-annotated corpora, their forms and lemmas)."""
    ctr: collections.Counter = collections.Counter()
    for line in _lines(paths):
        ctr.update(_CAPITALISED.findall(line))
    return ctr


def learn_press(ctr: collections.Counter) -> dict:
    """SGJP m1 -ko/-go surname lemmas whose -ka/-ga nominative is the more frequent one in the texts."""
    out = {}
    m = morfeusz()
    for w, n_a in sorted(ctr.items()):
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


def learn_attested(ctr: collections.Counter) -> dict:
    """Capitalised words Morfeusz does not know -> base form, where the texts attest
    the paradigm: a word in -a/-u/-em/-owi whose stem stands alone (or takes -em/-owi) is an
    oblique form of the stem (`Gladwella` -> `Gladwell`), unless, for -a, the stem also takes
    -ę/-ą/-y; a word in -a whose stem takes only those is a nominative (`Obamy`: `Obama`)."""
    out = {}
    for w in sorted(ctr):
        ending = next((e for e in ("owi", "em", "a", "u") if w.endswith(e)), None)
        if ending is None or len(w) < len(ending) + 3 \
                or not (N._unknown(w, "person") and N._unknown(w, "other")):
            continue
        stem = w[: -len(ending)]
        consonant = sum(ctr.get(stem + e, 0) for e in ("", "em", "owi") if stem + e != w)
        feminine = sum(ctr.get(stem + e, 0) for e in ("ę", "ą", "y")) if ending == "a" else 0
        if consonant and not feminine:
            out[w] = stem
        elif feminine and not consonant:
            out[w] = w
    return out


def learn_lemma_counts(paths: list[str], min_count: int = 2) -> dict:
    """Lemma -> how often a name in the NE-annotated corpora (tab-separated orth, lemma, tag,
    label lines) has it: which of Morfeusz's lemmas a name form more likely has (`Pruszkowa`:
    `Pruszków` rather than `Pruszkowo`)."""
    ctr: collections.Counter = collections.Counter()
    for line in _lines(paths):
        cols = line.rstrip("\n").split("\t")
        if len(cols) == 4 and cols[3] != "O" and cols[1][:1].isupper():
            ctr[cols[1]] += 1
    return {lemma: n for lemma, n in sorted(ctr.items()) if n >= min_count}


def learn_from_corpora(paths: list[str]) -> dict:
    """The tables learned from unlabelled (or NE-labelled) text rather than the names file."""
    ctr = corpus_counts(paths)
    return {"press": learn_press(ctr), "attested": learn_attested(ctr),
            "lemmas": learn_lemma_counts(paths)}


def build_tables(rows: list, corpus_tables: dict) -> dict:
    """Every table `kronika.pipeline.names` reads, learned from (gold, surface, kind) rows and
    the corpus tables (`learn_from_corpora`)."""
    tables = {**corpus_tables, "suffix": learn_suffixes(rows), "lexicon": {},
              "gazetteer": learn_gazetteer(rows), "adj": learn_lone_adjectives(rows),
              "first": learn_first_word_case(rows), "words": learn_words(rows),
              "glue": learn_glue(rows)}
    tables["lexicon"] = learn_lexicon(rows, tables)
    return tables


def _fold_accuracy(rows: list, corpus_tables: dict, k: int, errors: list) -> dict:
    """Accuracy per kind over K folds (tables learned on the other blocks); errors appended."""
    right: collections.Counter = collections.Counter()
    total: collections.Counter = collections.Counter()
    for f in range(k):
        lo, hi = len(rows) * f // k, len(rows) * (f + 1) // k
        with using_tables(build_tables(rows[:lo] + rows[hi:], corpus_tables)):
            for gold, surface, kind in rows[lo:hi]:
                pred = N.base_form(surface, kind)
                total[kind] += 1
                right[kind] += pred == gold
                if pred != gold:
                    errors.append((kind, surface, gold, pred))
    out = {"overall": sum(right.values()) / sum(total.values())}
    out.update({kind: right[kind] / total[kind] for kind in sorted(total)})
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("train", nargs="?", default=str(DATA / "names" / "kpwr-ne-lemma-train.tsv"))
    ap.add_argument("--out", default=str(ROOT / "kronika" / "models" / "names.json.gz"))
    # unlabelled text only: never an evaluation set (quotes/dev.jsonl is one)
    ap.add_argument("--corpus", nargs="*", default=[str(DATA / "corpus" / "pcc-texts.jsonl"),
                                                     str(DATA / "ner" / "nkjp-ner.iob")])
    ap.add_argument("--folds", type=int, default=0, help="cross-validate on K blocks, write nothing")
    ap.add_argument("--errors", help="with --folds: write the errors here (kind, surface, gold, predicted)")
    args = ap.parse_args(argv)
    rows = list(read_rows(args.train))
    if args.folds:
        errors: list = []
        res = _fold_accuracy(rows, learn_from_corpora(args.corpus), args.folds, errors)
        print("  ".join(f"{k} {v:.4f}" for k, v in res.items()))
        if args.errors:
            Path(args.errors).write_text("".join("\t".join(e) + "\n" for e in errors), encoding="utf-8")
        return 0
    tables = build_tables(rows, learn_from_corpora(args.corpus))
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(tables, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    Path(args.out).write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))  # byte-stable
    print(f"wrote {args.out}: " + ", ".join(f"suffix[{g}]={len(t)}" for g, t in tables["suffix"].items())
          + f", press={tables['press']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
