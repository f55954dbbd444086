"""Write the hostile decks in tests/data/ (run from the repository root): deck text that tries to
reach the terminal as escapes or markup, to prove every output path shows it as data.

`hostile/` loads cleanly (every free-text field carries a payload, quotes cite hostile source text);
`hostile_problems/` fails to load, with payloads in the ids, keys and closest passages that the
problem lines echo; `hostile_crashes/` nests arrays and dotted keys past any recursion limit and names
a source text too long for a file name. `hostile_classroom/` holds a drill over `hostile/` whose title
carries every payload, a drill file whose id, keys and selection do (for `drill validate`), and a
.txt and a saved .html article with payloads in the headline and text (for `add-source`).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OSC52 = "\x1b]52;c;cm0gLXJmIH4=\x07"            # puts `rm -rf ~` on the terminal's clipboard
CLEAR = "\x1b[2J\x1b[H"                          # clears the screen
C1_CSI = "\x9b31m"                               # CSI as one C1 byte
OSC8 = "\x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\"
MARKUP = "[link=https://evil.example/]click[/link] [blink]blink[/blink] [/] [bold red]red"
BIDI = "\u202eevil\u202c \u2066iso\u2069 \u2067r\u2068f\u2069"
ZERO_WIDTH = "a\u200bb\u200cc\u200dd\u2060e\ufeff"
NUL = "nul\x00byte"
ALL = f"{OSC52}{CLEAR}{C1_CSI}{OSC8}{MARKUP}{BIDI}{ZERO_WIDTH}{NUL}"

ARTICLE = (
    "Harbour news. The crossing takes 42 minutes on a calm day.\n\n"
    f"A hostile line follows: {CLEAR}screen{C1_CSI}red [blink]blink[/blink] [/] "
    f"{BIDI} {ZERO_WIDTH} end of line.\n\n"
    "The mayor, Ada Lindqvist, cut the ribbon at the Northport pier.\n"
)


def toml_string(text: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's, except \\u for every control."""
    return json.dumps(text, ensure_ascii=True).replace("\\u007f", "\\u007F")


def arr(items: list[str]) -> str:
    return "[" + ", ".join(map(toml_string, items)) + "]"


def hostile_deck() -> str:
    huge = ("huge " + ALL + " ") * 150  # ~50 KB escaped in one field
    s = toml_string
    return f"""[deck]
title = {s("Hostile " + ALL)}
description = {s(ALL)}

[[sources]]
id = "harbour"
title = {s("Harbour " + ALL)}
title_kind = "headline"
outlet = {s("Outlet " + MARKUP + OSC52)}
date = "2024-05-14"
date_precision = "exact"
language = "en"
url = {s("https://example.invalid/" + CLEAR)}
note = {s(ALL)}
text = "sources/harbour.txt"

[[sources]]
id = "tribune"
title = {s("Tribune " + BIDI)}
title_kind = "descriptive"
outlet = "unknown"
date = "2024-05"
date_precision = "inferred"
date_basis = {s("basis " + ALL)}
language = "en"
text = "sources/harbour.txt"

[[facts]]
id = "crossing-time"
statement = {s("The crossing takes 42 minutes " + ALL)}
questions = [{s("How many minutes does the crossing take? " + ALL)}]
answer = "42"
kind = "number"
unit = {s("min" + CLEAR)}
tags = [{s("tag" + OSC52)}, {s(MARKUP)}, {s(BIDI)}]
distractors = {arr(["24 " + CLEAR, "60 " + MARKUP, "90 " + BIDI])}
false_claims = {arr(["The crossing takes 90 minutes " + ALL])}
note = {s(huge)}

[[facts.citations]]
source = "harbour"
quote = "The crossing takes 42 minutes"

[[facts]]
id = "hostile-line"
statement = {s("A hostile line: " + ALL)}
questions = [{s("What follows the hostile line? " + MARKUP)}]
answer = {s("screen " + ALL)}
aliases = {arr(["screen", BIDI])}
kind = "text"
tags = [{s("tag" + OSC52)}]
distractors = {arr([ZERO_WIDTH + " one", CLEAR + " two", MARKUP + " three"])}
false_claims = {arr([MARKUP, OSC52 + "claim"])}
disputed = true
dispute_note = {s("dispute " + ALL)}

[[facts.citations]]
source = "harbour"
quote = {s(f"A hostile line follows: {CLEAR}screen{C1_CSI}red [blink]blink[/blink] [/] {BIDI}")}

[[facts.citations]]
source = "tribune"
quote = {s(ZERO_WIDTH + " end of line.")}

[[facts]]
id = "mayor-name"
statement = {s("Mayor Ada Lindqvist opened the line. " + MARKUP)}
questions = ["Who cut the ribbon at the Northport pier?"]
answer = "Ada Lindqvist"
aliases = ["Lindqvist"]
kind = "name"
tags = [{s(MARKUP)}]
distractors = {arr(["Ada Lindgren", "Eva " + CLEAR, "Ada " + MARKUP])}
false_claims = {arr(["Mayor Eva Lindgren " + OSC52])}

[[facts.citations]]
source = "harbour"
quote = "The mayor, Ada Lindqvist, cut the ribbon at the Northport pier."

[[not_in_sources]]
id = "hostile-claim"
claim = {s("Claim " + ALL)}
tags = [{s(MARKUP)}]
note = {s(ALL)}
"""


def problems_deck() -> str:
    s = toml_string
    return f"""[deck]
title = {s("Broken " + ALL)}

[[sources]]
id = {s("bad-id" + CLEAR)}
title = "t"
title_kind = {s("kind" + OSC52)}
outlet = "o"
date = "2024-05-14"
date_precision = {s(MARKUP)}
language = "en"
text = "sources/harbour.txt"

[[sources]]
id = "other"
title = "t"
title_kind = {s("kind" + OSC52)}
outlet = "o"
date = "2024-05-14"
date_precision = {s(MARKUP)}
language = "en"
text = "sources/harbour.txt"
{s("unknown-key" + CLEAR)} = 1

[[sources]]
id = "harbour"
title = "Harbour"
title_kind = "headline"
outlet = "o"
date = "2024-05-14"
date_precision = "exact"
language = "en"
text = "sources/harbour.txt"

[[facts]]
id = {s("id" + CLEAR + OSC52 + MARKUP)}
statement = "s"
questions = ["q"]
answer = "a"
kind = {s("kind" + C1_CSI)}

[[facts.citations]]
source = {s("nowhere" + OSC52)}
quote = "q"

[[facts]]
id = "closest"
statement = "s"
questions = ["q"]
answer = "a"
kind = "text"

[[facts.citations]]
source = "harbour"
quote = {s(f"A hostile line follows: {CLEAR}screen{C1_CSI}red [blink]blink[/blink] [/] XYZZY")}

[[facts]]
id = "stray"
statement = "s"
questions = ["q"]
answer = "a"
kind = "text"
{s(MARKUP + OSC52)} = "unknown key"

[[facts.citations]]
source = "harbour"
quote = "The crossing takes 42 minutes"

"""


LONG_TEXT = "\n".join([
    "[[sources]]", 'id = "long-text"', 'title = "t"', 'title_kind = "headline"', 'outlet = "o"',
    'date = "2024-05-14"', 'date_precision = "exact"', 'language = "en"', f'text = "{"x" * 300}"', "",
])


def write(folder: Path) -> None:
    hostile = folder / "hostile"
    (hostile / "sources").mkdir(parents=True, exist_ok=True)
    (hostile / "deck.toml").write_text(hostile_deck(), encoding="utf-8")
    (hostile / "sources" / "harbour.txt").write_text(ARTICLE, encoding="utf-8")
    broken = folder / "hostile_problems"
    (broken / "sources").mkdir(parents=True, exist_ok=True)
    (broken / "deck.toml").write_text(problems_deck(), encoding="utf-8")
    (broken / "sources" / "harbour.txt").write_text(ARTICLE, encoding="utf-8")
    nesting = folder / "hostile_crashes"
    nesting.mkdir(parents=True, exist_ok=True)
    (nesting / "arrays.toml").write_text("x = " + "[" * 1000 + "]" * 1000 + "\n", encoding="utf-8")
    (nesting / "dotted.toml").write_text(".".join(["k"] * 1500) + " = 1\n", encoding="utf-8")
    (nesting / "long_text.toml").write_text(LONG_TEXT, encoding="utf-8")
    (nesting / "inline.toml").write_text("x = " + "{a = " * 1000 + "1" + "}" * 1000 + "\n", encoding="utf-8")

    write_classroom(folder / "hostile_classroom")


DRILL = f"""[drill]
id = "hostile-drill"
title = {toml_string("Drill " + ALL)}
deck = "../hostile"
seed = 3
question_seconds = 600
retry = true
pass_mark = 50

[select]
count = 3
types = ["typed", "claim"]
"""

BAD_DRILL = f"""[drill]
id = {toml_string("bad" + CLEAR + BIDI)}
title = {toml_string(ALL)}
deck = "../hostile"
feedback = {toml_string(OSC52)}
{toml_string("key" + OSC52 + MARKUP)} = 1

[select]
tags = {arr(["nope" + OSC52])}
ids = {arr(["no-such" + CLEAR + MARKUP])}
types = {arr(["typed" + C1_CSI + BIDI])}

[[questions]]
id = {toml_string("q" + OSC8 + ZERO_WIDTH)}
type = {toml_string(MARKUP + NUL)}
"""

TEXT_ARTICLE = f"Headline {OSC52}{CLEAR}{MARKUP} {BIDI}\n\n{ARTICLE}"
# trafilatura finds no article in a page with a C0 control in its text (add-source refuses it,
# cleanly): article_escapes.html has them, article.html carries every payload but those.
SOFT = f"{C1_CSI}{MARKUP} {BIDI} {ZERO_WIDTH}"
HTML_PARAGRAPHS = "".join(f"<p>{p}</p>" for p in (
    "Harbour news. The crossing takes 42 minutes on a calm day, the operator said.",
    f"A hostile line follows: {SOFT} end of line.",
    "The mayor, Ada Lindqvist, cut the ribbon at the Northport pier."))


def html_article(payload: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Page {payload}</title>
<meta property="og:site_name" content="Outlet {payload}">
<meta property="article:published_time" content="2024-05-14">
</head><body><article>
<h1>Headline {payload}</h1>
{HTML_PARAGRAPHS}
</article></body></html>
"""


def write_classroom(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "drill.toml").write_text(DRILL, encoding="utf-8")
    (folder / "bad_drill.toml").write_text(BAD_DRILL, encoding="utf-8")
    (folder / "article.txt").write_text(TEXT_ARTICLE, encoding="utf-8")
    (folder / "article.html").write_text(html_article(SOFT), encoding="utf-8")
    (folder / "article_escapes.html").write_text(html_article(OSC52 + CLEAR + OSC8 + SOFT), encoding="utf-8")


if __name__ == "__main__":
    write(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("tests/data"))
