"""The words ``sentences`` builds its sentences from, in Dutch and English.

Each clause is written in the order a subordinate clause needs after "omdat"/"because"
(Dutch puts the verb last). Counts have a form for one and one for more: ``count``.
"""
from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "because": "omdat {clauses}",
        "by_chance": "door het toeval (kans {p}%)",
        "and_by_chance": "omdat {clauses}, en door het toeval (kans {p}%)",
        "chance_against": "het toeval anders uitviel (kans {p}%)",
        "held": "de voorwaarde gold", "not_held": "de voorwaarde niet gold",
        "always": "dat altijd zo is", "never": "dat nooit zo is",
        "and": " en ", "comma": ", ",
        "step": " (stap {n})",
        "chose": "je bij ‘{scene}’{step} koos: {choice}",
        "not_chose": "je bij ‘{scene}’ niet koos: {choice}",
        "seen": "je ‘{scene}’ al had gezien",
        "not_seen": "je ‘{scene}’ nog niet had gezien",
        "visits": "je ‘{scene}’ {times} had bezocht",
        "visits.0": "je ‘{scene}’ nog niet had bezocht",
        "times.1": "1 keer", "times.n": "{n} keer",
        "missteps": "je {count} had gezet",
        "missteps.0": "je geen misstappen had gezet",
        "misstep.1": "1 misstap", "misstep.n": "{n} misstappen",
        "meter": "{label} {v} was{rel}",
        "meter.exact": "{label} precies {v} was",
        "sum": "{term} samen {v} was{rel}",
        "sum.exact": "{term} samen precies {v} was",
        "rel.lower": ", lager dan {t}", "rel.higher": ", hoger dan {t}",
        "rel.not_higher": ", niet hoger dan {t}", "rel.not_lower": ", niet lager dan {t}",
        "rel.fewer": ", minder dan {t}", "rel.more": ", meer dan {t}",
        "rel.not_more": ", niet meer dan {t}", "rel.not_fewer": ", niet minder dan {t}",
        "pair.lower": "{left} ({lv}) lager was dan {right} ({rv})",
        "pair.higher": "{left} ({lv}) hoger was dan {right} ({rv})",
        "pair.equal": "{left} en {right} allebei {v} waren",
        "flag.on": "‘{flag}’ het geval was", "flag.off": "‘{flag}’ niet het geval was",
        "ended": "het spel eindigde in ‘{ending}’",
        "not_ended": "het spel niet eindigde in ‘{ending}’",
        "term.visits": "de bezoeken aan ‘{scene}’", "term.missteps": "de misstappen",
    },
    "en": {
        "because": "because {clauses}",
        "by_chance": "by chance (a {p}% chance)",
        "and_by_chance": "because {clauses}, and by chance (a {p}% chance)",
        "chance_against": "chance went the other way (a {p}% chance)",
        "held": "the condition held", "not_held": "the condition did not hold",
        "always": "that is always so", "never": "that is never so",
        "and": " and ", "comma": ", ",
        "step": " (step {n})",
        "chose": "you chose {choice} at ‘{scene}’{step}",
        "not_chose": "you did not choose {choice} at ‘{scene}’",
        "seen": "you had already seen ‘{scene}’",
        "not_seen": "you had not seen ‘{scene}’ yet",
        "visits": "you had visited ‘{scene}’ {times}",
        "visits.0": "you had not visited ‘{scene}’ yet",
        "times.1": "once", "times.n": "{n} times",
        "missteps": "you had made {count}",
        "missteps.0": "you had made no missteps",
        "misstep.1": "1 misstep", "misstep.n": "{n} missteps",
        "meter": "{label} was {v}{rel}",
        "meter.exact": "{label} was exactly {v}",
        "sum": "{term} came to {v}{rel}",
        "sum.exact": "{term} came to exactly {v}",
        "rel.lower": ", lower than {t}", "rel.higher": ", higher than {t}",
        "rel.not_higher": ", not higher than {t}", "rel.not_lower": ", not lower than {t}",
        "rel.fewer": ", fewer than {t}", "rel.more": ", more than {t}",
        "rel.not_more": ", not more than {t}", "rel.not_fewer": ", not fewer than {t}",
        "pair.lower": "{left} ({lv}) was lower than {right} ({rv})",
        "pair.higher": "{left} ({lv}) was higher than {right} ({rv})",
        "pair.equal": "{left} and {right} were both {v}",
        "flag.on": "‘{flag}’ was the case", "flag.off": "‘{flag}’ was not the case",
        "ended": "the play ended in ‘{ending}’",
        "not_ended": "the play did not end in ‘{ending}’",
        "term.visits": "the visits to ‘{scene}’", "term.missteps": "the missteps",
    },
}


def word(lang: str, key: str, **values) -> str:
    table = WORDS.get(lang, WORDS["en"])
    return table[key].format(**values)


def count(lang: str, key: str, n: int) -> str:
    """``n`` with its noun: "1 misstap", "2 misstappen"; "once", "3 times"."""
    return word(lang, f"{key}.1" if n == 1 else f"{key}.n", n=n)


def join(lang: str, clauses: list[str]) -> str:
    """"a", "a en b", "a, b en c"."""
    if len(clauses) < 2:
        return "".join(clauses)
    return word(lang, "comma").join(clauses[:-1]) + word(lang, "and") + clauses[-1]
