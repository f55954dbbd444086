"""Simulate a class: N pupils take a drill at once with `factdrill drill --plain`, then check the store.

Each pupil is a real `factdrill` process writing to the same results store (a
folder, or a postgresql:// URL). Every pupil answers every question (the right
answer for even-numbered pupils, a wrong one for the others); the script then
checks that the store holds exactly one row per pupil per question, and prints
the figures. Bounded: every pupil must finish within --timeout seconds.

    python scripts/simulate_class.py tui/examples/drills/talks-week-1.toml --pupils 40 --results /tmp/class
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def _answers(prepared, right: bool) -> str:
    from tui.core.quiz.questions import JUDGEMENT_KEYS

    lines = []
    for question in prepared.round.questions:
        if question.type == "choice":
            wrong = next(o.label for o in question.options if o.label != question.correct_label)
            lines.append(question.correct_label if right else wrong)
        elif question.type == "claim":
            wrong = next(k for j, k in JUDGEMENT_KEYS.items() if j != question.judgement)
            lines.append(JUDGEMENT_KEYS[question.judgement] if right else wrong)
        else:
            lines.append(question.fact.answer if right else "no idea at all")
    return "\n".join(lines) + "\n"


def simulate(drill: Path, pupils: int, results: str, timeout: float) -> dict:
    """Run the class; returns the figures (raises SystemExit with the reason when an answer is lost)."""
    from tui.core.drills.rounds import prepare_drill
    from tui.core.results.opening import open_results

    prepared = prepare_drill(drill)
    planned = len(prepared.round)
    command = [sys.executable, "-m", "tui", "drill", str(drill), "--plain", "--results", results]
    started = time.monotonic()
    processes = []
    for number in range(pupils):
        name = f"Simulated pupil {number:02d}"
        process = subprocess.Popen([*command, "--name", name], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True, cwd=REPO)
        processes.append((name, process, _answers(prepared, number % 2 == 0)))
    failures = []
    for name, process, answers in processes:
        try:
            _out, err = process.communicate(answers, timeout=max(1.0, timeout - (time.monotonic() - started)))
        except subprocess.TimeoutExpired:
            process.kill()
            failures.append(f"{name}: did not finish within {timeout:g} s")
            continue
        if process.returncode != 0 or err.strip():
            failures.append(f"{name}: exit {process.returncode}: {err.strip()}")
    elapsed = time.monotonic() - started
    with open_results(results) as store:
        rows = store.answers(prepared.drill.id)
        attempts = store.attempts(prepared.drill.id)
    names = {name for name, _p, _a in processes}
    ours = [row for row in rows if row.pupil in names]
    figures = {"pupils": pupils, "questions": planned, "answers_saved": len(ours),
               "answers_expected": pupils * planned, "seconds": round(elapsed, 2),
               "finished_attempts": sum(a.state == "finished" for a in attempts if a.pupil in names)}
    if failures or len(ours) != pupils * planned or figures["finished_attempts"] != pupils:
        raise SystemExit("\n".join(failures) or f"answers lost: {figures}")
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("drill", type=Path)
    parser.add_argument("--pupils", type=int, default=40)
    parser.add_argument("--results", required=True, help="a folder, or postgresql://...")
    parser.add_argument("--timeout", type=float, default=300.0)
    args = parser.parse_args()
    figures = simulate(args.drill, args.pupils, args.results, args.timeout)
    print(" · ".join(f"{key} {value}" for key, value in figures.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
