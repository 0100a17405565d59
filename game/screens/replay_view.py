"""What the replay screen shows of one step, laid out as flows (rendered once, scrolled):

- the situation as it was (left): the scene as the player saw it, the text variant shown
  then, the posts, or the ending; and why the engine showed it ("Deze tekst verschijnt
  omdat je in stap 1 koos: …");
- the decision (right): every option, the chosen one marked, the roads not taken with
  where they would have led, the options a condition hid (with the reason), the
  consequence and the meter changes, and the facilitator's notes.

Texts come from ``store``'s replay data in the language asked for; nothing here decides.
"""
from __future__ import annotations


import pygame

from ...storage.clock import local_minute

from ..flow import Flow
from ..widgets.draw import box
from .consequence import change_row
from .scene_view import SceneView


class AsPlayed:
    """What ``SceneView`` reads of a session, taken from a replay step."""

    def __init__(self, scenario, step):
        self.node = scenario.scenes.get(step.scene) or scenario.endings.get(step.scene)
        self._step = step

    def text(self, lang: str | None = None) -> str:
        return self._step.text

    def posts(self) -> list:
        return list(self._step.posts)

    def post_text(self, post, lang: str | None = None) -> str:
        return post.text.get("")  # the replay step holds the text as it was shown


# ---- left: the situation ------------------------------------------------------------------
def situation_flow(ui, replay, step, images, width: int, view_height: int) -> Flow:
    flow = Flow(width)
    if step.kind == "ending":  # its reasons name many decisions: they go with the questions
        _ending(flow, ui, replay, step, width)
        return flow
    why = _why(replay, step)
    if why:  # first: how an earlier decision came back here is what the debrief is about
        _boxed(flow, ui, ui.t("why").upper(), why, ui.palette.accent)
    view = SceneView(ui, replay.scenario, AsPlayed(replay.scenario, step), replay.lang, images,
                     view_height)
    view.build_into(flow)
    return flow


def _why(replay, step) -> list[str]:
    """The reasons the engine recorded: why the route led here, why this text showed."""
    return [r.sentence(replay.lang) for r in (step.arrival_reason, step.text_reason) if r]


def _ending(flow: Flow, ui, replay, step, width: int) -> None:
    t, p, r = ui.theme, ui.palette, ui.text
    ending = replay.scenario.endings.get(step.scene)
    tone = ending.tone if ending else "neutral"
    chip = r.render(f"{ui.t('ending')} · {ui.t(f'tone_{tone}')}".upper(), t.small, p.panel, "bold")

    def paint(surface, x, top):
        rect = pygame.Rect(x, top, chip.get_width() + t.px(28), chip.get_height() + t.px(10))
        box(surface, rect, t.tone_colour(tone), t.px(8))
        surface.blit(chip, chip.get_rect(center=rect.center))
    flow.draw(paint, after=t.px(14), height=chip.get_height() + t.px(10))
    flow.add(r.block(step.title, t.h2, p.text, width, "bold"), after=t.px(12))
    if step.text:
        flow.add(r.block(step.text, t.body, p.text, width), after=t.px(18))


# ---- right: the decision ------------------------------------------------------------------
def decision_flow(ui, replay, step, width: int) -> Flow:
    t, p, r = ui.theme, ui.palette, ui.text
    flow = Flow(width)
    if step.warnings or not step.exact:
        lines = list(step.warnings) or [ui.t("as_recorded")]
        _boxed(flow, ui, ui.t("warning").upper(), lines, p.bad)
    if step.kind == "passage":
        flow.add(r.block(ui.t("passage_note"), t.body, p.muted, width, "italic"), after=t.px(20))
    elif step.kind == "ending":
        _questions(flow, ui, step, width)
        why = _why(replay, step)
        if why:
            _boxed(flow, ui, ui.t("why").upper(), why, p.accent)
    else:
        if step.kind == "open":
            flow.add(r.block(ui.t("open_note"), t.body, p.muted, width, "italic"), after=t.px(16))
        _heading(flow, ui, ui.t("the_options"))
        marks = vote_marks(step)
        for choice in step.choices:
            _choice(flow, ui, replay.lang, choice, step.kind == "decision", marks.get(choice.id))
        vote = vote_line(ui, step)
        if vote:
            _boxed(flow, ui, ui.t("the_vote").upper(), [vote], p.mixed)
        if step.kind == "decision":
            _consequence(flow, ui, step, width)
    _notes(flow, ui, step)
    return flow


def _notes(flow: Flow, ui, step) -> None:
    """The author's notes from the scenario, and apart from them the notes the facilitator
    typed during the workshop, each with the time it was written."""
    p = ui.palette
    notes = [step.note] if step.note else []
    notes += [ui.t("option_note", option=o.text, text=o.note) for o in step.choices if o.note]
    if notes:
        _boxed(flow, ui, ui.t("author_notes").upper(), notes, p.mixed)
    own = [ui.t("own_note", time=local_minute(n.written_at)[-5:], text=n.text)
           for n in step.notes]
    if own:
        _boxed(flow, ui, ui.t("own_notes").upper(), own, p.accent)


def vote_marks(step) -> dict[str, str]:
    """Option id -> "tie" or "majority", for a step decided by a workshop vote."""
    votes = {o.id: o.votes for o in step.choices if o.votes is not None}
    top = max(votes.values(), default=0)
    if not top:
        return {}
    best = [k for k, v in votes.items() if v == top]
    return {k: "replay_tied" if len(best) > 1 else "replay_majority" for k in best}


def vote_line(ui, step) -> str:
    """How the facilitator decided a vote that did not decide itself: a tie, an override,
    no votes at all ("" for a plain majority or a step without a vote)."""
    record = step.decision
    chosen = step.chosen_view
    if record is None or chosen is None or not any(o.votes is not None for o in step.choices):
        return ""
    marks = vote_marks(step)
    named = {o.id: o.text for o in step.choices}
    if not marks:
        return ui.t("replay_no_votes", choice=chosen.text)
    tied = [k for k, m in marks.items() if m == "replay_tied"]
    if tied and chosen.id in tied:
        return ui.t("replay_tie", options=_listed(ui, [f"‘{named[k]}’" for k in tied]),
                    choice=chosen.text)
    if chosen.id not in marks or record.overridden:
        majority = " / ".join(named[k] for k in marks)
        return ui.t("replay_override", choice=chosen.text, majority=majority)
    return ""


def _listed(ui, items: list[str]) -> str:
    return ", ".join(items[:-1]) + ui.t("and") + items[-1] if len(items) > 1 else "".join(items)


def _heading(flow: Flow, ui, text: str) -> None:
    t = ui.theme
    flow.add(ui.text.block(text.upper(), t.small, ui.palette.muted, flow.width, "bold"),
             after=t.px(8))


def _choice(flow: Flow, ui, lang: str, choice, decided: bool, mark: str | None = None
            ) -> None:
    t, p, r = ui.theme, ui.palette, ui.text
    pad = t.px(16)
    inner = Flow(flow.width - 2 * pad)
    if choice.chosen:
        tag, tag_fill, tag_ink, border, bw = ui.t("chosen"), p.accent, p.accent_text, p.accent, \
            max(3, t.px(4))
    elif not choice.known:
        tag, tag_fill, tag_ink, border, bw = ui.t("option_gone"), p.bad, p.panel, p.border, \
            t.border_width
    elif choice.hidden:
        tag, tag_fill, tag_ink, border, bw = ui.t("option_hidden"), p.disabled, \
            p.disabled_text, p.border, t.border_width
    else:
        tag, tag_fill, tag_ink, border, bw = (ui.t("not_chosen") if decided else ui.t("offered")), \
            p.panel_alt, p.text, p.border, t.border_width
    chip = r.render(tag.upper(), t.small, tag_ink, "bold")
    votes = "" if choice.votes is None else \
        ui.t("votes_one") if choice.votes == 1 else ui.t("votes", n=choice.votes)
    if votes and mark:
        votes = f"{votes} · {ui.t(mark)}"

    def paint(surface, x, top):
        rect = pygame.Rect(x, top, chip.get_width() + t.px(20), chip.get_height() + t.px(6))
        box(surface, rect, tag_fill, t.px(6))
        surface.blit(chip, chip.get_rect(center=rect.center))
        if votes:
            img = r.render(votes, t.small, p.muted, "bold")
            surface.blit(img, (rect.right + t.px(12), rect.centery - img.get_height() // 2))
    inner.draw(paint, after=t.px(8), height=chip.get_height() + t.px(6))
    quiet = choice.hidden or not choice.known
    inner.add(r.block(choice.text, t.body, p.muted if quiet else p.text, inner.width,
                      "italic" if quiet else "bold"), after=t.px(6))
    if choice.hidden and choice.reason is not None:
        inner.add(r.block(choice.reason.sentence(lang), t.small, p.text, inner.width),
                  after=t.px(6))
    if not choice.chosen and choice.feedback:
        inner.add(r.block(ui.t("would_lead", text=choice.feedback), t.small, p.muted, inner.width,
                          "italic"), after=t.px(6))
    fill = p.bubble if choice.chosen else p.panel
    flow.card(inner, fill, border, t.px(10), pad, bw, after=t.px(12))


def _consequence(flow: Flow, ui, step, width: int) -> None:
    t, p, r = ui.theme, ui.palette, ui.text
    flow.space(t.px(10))
    _heading(flow, ui, ui.t("the_consequence"))
    d = step.decision.decision if step.decision else None
    if d is not None and d.timed_out:
        flow.add(r.block(ui.t("timed_out_note"), t.small, p.bad, width, "bold"), after=t.px(6))
    elif d is not None and d.seconds is not None:
        flow.add(r.block(ui.t("decided_in", n=f"{d.seconds:.0f}"), t.small, p.muted, width),
                 after=t.px(6))
    if step.feedback:
        flow.add(r.block(step.feedback, t.body, p.text, width), after=t.px(14))
    if not step.changes:
        flow.add(r.block(ui.t("no_changes"), t.small, p.muted, width, "italic"), after=t.px(14))
    for m in step.changes:
        change_row(flow, ui, m.label, m.before, m.after, m.good)
    flow.space(t.px(10))


def _questions(flow: Flow, ui, step, width: int) -> None:
    t, p, r = ui.theme, ui.palette, ui.text
    if not step.questions:
        return
    flow.add(r.block(ui.t("debrief"), t.h2, p.text, width, "bold"), after=t.px(10))
    num_w = t.fs(40)
    for i, q in enumerate(step.questions, 1):
        num = r.render(f"{i}.", t.body, p.muted, "bold")
        rect = flow.add(r.block(q, t.body, p.text, width - num_w), x=num_w, after=t.px(10))
        flow.add_beside(num, 0, rect.top + (r.line_height(t.body) - num.get_height()) // 2)
    flow.space(t.px(10))


def _boxed(flow: Flow, ui, title: str, lines: list[str], colour) -> None:
    """A titled box with a coloured edge: reasons, warnings, facilitator notes."""
    t, p, r = ui.theme, ui.palette, ui.text
    pad = t.px(18)
    inner = Flow(flow.width - 2 * pad)
    inner.add(r.block(title, t.small, colour, inner.width, "bold"), after=t.px(6))
    for line in lines:
        inner.add(r.block(line, t.small, p.text, inner.width), after=t.px(6))
    radius = t.px(8)
    rect = flow.card(inner, p.panel_alt, None, radius, pad, 0, after=t.px(14))
    edge = pygame.Surface((t.px(6), rect.height - 2 * radius))
    edge.fill(colour)
    flow.add_beside(edge, rect.left, rect.top + radius)  # inside the rounded corners
