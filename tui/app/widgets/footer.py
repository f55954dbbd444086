"""Textual's Footer, rebuilt only when the keys it shows change."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

_ShownKeys = tuple[tuple[object, ...], ...]


def shown_keys(screen: Screen) -> _ShownKeys:
    """What a Footer on `screen` displays now: each shown binding, in order, and its state."""
    palette_key = screen.app.COMMAND_PALETTE_BINDING
    return tuple(
        (key, binding.key_display, binding.description, binding.action, binding.group, enabled, tooltip)
        for key, (_, binding, enabled, tooltip) in screen.active_bindings.items()
        if binding.show or key == palette_key
    )


class SteadyFooter(Footer):
    """A Footer that shows its keys from the first frame and rebuilds only when they change.

    Textual's Footer starts empty and removes and remounts every key each time the
    screen's bindings are updated (every focus change), even when the same keys
    result: at start-up that is several remounts and layouts before the app is idle.
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._shown: _ShownKeys | None = None
        # The screen's bindings are known when the Footer is composed (after the screen).
        self.set_reactive(Footer._bindings_ready, True)

    def compose(self) -> ComposeResult:
        self._shown = shown_keys(self.screen)
        for widget in super().compose():
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                # A FooterKey is born compact, then bound to the Footer's `compact` (all but
                # the palette key, which stays compact): given the bound value now, it is
                # styled once rather than three times.
                widget.set_reactive(FooterKey.compact, self.compact)
            yield widget

    def bindings_changed(self, screen: Screen) -> None:
        if self._shown is not None and self.is_attached and screen is self.screen \
                and shown_keys(screen) == self._shown:
            return
        super().bindings_changed(screen)
