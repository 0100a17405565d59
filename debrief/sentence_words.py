"""The words ``sentences`` builds its sentences from: one row a key, in Dutch and English.

Each clause is written in the order a subordinate clause needs after "omdat"/"because"
(Dutch puts the verb last). Counts have a form for one and one for more: ``count``. One row
holds both languages, so that a key cannot be missing in one of them.
"""
from __future__ import annotations

LANGUAGES = ("nl", "en")  # the order of the words in each row; English is the fallback

WORDS: dict[str, tuple[str, str]] = {
    "because": ("omdat {clauses}", "because {clauses}"),
    "by_chance": ("door het toeval (kans {p}%)", "by chance (a {p}% chance)"),
    "and_by_chance": ("omdat {clauses}, en door het toeval (kans {p}%)",
                      "because {clauses}, and by chance (a {p}% chance)"),
    "chance_against": ("het toeval anders uitviel (kans {p}%)",
                       "chance went the other way (a {p}% chance)"),
    "held": ("de voorwaarde gold", "the condition held"),
    "not_held": ("de voorwaarde niet gold", "the condition did not hold"),
    "always": ("dat altijd zo is", "that is always so"),
    "never": ("dat nooit zo is", "that is never so"),
    "and": (" en ", " and "),
    "comma": (", ", ", "),
    "step": (" (stap {n})", " (step {n})"),
    "chose": ("je bij ‘{scene}’{step} koos: {choice}",
              "you chose {choice} at ‘{scene}’{step}"),
    "not_chose": ("je bij ‘{scene}’ niet koos: {choice}",
                  "you did not choose {choice} at ‘{scene}’"),
    "seen": ("je ‘{scene}’ al had gezien", "you had already seen ‘{scene}’"),
    "not_seen": ("je ‘{scene}’ nog niet had gezien", "you had not seen ‘{scene}’ yet"),
    "visits": ("je ‘{scene}’ {times} had bezocht", "you had visited ‘{scene}’ {times}"),
    "visits.0": ("je ‘{scene}’ nog niet had bezocht", "you had not visited ‘{scene}’ yet"),
    "times.1": ("1 keer", "once"),
    "times.n": ("{n} keer", "{n} times"),
    "missteps": ("je {count} had gezet", "you had made {count}"),
    "missteps.0": ("je geen misstappen had gezet", "you had made no missteps"),
    "misstep.1": ("1 misstap", "1 misstep"),
    "misstep.n": ("{n} misstappen", "{n} missteps"),
    "meter": ("{label} {v} was{rel}", "{label} was {v}{rel}"),
    "meter.exact": ("{label} precies {v} was", "{label} was exactly {v}"),
    "sum": ("{term} samen {v} was{rel}", "{term} came to {v}{rel}"),
    "sum.exact": ("{term} samen precies {v} was", "{term} came to exactly {v}"),
    "rel.lower": (", lager dan {t}", ", lower than {t}"),
    "rel.higher": (", hoger dan {t}", ", higher than {t}"),
    "rel.not_higher": (", niet hoger dan {t}", ", not higher than {t}"),
    "rel.not_lower": (", niet lager dan {t}", ", not lower than {t}"),
    "rel.fewer": (", minder dan {t}", ", fewer than {t}"),
    "rel.more": (", meer dan {t}", ", more than {t}"),
    "rel.not_more": (", niet meer dan {t}", ", not more than {t}"),
    "rel.not_fewer": (", niet minder dan {t}", ", not fewer than {t}"),
    "pair.lower": ("{left} ({lv}) lager was dan {right} ({rv})",
                   "{left} ({lv}) was lower than {right} ({rv})"),
    "pair.higher": ("{left} ({lv}) hoger was dan {right} ({rv})",
                    "{left} ({lv}) was higher than {right} ({rv})"),
    "pair.equal": ("{left} en {right} allebei {v} waren", "{left} and {right} were both {v}"),
    "flag.on": ("‘{flag}’ het geval was", "‘{flag}’ was the case"),
    "flag.off": ("‘{flag}’ niet het geval was", "‘{flag}’ was not the case"),
    "ended": ("het spel eindigde in ‘{ending}’", "the play ended in ‘{ending}’"),
    "not_ended": ("het spel niet eindigde in ‘{ending}’",
                  "the play did not end in ‘{ending}’"),
    "term.visits": ("de bezoeken aan ‘{scene}’", "the visits to ‘{scene}’"),
    "term.missteps": ("de misstappen", "the missteps"),
}


def word(lang: str, key: str, **values) -> str:
    column = LANGUAGES.index(lang) if lang in LANGUAGES else LANGUAGES.index("en")
    return WORDS[key][column].format(**values)


def count(lang: str, key: str, n: int) -> str:
    """``n`` with its noun: "1 misstap", "2 misstappen"; "once", "3 times"."""
    return word(lang, f"{key}.1" if n == 1 else f"{key}.n", n=n)


def join(lang: str, clauses: list[str]) -> str:
    """"a", "a en b", "a, b en c"."""
    if len(clauses) < 2:
        return "".join(clauses)
    return word(lang, "comma").join(clauses[:-1]) + word(lang, "and") + clauses[-1]
