"""Changing a deck's facts: add one, write drafts, accept, edit or drop a draft.

Each function is one validated write (see `writing.write_validated`): on any problem
nothing changes and `AuthoringError` lists the problems.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

import tomlkit

from tui.core.authoring.drafting import Draft, contains_answer
from tui.core.authoring.writing import (
    AuthoringError, append_tables, citations_aot, deck_file, deck_tables, fact_table, find_fact, read_document,
    write_validated,
)

DRAFTS_NOTE = ("Facts drafted from source '{source}' by `factdrill draft`. Each stays a draft "
               "(never quizzed) until accepted in the app's Drafts screen (key d).")


DROPPED_FILE = "dropped-drafts.txt"
DROPPED_NOTE = ("# Drafts dropped in review, one id a line: `factdrill draft` does not propose them again.\n"
                "# Delete a line to have that draft proposed again.\n")


def facts_file_for(root: Path, source_id: str) -> Path:
    """Where a new fact citing `source_id` goes: beside the last fact that cites it, else the
    source's drafts file, else the file that declares the deck."""
    found = None
    for path, data in deck_tables(root):
        for table in data.get("facts", []) if isinstance(data.get("facts"), list) else []:
            cited = table.get("citations", []) if isinstance(table, dict) else []
            if any(isinstance(c, dict) and c.get("source") == source_id for c in cited):
                found = path
    if found is not None:
        return found
    drafts = drafts_file(root, source_id)
    return drafts if drafts.exists() else deck_file(root)


def drafts_file(root: Path, source_id: str) -> Path:
    return root / f"{source_id}.toml"


def check_fields(fields: dict[str, Any]) -> None:
    """What the deck format cannot see: an answer to give, and questions that do not give it away."""
    answer = str(fields.get("answer", "")).strip()
    if not answer:
        raise AuthoringError(["the answer is empty: write what a quiz should expect"])
    for question in fields.get("questions", []):
        if contains_answer(question, answer, list(fields.get("aliases", []))):
            raise AuthoringError([f"the question gives the answer away: \"{question}\""])


def add_fact(root: Path, fields: dict[str, Any], path: Path | None = None) -> Path:
    """Append one `[[facts]]` table (a fact or a draft) to `path`; returns the file written."""
    check_fields(fields)
    source_id = fields["citations"][0]["source"]
    path = path or facts_file_for(root, source_id)
    doc = read_document(path)
    append_tables(doc, "facts", [fact_table(fields)])
    write_validated(root, {path: tomlkit.dumps(doc)})
    return path


def write_drafts(root: Path, source_id: str, drafts: Iterable[Draft]) -> tuple[Path, int]:
    """Append the drafts to the source's drafts file; (the file, how many were written)."""
    drafts = list(drafts)
    path = drafts_file(root, source_id)
    doc = read_document(path)
    if not path.exists():
        doc.add(tomlkit.comment(DRAFTS_NOTE.format(source=source_id)))
        doc.add(tomlkit.nl())
    append_tables(doc, "facts", [fact_table(d.table()) for d in drafts])
    if drafts:
        write_validated(root, {path: tomlkit.dumps(doc)})
    return path, len(drafts)


def _fact(doc: tomlkit.TOMLDocument, index: int) -> Any:
    return doc["facts"][index]


def edit_fact(root: Path, fact_id: str, changes: dict[str, Any]) -> Path:
    """Set the given keys of the fact (a value of None removes the key); other keys stay as they are."""
    path, index = find_fact(root, fact_id)
    doc = read_document(path)
    table = _fact(doc, index)
    check_fields({**table.unwrap(), **{k: v for k, v in changes.items() if v is not None}})
    for key, value in changes.items():
        if value is None:
            if key in table:
                del table[key]
        elif key == "citations":
            table[key] = citations_aot(value)
        else:
            table[key] = value
    write_validated(root, {path: tomlkit.dumps(doc)})
    return path


def drop_fact(root: Path, fact_id: str) -> Path:
    """Remove the fact (a draft, usually) from its file. A dropped draft's id goes to the deck's
    `dropped-drafts.txt`, so drafting the article again does not propose it again."""
    path, index = find_fact(root, fact_id)
    doc = read_document(path)
    was_draft = "draft" in _fact(doc, index)
    del doc["facts"][index]
    remembered = {}
    if was_draft:
        listed = root / DROPPED_FILE
        before = listed.read_text(encoding="utf-8") if listed.exists() else DROPPED_NOTE
        remembered[listed] = f"{before.rstrip(chr(10))}\n{fact_id}\n".encode("utf-8")
    write_validated(root, {path: tomlkit.dumps(doc)}, remembered)
    return path


def dropped_drafts(root: Path) -> set[str]:
    """The ids of the drafts dropped in review (see `drop_fact`)."""
    try:
        lines = (root / DROPPED_FILE).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return set()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def accept_draft(root: Path, fact_id: str) -> str:
    """Make the draft a fact; returns the id of the fact that now holds its citation.

    A draft that `corroborates` a fact becomes one more citation of it; one that `disputes`
    a fact becomes a citation of it too, and marks it disputed with a note naming both.
    """
    path, index = find_fact(root, fact_id)
    doc = read_document(path)
    draft = _fact(doc, index)
    if "draft" not in draft:
        raise AuthoringError([f"fact '{fact_id}' is not a draft"])
    target_id = str(draft.get("corroborates") or draft.get("disputes") or "")
    if not target_id:
        del draft["draft"]
        write_validated(root, {path: tomlkit.dumps(doc)})
        return fact_id
    target_path, target_index = find_fact(root, target_id)
    documents = {path: doc}
    target_doc = documents.setdefault(target_path, read_document(target_path))
    target = _fact(target_doc, target_index)
    if "disputes" in draft:
        if not str(target.get("dispute_note", "")).strip():
            target["dispute_note"] = _dispute_note(target, draft)
        target["disputed"] = True
    for cited in draft["citations"]:
        target["citations"].append(tomlkit.item({"source": str(cited["source"]), "quote": str(cited["quote"])}))
    del doc["facts"][index]
    write_validated(root, {p: tomlkit.dumps(d) for p, d in documents.items()})
    return target_id


def _dispute_note(target: Any, draft: Any) -> str:
    theirs = ", ".join(dict.fromkeys(f"'{c['source']}'" for c in target["citations"]))
    mine = draft["citations"][0]
    return (f"Source(s) {theirs} give '{target['answer']}'; source '{mine['source']}' gives "
            f"'{draft['answer']}' (\"{mine['quote']}\").")
