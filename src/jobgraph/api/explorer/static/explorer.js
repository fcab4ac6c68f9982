// jobgraph explorer: plain JavaScript over the /v1 API, no libraries, no network but this server.
// Every value from the API reaches the page through textContent or SVG text nodes, never as HTML.
"use strict";

const KEY_STORAGE = "jobgraph.apiKey";
const SVG_NS = "http://www.w3.org/2000/svg";
const FEATURE_NAMES = {
  gnn: "Graph embedding", text: "Text similarity", lexical: "Shared words",
  required: "Required skills", preferred: "Preferred skills", occupation: "Occupation",
  experience: "Experience", education: "Education", location: "Location",
};
const STATUS_TEXT = {
  matched: ["✓", "Matched"], path: ["↝", "Matched through a path"], missing: ["✗", "Missing"],
};

// ---------- small helpers ----------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "text") node.textContent = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function clear(node) { while (node.firstChild) node.firstChild.remove(); return node; }
function byId(id) { return document.getElementById(id); }
function fixed(value, digits = 2) { return Number(value).toFixed(digits); }
function percent(value) { return `${Math.round(Number(value) * 100)}%`; }
function enc(value) { return encodeURIComponent(value); }
function clip(text, most) { return text.length > most ? `${text.slice(0, most - 1)}…` : text; }

function say(message, kind = "info") {
  const box = byId("status");
  clear(box);
  if (message) box.append(el("p", { class: `notice ${kind}`, text: message }));
}

function getKey() { return sessionStorage.getItem(KEY_STORAGE); }

class ApiError extends Error {
  constructor(status, problem) {
    super(problem && (problem.detail || problem.title) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

async function api(path, options = {}) {
  const key = getKey();
  if (!key) throw new ApiError(401, { detail: "Enter your API key at the top of the page first." });
  const headers = Object.assign({ "X-API-Key": key, Accept: "application/json" }, options.headers || {});
  const response = await fetch(path, Object.assign({}, options, { headers }));
  let body = null;
  const type = response.headers.get("Content-Type") || "";
  if (type.includes("json")) body = await response.json();
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

function explainError(error) {
  if (!(error instanceof ApiError)) return `Something went wrong: ${error.message}`;
  const hints = {
    401: "The API key was not accepted. Check it, or create one with `jobgraph apikey create`.",
    403: "This API key lacks a scope this needs.",
    404: "Not found.",
    429: "Too many requests with this key; wait a moment and try again.",
    503: "The graph database is not answering; try again shortly.",
  };
  const fields = error.problem && error.problem.errors
    ? " " + error.problem.errors.map((f) => `${f.pointer}: ${f.message}`).join("; ") : "";
  return `${hints[error.status] || `Error ${error.status}.`} ${error.message}${fields}`.trim();
}

async function load(what, work) {
  say(`Loading ${what}…`);
  try {
    await work();
    say("");
  } catch (error) {
    say(explainError(error), "error");
  }
}

// ---------- the key bar ----------

function setupKey() {
  const form = byId("key-form");
  const state = byId("key-state");
  const show = () => {
    const key = getKey();
    form.hidden = Boolean(key);
    state.hidden = !key;
    if (key) byId("key-label").textContent = `Key ${key.split("_").slice(0, 2).join("_")}… in use`;
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const key = byId("api-key").value.trim();
    if (!key) return;
    sessionStorage.setItem(KEY_STORAGE, key);
    byId("api-key").value = "";
    show();
    document.dispatchEvent(new Event("jobgraph:key"));
    byId("key-forget").focus();
  });
  byId("key-forget").addEventListener("click", () => {
    sessionStorage.removeItem(KEY_STORAGE);
    show();
    byId("api-key").focus();
  });
  show();
}

// Runs a page's loader now if a key is set, and again whenever a key is entered.
function whenKeyed(loader) {
  if (getKey()) loader();
  else say("Enter your API key at the top of the page to load this.", "info");
  document.addEventListener("jobgraph:key", loader);
}

// ---------- shared widgets ----------

function breakdownBars(parts, total) {
  // parts: [{feature, contribution, value?, weight?, meaning?}]
  const list = el("ul", { class: "bars", "aria-label": "Score breakdown" });
  const top = Math.max(total, 1e-9);
  for (const part of parts) {
    const share = Math.max(0, part.contribution) / top;
    const bar = el("span", { class: `bar-fill f-${part.feature}` });
    bar.style.width = `${Math.min(100, share * 100)}%`;
    const label = `${FEATURE_NAMES[part.feature] || part.feature}`;
    const detail = part.value !== undefined
      ? ` (value ${fixed(part.value)} × weight ${fixed(part.weight)})` : "";
    list.append(el("li", { class: "bar-row", title: part.meaning || null },
      el("span", { class: "bar-label", text: label }),
      el("span", { class: "bar-track", "aria-hidden": "true" }, bar),
      el("span", { class: "bar-value", text: `+${fixed(part.contribution, 3)}${detail}` })));
  }
  return list;
}

function probabilityText(probability) {
  return probability === null || probability === undefined
    ? "no calibrated probability (no fitted calibration)"
    : `${percent(probability)} calibrated chance of a good fit`;
}

function statusBadge(status) {
  const [symbol, text] = STATUS_TEXT[status] || ["?", status];
  return el("span", { class: `badge ${status}` }, el("span", { "aria-hidden": "true", text: `${symbol} ` }), text);
}

// Draws nodes left to right with labelled arrows; returns an <svg>.
// nodes: [{label, kind}], edges: [{from, to, label, reverse}] (indices into nodes).
function chainGraph(nodes, edges, description) {
  const width = 180, gap = 70, height = 44, top = 26;
  const total = nodes.length * width + (nodes.length - 1) * gap;
  const graph = svg("svg", {
    viewBox: `0 0 ${total + 4} ${top + height + 30}`, role: "img", class: "graph",
    "aria-label": description, preserveAspectRatio: "xMinYMid meet",
  });
  graph.append(svg("title", {}, description));
  // Short chains stay small; long ones keep readable text and scroll inside their box.
  graph.style.maxWidth = `${Math.min(60, nodes.length * 15)}rem`;
  graph.style.minWidth = `${nodes.length * 12}rem`;
  const defs = svg("defs");
  const marker = svg("marker", { id: `arrow-${Math.random().toString(36).slice(2)}`, viewBox: "0 0 10 10",
    refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" });
  marker.append(svg("path", { d: "M0,0 L10,5 L0,10 z", class: "arrow-head" }));
  defs.append(marker);
  graph.append(defs);
  const x = (i) => 2 + i * (width + gap);
  edges.forEach((edge) => {
    const [a, b] = edge.from < edge.to ? [edge.from, edge.to] : [edge.to, edge.from];
    const x1 = x(a) + width, x2 = x(b), y = top + height / 2;
    const line = svg("line", { x1, y1: y, x2, y2: y, class: `edge ${edge.kind || ""}` });
    line.setAttribute(edge.reverse ? "marker-start" : "marker-end", `url(#${marker.id})`);
    graph.append(line);
    if (edge.label) {
      graph.append(svg("text", { x: (x1 + x2) / 2, y: top - 6, class: "edge-label", "text-anchor": "middle" },
        edge.label));
    }
  });
  nodes.forEach((node, i) => {
    const group = svg("g", { class: `node ${node.kind || ""}` });
    group.append(svg("rect", { x: x(i), y: top, width, height, rx: 8 }));
    const short = node.label.length > 22 ? `${node.label.slice(0, 21)}…` : node.label;
    group.append(svg("text", { x: x(i) + width / 2, y: top + height / 2 + 5, "text-anchor": "middle" }, short));
    if (node.note) {
      group.append(svg("text", { x: x(i) + width / 2, y: top + height + 20, class: "node-note",
        "text-anchor": "middle" }, node.note.length > 28 ? `${node.note.slice(0, 27)}…` : node.note));
    }
    group.append(svg("title", {}, node.note ? `${node.label}: ${node.note}` : node.label));
    graph.append(group);
  });
  return graphBox(graph);
}

// A figure that scrolls sideways when the graph is wider than the page; focusable so
// the keyboard can scroll it too.
function graphBox(graph) {
  return el("figure", { class: "graph-box", tabindex: 0 }, graph);
}

// ---------- home ----------

function pageHome() {
  byId("by-id-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const kind = form.querySelector("input[name=kind]:checked").value;
    const id = byId("document-id").value.trim();
    if (id) window.location.assign(`/explore/${kind}/${enc(id)}`);
  });
  byId("by-role-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const q = byId("role-query").value.trim();
    const list = clear(byId("role-results"));
    load("roles", async () => {
      const found = await api(`/v1/occupations?q=${enc(q)}&limit=8`);
      if (!found.results.length) {
        list.append(el("li", { text: `No role matches “${q}”.` }));
        return;
      }
      for (const role of found.results) {
        list.append(el("li", {},
          el("a", { href: `/explore/careers?occupation=${enc(role.id)}` }, role.name),
          el("span", { class: "muted", text: ` ${role.id} · ${role.method}, ${percent(role.confidence)} sure` })));
      }
      list.querySelector("a").focus();
    });
  });
  byId("upload-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const kind = event.currentTarget.querySelector("input[name=upload-kind]:checked").value;
    const file = byId("upload-file").files[0];
    const out = clear(byId("upload-result"));
    if (!file) return;
    const body = new FormData();
    body.append("file", file, file.name);
    load("the upload", async () => {
      const done = await api(kind === "resume" ? "/v1/resumes" : "/v1/postings", { method: "POST", body });
      const page = done.kind === "resume" ? "candidate" : "posting";
      out.append(el("p", { class: "notice ok" },
        `${done.created ? "Added" : "Already known"}: ${done.skill_count} skills found. `,
        el("a", { href: `/explore/${page}/${enc(done.id)}` }, `Open ${page} ${done.id}`)));
      if (done.warnings.length) {
        out.append(el("ul", { class: "warnings", "aria-label": "Parse warnings" },
          ...done.warnings.map((w) => el("li", { text: w }))));
      }
      out.querySelector("a").focus();
    });
  });
}

// ---------- a candidate or posting and its matches ----------

function renderAbout(kind, doc) {
  const box = clear(byId("about"));
  const facts = el("dl", { class: "facts" });
  const add = (name, value) => {
    if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) return;
    facts.append(el("dt", { text: name }), el("dd", { text: Array.isArray(value) ? value.join(", ") : String(value) }));
  };
  if (kind === "candidate") {
    add("Headline", doc.headline);
    add("Occupation", doc.occupation_id);
    add("Experience", doc.experience_years !== null ? `${fixed(doc.experience_years, 1)} years` : null);
    add("Education", doc.education_level);
    add("Place", [doc.city, doc.country].filter(Boolean).join(", "));
    add("Skills", doc.skills.map((s) => s.name || s.id));
    add("Also lists (not in the taxonomy)", doc.uncatalogued_skills || []);
    if (doc.contact) {
      add("Name", doc.contact.name);
      add("Email", doc.contact.email);
      add("Phone", doc.contact.phone);
    } else if (doc.skills.some((s) => "snippet" in s)) {
      add("Contact", "none stored"); // snippets come only with the pii scope
    } else {
      add("Contact", "not shown: needs a key with the pii scope (or none was stored)");
    }
  } else {
    add("Title", doc.title);
    add("Company", doc.company);
    add("Occupation", doc.occupation_id);
    add("Remote", doc.remote === null ? null : doc.remote ? "yes" : "no");
    add("Skills", doc.skills.map((s) => s.name || s.id || s.skill_id));
  }
  box.append(facts);
  const careers = kind === "candidate" ? `/explore/careers?candidate=${enc(doc.id)}`
    : doc.occupation_id ? `/explore/careers?occupation=${enc(doc.occupation_id)}` : null;
  if (careers) box.append(el("p", {}, el("a", { href: careers }, "Career paths from here")));
}

function renderMatch(kind, item, rank) {
  const other = kind === "candidate" ? item.posting_id : item.candidate_id;
  const parts = Object.entries(item.breakdown).map(([feature, contribution]) => ({ feature, contribution }))
    .filter((p) => p.contribution > 0).sort((a, b) => b.contribution - a.contribution);
  const link = el("a", { href: `/explore/match/${enc(item.candidate_id)}/${enc(item.posting_id)}`, class: "explain" },
    `Why: explain ${item.label || other}`);
  return el("li", { class: "match" },
    el("h3", {}, el("span", { class: "rank", text: `#${rank} ` }), item.label || other,
      el("span", { class: "muted", text: ` (${other})` })),
    el("p", { class: "score" }, el("strong", { text: `Score ${fixed(item.score, 3)}` }),
      ` · ${probabilityText(item.probability)} · found by ${item.found_by.join(", ")}`),
    el("p", { class: "summary", text: item.summary }),
    breakdownBars(parts, item.score),
    el("p", {}, link));
}

function renderAdvice(kind, advice) {
  const box = clear(byId("advice"));
  if (!advice.suggestions.length) {
    box.append(el("p", { text: "No single change would move anything above the threshold." }));
    return;
  }
  box.append(el("p", { class: "help",
    text: `${advice.above_threshold} of ${advice.considered} ${kind === "candidate" ? "postings" : "candidates"} score ${fixed(advice.threshold)} or more now.` }));
  const list = el("ul", { class: "advice" });
  for (const s of advice.suggestions) {
    const verb = kind === "candidate" ? "Learn" : "Drop the requirement";
    const more = kind === "candidate" ? "postings" : "candidates";
    list.append(el("li", {}, el("strong", { text: `${verb} ${s.skill}` }),
      ` → +${fixed(s.mean_gain)} on average (up to +${fixed(s.max_gain)}), ${s.newly_above_threshold} more ${more} above ${fixed(advice.threshold)}`));
  }
  box.append(list);
}

function pageDocument() {
  const root = byId("document");
  const kind = root.dataset.kind;
  const id = root.dataset.id;
  const base = `/v1/${kind === "candidate" ? "candidates" : "postings"}/${enc(id)}`;
  let cursor = null;
  let rank = 0;
  const more = byId("more-matches");
  const page = async () => {
    const url = `${base}/matches?limit=10${cursor ? `&cursor=${enc(cursor)}` : ""}`;
    const found = await api(url);
    const list = byId("matches");
    if (!found.matches.items.length && rank === 0) {
      list.append(el("li", { text: "No matches were found." }));
    }
    for (const item of found.matches.items) list.append(renderMatch(kind, item, ++rank));
    cursor = found.next_cursor;
    more.hidden = !cursor;
  };
  more.addEventListener("click", () => load("more matches", page));
  whenKeyed(() => load("matches", async () => {
    clear(byId("matches"));
    cursor = null;
    rank = 0;
    renderAbout(kind, await api(base));
    await page();
    renderAdvice(kind, await api(`${base}/advice`));
  }));
}

// ---------- one match explained ----------

function highlighted(evidence, heldSkill) {
  // The snippet is cut around the mention; mark the mention itself inside it.
  const snippet = evidence.snippet;
  if (!snippet) {
    return el("p", { class: "evidence" }, "Evidence: ", el("mark", { text: evidence.text }),
      evidence.start !== null ? ` (characters ${evidence.start}–${evidence.end} of the resume)` : "",
      el("span", { class: "muted", text: " · surrounding text needs the pii scope" }));
  }
  const at = snippet.toLowerCase().indexOf(evidence.text.toLowerCase());
  const quote = el("blockquote", { class: "evidence" });
  if (at < 0) quote.append(snippet);
  else {
    quote.append(snippet.slice(0, at), el("mark", { text: snippet.slice(at, at + evidence.text.length) }),
      snippet.slice(at + evidence.text.length));
  }
  const where = [evidence.section && `section ${evidence.section}`,
    evidence.start !== null && `characters ${evidence.start}–${evidence.end}`,
    evidence.years !== null && `${fixed(evidence.years, 1)} years`].filter(Boolean).join(", ");
  const whose = heldSkill ? `Evidence of ${heldSkill}` : "Evidence";
  return el("div", {}, quote, where ? el("p", { class: "muted", text: `${whose}: ${where}` }) : null);
}

function pathGraph(requirement, candidateLabel, postingLabel) {
  const path = requirement.path;
  const nodes = [{ label: candidateLabel, kind: "candidate" }, { label: path.held_skill, kind: "held" }];
  const edges = [{ from: 0, to: 1, label: "has" }];
  for (const step of path.steps) {
    nodes.push({ label: step.to, kind: step.to_id === requirement.skill_id ? "asked" : "skill" });
    edges.push({ from: nodes.length - 2, to: nodes.length - 1, label: step.relation.replace("_", " "), kind: "step" });
  }
  nodes.push({ label: postingLabel, kind: "posting" });
  edges.push({ from: nodes.length - 2, to: nodes.length - 1, label: "asks", reverse: true });
  const words = nodes.map((n) => n.label).join(" → ");
  return chainGraph(nodes, edges, `Skill path: ${words} (credit ${fixed(path.credit)})`);
}

function renderExplanation(doc) {
  const who = doc.candidate.headline || doc.candidate.id;
  const job = [doc.posting.title || doc.posting.id, doc.posting.company].filter(Boolean).join(" at ");
  clear(byId("pair")).append(
    el("p", {}, "Candidate ", el("a", { href: `/explore/candidate/${enc(doc.candidate.id)}` }, who),
      " and posting ", el("a", { href: `/explore/posting/${enc(doc.posting.id)}` }, job)),
    el("p", { class: "score" }, el("strong", { text: `Score ${fixed(doc.score, 3)}` }),
      ` · ${probabilityText(doc.probability)} · weights: ${doc.weights_source}`),
    el("p", { class: "summary", text: doc.summary }));
  const parts = doc.breakdown.slice().sort((a, b) => b.contribution - a.contribution);
  clear(byId("breakdown")).append(breakdownBars(parts, doc.score));

  const list = clear(byId("requirements"));
  for (const r of doc.requirements) {
    const item = el("li", { class: `requirement ${r.status}` },
      el("h3", {}, statusBadge(r.status), " ", r.skill,
        el("span", { class: "muted", text: ` · ${r.importance}${r.min_years ? `, ${r.min_years}+ years` : ""} · credit ${fixed(r.credit)} · adds ${fixed(r.contribution, 3)}` })));
    if (r.evidence) item.append(highlighted(r.evidence, r.path ? r.path.held_skill : null));
    if (r.path) {
      item.append(el("p", {}, `Through ${r.path.held_skill}: ${r.path.text}`,
        r.path.confirmed ? " (confirmed in the graph)" : ""));
      item.append(pathGraph(r, who, doc.posting.title || doc.posting.id));
    }
    if (r.status === "missing") item.append(el("p", { text: "Not in the resume, and no held skill leads to it." }));
    list.append(item);
  }
  const checks = clear(byId("checks"));
  for (const [name, check] of Object.entries(doc.checks)) {
    checks.append(el("dt", { text: FEATURE_NAMES[name] || name }),
      el("dd", { text: `${check.outcome} (${fixed(check.value)}): ${check.detail}` }));
  }
  const advice = clear(byId("pair-advice"));
  if (!doc.advice.length) advice.append(el("li", { text: "Nothing missing would raise this score." }));
  for (const a of doc.advice) {
    advice.append(el("li", {}, el("strong", { text: `Learn ${a.skill}` }),
      ` → +${fixed(a.gain)} (score ${fixed(a.score_after, 3)}; ${a.importance}, now ${a.status === "path" ? "only through a path" : "missing"})`));
  }
}

function pageMatch() {
  const root = byId("match");
  const url = `/v1/matches/${enc(root.dataset.candidate)}/${enc(root.dataset.posting)}`;
  whenKeyed(() => load("the explanation", async () => renderExplanation(await api(url))));
}

// ---------- careers ----------

function gapText(skills) {
  if (!skills.length) return "no skill gap";
  const names = skills.map((s) => `${s.name}${s.essential ? "" : " (optional)"}`);
  return `learn ${names.slice(0, 3).join(", ")}${names.length > 3 ? ` +${names.length - 3}` : ""}`;
}

function nextRolesGraph(start, roles) {
  const rowHeight = 56, width = 800, boxWidth = 270;
  const height = Math.max(1, roles.length) * rowHeight + 10;
  const graph = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", class: "graph",
    "aria-label": `Next roles from ${start}: ${roles.map((r) => r.title).join(", ")}` });
  graph.append(svg("title", {}, `Next roles from ${start}`));
  const startY = height / 2 - 20;
  roles.forEach((role, i) => {
    const y = 5 + i * rowHeight;
    graph.append(svg("line", { x1: 12 + boxWidth, y1: startY + 20, x2: width - boxWidth - 12, y2: y + 20, class: "edge" }));
    const group = svg("g", { class: "node next" });
    group.append(svg("rect", { x: width - boxWidth - 10, y, width: boxWidth, height: 40, rx: 8 }));
    group.append(svg("text", { x: width - boxWidth, y: y + 17 }, role.title.length > 26 ? `${role.title.slice(0, 25)}…` : role.title));
    group.append(svg("text", { x: width - boxWidth, y: y + 33, class: "node-note" },
      clip(`${percent(role.coverage)} covered · ${gapText(role.missing_skills)}`, 36)));
    group.append(svg("title", {}, `${role.title}: ${gapText(role.missing_skills)}`));
    graph.append(group);
  });
  const first = svg("g", { class: "node start" });
  first.append(svg("rect", { x: 10, y: startY, width: boxWidth, height: 40, rx: 8 }));
  first.append(svg("text", { x: 20, y: startY + 25 }, start.length > 26 ? `${start.slice(0, 25)}…` : start));
  graph.append(first);
  graph.style.minWidth = "36rem";
  return graphBox(graph);
}

function renderNext(found) {
  const box = clear(byId("next-roles"));
  if (!found.next.length) { box.append(el("p", { text: "No next roles are known from here." })); return; }
  box.append(nextRolesGraph(found.from, found.next));
  const list = el("ol", { class: "roles" });
  for (const role of found.next) {
    list.append(el("li", {}, el("strong", { text: role.title }),
      el("span", { class: "muted", text: ` (${role.occupation_id}) · score ${fixed(role.score)} · ${percent(role.coverage)} of its skills held` }),
      el("p", { text: `Skill gap: ${gapText(role.missing_skills)}` }),
      el("p", { class: "muted", text: role.evidence.map((e) => e.detail).join("; ") }),
      el("button", { type: "button", class: "as-target", "data-target": role.occupation_id }, `Paths to ${role.title}`)));
  }
  box.append(list);
}

function renderPaths(found) {
  const box = clear(byId("career-paths"));
  if (!found.paths.length) { box.append(el("p", { text: `No path to ${found.to} within the step limit.` })); return; }
  found.paths.forEach((path, i) => {
    const nodes = [{ label: path.steps.length ? path.steps[0].from_id : found.from, kind: "start", note: "you are here" }];
    const edges = [];
    for (const step of path.steps) {
      nodes.push({ label: step.title, kind: step.ready_now ? "ready" : "next", note: gapText(step.to_acquire) });
      edges.push({ from: nodes.length - 2, to: nodes.length - 1, label: `${percent(step.likelihood)} likely` });
    }
    const words = path.steps.map((s) => `${s.title} (${gapText(s.to_acquire)})`).join(" → ");
    const section = el("section", { class: "career-path", "aria-label": `Path ${i + 1}` },
      el("h3", { text: `Path ${i + 1}: ${path.steps.length} step${path.steps.length === 1 ? "" : "s"}, cost ${fixed(path.cost)}` }),
      chainGraph(nodes, edges, `Career path ${i + 1}: ${nodes[0].label} → ${words}`));
    const steps = el("ol", { class: "steps" });
    for (const step of path.steps) {
      steps.append(el("li", {}, el("strong", { text: step.title }),
        ` · ${step.ready_now ? "ready now" : "not yet"} · ${percent(step.coverage_now)} of its skills held · ${gapText(step.to_acquire)}`));
    }
    section.append(steps);
    box.append(section);
  });
}

function pageCareers() {
  const form = byId("careers-form");
  const params = new URLSearchParams(window.location.search);
  const startKind = params.get("candidate") ? "candidate" : "occupation";
  form.querySelector(`input[name=start-kind][value=${startKind}]`).checked = true;
  byId("careers-start").value = params.get("candidate") || params.get("occupation") || "";
  byId("careers-target").value = params.get("to") || "";

  const run = () => {
    const kind = form.querySelector("input[name=start-kind]:checked").value;
    const start = byId("careers-start").value.trim();
    const target = byId("careers-target").value.trim();
    if (!start) { say("Give a start: an occupation or a candidate.", "info"); return; }
    load("career paths", async () => {
      renderNext(await api(`/v1/careers/next?${kind}=${enc(start)}&limit=8`));
      if (target) {
        const from = kind === "candidate" ? `candidate=${enc(start)}` : `from=${enc(start)}`;
        renderPaths(await api(`/v1/careers/path?${from}&to=${enc(target)}&k=3`));
      } else {
        clear(byId("career-paths")).append(el("p", { class: "help",
          text: "Name a target role above, or press a “Paths to …” button, to see multi-step paths." }));
      }
    });
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const query = new URLSearchParams();
    query.set(form.querySelector("input[name=start-kind]:checked").value, byId("careers-start").value.trim());
    if (byId("careers-target").value.trim()) query.set("to", byId("careers-target").value.trim());
    window.history.replaceState(null, "", `?${query}`);
    run();
  });
  byId("next-roles").addEventListener("click", (event) => {
    const button = event.target.closest("button.as-target");
    if (!button) return;
    byId("careers-target").value = button.dataset.target;
    form.requestSubmit();
    byId("paths-heading").scrollIntoView();
  });
  if (byId("careers-start").value) whenKeyed(run);
  else document.addEventListener("jobgraph:key", run);
}

// ---------- start ----------

document.addEventListener("DOMContentLoaded", () => {
  setupKey();
  const pages = { home: pageHome, document: pageDocument, match: pageMatch, careers: pageCareers };
  const start = pages[document.body.dataset.page];
  if (start) start();
});
