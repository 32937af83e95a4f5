#!/usr/bin/env bash
# Train the NKJP NER model and install its `ner` component into kronika/models/ner/.
#   training/ner/train.sh [OUT_DIR] [extra spacy overrides...]
# Run from anywhere; uses one BLAS/OpenMP thread (spaCy CPU training is single-threaded).
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:-artifacts/ner}
shift || true
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
PY=.venv/bin/python
[ -f training/corpus/ner/train.spacy ] || $PY training/ner/prepare.py
$PY -m spacy train training/ner/config.cfg --output "$OUT" "$@"
# ship model-best (ner only, no optimizer state) into the package
rm -rf kronika/models/ner
$PY - "$OUT/model-best" kronika/models/ner <<'PY'
import sys, spacy
nlp = spacy.load(sys.argv[1])
nlp.to_disk(sys.argv[2])
PY
du -sh kronika/models/ner
