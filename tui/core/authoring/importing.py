"""Adding an article to a deck: its text stored as is, its `[[sources]]` entry from what it says.

A `.txt` or `.md` file is stored byte for byte; a saved `.html` page is reduced to its
article text by trafilatura, its publication date read by htmldate, both offline.
Provenance is only what the file itself says (or what the user passes): a headline
the text opens with, a page's title, site name and date. Where it says nothing, the
outlet is "unknown" and the date unknown; nothing is guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

import tomlkit

from tui.core.deck.schema import valid_date
from tui.core.authoring.drafting import slug
from tui.core.authoring.sentences import outline
from tui.core.authoring.writing import (
    SOURCES_DIR, AuthoringError, append_tables, deck_file, deck_tables, read_document, write_validated,
)

_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_DESCRIPTIVE_WORDS = 10


@dataclass(frozen=True)
class Article:
    """An article ready to store: its text and what it says of itself."""

    data: bytes  # exactly what is stored in sources/
    suffix: str  # ".txt" or ".md"
    title: str = ""
    title_kind: str = "descriptive"
    outlet: str = "unknown"
    date: str = ""
    date_precision: str = "unknown"
    date_basis: str = ""
    url: str = ""
    note: str = ""
    language: str = "en"  # what the page declares; a plain text says nothing, and drafting reads English

    @property
    def text(self) -> str:
        return self.data.decode("utf-8-sig")


def looks_like_html(name: str, data: bytes) -> bool:
    if name.lower().endswith(_HTML_SUFFIXES):
        return True
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head


def read_article(name: str, data: bytes) -> Article:
    """The article in `data` (named `name`, "-" for standard input), as it would be stored."""
    if looks_like_html(name, data):
        return _from_html(name, data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise AuthoringError([f"{name}:{line}: not UTF-8 text; save the article as UTF-8"]) from None
    if not text.strip():
        raise AuthoringError([f"{name}: the article is empty"])
    suffix = ".md" if name.lower().endswith((".md", ".markdown")) else ".txt"
    headline = outline(text).headline
    if headline:
        return Article(data, suffix, title=headline, title_kind="headline")
    return Article(data, suffix, title=_descriptive_title(text))


def _descriptive_title(text: str) -> str:
    words = text.split()
    return " ".join(words[:_DESCRIPTIVE_WORDS]) + ("…" if len(words) > _DESCRIPTIVE_WORDS else "")


def _from_html(name: str, data: bytes) -> Article:
    import htmldate  # only a web page needs these, so the rest of factdrill starts without them
    import lxml.html
    import trafilatura

    try:
        tree = lxml.html.fromstring(data)
    except (ValueError, lxml.etree.ParserError) as error:
        raise AuthoringError([f"{name}: cannot read the HTML page: {error}"]) from None
    text = trafilatura.extract(tree, output_format="txt", include_comments=False, include_tables=False,
                               favor_precision=True)
    if not text or not text.strip():
        raise AuthoringError([f"{name}: no article text found in the HTML page (trafilatura keeps a page's "
                              "main text; save the article's own page, or paste its text into a .txt file)"])
    meta = trafilatura.extract_metadata(tree)
    # Markup only (no guessing from the text's own dates): what the page says it was published.
    date = htmldate.find_date(tree, extensive_search=False, original_date=True) or ""
    title = (meta.title or "").strip() if meta else ""
    article = Article((text.strip() + "\n").encode("utf-8"), ".txt",
                      title=title or _descriptive_title(text), title_kind="headline" if title else "descriptive",
                      outlet=(meta.sitename or "").strip() or "unknown" if meta else "unknown",
                      url=(meta.url or "").strip() if meta else "",
                      note="Imported from a saved web page: the text as trafilatura extracted it; headline, "
                           "outlet and date as the page's own markup gives them.")
    if date:
        article = replace(article, date=date, date_precision="exact")
    declared = (tree.get("lang") or "").strip()
    if re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", declared):
        article = replace(article, language=declared)
    return article


def with_overrides(article: Article, *, title: str | None = None, outlet: str | None = None,
                   date: str | None = None, url: str | None = None) -> Article:
    """What the user says wins over what the file says."""
    if title:
        article = replace(article, title=title, title_kind="headline" if title == article.title else "descriptive")
    if outlet:
        article = replace(article, outlet=outlet)
    if date:
        if not valid_date(date):
            raise AuthoringError([f"--date {date}: use YYYY-MM-DD, YYYY-MM, YYYY or an interval A/B"])
        article = replace(article, date=date, date_precision="exact", date_basis="")
    if url:
        article = replace(article, url=url)
    return article


def source_ids(root: Path) -> set[str]:
    ids = set()
    for _, data in deck_tables(root):
        sources = data.get("sources", [])
        ids.update(t["id"] for t in sources if isinstance(t, dict) and isinstance(t.get("id"), str))
    return ids


def new_source_id(root: Path, article: Article, wanted: str | None) -> str:
    taken = source_ids(root)
    if wanted:
        if wanted in taken:
            raise AuthoringError([f"--id {wanted}: the deck already has a source with this id"])
        return wanted
    base = slug(" ".join(re.findall(r"[\w'-]+", article.title)[:6]), 40) or "source"
    made, n = base, 2
    while made in taken or (root / SOURCES_DIR / f"{made}{article.suffix}").exists():
        made, n = f"{base}-{n}", n + 1
    return made


def _stored_already(root: Path, data: bytes) -> Path | None:
    folder = root / SOURCES_DIR
    stored = sorted(p for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []
    return next((path for path in stored if path.stat().st_size == len(data) and path.read_bytes() == data), None)


def add_source(root: Path, article: Article, source_id: str) -> Path:
    """Store the article's text in `sources/` and its `[[sources]]` entry in the deck file."""
    if not root.is_dir():
        raise AuthoringError([f"{root}: no such deck folder (make one with: factdrill new {root})"])
    text_path = root / SOURCES_DIR / f"{source_id}{article.suffix}"
    if text_path.exists():
        raise AuthoringError([f"{text_path}: already exists; choose another --id"])
    same = _stored_already(root, article.data)
    if same is not None:  # a second copy would count as a second article corroborating the first
        raise AuthoringError([f"{same}: this article is stored already, byte for byte"])
    path = deck_file(root)
    entry = tomlkit.table()
    entry.add("id", source_id)
    entry.add("title", article.title)
    entry.add("title_kind", article.title_kind)
    entry.add("outlet", article.outlet)
    if article.date:
        entry.add("date", article.date)
    entry.add("date_precision", article.date_precision)
    if article.date_basis:
        entry.add("date_basis", article.date_basis)
    entry.add("language", article.language)
    entry.add("text", text_path.relative_to(path.parent).as_posix())
    if article.url:
        entry.add("url", article.url)
    if article.note:
        entry.add("note", article.note)
    doc = read_document(path)
    append_tables(doc, "sources", [entry])
    write_validated(root, {path: tomlkit.dumps(doc)}, {text_path: article.data})
    return text_path
