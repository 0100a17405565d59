"""Every translatable text of a scenario file, with a stable name and a note for translators.

A ``Slot`` is one place in the located YAML that holds a human-readable text: a plain string
or a mapping of languages (``{nl: ..., en: ...}``, or a text variant with ``if``). Its
``context`` names it by ids, not by line (``scenes/begin/choices/reageren/feedback``), so a
translation stays attached to its text when the file around it is edited. The PO catalogs
(``engine.catalog``) are built from slots and filled back into them.

Character names are not translated (a name is the same in every language); ids, handles,
times and image paths are not texts.
"""
from __future__ import annotations

from dataclasses import dataclass

from .yamlsource import YList, YMap


@dataclass
class Slot:
    context: str
    note: str
    container: YMap | YList  # holds the text under ``key``
    key: object

    @property
    def value(self):
        return self.container[self.key]

    @property
    def pos(self) -> tuple[int, int]:
        c = self.container
        return c.at(self.key) if isinstance(c, (YMap, YList)) else (0, 0)

    def source_pos(self, lang: str) -> tuple[int, int]:
        """Where the text in ``lang`` stands (the slot itself for a plain text)."""
        v = self.value
        return v.at(lang) if isinstance(v, YMap) and lang in v else self.pos

    def source(self, lang: str) -> str | None:
        """The text in ``lang`` as written in the file (a plain text is in every language)."""
        v = self.value
        if isinstance(v, str):
            return v
        return v.get(lang) if isinstance(v, YMap) and isinstance(v.get(lang), str) else None

    def written_in(self, lang: str) -> bool:
        v = self.value
        return isinstance(v, YMap) and isinstance(v.get(lang), str)

    def fill(self, lang: str, text: str, source_lang: str) -> None:
        """Give the text in ``lang`` (from a catalog); it points at the source's position."""
        v = self.value
        if isinstance(v, str):
            m = YMap({source_lang: v})
            m.pos, m.key_pos, m.val_pos = self.pos, {source_lang: self.pos}, {source_lang: self.pos}
            self.container[self.key] = v = m
        if isinstance(v, YMap):
            v[lang] = text
            v.key_pos[lang] = v.key_at(source_lang)
            v.val_pos[lang] = v.at(source_lang)


def _text_keys(m, keys: tuple[str, ...]):
    return [k for k in keys if isinstance(m, YMap) and isinstance(m.get(k), (str, YMap))]


def _mappings(value):
    return [(i, v) for i, v in enumerate(value) if isinstance(v, YMap)] \
        if isinstance(value, YList) else []


def slots(doc) -> list[Slot]:
    """The translatable texts of a located scenario document, in file order."""
    out: list[Slot] = []
    if not isinstance(doc, YMap):
        return out
    for key in _text_keys(doc, ("title", "summary", "role")):
        out.append(Slot(key, f"the scenario's {key}", doc, key))
    _list(out, doc, "learning_goals", "learning_goals", "a learning goal of the scenario")
    for section, field, what in (("meters", "label", "the label of meter"),
                                 ("characters", "role", "the role of character")):
        m = doc.get(section)
        for mid, body in (m.items() if isinstance(m, YMap) else ()):
            if field in _text_keys(body, (field,)):
                out.append(Slot(f"{section}/{mid}/{field}", f"{what} '{mid}'", body, field))
    scenes = doc.get("scenes")
    for sid, body in (scenes.items() if isinstance(scenes, YMap) else ()):
        if isinstance(body, YMap):
            _scene(out, str(sid), body)
    endings = doc.get("endings")
    for eid, body in (endings.items() if isinstance(endings, YMap) else ()):
        if isinstance(body, YMap):
            where = f"endings/{eid}"
            if "title" in _text_keys(body, ("title",)):
                out.append(Slot(f"{where}/title", f"the title of ending '{eid}'", body, "title"))
            _variants(out, body, where, f"ending '{eid}'")
            _list(out, body, "debrief_questions", f"{where}/debrief_questions",
                  f"a debrief question at ending '{eid}'")
    return out


def _list(out, m: YMap, key: str, context: str, note: str) -> None:
    items = m.get(key)
    for i, item in enumerate(items if isinstance(items, YList) else ()):
        if isinstance(item, (str, YMap)):
            out.append(Slot(f"{context}/{i + 1}", note, items, i))


def _variants(out, body: YMap, where: str, what: str, key: str = "text",
              note: str = "") -> None:
    """A text, or its list of variants (a scene's, an ending's, a choice's text or feedback)."""
    text, note = body.get(key), note or f"the text of {what}"
    if isinstance(text, (str, YMap)):
        out.append(Slot(f"{where}/{key}", note, body, key))
    for i, item in enumerate(text if isinstance(text, YList) else ()):
        if isinstance(item, YMap):
            cond = item.get("if")
            shown = f", shown when: {cond}" if cond is not None else ", shown when no variant above holds"
        elif isinstance(item, str):
            shown = ""
        else:
            continue
        out.append(Slot(f"{where}/{key}/{i + 1}", f"variant {i + 1} of {note}{shown}",
                        text, i))


def _scene(out, sid: str, body: YMap) -> None:
    where, kind = f"scenes/{sid}", body.get("kind", "dialogue")
    speaker = body.get("speaker")
    what = f"scene '{sid}' ({kind}" + (f", spoken by {speaker})" if speaker else ")")
    for key in _text_keys(body, ("channel", "headline")):
        out.append(Slot(f"{where}/{key}", f"the {key} of {what}", body, key))
    _variants(out, body, where, what)
    for key in ("posts", "messages"):
        author = "author" if key == "posts" else "from"
        for i, item in _mappings(body.get(key)):
            if "text" in _text_keys(item, ("text",)):
                out.append(Slot(f"{where}/{key}/{i + 1}/text",
                                f"{key[:-1]} {i + 1} of {what}, from {item.get(author)}",
                                item, "text"))
    for i, choice in _mappings(body.get("choices")):
        cid = choice.get("id", f"c{i + 1}")
        for key, note in (("text", "the option the player picks"),
                          ("feedback", "what happens after it")):
            _variants(out, choice, f"{where}/choices/{cid}", what, key,
                      f"choice '{cid}' in {what}: {note}")
        if "debrief" in _text_keys(choice, ("debrief",)):
            out.append(Slot(f"{where}/choices/{cid}/debrief",
                            f"choice '{cid}' in {what}: the facilitator's note on it", choice,
                            "debrief"))
    if "debrief" in _text_keys(body, ("debrief",)):
        out.append(Slot(f"{where}/debrief", f"the facilitator's note on {what}", body, "debrief"))
