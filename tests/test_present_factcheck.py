"""The verdict panel shows deck and claim text as data: markup literal, terminal escapes made visible."""

from __future__ import annotations

from rich.console import Console

from tui.core.session import DeckSession
from tui.present.factcheck import claim_line, verdict_panel


def rendered(*renderables) -> str:
    console = Console(record=True, width=100, color_system=None, force_terminal=False)
    for renderable in renderables:
        console.print(renderable)
    return console.export_text()


def test_hostile_deck_and_claim_text_stay_literal(hostile_deck):
    verdict = DeckSession(hostile_deck).fact_checker.check("The [bold]mayor[/] said 21 bridges \x1b[31mwere closed")
    assert verdict.label == "refuted", verdict.reason
    shown = rendered(claim_line(verdict), verdict_panel(hostile_deck, verdict))
    assert "[bold]mayor[/]" in shown  # the claim and the statement, as written
    assert "\x1b" not in shown  # escapes are shown, never sent
    assert "21 ≠ 12" in shown
