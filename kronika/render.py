"""A readable plain-text view of an analysed document (`kronika analyze --format text`)."""
from __future__ import annotations

from kronika.document import Document


def render_text(document: Document) -> str:
    """Sections, then entities, quotes, times and events, one per line."""
    data = document.to_json()
    text = document.text
    out = [f"# {data['id'] or '(no id)'}  date: {data['date'] or 'unknown'}"]
    for section in data["sections"]:
        out.append(f"[{section['kind']}] {text[section['start']:section['end']]}")
    for entity in data["entities"]:
        mentions = ", ".join(m["text"] for m in entity["mentions"])
        out.append(f"entity {entity['type']}: {entity['name']}  <- {mentions}")
    for quote in data["quotes"]:
        out.append(f"quote {quote['kind']} by {quote['speaker'] or '?'}: {quote['text']}")
    for time in data["times"]:
        out.append(f"time {time['type']} {time['value']}: {time['text']}")
    for event in data["events"]:
        who = ", ".join(p["name"] for p in event["participants"])
        out.append(f"event {event['type']} ({who}) time={event['time']} place={event['place']}")
    return "\n".join(out) + "\n"
