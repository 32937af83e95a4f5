"""`kronika evaluate TASK DATA`: each task's module computes the figures EVALUATION.md defines."""
from __future__ import annotations

from importlib import import_module

TASKS = {
    "lemmas": "kronika.evaluation.lemmas",
    "names": "kronika.evaluation.names",
    "times": "kronika.evaluation.times",
    "entities": "kronika.evaluation.entities",
    "quotes": "kronika.evaluation.quotes",
    "events": "kronika.evaluation.events",
}


def run_task(task: str, paths: list[str], limit: int | None = None) -> dict:
    """Figures of `task` over the data files `paths` (one file: its figures; several: keyed by file)."""
    if task not in TASKS:
        raise ValueError(f"Unknown task {task!r}. Available: {', '.join(TASKS)}")
    module = import_module(TASKS[task])
    if len(paths) == 1:
        return module.evaluate(paths[0], limit=limit)
    return {path: module.evaluate(path, limit=limit) for path in paths}
