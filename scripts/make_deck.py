"""Write a synthetic but valid factdrill deck of N facts, for benchmarks and tests.

    python scripts/make_deck.py N OUT_DIR [--seed S] [--per-file 1000]

The deck looks like a real one grown large: many stored articles of news-story
length (one per ~40 facts, at least 3) whose texts hold every quoted passage among filler
sentences, wrapped at 78 columns and written with typographic apostrophes and
dashes (so quote matching has whitespace and typography to forgive); facts of
every answer kind with realistic lengths, 1-3 questions, aliases, tags,
distractors, some false claims and disputed points, 1-3 citations each; a few
not-in-sources claims. Facts are split 1000 to a file, like a deck by topic.
The output is deterministic for a given N and seed, and `load_deck` accepts it.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import textwrap
from pathlib import Path

FACTS_PER_FILE = 1000
FACTS_PER_SOURCE = 40  # a long news article (~15 kB) states a few dozen checkable facts
GENERATOR_VERSION = 2  # bump when the output changes, so cached decks are rebuilt

PEOPLE = [
    "Rustem Umerov", "Vladimir Medinsky", "Hakan Fidan", "Andriy Yermak", "Marco Rubio",
    "Sergei Lavrov", "Kaja Kallas", "Recep Tayyip Erdogan", "Dmitry Peskov", "Oleksandr Syrskyi",
    "Ursula von der Leyen", "Keir Starmer", "Emmanuel Macron", "Friedrich Merz", "Keith Kellogg",
    "Steve Witkoff", "Mykhailo Podolyak", "Igor Kostyukov", "Yulia Svyrydenko", "Antonio Costa",
]
ORGS = [
    "the Ukrainian delegation", "the Russian delegation", "the Kremlin", "the foreign ministry",
    "the defence ministry", "the Turkish hosts", "the European Commission", "the White House",
    "the air force", "the general staff", "the negotiators", "the mediators", "NATO officials",
]
PLACES = [
    "Istanbul", "Kyiv", "Moscow", "Ankara", "Kharkiv", "Sumy", "Odesa", "Dnipro", "Zaporizhzhia",
    "Kherson", "Brussels", "Washington", "Geneva", "Riyadh", "Vatican City", "Dolmabahce Palace",
]
NOUNS = [
    "drones", "missiles", "prisoners", "soldiers", "bodies", "civilians", "children", "sanctions",
    "proposals", "memoranda", "delegates", "ceasefire terms", "shells", "villages", "guarantees",
]
VERBS = [
    "said", "confirmed", "announced", "reported", "proposed", "rejected", "demanded", "welcomed",
    "denied", "estimated", "described", "insisted", "warned", "acknowledged", "stated",
]
ADVERBS = ["on Monday", "overnight", "late on Sunday", "after an hour", "in a statement",
           "at a briefing", "on Friday", "earlier this week", "during the talks", "by phone"]
TAGS = [
    "delegations", "prisoner-exchanges", "military-events", "ceasefire", "sanctions",
    "diplomacy", "casualties", "humanitarian", "territory", "memoranda", "mediation", "drones",
    "children", "energy", "negotiations", "security-guarantees", "europe", "united-states",
    "turkey", "black-sea", "air-defence", "front-line", "statements", "timeline",
]
FILLER = [
    "The talks were held behind closed doors and journalists waited outside for several hours.",
    "Neither side gave details of the agenda before the delegation arrived at the venue.",
    "Analysts cautioned that the gap between the two positions remained very wide.",
    "Officials did not immediately respond to a request for comment on the reports.",
    "The meeting followed weeks of pressure from Washington and European capitals.",
    "It was the second round of direct talks since the spring, and it lasted little over an hour.",
]
KINDS = ["number", "number", "name", "place", "date", "percent", "duration", "text", "list"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July"]


SYLLABLES = ["ka", "ro", "vo", "ne", "li", "sha", "mi", "ter", "pol", "dan", "zhy", "chy", "rivka", "hor", "ba"]


def _village(rng: random.Random) -> str:
    """A made-up place name, so the vocabulary has a long tail of rare words as real text does."""
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize() + rng.choice(
        ["ivka", "ove", "ske", "ne", "yn"])


def _slug(rng: random.Random, pool: list[str]) -> str:
    word = rng.choice(pool).lower()
    return "".join(c if c.isalnum() else "-" for c in word).strip("-")


class _Maker:
    """Builds one fact (and the source sentences that carry its quotes) at a time."""

    def __init__(self, seed: int, n_sources: int):
        self.rng = random.Random(seed)
        self.sentences: list[list[str]] = [[] for _ in range(n_sources)]

    def answer(self, kind: str) -> tuple[str, list[str], list[str], str]:
        """(answer, aliases, distractors, unit) for a kind."""
        rng = self.rng
        if kind == "number":
            value = rng.randint(2, 9999)
            near = sorted({value + d for d in (-value // 10 - 1, value // 7 + 2, value * 2)} - {value})
            return f"{value:,}", [str(value)] if value >= 1000 else [], [f"{v:,}" for v in near], rng.choice(NOUNS)
        if kind == "percent":
            value = rng.randint(1, 99)
            return f"{value}%", [f"{value} percent"], [f"{(value + d) % 100}%" for d in (7, 19, 42)], ""
        if kind == "name":
            name, *others = rng.sample(PEOPLE, 4)
            return name, [name.split()[-1]], others, ""
        if kind == "place":
            place, *others = rng.sample(PLACES, 4)
            return place, [], others, ""
        if kind == "date":
            day, month = rng.randint(1, 28), rng.choice(MONTHS)
            return f"{day} {month} 2025", [f"{month} {day}, 2025"], [f"{(day + d) % 28 + 1} {month} 2025"
                                                                        for d in (3, 9, 15)], ""
        if kind == "duration":
            hours = rng.randint(1, 12)
            return f"{hours} hours", [f"{hours}h"], [f"{hours + d} hours" for d in (1, 3, 7)], "hours"
        if kind == "list":
            items = rng.sample(PLACES, 3)
            return ", ".join(items), [" and ".join(items)], [", ".join(rng.sample(PLACES, 3)) for _ in range(3)], ""
        noun = rng.choice(NOUNS)
        return f"an exchange of {noun}", [f"a {noun} exchange"], [f"a halt to {noun}", f"more {noun}"], ""

    def fact(self, index: int, n_sources: int) -> str:
        rng = self.rng
        kind = KINDS[index % len(KINDS)]
        answer, aliases, distractors, unit = self.answer(kind)
        who = rng.choice(PEOPLE + ORGS)
        verb, when, place = rng.choice(VERBS), rng.choice(ADVERBS), rng.choice(PLACES)
        noun = rng.choice(NOUNS)
        village = _village(rng)
        # The passage a source states; the fact's quote is a run of its words.
        passage = (f"{who[0].upper() + who[1:]} {verb} {when} that the answer on the {noun} "
                   f"discussed in {place} was {answer}{' ' + unit if unit else ''}, "
                   f"near {village}, according to the delegation's notes (item {index}) - a point both sides "
                   f"had raised before.")
        statement = (f"{who[0].upper() + who[1:]} {verb} that the figure for the {noun} near {village} "
                     f"discussed in {place} was {answer}{' ' + unit if unit else ''}.")
        questions = [f"What did {who} say {when} about the {noun} discussed in {place}?"]
        if rng.random() < 0.4:
            questions.append(f"According to {who}, what was the answer on the {noun} in {place}?")
        words = passage.split()
        cited = rng.sample(range(n_sources), k=min(n_sources, rng.choice((1, 1, 1, 2, 2, 3))))
        lines = ["[[facts]]", f"id = {_q(f'{_slug(rng, PLACES)}-{noun.split()[0]}-{index:06d}')}",
                 f"statement = {_q(statement)}", f"questions = {_list(questions)}",
                 f"answer = {_q(answer)}", f'kind = "{kind}"']
        if aliases:
            lines.append(f"aliases = {_list(aliases)}")
        if unit:
            lines.append(f"unit = {_q(unit)}")
        if kind in ("number", "percent") and rng.random() < 0.3:
            lines.append("tolerance = 1")
        lines.append(f"tags = {_list(sorted(set(rng.sample(TAGS, rng.randint(1, 3)))))}")
        lines.append(f"distractors = {_list(distractors)}")
        if rng.random() < 0.2:
            lines.append(f"false_claims = {_list([statement.replace(place, rng.choice(PLACES))])}")
        if rng.random() < 0.03:
            lines += ["disputed = true", f"dispute_note = {_q('The sources give different figures.')}"]
        for source in cited:
            self.sentences[source].append(passage)
            first = rng.randint(0, 6)
            quote = " ".join(words[first:first + rng.randint(10, len(words) - first)])
            lines += ["", "[[facts.citations]]", f'source = "src-{source:03d}"', f"quote = {_q(quote)}"]
        return "\n".join(lines) + "\n"

    def article(self, source: int) -> str:
        """The stored text: quoted passages among filler, typographic, wrapped in paragraphs."""
        rng, body = self.rng, []
        for passage in self.sentences[source]:
            body.append(passage)
            if rng.random() < 0.5:
                body.append(rng.choice(FILLER))
        paragraphs = [" ".join(body[i:i + 4]) for i in range(0, len(body), 4)]
        text = "\n\n".join(textwrap.fill(_typographic(p), 78, break_on_hyphens=False, break_long_words=False)
                           for p in paragraphs)
        return f"Talks resume in {PLACES[source % len(PLACES)]}\n\n{text}\n"


def _typographic(text: str) -> str:
    return text.replace("'s ", "\u2019s ").replace(" - ", " \u2014 ")


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _list(items: list[str]) -> str:
    return "[" + ", ".join(_q(i) for i in items) + "]"


def _source_table(source: int) -> str:
    inferred = source % 3 == 0
    lines = ["[[sources]]", f'id = "src-{source:03d}"',
             f"title = {_q(f'Talks resume in {PLACES[source % len(PLACES)]} (report {source + 1})')}",
             f'title_kind = "{"descriptive" if source % 4 == 0 else "headline"}"',
             f'outlet = "{"unknown" if source % 5 == 0 else f"Example Wire {source % 7}"}"',
             f'date = "2025-06-{source % 28 + 1:02d}"',
             f'date_precision = "{"inferred" if inferred else "exact"}"']
    if inferred:
        lines.append('date_basis = "it reports talks held \'on Monday\' in Istanbul"')
    lines += ['language = "en"', f'text = "sources/src-{source:03d}.txt"']
    return "\n".join(lines) + "\n"


def make_deck(n_facts: int, out_dir: Path, *, seed: int = 7, per_file: int = FACTS_PER_FILE) -> Path:
    """Write a deck of `n_facts` facts into `out_dir` (emptied first); return `out_dir`."""
    if out_dir.exists():
        shutil.rmtree(out_dir)
    (out_dir / "sources").mkdir(parents=True)
    n_sources = max(3, -(-n_facts // FACTS_PER_SOURCE))
    maker = _Maker(seed, n_sources)
    for first in range(0, n_facts, per_file):
        chunk = [maker.fact(i, n_sources) for i in range(first, min(first + per_file, n_facts))]
        path = out_dir / f"facts-{first // per_file:04d}.toml"
        path.write_text("\n".join(chunk), encoding="utf-8")
    header = [f'[deck]\ntitle = "Synthetic deck of {n_facts} facts"\n']
    claims = [f'[[not_in_sources]]\nid = "claim-{i}"\nclaim = {_q(f"The talks moved to {place}.")}\n'
              f'tags = ["delegations"]\nnote = "No article mentions {place}."\n'
              for i, place in enumerate(PLACES[:5])]
    sources = [_source_table(s) for s in range(n_sources)]
    (out_dir / "000-sources.toml").write_text("\n".join(header + sources + claims), encoding="utf-8")
    for source in range(n_sources):
        (out_dir / "sources" / f"src-{source:03d}.txt").write_text(maker.article(source), encoding="utf-8")
    return out_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of facts")
    parser.add_argument("out_dir", type=Path, help="folder to write (replaced if it exists)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--per-file", type=int, default=FACTS_PER_FILE, help="facts per TOML file")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("N must be at least 1")
    make_deck(args.n, args.out_dir, seed=args.seed, per_file=args.per_file)
    print(f"wrote a deck of {args.n} facts to {args.out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
