"""A learner's report as Rich renderables, the same in `factdrill progress` and the TUI's Progress mode."""

from __future__ import annotations

from typing import Sequence

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from tui.core.deck.model import Deck
from tui.core.progress.report import DayAccuracy, LearnerReport
from tui.present.text import DIM_STYLE, safe

BARS = "▁▂▃▄▅▆▇█"
SPARK_DAYS = 30  # the sparkline's width: one character per day answered, the most recent days


def sparkline(percents: Sequence[float]) -> str:
    """One bar per value on a fixed 0–100 scale, so a full bar always means 100%."""
    top = len(BARS) - 1
    return "".join(BARS[round(max(0.0, min(p, 100.0)) / 100 * top)] for p in percents)


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}%"


def totals_line(report: LearnerReport) -> Text:
    close = f" ({report.close} close)" if report.close else ""  # close answers count as right: say how many
    return Text(f"{report.answers} answer{'' if report.answers == 1 else 's'} · {_percent(report.percent)} right{close} · {report.facts_seen} of "
                f"{report.facts_in_deck} questions reviewed · {report.due_now} due again now")


def accuracy_line(days: Sequence[DayAccuracy]) -> Text:
    """`Accuracy by day: ▃▅▆█  40% on 2026-11-20 … 90% on 2026-12-01` over the last days answered."""
    if not days:
        return Text("Accuracy by day: no answers yet.", style=DIM_STYLE)
    shown = days[-SPARK_DAYS:]
    line = Text("Accuracy by day: ")
    line.append(sparkline([d.percent for d in shown]), style="bold")
    first, last = shown[0], shown[-1]
    line.append(f"  {first.percent:.0f}% on {first.day.isoformat()}")
    if len(shown) > 1:
        line.append(f" … {last.percent:.0f}% on {last.day.isoformat()}")
    line.append(f"  ({len(shown)} day{'s' if len(shown) != 1 else ''} with answers)", style=DIM_STYLE)
    return line


def missed_table(report: LearnerReport, deck: Deck) -> RenderableType:
    """The facts missed most, with the misses, the last wrong answer and the statement to learn."""
    if not report.most_missed:
        return Text("Most missed: nothing missed yet.", style=DIM_STYLE)
    table = Table(title="Most missed", title_justify="left", expand=False)
    table.add_column("fact")
    table.add_column("missed", justify="right")
    table.add_column("last wrong answer")
    table.add_column("statement")
    for missed in report.most_missed:
        fact = deck.asks_by_id[missed.fact_id]
        table.add_row(safe(missed.fact_id), f"{missed.misses} of {missed.answers}", safe(missed.last_wrong),
                      safe(fact.statement))
    return table


def due_table(report: LearnerReport, deck: Deck, limit: int = 10) -> RenderableType:
    """What is due by the end of today (FSRS), most overdue first."""
    if not report.due_today:
        return Text("Due today: nothing.", style=DIM_STYLE)
    table = Table(title=f"Due today ({len(report.due_today)})", title_justify="left", expand=False)
    table.add_column("fact")
    table.add_column("statement")
    for fact_id in report.due_today[:limit]:
        table.add_row(safe(fact_id), safe(deck.asks_by_id[fact_id].statement))
    if len(report.due_today) > limit:
        table.add_row("…", Text(f"{len(report.due_today) - limit} more", style=DIM_STYLE))
    return table


def learner_report_view(report: LearnerReport, deck: Deck) -> Group:
    """Totals, the accuracy sparkline, the most-missed facts and what is due today."""
    return Group(totals_line(report), accuracy_line(report.days), Text(),
                 missed_table(report, deck), Text(), due_table(report, deck))
