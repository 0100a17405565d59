"""Weerbaar for phones: the workshop laptop serves a page that every participant opens on
their own phone, to vote anonymously on the room's decision or to play the scenario solo.

``server.PhoneServer`` runs the ASGI app (``app.build_app``) in a thread beside the pygame
loop; ``room.Room`` holds what the room shares (the code, the devices, the open ballot, the
solo progress); ``play`` is the one module that calls the engine and the session store.
See docs/phones.md.
"""
