"""A small widget set: each widget has ``process_event(intent)``, ``update(dt)`` and
``draw(surface)``, and is laid out by its screen with ``layout(rect, ui)``."""
from .button import Button, FocusGroup
from .hud import MeterHud, signed
from .scroll import ScrollView, WidgetColumn
from .timerbar import TimerBar
from .toast import Toast

__all__ = ["Button", "FocusGroup", "MeterHud", "ScrollView", "TimerBar", "Toast", "WidgetColumn", "signed"]
