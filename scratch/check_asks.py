"""Phase-1 check of the drafted asks with the current checker: answers and aliases right,
distractors wrong, no question gives its answer away, the answer in a quote (clozable)."""
import dataclasses, tomllib, sys
from tui.core.loading import load_deck
from tui.core.checking import AnswerChecker
from tui.core.quiz_questions import reveals_answer, cloze_candidates

deck = load_deck(["facts"])
checker = AnswerChecker(deck)
asks = tomllib.load(open("scratch/asks.toml", "rb"))["asks"]
bad = 0
for a in asks:
    parent = deck.fact(a["fact"])
    ask = dataclasses.replace(parent, id=f"{parent.id}#{a['id']}", questions=(a["question"],), answer=a["answer"],
                              kind=a["kind"], aliases=tuple(a.get("aliases", ())), distractors=tuple(a.get("distractors", ())),
                              unit=a.get("unit", ""), tolerance=0.0, approximate=False, false_claims=())
    for text in (ask.answer, *ask.aliases):
        v = checker.check(ask, text)
        if not v.correct:
            print(ask.id, "REJECTS", repr(text), v.rule); bad += 1
    for text in ask.distractors:
        v = checker.check(ask, text)
        if v.correct:
            print(ask.id, "ACCEPTS distractor", repr(text), v.rule); bad += 1
    if reveals_answer(a["question"], ask):
        print(ask.id, "question reveals answer"); bad += 1
    c = cloze_candidates(deck, ask)
    print(f"{ask.id:55} cloze: {c[0][0] if c else '-'}")
print(len(asks), "asks,", bad, "problems")
