"""The teacher's report as Rich tables (CLI and the TUI's Report mode) and as Markdown.

Names, answers and prompts come from pupils and decks: they go through `safe`
(printable, never markup) in Rich, and are escaped for Markdown tables.
"""

from __future__ import annotations

from typing import Callable

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.table import Table
from rich.text import Text

from tui.core.results.report import STILL_ANSWERING, DrillReport
from tui.core.safe_text import printable
from tui.present.quiz import format_seconds
from tui.present.text import DIM_STYLE, safe

STATE_STYLES = {STILL_ANSWERING: "bold yellow", "finished": "green", "quit": "dim", "stopped": "red"}


def _heading(report: DrillReport) -> Text:
    text = safe(report.title or report.drill_id, "bold")
    text.append(f"  ({report.drill_id}) · {len(report.pupils)} pupils · {report.planned} questions"
                f" · pass mark {report.pass_mark:g}%", style=DIM_STYLE)
    if report.still_answering:
        text.append(f"\nStill answering: {len(report.still_answering)} — ", style="bold yellow")
        text.append_text(safe(", ".join(report.still_answering)))
    return text


NARROW = 80  # below this many columns the tables drop their inner rules and shorten long headings


class _Fitted:
    """A table built for the width it is given: ruled when there is room, lighter when narrow
    (a 60-column terminal, a phone's browser), so numbers and states are not cut to "…"."""

    def __init__(self, build: Callable[[bool], Table]):
        self.build = build

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.build(options.max_width < NARROW)


def _table(title: str, narrow: bool) -> Table:
    if narrow:
        return Table(title=title, title_justify="left", expand=False, box=box.SIMPLE_HEAD, pad_edge=False,
                     collapse_padding=True)
    return Table(title=title, title_justify="left", expand=False)


def pupils_table(report: DrillReport) -> _Fitted:
    def build(narrow: bool) -> Table:
        table = _table("Pupils", narrow)
        for column in ("Pupil", "Score", "%", "Pass", "Time", "Unans." if narrow else "Unanswered", "Close", "State"):
            table.add_column(column, justify="left" if column in ("Pupil", "State", "Pass") else "right",
                             no_wrap=column != "Pupil", overflow="fold" if column == "Pupil" else "ellipsis")
        for p in report.pupils:
            table.add_row(safe(p.pupil), f"{p.score}/{p.planned}", f"{p.percent:g}", "yes" if p.passed else "no",
                          format_seconds(p.seconds), str(p.unanswered), str(p.close),
                          Text(p.state, style=STATE_STYLES.get(p.state, "")))
        return table
    return _Fitted(build)


def questions_table(report: DrillReport) -> _Fitted:
    def build(narrow: bool) -> Table:
        table = _table("Questions", narrow)
        for column in ("#", "Question", "Right", "Wrong answers" if narrow else "Commonest wrong answers"):
            table.add_column(column, justify="right" if column in ("#", "Right") else "left", overflow="fold")
        for q in report.questions:
            wrong = Text(", ").join(safe(answer) + Text(f" ×{count}", style=DIM_STYLE)
                                    for answer, count in q.common_wrong)
            table.add_row(str(q.number), safe(q.prompt.splitlines()[0] if q.prompt else q.question_key),
                          f"{round(100 * q.share_right)}% of {q.asked}", wrong)
        return table
    return _Fitted(build)


def missed_table(report: DrillReport) -> _Fitted:
    def build(narrow: bool) -> Table:
        table = _table("Most missed", narrow)
        for column in ("Fact", "Missed", "Sources"):
            table.add_column(column, justify="right" if column == "Missed" else "left", overflow="fold")
        for m in report.most_missed:
            table.add_row(safe(m.question_key), f"{m.missed} of {m.asked}", safe("\n".join(m.sources)))
        return table
    return _Fitted(build)


def report_renderable(report: DrillReport) -> Group:
    """The whole report for one drill: heading, pupils, questions, most missed."""
    if not report.pupils:
        return Group(Text("No attempts yet.", style=DIM_STYLE))
    return Group(_heading(report), pupils_table(report), questions_table(report), missed_table(report), Text(""))


# --- Markdown -------------------------------------------------------------------------------------

def _md(value: object) -> str:
    """A table cell: printable, pipes and markup characters escaped, on one line."""
    text = printable(str(value)).replace("\n", " ")
    for char in "\\|*_`[]<>#":
        text = text.replace(char, "\\" + char)
    return text


def _md_table(header: list[str], rows: list[list[object]]) -> str:
    lines = ["| " + " | ".join(_md(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_md(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def report_markdown(report: DrillReport) -> str:
    parts = [f"# {_md(report.title or report.drill_id)}",
             f"Drill `{report.drill_id}` · {len(report.pupils)} pupils · {report.planned} questions"
             f" · pass mark {report.pass_mark:g}%"]
    if report.still_answering:
        parts.append("Still answering: " + ", ".join(_md(n) for n in report.still_answering))
    parts += ["## Pupils", _md_table(
        ["Pupil", "Score", "%", "Pass", "Time", "Unanswered", "Close", "State"],
        [[p.pupil, f"{p.score}/{p.planned}", f"{p.percent:g}", "yes" if p.passed else "no",
          format_seconds(p.seconds), p.unanswered, p.close, p.state] for p in report.pupils])]
    parts += ["## Questions", _md_table(
        ["#", "Question", "Right", "Commonest wrong answers"],
        [[q.number, q.prompt.splitlines()[0] if q.prompt else q.question_key,
          f"{round(100 * q.share_right)}% of {q.asked}",
          ", ".join(f"{a} ×{c}" for a, c in q.common_wrong)] for q in report.questions])]
    parts += ["## Most missed", _md_table(
        ["Fact", "Missed", "Sources"],
        [[m.question_key, f"{m.missed} of {m.asked}", "; ".join(m.sources)] for m in report.most_missed])]
    return "\n\n".join(parts)


def answers_markdown(rows: list[list[object]]) -> str:
    return _md_table([str(h) for h in rows[0]], rows[1:])


def answers_table(rows: list[list[object]]) -> Table:
    shown = ("pupil", "number", "question_key", "given", "verdict", "seconds", "timed_out")
    header = [str(h) for h in rows[0]]
    table = Table(expand=False)
    for column in shown:
        table.add_column(column, overflow="fold")
    for row in rows[1:]:
        cells = dict(zip(header, row))
        table.add_row(*(safe(str(cells[c])) for c in shown))
    return table
