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
    "linking": "kronika.evaluation.linking",
}


def run_task(task: str, paths: list[str], limit: int | None = None) -> dict:
    """Figures of `task` over the data files `paths`.

    One file: its figures. Several: each file's figures, and, where the task scores documents
    from any source together (quotes, times, events; linking: one store for all), `all`: the figures over every document at once.
    """
    if task not in TASKS:
        raise ValueError(f"Unknown task {task!r}. Available: {', '.join(TASKS)}")
    module = import_module(TASKS[task])
    if len(paths) == 1:
        return module.evaluate(paths[0], limit=limit)
    figures = {path: module.evaluate(path, limit=limit) for path in paths}
    if hasattr(module, "load") and hasattr(module, "score"):
        figures["all"] = module.score([doc for path in paths for doc in module.load(path, limit)])
    return figures
