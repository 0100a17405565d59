"""'Did you mean …?' for unknown names, with a bounded amount of work per file.

difflib compares a word with every option; 4,000 mistyped ``goto``s against 4,000 scenes
made that 16 million comparisons (two minutes). A ``Guesser`` lives for one file: it sorts
each option set once and stops guessing after a fixed number of comparisons, so checking
stays linear however many names are wrong. Every unknown name is still reported.
"""
from __future__ import annotations

import difflib

MAX_WORD = 200          # no name is this long; difflib's cost grows with the word
COMPARISONS = 200_000   # per file: about a second of difflib at most


class Guesser:
    def __init__(self, budget: int = COMPARISONS):
        self.budget = budget
        self._sorted: dict[int, tuple[object, list[str]]] = {}

    def __call__(self, word, candidates) -> str:
        """The hint "did you mean 'x'?" for the closest option, or '' (also when the
        budget is spent)."""
        word = str(word)
        if len(word) > MAX_WORD or self.budget <= 0:
            return ""
        names = self._names(candidates)
        self.budget -= len(names)
        match = difflib.get_close_matches(word, names, n=1, cutoff=0.6)
        return f"did you mean '{match[0]}'?" if match else ""

    def _names(self, candidates) -> list[str]:
        if len(candidates) < 32:
            return sorted(map(str, candidates))
        kept = self._sorted.get(id(candidates))
        if kept is None or kept[0] is not candidates:  # keep the object: its id stays its own
            kept = self._sorted[id(candidates)] = (candidates, sorted(map(str, candidates)))
        return kept[1]
