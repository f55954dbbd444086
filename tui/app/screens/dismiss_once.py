"""Screens that close themselves close once, however fast the keys come."""

from __future__ import annotations

import asyncio
from typing import Any

from textual.await_complete import AwaitComplete


class DismissOnce:
    """Mixin for a Screen: a second `dismiss` (or one while another screen is on top) is ignored.

    Keys arrive faster than screens close: a second Enter or Escape queued behind the one
    that closed the screen would dismiss it again and pop the screen beneath it (Textual 8.2
    then raises ScreenStackError when the mode's stack would be empty).
    """

    _dismissed_once = False

    def dismiss(self, result: Any = None) -> AwaitComplete:
        if self._dismissed_once or not self.is_active:  # type: ignore[attr-defined]
            return AwaitComplete(asyncio.sleep(0))
        self._dismissed_once = True
        return super().dismiss(result)  # type: ignore[misc]
