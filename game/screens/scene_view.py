"""The situation of a scene, laid out by its kind: a dialogue, a social-media feed, a
message thread or a local news article. Builds a ``Flow`` that the play screen renders
once and scrolls; nothing here decides what happens (the session says what shows)."""
from __future__ import annotations

import pygame

from ..flow import Flow
from ..widgets.draw import box, heart, share
from ..widgets.portrait import portrait


class SceneSnapshot:
    """What ``SceneView`` reads of a session, taken when the player entered the scene: the
    scene stays as it was seen behind the consequence panel, not the scene the choice led to."""

    def __init__(self, session):
        scenario = session.scenario
        self.node, self.default = session.view.node, scenario.default_language
        self._texts = {lang: session.view.text(lang) for lang in scenario.languages}
        self._posts = session.view.posts()
        self._post_texts = {lang: [session.view.post_text(p, lang) for p in self._posts]
                            for lang in scenario.languages}

    def text(self, lang: str | None = None) -> str:
        return self._texts.get(lang or self.default, self._texts[self.default])

    def posts(self) -> list:
        return self._posts

    def post_text(self, post, lang: str | None = None) -> str:
        texts = self._post_texts.get(lang or self.default, self._post_texts[self.default])
        return texts[self._posts.index(post)]


class SceneView:
    """``seen`` is what the player sees: an ``engine.views.View``, or a replay step's
    stand-in with the same ``node``, ``text(lang)`` and ``posts()``."""

    def __init__(self, ui, scenario, seen, lang: str, images, view_height: int):
        self.ui, self.scenario, self.seen, self.lang = ui, scenario, seen, lang
        self.images, self.view_height = images, view_height
        self.t, self.p, self.r = ui.theme, ui.palette, ui.text

    def tx(self, text) -> str:
        return text.get(self.lang, self.scenario.languages) if text is not None else ""

    def build(self, width: int) -> Flow:
        return self.build_into(Flow(width))

    def build_into(self, flow: Flow) -> Flow:
        """Add the scene to ``flow`` (the replay puts the reasons above it)."""
        scene = self.seen.node
        kind = getattr(scene, "kind", "dialogue")
        if kind == "news":
            self._news(flow, scene)
        elif kind == "feed":
            self._narration(flow, scene)
            self._feed(flow)
        elif kind == "message":
            self._narration(flow, scene)
            self._messages(flow, scene)
        else:
            self._dialogue(flow, scene)
        return flow

    # ---- pieces -------------------------------------------------------------------------
    def _speaker(self, flow: Flow, scene) -> None:
        if not getattr(scene, "speaker", None):
            return
        who = self.scenario.characters.get(scene.speaker)
        if who is None:
            return
        t, p, r = self.t, self.p, self.r
        d = t.fs(64)
        name = self.tx(who.name)
        role = self.tx(who.role) if who.role else ""
        text_w = flow.width - d - t.px(16)
        name_img = r.block(name, t.h2, p.text, text_w, "bold")  # never cut: wrapped
        role_img = r.block(role, t.body, p.muted, text_w) if role else None
        h = max(d, name_img.get_height() + (role_img.get_height() if role_img else 0))
        hc = p.bg == (0, 0, 0)

        def paint(surface, x, top):
            portrait(surface, (x + d // 2, top + d // 2), d // 2, name, role, hc, r)
            ty = top + max(0, (d - name_img.get_height() - (role_img.get_height() if role_img else 0)) // 2)
            surface.blit(name_img, (x + d + t.px(16), ty))
            if role_img:
                surface.blit(role_img, (x + d + t.px(16), ty + name_img.get_height()))
        flow.draw(paint, after=t.px(18), height=h)

    def _image(self, flow: Flow, name: str) -> None:
        if not name:
            return
        t, p = self.t, self.p
        max_size = (flow.width, max(t.px(120), int(self.view_height * 0.45)))
        img = self.images.load(name, self.scenario.path, max_size)
        if img is not None:
            # framed like the cards beside it; in high contrast a white frame sets the
            # picture off from the black page (not dimmed: the text carries the scene)
            x = (flow.width - img.get_width()) // 2
            frame = img.get_rect()

            def paint(surface, left, top):
                surface.blit(img, (left + x, top))
                box(surface, frame.move(left + x, top), None, 0, p.border, t.border_width)
            flow.draw(paint, after=t.px(18), height=img.get_height())
            return
        inner = Flow(flow.width - 2 * t.px(16))
        inner.add(self.r.block(self.ui.t("image_missing", name=name), t.small, p.muted, inner.width,
                               "italic"))
        flow.card(inner, p.panel_alt, p.border, t.px(6), t.px(16), t.border_width, after=t.px(18))

    def _body(self, flow: Flow, text: str, px: int | None = None, colour=None, style="regular",
              after: int | None = None) -> None:
        if text.strip():
            flow.add(self.r.block(text, px or self.t.body, colour or self.p.text, flow.width, style),
                     after=self.t.px(18) if after is None else after)

    def _dialogue(self, flow: Flow, scene) -> None:
        self._speaker(flow, scene)
        self._image(flow, getattr(scene, "image", ""))
        self._body(flow, self.seen.text(self.lang))

    def _narration(self, flow: Flow, scene) -> None:
        self._speaker(flow, scene)
        self._image(flow, getattr(scene, "image", ""))
        self._body(flow, self.seen.text(self.lang), colour=self.p.text)

    def _feed(self, flow: Flow) -> None:
        t, p = self.t, self.p
        for post in self.seen.posts():
            inner = Flow(flow.width - 2 * t.px(18))
            self._post_head(inner, post.author, post.handle, post.time)
            inner.add(self.r.block(self.seen.post_text(post, self.lang), t.body, p.text,
                                   inner.width), after=t.px(8))
            if post.likes is not None or post.shares is not None:
                self._counts(inner, post.likes or 0, post.shares or 0)
            flow.card(inner, p.panel, p.border, t.px(10), t.px(18), t.border_width, after=t.px(14))

    def _post_head(self, flow: Flow, author: str, handle: str, time: str) -> None:
        t, p, r = self.t, self.p, self.r
        d = t.fs(48)
        name = self._author_name(author)
        who = self.scenario.characters.get(author)
        role = self.tx(who.role) if who is not None and who.role else ""
        sub = " · ".join(x for x in (handle, time) if x)
        text_w = flow.width - d - t.px(14)
        name_img = r.render(r.ellipsize(name, t.small, text_w, "bold"), t.small, p.text, "bold")
        sub_img = r.render(r.ellipsize(sub, t.small, text_w), t.small, p.muted) if sub else None
        hc = p.bg == (0, 0, 0)

        def paint(surface, x, top):
            portrait(surface, (x + d // 2, top + d // 2), d // 2, name, role, hc, r)
            surface.blit(name_img, (x + d + t.px(14), top))
            if sub_img:
                surface.blit(sub_img, (x + d + t.px(14), top + name_img.get_height()))
        flow.draw(paint, after=t.px(10), height=max(d, name_img.get_height() * 2))

    def _author_name(self, author: str) -> str:
        who = self.scenario.characters.get(author)
        return self.tx(who.name) if who is not None else author

    def _counts(self, flow: Flow, likes: int, shares: int) -> None:
        t, p, r = self.t, self.p, self.r
        icon = t.fs(20)
        likes_img = r.render(self.ui.t("post_likes", n=f"{likes:,}".replace(",", ".")), t.small, p.muted)
        shares_img = r.render(self.ui.t("post_shares", n=f"{shares:,}".replace(",", ".")), t.small,
                              p.muted)
        h = likes_img.get_height()

        def paint(surface, x, top):
            heart(surface, (x, top + (h - icon) // 2, icon, icon), p.bad)
            x += icon + t.px(8)
            surface.blit(likes_img, (x, top))
            x += likes_img.get_width() + t.px(28)
            share(surface, (x, top + (h - icon) // 2, icon, icon), p.muted)
            x += icon + t.px(8)
            surface.blit(shares_img, (x, top))
        flow.draw(paint, height=h)

    def _messages(self, flow: Flow, scene) -> None:
        t, p, r = self.t, self.p, self.r
        channel = self.tx(scene.channel) if scene.channel is not None else ""
        if channel:
            inner = Flow(flow.width - 2 * t.px(16))
            inner.add(r.block(channel, t.small, p.panel, inner.width, "bold"))
            flow.card(inner, p.fill, None, t.px(8), t.px(12), after=t.px(14))
        bubble_w = int(flow.width * 0.88)
        for post in self.seen.posts():
            inner = Flow(bubble_w - 2 * t.px(16))
            head = self._author_name(post.author)
            head_img = r.render(r.ellipsize(head, t.small, inner.width - t.px(90), "bold"),
                                t.small, p.text, "bold")
            rect = inner.add(head_img, after=t.px(4))
            if post.time:
                time_img = r.render(post.time, t.small, p.muted)
                inner.add_beside(time_img, inner.width - time_img.get_width(), rect.top)
            inner.add(r.block(self.seen.post_text(post, self.lang), t.body, p.text, inner.width))
            flow.card(inner, p.bubble, p.border, t.px(14), t.px(16), t.border_width,
                      width=bubble_w, after=t.px(12))

    def _news(self, flow: Flow, scene) -> None:
        t, p, r = self.t, self.p, self.r
        outlet = scene.outlet or self.ui.t("news")
        band = r.render(r.ellipsize(outlet.upper(), t.small, flow.width, "bold"), t.small, p.muted,
                        "bold")

        def rule(surface, x, top):
            surface.blit(band, (x, top))
            y = top + band.get_height() + t.px(6)
            pygame.draw.line(surface, p.text, (x, y), (x + flow.width, y), max(2, t.px(3)))
        flow.draw(rule, after=t.px(14), height=band.get_height() + t.px(8))
        if scene.headline is not None:
            flow.add(r.block(self.tx(scene.headline), t.h2, p.text, flow.width, "bold"),
                     after=t.px(14))
        self._speaker(flow, scene)
        self._image(flow, getattr(scene, "image", ""))
        self._body(flow, self.seen.text(self.lang))


def build_scene(ui, scenario, seen, lang, images, width: int, view_height: int,
                background, before=None) -> pygame.Surface:
    """The scene rendered for scrolling; ``before(flow)`` adds what goes above it."""
    flow = Flow(width)
    if before is not None:
        before(flow)
    SceneView(ui, scenario, seen, lang, images, view_height).build_into(flow)
    return flow.render(background)

