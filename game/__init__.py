"""Weerbaar's pygame (pygame-ce) front end: screens, layout, input and animation.

Presentation only: every game rule lives in ``engine/``. Start it with ``game.app.run``.
Importing this package has one side effect: pygame's "Hello from the pygame community"
banner is switched off (it must be, before pygame is first imported); pygame is
initialised by ``game.app.App``.
"""
import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
