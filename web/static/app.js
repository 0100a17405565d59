// Weerbaar on a phone: join a room, vote on its decision, or play the scenario solo.
// Plain JavaScript, no build step. Scenario text is untrusted: it only ever goes into the
// page as textContent, never as HTML.
"use strict";

// The page's words: one row a key, in Dutch and in English (LANGUAGES gives the order).
const LANGUAGES = ["nl", "en"];
const WORDS = {
  title: ["Weerbaar", "Weerbaar"],
  intro: ["Doe mee met de workshop op je eigen telefoon.",
          "Take part in the workshop on your own phone."],
  code: ["Kamercode", "Room code"],
  code_hint: ["Staat op het scherm van de zaal.", "It is on the screen in the room."],
  name: ["Je naam of een schuilnaam (mag leeg blijven)",
         "Your name or a pseudonym (may stay empty)"],
  join: ["Meedoen", "Join"],
  lang: ["English", "Nederlands"],
  you_are: ["Je doet mee als", "You take part as"],
  waiting: ["Wacht op de volgende vraag.", "Waiting for the next question."],
  waiting_more: ["Als de facilitator een stemming opent, zie je de keuzes hier.",
                 "When the facilitator opens a vote, the options show here."],
  vote: ["Stemming", "Vote"],
  vote_open: ["Tik op je keuze. Je kunt je stem wijzigen tot de stemming sluit.",
              "Tap your choice. You can change your vote until the vote closes."],
  your_vote: ["Je stem", "Your vote"],
  no_vote: ["Je hebt nog niet gestemd.", "You have not voted yet."],
  changed: ["Je stem is opgeslagen.", "Your vote is saved."],
  closed: ["De stemming is gesloten.", "The vote is closed."],
  result: ["Uitslag van de zaal", "The room's result"],
  votes: [(n) => n === 1 ? "1 stem" : `${n} stemmen`, (n) => n === 1 ? "1 vote" : `${n} votes`],
  chosen: ["gekozen", "chosen"],
  go_on: ["Verder", "Continue"],
  what_happened: ["Wat er gebeurde", "What happened"],
  you_chose: ["Je koos", "You chose"],
  no_changes: ["Geen veranderingen.", "No changes."],
  meters: ["Stand van zaken", "Where things stand"],
  ending: ["Einde", "The end"],
  questions: ["Om over na te praten", "To talk about"],
  thanks: ["Bedankt voor het spelen. Je sessie is bewaard voor de nabespreking.",
           "Thank you for playing. Your session is kept for the debrief."],
  round_closed: ["De facilitator heeft de ronde gesloten.",
                 "The facilitator has closed the round."],
  offline: ["Geen verbinding — opnieuw proberen…", "No connection — trying again…"],
  too_many: ["Even wachten, je tikt te snel.", "Wait a moment, you are tapping too fast."],
  error: ["Dat lukte niet", "That did not work"],
  wrong_code: ["Die kamercode bestaat niet. Kijk nog eens op het scherm.",
               "There is no room with that code. Look at the screen again."],
  no_code: ["Vul de kamercode in.", "Fill in the room code."],
  room_full: ["De kamer is vol.", "The room is full."],
  channel: ["Kanaal", "Channel"],
  likes: ["vind-ik-leuks", "likes"],
  shares: ["keer gedeeld", "shares"],
  choose: ["Wat doe je?", "What do you do?"],
};

const app = document.getElementById("app");
const roomInPath = (location.pathname.match(/^\/r\/([A-Za-z0-9]+)/) || [])[1] || "";
let lang = localStorage.getItem("weerbaar.lang") ||
  ((navigator.language || "nl").toLowerCase().startsWith("en") ? "en" : "nl");
let token = localStorage.getItem("weerbaar.token") || "";
let state = null;
let shown = "";
let notice = "";
let socket = null;
let retry = 0;
const typed = { code: roomInPath, name: "" };  // kept when the form is drawn again

// a word in the page's language (Dutch for a language it does not know); undefined for no key
const word = (key) => Object.hasOwn(WORDS, key) ? WORDS[key][Math.max(0, LANGUAGES.indexOf(lang))] : undefined;
const t = (key, ...args) => { const v = word(key); return typeof v === "function" ? v(...args) : v; };

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "text") node.textContent = v;
    else if (k === "on") for (const [ev, fn] of Object.entries(v)) node.addEventListener(ev, fn);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c) node.append(c);
  return node;
}

// ---- talking to the server -------------------------------------------------------------
async function api(method, path, body) {
  const headers = { "Content-Type": "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  } catch (e) {
    notice = t("offline");
    render(true);
    return null;
  }
  const data = await response.json().catch(() => ({}));
  if (response.ok) { notice = ""; return data; }
  if (response.status === 401 && path !== "/api/join") { forget(); return null; }
  notice = response.status === 429 ? t("too_many") : (word(data.error) || `${t("error")} (${data.message || response.status})`);
  if (data.state) return data.state;
  render(true);
  return null;
}

function forget() {
  token = ""; state = null; localStorage.removeItem("weerbaar.token");
  if (socket) socket.close();
  render(true);
}

function connect() {
  if (!token || (socket && socket.readyState <= 1)) return;
  const ws = new WebSocket(`${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/api/live`);
  socket = ws;
  ws.onopen = () => { retry = 0; ws.send(JSON.stringify({ token })); };
  ws.onmessage = (ev) => { notice = ""; update(JSON.parse(ev.data)); };
  ws.onclose = (ev) => {
    if (socket === ws) socket = null;
    if (ev.code === 4401) { forget(); return; }
    if (!token) return;
    retry = Math.min(retry + 1, 10);  // the laptop may come back (a restart): keep trying
    setTimeout(connect, 500 * retry);
  };
}

function update(data) {
  if (!data) return;
  state = data;
  render(false);
}

async function refresh() {
  if (!token) { render(true); return; }
  update(await api("GET", "/api/state"));
  connect();
}

// ---- screens ----------------------------------------------------------------------------
// Which screen is on show: when it changes, focus moves to its heading (a screen reader
// reads the new situation); when only a detail changes, the focused button keeps focus.
function screenKey() {
  if (!token || !state) return "join";
  if (state.solo) return `solo:${state.solo.seq}:${state.closed}`;
  if (state.ballot) return `ballot:${state.ballot.id}:${state.ballot.open}`;
  return `${state.mode}:wait`;
}

let shownScreen = "";

function render(force) {
  const key = JSON.stringify([state, notice, lang, token ? 1 : 0]);
  if (key === shown && !force) return;
  const focused = document.activeElement && document.activeElement.dataset
    ? document.activeElement.dataset.option : undefined;
  shown = key;
  document.documentElement.lang = lang;
  app.replaceChildren(header(), ...(token && state ? screen() : joinScreen()));
  if (notice) app.append(el("p", { class: "notice", role: "alert", text: notice }));
  const now = screenKey() + lang;
  const heading = app.querySelector("h2") || app.querySelector("h1");
  if (now !== shownScreen && heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
  else if (focused) { const again = app.querySelector(`[data-option="${CSS.escape(focused)}"]`); if (again) again.focus(); }
  shownScreen = now;
  app.dataset.screen = now;
}

function header() {
  const other = lang === "nl" ? "en" : "nl";
  return el("header", {},
    el("span", { class: "brand", text: t("title") }),
    state && token ? el("span", { class: "who", text: `${t("you_are")} ${state.name}` }) : null,
    el("button", { type: "button", class: "lang", lang: other,
      on: { click: async () => {
        lang = other; localStorage.setItem("weerbaar.lang", lang); render(true);
        if (token) update(await api("POST", "/api/lang", { lang }));  // the scenario's text too
      } },
      text: t("lang") }));
}

function joinScreen() {
  const code = el("input", { id: "code", name: "code", autocomplete: "off", autocapitalize: "characters",
    spellcheck: "false", maxlength: "12", required: true, "aria-describedby": "code-hint", value: typed.code,
    on: { input: () => { typed.code = code.value; } } });
  const name = el("input", { id: "name", name: "name", autocomplete: "nickname", maxlength: "40",
    value: typed.name, on: { input: () => { typed.name = name.value; } } });
  const form = el("form", { on: { submit: async (ev) => {
    ev.preventDefault();
    const data = await api("POST", "/api/join", { code: code.value, name: name.value, lang });
    if (data && data.token) {
      token = data.token; localStorage.setItem("weerbaar.token", token);
      delete data.token; update(data); connect();
    }
  } } },
    el("label", { for: "code", text: t("code") }), code,
    el("p", { id: "code-hint", class: "hint", text: t("code_hint") }),
    el("label", { for: "name", text: t("name") }), name,
    el("button", { type: "submit", class: "primary", text: t("join") }));
  return [el("h1", { text: t("title") }), el("p", { text: t("intro") }), form];
}

function screen() {
  if (state.mode === "solo") {
    if (!state.solo) return [el("h2", { text: t("waiting") })];
    return soloScreen(state.solo);
  }
  return voteScreen(state.ballot);
}

function voteScreen(ballot) {
  if (!ballot) return [el("h2", { text: t("waiting") }), el("p", { text: t("waiting_more") })];
  const out = [el("h2", { text: ballot.open ? t("vote") : t("closed") }),
    el("p", { class: "situation", text: ballot.situation })];
  if (ballot.open) {
    out.push(el("p", { class: "hint", text: t("vote_open") }));
    const group = el("div", { class: "choices", role: "group", "aria-label": t("choose") });
    for (const o of ballot.options) {
      const mine = ballot.mine === o.id;
      group.append(el("button", { type: "button", class: mine ? "choice mine" : "choice",
        "aria-pressed": mine ? "true" : "false", "data-option": o.id,
        on: { click: async () => update(await api("POST", "/api/vote", { ballot: ballot.id, option: o.id })) } },
        el("span", { class: "letter", text: o.letter }), el("span", { text: o.text })));
    }
    out.push(group);
  }
  const mine = ballot.options.find((o) => o.id === ballot.mine);
  out.push(el("p", { class: "status", role: "status",
    text: mine ? `${t("your_vote")}: ${mine.letter} — ${mine.text}` : t("no_vote") }));
  if (ballot.totals) {
    const list = el("ul", { class: "totals", "aria-label": t("result") });
    for (const o of ballot.options) {
      list.append(el("li", {}, el("span", { class: "letter", text: o.letter }),
        el("span", { text: `${o.text}: ${t("votes", ballot.totals[o.id] || 0)}` })));
    }
    out.push(el("h3", { text: t("result") }), list, el("p", { class: "hint", text: t("waiting") }));
  }
  return out;
}

function step(choice) {
  return async () => update(await api("POST", "/api/step", { seq: state.solo.seq, choice }));
}

function soloScreen(s) {
  const out = [];
  if (s.ending) {
    out.push(el("p", { class: "kicker", text: t("ending") }),
      el("h2", { class: `tone-${s.ending.tone}`, text: s.ending.title }), paragraphs(s.ending.text));
    if (s.ending.questions.length) {
      const list = el("ol", {});
      for (const q of s.ending.questions) list.append(el("li", { text: q }));
      out.push(el("h3", { text: t("questions") }), list);
    }
    out.push(meters(s.meters), el("p", { class: "hint", text: t("thanks") }));
    return out;
  }
  if (state.closed) out.push(el("p", { class: "notice", role: "status", text: t("round_closed") }));
  if (s.consequence) {
    const c = s.consequence;
    out.push(el("h2", { text: t("what_happened") }), el("p", { class: "hint", text: t("you_chose") }),
      el("p", { class: "chosen", text: c.choice }));
    if (c.feedback) out.push(paragraphs(c.feedback));
    const list = el("ul", { class: "changes" });
    for (const m of c.changes) {
      const d = m.after - m.before;
      const better = (d > 0) === (m.good === "high");
      list.append(el("li", { class: better ? "good" : "bad",
        text: `${m.label}: ${m.before} → ${m.after} (${d > 0 ? "+" : "−"}${Math.abs(d)})` }));
    }
    out.push(c.changes.length ? list : el("p", { class: "hint", text: t("no_changes") }));
    if (!state.closed) out.push(el("button", { type: "button", class: "primary", on: { click: step(null) }, text: t("go_on") }));
    return out;
  }
  out.push(...sceneBlock(s.scene));
  if (!state.closed) {
    if (s.choices.length) {
      const group = el("div", { class: "choices", role: "group", "aria-label": t("choose") });
      for (const c of s.choices) {
        group.append(el("button", { type: "button", class: "choice", "data-choice": c.id, on: { click: step(c.id) } },
          el("span", { class: "letter", text: c.letter }), el("span", { text: c.text })));
      }
      out.push(el("h3", { text: t("choose") }), group);
    } else if (s.can_continue) {
      out.push(el("button", { type: "button", class: "primary", on: { click: step(null) }, text: t("go_on") }));
    }
  }
  out.push(meters(s.meters));
  return out;
}

function sceneBlock(sc) {
  const out = [el("h2", { text: state.solo.title })];
  if (sc.kind === "news") {
    out.push(el("p", { class: "outlet", text: sc.outlet }), el("h3", { class: "headline", text: sc.headline }));
  }
  if (sc.kind === "message" || sc.kind === "feed") {
    const box = el("section", { class: `posts ${sc.kind}`, "aria-label": sc.channel || t("channel") });
    if (sc.channel) box.append(el("h3", { text: sc.channel }));
    for (const p of sc.posts) {
      const meta = [p.handle, p.time].filter(Boolean).join(" · ");
      const counts = [p.likes != null ? `${p.likes} ${t("likes")}` : "", p.shares != null ? `${p.shares} ${t("shares")}` : ""]
        .filter(Boolean).join(" · ");
      box.append(el("article", { class: "post" }, el("p", { class: "author", text: p.author }),
        meta ? el("p", { class: "meta", text: meta }) : null, el("p", { text: p.text }),
        counts ? el("p", { class: "meta", text: counts }) : null));
    }
    out.push(box);
  }
  const story = el("section", { class: "story" });
  if (sc.speaker) story.append(el("p", { class: "speaker", text: sc.role ? `${sc.speaker} (${sc.role})` : sc.speaker }));
  story.append(paragraphs(sc.text));
  out.push(story);
  return out;
}

function paragraphs(text) {
  const box = el("div", { class: "text" });
  for (const part of String(text).split(/\n\s*\n/)) if (part.trim()) box.append(el("p", { text: part.trim() }));
  return box;
}

function meters(list) {
  if (!list || !list.length) return null;
  const box = el("section", { class: "meters", "aria-label": t("meters") }, el("h3", { text: t("meters") }));
  for (const m of list) {
    box.append(el("label", {}, el("span", { text: `${m.label}: ${m.value}` }),
      el("meter", { min: m.min, max: m.max, value: m.value, "aria-label": m.label })));
  }
  return box;
}

document.addEventListener("visibilitychange", () => { if (!document.hidden) refresh(); });
window.addEventListener("online", refresh);
refresh();
