"""The projector's phone screens: the join screen (QR code, room code in large type, how
many phones are in), and in solo play the room's progress (how many stand at which
decision, which endings were reached), from which the facilitator closes the round and
opens the group debrief of the phones' sessions."""
from __future__ import annotations

from ...storage import ScenarioLibrary, StoreError

from ..intents import Back, Confirm
from ..phones_words import words_for
from .base import Screen


class PhonesJoinScreen(Screen):
    """The QR code and the room code; Enter goes on (room voting) or closes the round (solo)."""

    def __init__(self, app, link, scenario=None, database=None):
        super().__init__(app)
        # database: game.recording.GameRecording, where the phones' sessions are (solo)
        self.link, self.scenario, self.database = link, scenario, database
        self.solo = link.room.mode == "solo"
        self._qr = None
        self._drawn = None

    def words(self):
        return words_for(self.ui.lang)

    def layout_key(self) -> tuple:
        return (self.link.room.version,)

    def layout(self, ui) -> None:
        w, h = ui.theme.size
        size = int(min(h * 0.62, w * 0.4))
        if self._qr is None or abs(self._qr.get_width() - size) > size // 5:
            self._qr = self.link.qr_surface(size)

    def update(self, dt: float) -> bool:
        """True when the room changed since the last draw (the server's event woke the loop)."""
        return self.link.room.version != self._drawn

    def handle(self, intent) -> None:
        if isinstance(intent, Confirm):
            if self.solo:
                self.close_round()
            else:
                self.app.pop()
        elif isinstance(intent, Back) and not self.solo:
            self.app.pop()
        elif isinstance(intent, Back):
            self.app.to_title()

    def close_round(self) -> None:
        from .debrief import DebriefScreen
        ids = self.link.room.close_round()
        if not ids:
            self.app.toast(self.words()("phones_no_sessions"))
            return
        try:
            store = self.database.open()
            screen = DebriefScreen(self.app, store, ScenarioLibrary(store, [self.scenario]), ids)
        except StoreError as exc:
            self.app.toast(self.ui.t("store_error", error=str(exc)), "bad")
            return
        self.app.push(screen)

    # ---- drawing ------------------------------------------------------------------------
    def draw(self, surface) -> None:
        ui, t, p = self.ui, self.ui.theme, self.ui.palette
        words = self.words()
        w, h = t.size
        surface.fill(p.bg)
        self._drawn = self.link.room.version
        m = t.margin
        title = words("phones_solo_title" if self.solo else "phones_title")
        surface.blit(ui.text.render(title, t.h1, p.text, "bold"), (m, m))
        qr = self._qr
        qy = m + ui.text.line_height(t.h1) + t.px(20)
        surface.blit(qr, (m, qy))
        x = m + qr.get_width() + t.px(40)
        col = w - x - m
        y = qy
        for text, px, colour, style in (
                (words("phones_code"), t.body, p.muted, "regular"),
                (self.link.room.code, t.fs(120), p.text, "bold"),
                (self.link.url, t.body, p.muted, "regular"),
                (words("phones_scan"), t.body, p.text, "regular"),
                (words("phones_joined", n=len(self.link.room.devices)), t.h2, p.text, "bold")):
            img = ui.text.block(text, px, colour, col, style)
            surface.blit(img, (x, y))
            y += img.get_height() + t.px(14)
        if self.solo:
            for line in self.progress_lines(words):
                img = ui.text.block(line, t.body, p.text, col)
                surface.blit(img, (x, y))
                y += img.get_height() + t.px(6)
        hint = words("phones_close_round" if self.solo else "phones_go_on")
        surface.blit(ui.text.render(hint, t.small, p.muted),
                     (m, h - m // 2 - ui.text.line_height(t.small)))

    def progress_lines(self, words) -> list[str]:
        """How many plays stand at which decision, and which endings were reached."""
        at, endings = self.link.room.progress_summary()
        lines = []
        if at:
            lines.append(words("phones_on_way", list=" · ".join(
                words("phones_at", n=n + 1, count=c) for n, c in at.items())))
        if endings:
            titles = []
            for ending_id, count in endings.items():
                ending = self.scenario.endings.get(ending_id) if self.scenario else None
                title = (ending.title.get(self.ui.lang, self.scenario.languages) if ending
                         else ending_id)
                titles.append(words("phones_ended", title=title, count=count))
            lines.append(words("phones_endings", list=" · ".join(titles)))
        if self.link.room.round_closed:
            lines.append(words("phones_closed"))
        return lines or [words("phones_none_yet")]
