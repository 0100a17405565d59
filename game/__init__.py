"""Weerbaar's pygame (pygame-ce) front end: screens, layout, input and animation.

Presentation only: every game rule lives in ``engine/``. Start it with ``game.app.run``.
Importing this package has no side effects (pygame is initialised by ``game.app.App``).
"""
