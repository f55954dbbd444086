"""A very large article opens at once: the viewer lays out only what has been on screen.

(Speed is never timed in the suite; laziness is what keeps it fast, and that is checked.
A 50 MB article was measured opening in ~0.5 s, see README "Safety".)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.app.app import FactdrillApp
from tui.app.messages import OpenSource
from tui.app.screens.source import SourceScreen
from tui.app.widgets.article import ArticleView
from tui.core.deck.loading import load_deck

PARAGRAPH = ("The delegations met again in Istanbul and agreed on an exchange of prisoners, "
             "while the fighting went on along the front. ") * 4


@pytest.fixture(scope="module")
def large_deck(tmp_path_factory):
    folder: Path = tmp_path_factory.mktemp("large-article")
    (folder / "sources").mkdir()
    body = "The opening line of the article.\n\n" + "".join(
        f"Paragraph {n}. {PARAGRAPH}\n\n" for n in range(20_000))  # ~9 MB
    (folder / "sources" / "big.txt").write_text(body + "The very last line of the article.\n", encoding="utf-8")
    (folder / "deck.toml").write_text('''[[sources]]
id = "big"
title = "A very long article"
title_kind = "descriptive"
outlet = "unknown"
date_precision = "unknown"
language = "en"
text = "sources/big.txt"

[[facts]]
id = "first-line"
statement = "The article opens with its opening line."
questions = ["How does the article open?"]
answer = "its opening line"
kind = "text"

[[facts.citations]]
source = "big"
quote = "The opening line of the article."

[[facts]]
id = "last-line"
statement = "The article ends with its very last line."
questions = ["How does the article end?"]
answer = "its very last line"
kind = "text"

[[facts.citations]]
source = "big"
quote = "The very last line of the article."
''', encoding="utf-8")
    return load_deck([folder])


async def test_a_huge_article_opens_with_only_the_screen_laid_out(large_deck, wait_for, widget_text):
    app = FactdrillApp(large_deck, "browse")
    async with app.run_test(size=(100, 30)) as pilot:
        app.post_message(OpenSource("big"))
        await wait_for(pilot, lambda: isinstance(app.screen, SourceScreen), "source viewer")
        article = app.screen.query_one(ArticleView)
        await wait_for(pilot, lambda: "Paragraph 0." in widget_text(app, article), "the start of the article")
        assert article.laid_out_lines < 200  # of ~140,000
        await pilot.press("n")  # the next quote is the last line: laid out when asked for, in a worker
        await wait_for(pilot, lambda: "The very last line of the article." in widget_text(app, article),
                       "the last line in view")
        await pilot.press("home")
        await wait_for(pilot, lambda: "The opening line" in widget_text(app, article), "back at the top")
        await pilot.press("end")
        await wait_for(pilot, lambda: "The very last line of the article." in widget_text(app, article),
                       "the end")
