"""Characters as message senders and post authors: their name, in the player's language."""
from __future__ import annotations

import io

from weerbaar.cli.play import TerminalPlayer
from weerbaar.engine import load_scenario_text

SCENARIO = """\
format: 1
id: afzenders
title: {nl: Afzenders, en: Senders}
languages: [nl, en]
characters:
  gert: {name: {nl: "Gert (buurman)", en: "Gert (neighbour)"}}
  sanne: {name: Sanne de Vries, handle: "@sannedv"}
start: appgroep
scenes:
  appgroep:
    kind: message
    text: {nl: "Je telefoon trilt.", en: "Your phone buzzes."}
    messages:
      - {from: gert, time: "07:52", text: {nl: "Gehoord?", en: "Heard?"}}
      - {from: "Ria", text: {nl: "Klopt dit?", en: "Is this true?"}}
    next: [{goto: tijdlijn}]
  tijdlijn:
    kind: feed
    text: {nl: "Het bericht gaat rond.", en: "The post is spreading."}
    posts:
      - {author: sanne, text: {nl: "Klopt dit?", en: "Is this true?"}, likes: 40}
    debrief: {nl: "Reageren of niet?", en: "Respond or not?"}
    choices:
      - {id: reageren, text: {nl: Reageren, en: Respond}, feedback: {nl: "Goed.", en: "Good."},
         goto: einde}
endings:
  einde: {title: {nl: Einde, en: The end}, text: {nl: Klaar., en: Done.},
          debrief_questions: [{nl: "En nu?", en: "Now what?"}]}
"""


def play(lang: str) -> str:
    scenario = load_scenario_text(SCENARIO, "afzenders.yaml")
    out = io.StringIO()
    TerminalPlayer(scenario, lang, 0, stdin=io.StringIO("\n1\n\n\n"), stdout=out).play()
    return out.getvalue()


def test_a_character_as_sender_shows_its_name_in_the_players_language():
    english, dutch = play("en"), play("nl")
    assert "> Gert (neighbour) 07:52" in english and "Heard?" in english
    assert "> Gert (buurman) 07:52" in dutch
    assert "> Ria" in english  # a sender that is no character is shown as written


def test_a_character_as_post_author_brings_its_handle_and_the_feed_has_choices():
    scenario = load_scenario_text(SCENARIO, "afzenders.yaml")
    post = scenario.scenes["tijdlijn"].posts[0]
    assert post.author == "sanne" and post.handle == "@sannedv"
    assert [c.id for c in scenario.scenes["tijdlijn"].choices] == ["reageren"]
    assert "> Sanne de Vries @sannedv" in play("en")
