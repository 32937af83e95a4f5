"""kronika.spacy_import: spaCy without its CLI package at start-up, fully usable afterwards."""
import subprocess
import sys

SCRIPT = """
import sys
from kronika.spacy_import import import_spacy
spacy = import_spacy()
assert "spacy.cli" not in sys.modules, "spacy.cli was imported"
assert not any(name.startswith(("weasel", "typer")) for name in sys.modules)
nlp = spacy.blank("pl")
assert [t.text for t in nlp("Ala ma kota.")] == ["Ala", "ma", "kota", "."]
import spacy.cli
assert callable(spacy.cli.train_cli) and callable(spacy.cli.info)
assert spacy.info(markdown=False, silent=True)["spacy_version"] == spacy.__version__
print("ok")
"""


def test_spacy_imports_without_cli_and_cli_still_loads() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
