"""The screens, one per module, kept on a stack by ``game.app.App``."""
