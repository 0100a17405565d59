"""The store's user-facing words, in Dutch and English. ``tr(lang, key, **values)``."""
from __future__ import annotations

LANGUAGES = ("nl", "en")

STRINGS: dict[str, dict[str, str]] = {
    "nl": {
        "yes": "ja", "no": "nee",
        "step": "stap {n}",
        "because.text": "Deze tekst verschijnt {because}.",
        "because.route": "Je kwam hier {because}.",
        "because.hidden": "Deze keuze was er niet {because}.",
        "because.shown": "Deze keuze was er {because}.",
        "warn.version": "Gespeeld op versie {recorded} ({recorded_hash}); getoond op versie "
                        "{shown} ({shown_hash}).",
        "warn.scene_gone": "Scène '{scene}' bestaat niet meer in deze versie: getoond zoals "
                           "opgenomen.",
        "warn.choice_gone": "Keuze '{choice}' bestaat niet meer in scène '{scene}': getoond "
                            "zoals opgenomen.",
        "warn.unavailable": "Keuze '{choice}' is in deze versie niet beschikbaar in scène "
                            "'{scene}': getoond zoals opgenomen.",
        "warn.elsewhere": "Deze versie brengt de speler naar '{actual}', niet naar '{scene}': "
                          "getoond zoals opgenomen.",
        "warn.diverged": "Deze versie geeft andere meterstanden dan opgenomen ({names}).",
        "warn.ending_differs": "Opgenomen einde '{recorded}', deze versie eindigt in '{actual}'.",
        "warn.stuck": "Deze versie loopt hier vast: {reason}",
        "r.title": "Nabespreking: {title}",
        "r.generated": "Gemaakt op {when} uit {db}.",
        "r.sessions": "Sessies",
        "r.label": "Sessie", "r.start": "Begin", "r.decisions": "Keuzes", "r.ending": "Einde",
        "r.running": "nog bezig",
        "r.versions": "Let op: deze sessies zijn gespeeld op {n} versies van het scenario "
                      "({hashes}); teksten komen uit versie {shown}.",
        "r.choices": "Keuzes per beslissing",
        "r.choices.intro": "Per beslismoment: hoeveel sessies welke keuze maakten.",
        "r.note": "Voor de begeleider",
        "r.hidden": "{n}× niet beschikbaar",
        "r.gone": "bestaat niet meer in deze versie",
        "r.made": "{n} keer gekozen",
        "r.endings": "Eindes",
        "r.questions": "Vragen voor de nabespreking",
        "r.reached_by": "bereikt door {labels}",
        "r.not_reached": "niet bereikt",
        "r.meters": "Meters door de tijd",
        "r.after_decision": "na keuze",
        "r.paths": "De gekozen wegen",
        "r.compare": "Vergelijking: {a} en {b}",
        "r.compare.same": "Zelfde keuze",
        "r.compare.parted": "Hier gingen de wegen uiteen (keuze {n}).",
        "r.compare.together": "Deze sessies maakten dezelfde keuzes.",
        "r.compare.final": "Eindstand",
        "r.none": "Geen sessies gekozen.",
        "r.decision_n": "Keuze {n}",
        "r.empty": "—",
    },
    "en": {
        "yes": "yes", "no": "no",
        "step": "step {n}",
        "because.text": "This text appears {because}.",
        "because.route": "You came here {because}.",
        "because.hidden": "This option was not there {because}.",
        "because.shown": "This option was there {because}.",
        "warn.version": "Played on version {recorded} ({recorded_hash}); shown on version "
                        "{shown} ({shown_hash}).",
        "warn.scene_gone": "Scene '{scene}' no longer exists in this version: shown as recorded.",
        "warn.choice_gone": "Option '{choice}' no longer exists in scene '{scene}': shown as "
                            "recorded.",
        "warn.unavailable": "Option '{choice}' is not available in scene '{scene}' in this "
                            "version: shown as recorded.",
        "warn.elsewhere": "This version takes the player to '{actual}', not to '{scene}': shown "
                          "as recorded.",
        "warn.diverged": "This version gives other meter values than recorded ({names}).",
        "warn.ending_differs": "Recorded ending '{recorded}'; this version ends in '{actual}'.",
        "warn.stuck": "This version gets stuck here: {reason}",
        "r.title": "Debrief: {title}",
        "r.generated": "Made on {when} from {db}.",
        "r.sessions": "Sessions",
        "r.label": "Session", "r.start": "Start", "r.decisions": "Decisions", "r.ending": "Ending",
        "r.running": "still running",
        "r.versions": "Note: these sessions were played on {n} versions of the scenario "
                      "({hashes}); texts come from version {shown}.",
        "r.choices": "Choices per decision",
        "r.choices.intro": "For each decision: how many sessions chose which option.",
        "r.note": "For the facilitator",
        "r.hidden": "{n}× not available",
        "r.gone": "no longer exists in this version",
        "r.made": "chosen {n} times",
        "r.endings": "Endings",
        "r.questions": "Debrief questions",
        "r.reached_by": "reached by {labels}",
        "r.not_reached": "not reached",
        "r.meters": "Meters over time",
        "r.after_decision": "after decision",
        "r.paths": "The roads taken",
        "r.compare": "Comparison: {a} and {b}",
        "r.compare.same": "Same choice",
        "r.compare.parted": "Here the roads parted (decision {n}).",
        "r.compare.together": "These sessions made the same choices.",
        "r.compare.final": "Final values",
        "r.none": "No sessions selected.",
        "r.decision_n": "Decision {n}",
        "r.empty": "—",
    },
}


def lang_of(lang: str | None) -> str:
    return lang if lang in STRINGS else "en"


def tr(lang: str | None, key: str, **values) -> str:
    table = STRINGS[lang_of(lang)]
    text = table.get(key) or STRINGS["en"][key]
    return text.format(**values) if values else text
