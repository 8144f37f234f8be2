// The demo phone: draws the stand-in server's messages and posts what the person does.
"use strict";
const state = { personas: [], group: null, user: 0, chat: 0, version: -1, poll: 0, notes: 0 };
const $ = (id) => document.getElementById(id);

async function post(path, body) {
  const response = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) toast(await response.text());
}

function toast(text) {
  const el = $("toast");
  el.textContent = text;
  el.hidden = false;
  clearTimeout(el.timer);
  el.timer = setTimeout(() => { el.hidden = true; }, 2500);
}

function persona() { return state.personas.find((p) => p.user_id === state.user); }

function drawSwitch() {
  const nav = $("switch");
  nav.textContent = "";
  const tabs = state.personas.map((p) => ({ label: p.name, user: p.user_id, chat: p.user_id }));
  tabs.push({ label: "👥 " + state.group.title, user: state.user, chat: state.group.id, group: true });
  for (const tab of tabs) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = tab.label;
    b.dataset.chat = tab.chat;
    b.className = tab.chat === state.chat ? "on" : "";
    b.onclick = () => openChat(tab.group ? state.user : tab.user, tab.chat);
    nav.appendChild(b);
  }
  const p = persona();
  $("chat-title").textContent = state.chat === state.group.id ? state.group.title : "Xunke";
  $("chat-sub").textContent = state.chat === state.group.id ? "group · you are " + p.name : "bot · you are " + p.name + " (" + p.role + ")";
}

function openChat(user, chat) {
  state.user = user;
  state.chat = chat;
  state.version = -1;
  state.notes = Infinity;
  $("messages").textContent = "";
  drawSwitch();
  refresh();
}

async function refresh() {
  const ticket = ++state.poll;
  const url = `/demo/chat/${state.chat}?user=${state.user}&version=${state.version}`;
  try {
    const response = await fetch(url);
    const data = await response.json();
    if (ticket !== state.poll) return;
    state.version = data.version;
    draw(data.messages);
    if (state.notes !== Infinity && data.notes.length > state.notes) toast(data.notes[data.notes.length - 1].text);
    state.notes = data.notes.length;
  } catch (err) {
    await new Promise((r) => setTimeout(r, 1000));
  }
  if (ticket === state.poll) refresh();
}

function draw(messages) {
  const box = $("messages");
  const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 60;
  box.textContent = "";
  for (const m of messages) box.appendChild(bubble(m));
  $("start").hidden = messages.length > 0 || state.chat === state.group.id;
  $("composer").hidden = !$("start").hidden;
  if (atBottom || messages.length) box.scrollTop = box.scrollHeight;
}

function bubble(m) {
  const wrap = document.createElement("div");
  wrap.className = "msg" + (m.mine ? " mine" : "");
  wrap.dataset.id = m.id;
  const b = document.createElement("div");
  b.className = "bubble";
  if (state.chat === state.group.id && m.mine) b.insertAdjacentHTML("beforeend", `<div class="who"></div>`);
  if (m.photo) b.insertAdjacentHTML("beforeend", `<img alt="photo" src="/demo/file/${encodeURIComponent(m.photo)}">`);
  if (m.document) {
    const a = document.createElement("a");
    a.className = "doc"; a.href = "/demo/file/" + encodeURIComponent(m.document.id); a.target = "_blank";
    a.textContent = "📄 " + m.document.name;
    b.appendChild(a);
  }
  if (m.location) b.insertAdjacentHTML("beforeend", `<div class="loc">📍 ${m.location.latitude.toFixed(4)}, ${m.location.longitude.toFixed(4)}</div>`);
  const text = document.createElement("div");
  text.className = "text";
  text.innerHTML = m.html; // built server-side from entities, user text escaped
  b.appendChild(text);
  const who = b.querySelector(".who");
  if (who) who.textContent = m.sender;
  b.insertAdjacentHTML("beforeend", `<div class="meta">${m.edited ? "edited" : ""}</div>`);
  wrap.appendChild(b);
  if (m.buttons.length) wrap.appendChild(keyboard(m));
  for (const s of b.querySelectorAll(".spoiler")) s.onclick = () => s.classList.add("shown");
  return wrap;
}

function keyboard(m) {
  const kb = document.createElement("div");
  kb.className = "keyboard";
  for (const row of m.buttons) {
    const r = document.createElement("div");
    r.className = "row";
    for (const button of row) {
      const el = document.createElement("button");
      el.type = "button";
      el.textContent = button.text;
      el.dataset.kind = button.kind;
      if (button.kind === "url") el.insertAdjacentHTML("beforeend", '<span class="kind">↗</span>');
      if (button.kind === "copy") el.insertAdjacentHTML("beforeend", '<span class="kind">⧉</span>');
      el.onclick = () => press(m, button);
      r.appendChild(el);
    }
    kb.appendChild(r);
  }
  return kb;
}

async function press(m, button) {
  if (button.kind === "callback") {
    await post("/demo/click", { user: state.user, chat: state.chat, message_id: m.id, data: button.value });
  } else if (button.kind === "url") {
    if (confirm("Open this link?\n" + button.value)) window.open(button.value, "_blank", "noopener");
  } else if (button.kind === "copy") {
    try { await navigator.clipboard.writeText(button.value); } catch (err) { /* no clipboard over http */ }
    toast("Copied to clipboard");
  }
}

async function upload(kind, input) {
  const file = input.files[0];
  if (!file) return;
  const form = new FormData();
  form.append("user", state.user);
  form.append("chat", state.chat);
  form.append("kind", kind);
  form.append("file", file, file.name);
  const response = await fetch("/demo/upload", { method: "POST", body: form });
  if (!response.ok) toast(await response.text());
  input.value = "";
}

async function main() {
  const setup = await (await fetch("/demo/setup")).json();
  state.personas = setup.personas;
  state.group = setup.group;
  $("composer").onsubmit = async (event) => {
    event.preventDefault();
    const text = $("text").value.trim();
    if (!text) return;
    $("text").value = "";
    await post("/demo/send", { user: state.user, chat: state.chat, text });
  };
  $("start-button").onclick = () => post("/demo/send", { user: state.user, chat: state.chat, text: persona().start });
  $("attach").onclick = () => { $("attach-menu").hidden = !$("attach-menu").hidden; };
  $("send-photo").onclick = () => { $("attach-menu").hidden = true; $("photo-input").click(); };
  $("send-file").onclick = () => { $("attach-menu").hidden = true; $("file-input").click(); };
  $("send-location").onclick = () => {
    $("attach-menu").hidden = true;
    post("/demo/location", { user: state.user, chat: state.chat, latitude: 31.2304, longitude: 121.4737 });
  };
  $("photo-input").onchange = () => upload("photo", $("photo-input"));
  $("file-input").onchange = () => upload("document", $("file-input"));
  const first = state.personas[0];
  openChat(first.user_id, first.user_id);
}

main();
