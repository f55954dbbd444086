"""Work a command leaves for after it has answered: done by a detached process, so neither the
answer nor the shell's prompt waits for it (the way `git` runs its automatic housekeeping)."""

from __future__ import annotations

import os
import sys
import threading
from typing import Callable

__all__ = ["DETACH_VARIABLE", "after_answering"]

DETACH_VARIABLE = "FACTDRILL_DETACH"  # "0": do it before exiting (tests that look at the cache at once)


def after_answering(work: Callable[[], None]) -> None:
    """Run `work` in a detached grandchild process once the command's output is flushed.

    Its failures are silent (it only fills a cache). Done in this process instead where a fork
    is not possible or not safe: no `os.fork` (Windows), other threads running (a forked copy
    of them could hold a lock forever), or $FACTDRILL_DETACH=0.
    """
    if not hasattr(os, "fork") or threading.active_count() > 1 or os.environ.get(DETACH_VARIABLE) == "0":
        work()
        return
    sys.stdout.flush()
    sys.stderr.flush()
    child = os.fork()
    if child:
        os.waitpid(child, 0)  # the child only forks the grandchild and exits: no zombie is left
        return
    try:
        os.setsid()  # out of the terminal's process group: Ctrl-C at the prompt does not reach it
        if os.fork():
            os._exit(0)
        # The command's pipes close with it: whoever reads its output is not kept waiting.
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        work()
    except BaseException:  # noqa: BLE001 - a cache left unfilled is filled by the next command
        pass
    finally:
        os._exit(0)
