"""The CLI's one way out (tui/present/output.py): deck text never acts on the terminal.

Whatever a command uses — a bare print(), the output console, write_json or
print_problems — escapes, C1 controls, bidi overrides and zero-width characters come
out as visible stand-ins, markup comes out as the characters typed, and JSON stays
JSON with the same data.
"""

from __future__ import annotations

import io
import json
import re
import sys

from rich.table import Table
from rich.text import Text

from tui.core.safe_text import ShownText, printable
from tui.present.output import guarded_output, json_text, output_console, print_problems, write_json
from tui.present.text import highlighted

HOSTILE = ("\x1b]52;c;cm0gLXJmIH4=\x07 \x1b[2J \x9b31m \u202eevil\u202c \u2066iso\u2069 "
           "a\u200bb\u200dc\ufeff nul\x00 del\x7f [link=https://evil.example/]x[/link] [blink]b[/] [/]")
# What a terminal acts on or hides: C0 but tab/newline, DEL, C1, bidi, zero-width.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def test_printable_shows_every_unsafe_character_and_nothing_else_changes() -> None:
    shown = printable(HOSTILE)
    assert RAW.search(shown) is None
    assert "␛]52;c;" in shown and "␇" in shown and "␛[2J" in shown and "␀" in shown
    assert "\\u009b31m" in shown and "\\u202eevil\\u202c" in shown and "\\u2066iso\\u2069" in shown
    assert "a\\u200bb\\u200dc\\ufeff" in shown and "del\\u007f" in shown
    assert "[link=https://evil.example/]x[/link] [blink]b[/] [/]" in shown  # markup is just text
    assert printable("plain text, «typographic» — and\ttabs\nand lines") == (
        "plain text, «typographic» — and\ttabs\nand lines")
    assert printable(shown) == shown  # stand-ins are themselves printable


def test_one_line_keeps_a_problem_on_its_line() -> None:
    assert printable("id\nforged.toml:1: fake", one_line=True) == "id␊forged.toml:1: fake"
    assert "\n" not in printable("a\u2028b\tc\rd", one_line=True)


def test_shown_text_maps_offsets_through_the_stand_ins() -> None:
    text = "ab\x1bcd\u202eef\x9bgh"
    shown = ShownText(text)
    assert shown.text == printable(text)
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            a, b = shown.span(start, end)
            assert shown.text[a:b] == printable(text[start:end])


def test_highlighted_styles_the_same_characters_as_the_raw_spans() -> None:
    text = "x\u202e " * 1000 + "target" + " \x1b" * 1000
    start = text.index("target")
    result = highlighted(text, [(start, start + 6), (0, 1)], "bold")
    styled = [result.plain[span.start:span.end] for span in result.spans]
    assert styled == ["target", "x"]


def test_a_bare_print_inside_the_guard_is_shown_not_obeyed(capsys) -> None:
    with guarded_output():
        print(HOSTILE)
        print(HOSTILE, file=sys.stderr)
    out, err = capsys.readouterr()
    assert RAW.search(out) is None and RAW.search(err) is None
    assert "␛[2J" in out and "␛[2J" in err


def test_the_output_console_parses_no_markup_and_lets_no_text_act() -> None:
    buffer = io.StringIO()
    console = output_console(file=buffer, force_terminal=True, color_system="truecolor", width=300)
    table = Table(title=HOSTILE)
    table.add_column(HOSTILE)
    table.add_row(HOSTILE)  # a plain str in a cell: markup if the console parsed it
    console.print(table)
    console.print(Text(HOSTILE, style="bold"))
    console.print(HOSTILE)
    output = buffer.getvalue()
    text = re.sub(r"\x1b\[[0-9;]*m", "", output)  # the console's own colours are allowed
    assert RAW.search(text) is None, repr(text[:300])
    assert "\x1b]8;" not in output and "\x1b[5m" not in output  # no hyperlink, no blink
    assert text.count("[blink]b[/] [/]") == 5  # title, header, cell, Text and str: each laid out whole
    assert "del\\u007f [link" in text


def test_json_escapes_what_a_terminal_acts_on_and_keeps_the_data(capsys) -> None:
    value = {"statement": HOSTILE, "keys": ["é", "«»", "\u2028"]}
    text = json_text(value)
    assert RAW.search(text) is None and "\u2028" not in text
    assert json.loads(text) == value and "«»" in text  # readable UTF-8 stays readable
    with guarded_output():
        write_json(value)
    assert json.loads(capsys.readouterr().out) == value


def test_each_problem_is_one_line(capsys) -> None:
    count = print_problems(["deck.toml:3: fact 'a\nb.toml:1: forged\x1b[2J'", "deck.toml:9: fine"])
    err = capsys.readouterr().err
    assert count == 2 and err.splitlines() == [
        "deck.toml:3: fact 'a␊b.toml:1: forged␛[2J'", "deck.toml:9: fine"]
