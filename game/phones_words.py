"""The window's words for workshop mode with phones, Dutch and English."""
from __future__ import annotations

WORDS = {
    "nl": {
        "phones_title": "Doe mee op je telefoon",
        "phones_scan": "Scan de code, of ga naar het adres en typ de kamercode.",
        "phones_code": "Kamercode",
        "phones_joined": "{n} telefoons verbonden",
        "phones_status": "Telefoons: code {code} · {n} verbonden",
        "phones_voted": "{n} gestemd",
        "phones_go_on": "Enter: verder",
        "phones_solo_title": "Ieder speelt op de eigen telefoon",
        "phones_on_way": "Onderweg — {list}",
        "phones_at": "bij besluit {n}: {count}",
        "phones_endings": "Einde bereikt — {list}",
        "phones_ended": "‘{title}’: {count}",
        "phones_none_yet": "Nog niemand speelt.",
        "phones_close_round": "Enter: ronde sluiten en nabespreken · Esc: terug",
        "phones_closed": "De ronde is gesloten.",
        "phones_no_sessions": "Er is nog geen sessie om na te bespreken.",
    },
    "en": {
        "phones_title": "Join on your phone",
        "phones_scan": "Scan the code, or go to the address and type the room code.",
        "phones_code": "Room code",
        "phones_joined": "{n} phones connected",
        "phones_status": "Phones: code {code} · {n} connected",
        "phones_voted": "{n} voted",
        "phones_go_on": "Enter: continue",
        "phones_solo_title": "Everyone plays on their own phone",
        "phones_on_way": "On the way — {list}",
        "phones_at": "at decision {n}: {count}",
        "phones_endings": "Ending reached — {list}",
        "phones_ended": "‘{title}’: {count}",
        "phones_none_yet": "Nobody is playing yet.",
        "phones_close_round": "Enter: close the round and debrief · Esc: back",
        "phones_closed": "The round is closed.",
        "phones_no_sessions": "There is no session to debrief yet.",
    },
}


def words_for(lang: str):
    table = WORDS.get(lang, WORDS["nl"])
    return lambda key, **values: table[key].format(**values)
