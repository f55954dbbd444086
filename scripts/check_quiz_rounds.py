"""Play `factdrill quiz --plain` rounds answering '?' to every question, and check what a reader sees.

For each seed it runs `factdrill quiz --plain --count N --seed S` (answering `?`, which reveals
each answer) and checks, from the printed text alone:

1. every cloze, filled with its revealed answer, reads as a sentence of one of the deck's
   source texts (verbatim, whitespace aside);
2. no revealed answer appears before its question: not in the deck title, nor in any earlier
   prompt, option, claim, feedback statement, source heading or quoted paragraph. Lines the
   program prints around every question ("Question 4 of 20 · Typed answer", "Stated by 2 of 5
   articles", the answer hint) are structure, not content, and are not searched.

Usage: python scripts/check_quiz_rounds.py [--seeds 1-10] [--count 20] [--deck PATH ...]
Exit status 0 when every round passes, 1 otherwise (each problem printed on a line).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
_HEADING = re.compile(r"^Question (\d+) of (\d+) · (.+)$")
_REVEALED = re.compile(r"^Revealed +The answer: (.*)$")
_STRUCTURE = re.compile(
    r"^(Question \d+ of \d+ · |Stated by \d+ of \d+ articles?$|Not stated by any of|Answer [a-d](/[a-d])*;|"
    r"Type the answer|s Supported · |> ?$|Revealed +The answer: |seed \d+ · types |Fill the blank in this sentence"
    r"|Is this claim supported|End of round|End of input)"
)
_TITLE = re.compile(r"^(?P<title>.*): \d+ questions?$")  # the deck's title is content; the count is not
_CHOICE_LABEL = re.compile(r"^[A-D]\. ")


def words(text: str) -> str:
    """Casefolded words without accents or punctuation, padded, for whole-word search."""
    text = unicodedata.normalize("NFKD", text.casefold().replace("\u2019", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("'", "")
    return " " + " ".join(re.findall(r"[^\W_]+(?:[.,][0-9]+)*", text)) + " "


def spaced(text: str) -> str:
    return " ".join(text.split())


def run_round(seed: int, count: int, decks: list[str]) -> str:
    command = [sys.executable, "-m", "tui", "quiz", "--plain", "--count", str(count), "--seed", str(seed)]
    for deck in decks:
        command += ["--deck", deck]
    answers = "?\n" * (count + 5)
    done = subprocess.run(command, input=answers, capture_output=True, text=True, cwd=REPO, timeout=300)
    if done.returncode != 0:
        raise SystemExit(f"seed {seed}: factdrill quiz exited {done.returncode}: {done.stderr.strip()}")
    return done.stdout


def check_round(output: str, sources: list[str], seed: int) -> list[str]:
    """Every problem of one printed round, one line each."""
    problems: list[str] = []
    lines = output.split("\n")
    body = output.split("\nEnd of round")[0].split("\n")
    seen: list[str] = []  # content lines printed so far
    question: dict[str, object] | None = None
    for line in body:
        heading = _HEADING.match(line)
        if heading:
            question = {"number": int(heading.group(1)), "type": heading.group(3), "prompt": [], "seen": list(seen)}
            continue
        revealed = _REVEALED.match(line)
        if revealed and question is not None:
            answer = _CHOICE_LABEL.sub("", revealed.group(1).strip())
            number, type_ = question["number"], question["type"]
            if type_ != "Judge the claim":
                earlier = words("\n".join(question["seen"]))  # type: ignore[arg-type]
                if words(answer).strip() and words(answer) in earlier:
                    problems.append(f"seed {seed}, question {number}: the answer {answer!r} was shown before it")
            if type_ == "Fill the blank":
                sentence = next((p for p in question["prompt"] if "_____" in p), "")  # type: ignore[union-attr]
                filled = spaced(sentence.replace("_____", answer))
                if not any(filled in source for source in sources):
                    problems.append(f"seed {seed}, question {number}: the filled cloze is no source sentence: {filled!r}")
            question["prompt"] = None  # the prompt is over; feedback follows
            continue
        if question is not None and isinstance(question["prompt"], list) and not _STRUCTURE.match(line):
            question["prompt"].append(line)
        title = _TITLE.match(line) if not seen else None
        if title:
            seen.append(title.group("title"))
        elif line.strip() and not _STRUCTURE.match(line):
            seen.append(line)
    if not any(_HEADING.match(line) for line in lines):
        problems.append(f"seed {seed}: no question was asked")
    return problems


def seeds_of(text: str) -> list[int]:
    first, _, last = text.partition("-")
    return list(range(int(first), int(last or first) + 1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", default="1-10", help="a seed or a range, e.g. 1-10 (default)")
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--deck", action="append", default=[], help="deck path (default: the bundled deck)")
    args = parser.parse_args(argv)
    source_dirs = [Path(d) for d in args.deck] or [REPO / "facts"]
    sources = [spaced(p.read_text(encoding="utf-8")) for d in source_dirs
               for p in (d.rglob("*.txt") if d.is_dir() else d.parent.rglob("*.txt"))]
    problems: list[str] = []
    asked = 0
    for seed in seeds_of(args.seeds):
        output = run_round(seed, args.count, args.deck)
        asked += sum(1 for line in output.split("\n") if _HEADING.match(line))
        problems += check_round(output, sources, seed)
    for problem in problems:
        print(problem)
    print(f"{len(seeds_of(args.seeds))} rounds, {asked} questions, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
