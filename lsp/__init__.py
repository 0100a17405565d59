"""``weerbaar lsp``: the scenario checker inside the trainer's editor.

A Language Server Protocol server on standard input/output, built on pygls. It reports the
same diagnostics as ``weerbaar lint`` while the trainer types, completes ids and keys, jumps
to definitions, finds references, shows what a scene or meter is on hover, renames ids and
lists scenes and endings as an outline. ``docs/editors.md`` says how to connect an editor.
"""
