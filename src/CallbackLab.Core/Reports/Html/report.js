(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var canvases = {};
  data.canvases.forEach(function (c) { canvases[c.key] = c; });
  var coverageByFlow = {};
  data.coverage.forEach(function (c) { coverageByFlow[c.flow] = c; });
  var BADGES = {
    "NewPhoneContact": ["START", "#1a73e8"], "NewContact": ["START", "#1a73e8"], "NewSubFlowStart": ["START", "#1a73e8"],
    "event": ["EVENT", "#8430ce"], "play-message": ["PLAY", "#188038"], "play-music": ["MUSIC", "#188038"],
    "ivr-menu": ["MENU", "#e37400"], "ivr-collectdigits": ["DIGITS", "#e37400"], "set-variable": ["SET", "#5f6368"],
    "condition-activity": ["IF", "#b06000"], "case-statement": ["CASE", "#b06000"], "http-request-v2": ["HTTP", "#1967d2"],
    "queue-contact": ["QUEUE", "#c5221f"], "queue-to-agent": ["QUEUE", "#c5221f"], "callback": ["CALLBK", "#a142f4"],
    "disconnect-contact": ["END", "#3c4043"], "end-flow": ["END", "#3c4043"], "end": ["END", "#3c4043"], "end-subflow": ["END", "#3c4043"],
    "blind-transfer": ["XFER", "#d01884"], "parse-activity": ["PARSE", "#12b5cb"], "subflow": ["SUB", "#1e8e3e"],
    "business-hours": ["HOURS", "#b06000"], "queue-lookup": ["LOOKUP", "#c5221f"], "screen-pop": ["POP", "#12b5cb"]
  };
  // state.tab: the key of the tab on show (a canvas key, or canvas#n for the n-th run of a subflow).
  var state = { run: 0, tab: null, selected: null, views: {} };

  function el(name, attrs, text) {
    var node = document.createElement(name);
    if (attrs) { Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); }); }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }
  function svg(name, attrs, text) {
    var node = document.createElementNS(SVG, name);
    if (attrs) { Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); }); }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }
  function clock(ms) {
    var total = Math.max(0, ms) / 1000, h = Math.floor(total / 3600), m = Math.floor(total % 3600 / 60), s = total % 60;
    return (h ? h + ":" : "") + (h && m < 10 ? "0" : "") + m + ":" + (s < 10 ? "0" : "") + s.toFixed(1);
  }
  function badgeOf(type) {
    if (BADGES[type]) { return BADGES[type]; }
    var letters = String(type || "?").replace(/[^A-Za-z0-9]+/g, " ").trim().split(" ").map(function (w) { return w.charAt(0); }).join("").toUpperCase();
    return [(letters || "?").slice(0, 5), "#80868b", true];
  }
  function lower(s) { return String(s === null || s === undefined ? "" : s).toLowerCase(); }

  function run() { return data.runs[state.run]; }
  function tabOf(s) { return s.t || s.c; }
  // The run's tabs with a canvas to draw: [key, canvas key, title].
  function runTabs(r) { return r.tabs.filter(function (t) { return !!canvases[t[1]]; }); }
  function tabCanvas(r, key) {
    var tab = r.tabs.filter(function (t) { return t[0] === key; })[0];
    return tab ? canvases[tab[1]] : null;
  }
  function coverageFor(canvas) { return data.coverageMode && canvas.coverageFlow ? coverageByFlow[canvas.coverageFlow] : null; }

  function renderHeader() {
    document.getElementById("generated").textContent = "generated " + data.generated + " · " + data.runs.length + " run" + (data.runs.length === 1 ? "" : "s");
    var select = document.getElementById("run-select");
    select.textContent = "";
    data.runs.forEach(function (r, i) { select.appendChild(el("option", { value: String(i) }, r.title)); });
    select.value = String(state.run);
    if (data.runs.length < 2) { document.getElementById("run-picker").classList.add("single"); }
    select.addEventListener("change", function () { state.run = Number(select.value); state.tab = null; state.selected = null; renderRun(); });
  }

  function item(host, label, value, cls) {
    var box = el("div", { "class": "item" + (cls ? " " + cls : "") });
    box.appendChild(el("b", null, label));
    var v = el("span", null, value);
    box.appendChild(v);
    host.appendChild(box);
    return v;
  }

  function renderSummary(r) {
    var host = document.getElementById("summary");
    host.textContent = "";
    item(host, "Outcome", r.outcome).className = "outcome-" + r.outcome;
    item(host, "Duration", clock(r.durationMs));
    item(host, "Steps", String(r.steps.length));
    item(host, "Caller", r.ani + " → " + r.dnis);
    item(host, "Digits", r.digits.length ? r.digits.join(", ") : "none");
    item(host, "Callbacks", r.callbacks.length ? r.callbacks.map(function (c) { return c.number + (c.placed ? " (placed)" : " (not placed" + (c.failure ? ": " + c.failure : "") + ")"); }).join("; ") : "none");
    if (r.callbackTask) { item(host, "Callback task", r.callbackTask); }
    item(host, "Events", r.events.map(function (e) { return e[0] + " @" + clock(e[1]) + (e[2] ? "" : " (no handler)"); }).join(", ") || "none");
    if (r.globalError) { item(host, "Global error", r.globalError.name + " (" + r.globalError.kind + "): " + r.globalError.message, "wide").parentNode.classList.add("global-error"); }
    if (r.failure) { item(host, "Failure", r.failure.name + " (" + r.failure.kind + "): " + r.failure.message, "wide"); }
    if (r.destination) { item(host, "Destination", r.destination); }
    if (r.world && r.world.length) {
      var w = item(host, "Assumed world (what the run took for granted)", "", "wide");
      var t = el("table", { "class": "world" });
      r.world.forEach(function (e) {
        var tr = el("tr");
        tr.appendChild(el("td", { "class": "mono" }, e[0] + " = " + e[1]));
        tr.appendChild(el("td", null, e[2] + (e[3] ? ": " + e[3] : "")));
        t.appendChild(tr);
      });
      w.appendChild(t);
    }
    var cov = coverageByFlow[r.flow];
    if (cov) {
      item(host, "Coverage of " + cov.flow + " (" + cov.runs + " run" + (cov.runs === 1 ? "" : "s") + ")",
        cov.activitiesCovered + "/" + cov.activitiesTotal + " activities, " + cov.portsCovered + "/" + cov.portsTotal + " ports" +
        (cov.eventFlowsNeverRun.length ? "; event flows never run: " + cov.eventFlowsNeverRun.join(", ") : ""), "wide");
    }
    if (data.missingFlows.length) {
      item(host, "No export given for", data.missingFlows.join(", ") + " (drawn from the steps; its export gives the canvas)", "wide");
    }
  }

  function renderTabs(r) {
    var host = document.getElementById("canvas-tabs");
    host.textContent = "";
    var tabs = runTabs(r);
    var keys = tabs.map(function (t) { return t[0]; });
    if (state.tab && keys.indexOf(state.tab) < 0) {
      // #canvas= may name a canvas: its first tab (a subflow's first run).
      var byCanvas = tabs.filter(function (t) { return t[1] === state.tab; })[0];
      state.tab = byCanvas ? byCanvas[0] : null;
    }
    if (!state.tab) { state.tab = keys[0]; }
    tabs.forEach(function (t) {
      var k = t[0];
      var count = stepsOn(r, k).length;
      var b = el("button", { type: "button", role: "tab", "data-tab": k, "data-canvas": t[1], "aria-selected": String(k === state.tab), "class": count ? "ran" : "idle" }, t[2]);
      b.appendChild(el("span", { "class": "count" }, "(" + count + " step" + (count === 1 ? "" : "s") + ")"));
      b.addEventListener("click", function () { state.tab = k; state.selected = null; renderTabs(r); renderCanvas(r); renderDetails(r); });
      host.appendChild(b);
    });
  }

  function stepsOn(r, tab) { return r.steps.filter(function (s) { return tabOf(s) === tab; }); }

  function renderCanvas(r) {
    var host = document.getElementById("canvas-host");
    var old = host.querySelector("svg");
    if (old) { old.remove(); }
    var canvas = tabCanvas(r, state.tab);
    if (!canvas) { return; }
    var steps = stepsOn(r, state.tab);
    var orders = {}, taken = {}, lastMain = null;
    steps.forEach(function (s) {
      (orders[s.id] = orders[s.id] || []).push(s.i + 1);
      if (s.port !== null && s.port !== undefined) { taken[s.id + "\u0000" + lower(s.port)] = true; }
    });
    // The call ends where the caller's path stops: the main flow, or OnGlobalError handling it; not the flows that run after the contact is gone.
    r.steps.forEach(function (s) { var top = s.flow.split(" > ")[0]; if (top !== "PhoneContactEnded" && top !== "CallbackFailed") { lastMain = s; } });
    var last = r.steps.length ? r.steps[r.steps.length - 1] : null;
    var endStep = lastMain || last;
    var cov = coverageFor(canvas);
    var neverRun = {}, neverTaken = {};
    if (cov) {
      cov.neverRun.forEach(function (id) { neverRun[id] = true; });
      cov.neverTaken.forEach(function (p) { neverTaken[p[0] + "\u0000" + lower(p[1])] = true; });
    }

    var root = svg("svg", { "class": "canvas", "data-canvas": canvas.key, "data-tab": state.tab, role: "img", "aria-label": canvas.title });
    var viewport = svg("g", { "class": "viewport" });
    root.appendChild(viewport);
    var edges = svg("g", { "class": "edges" });
    viewport.appendChild(edges);
    canvas.edges.forEach(function (e) {
      var p = e.pts, d = "M" + p[0] + " " + p[1];
      for (var i = 2; i < p.length; i += 2) { d += " L" + p[i] + " " + p[i + 1]; }
      var key = e.s + "\u0000" + lower(e.port);
      var cls = "edge" + (taken[key] ? " taken" : "") + (!taken[key] && neverTaken[key] ? " never" : "");
      edges.appendChild(svg("path", { "class": cls, d: d, "data-link": e.id, "data-source": e.s, "data-target": e.t, "data-port": e.port }));
    });

    var nodes = svg("g", { "class": "nodes" });
    viewport.appendChild(nodes);
    canvas.nodes.forEach(function (n) {
      var visited = !!orders[n.id];
      var cls = ["node", visited ? "visited" : "unvisited"];
      if (endStep && endStep.id === n.id && tabOf(endStep) === state.tab) { cls.push("end"); }
      if (r.globalError && r.globalError.id === n.id) { cls.push("global-error"); }
      if (r.failure && r.failure.id === n.id) { cls.push("failed"); }
      if (!visited && neverRun[n.id]) { cls.push("never"); }
      if (state.selected === n.id) { cls.push("selected"); }
      var g = svg("g", { "class": cls.join(" "), "data-activity-id": n.id, "data-activity": n.name, "data-type": n.type,
        "data-order": (orders[n.id] || []).join(" "), tabindex: "0" });
      g.appendChild(svg("title", null, n.name + " (" + n.type + ")" + (visited ? " · steps " + orders[n.id].join(", ") : " · not visited")));
      g.appendChild(svg("rect", { "class": "box", x: n.x, y: n.y, width: n.w, height: n.h, rx: 6 }));
      var badge = badgeOf(n.type);
      var bg = svg("g", { "class": "badge" + (badge[2] ? " generic" : "") });
      var badgeWidth = 10 + badge[0].length * 7;
      bg.appendChild(svg("rect", { x: n.x + 8, y: n.y + 8, width: badgeWidth, height: 16, rx: 4, fill: badge[1] }));
      bg.appendChild(svg("text", { x: n.x + 8 + badgeWidth / 2, y: n.y + 20, "text-anchor": "middle" }, badge[0]));
      g.appendChild(bg);
      // Badge on the first line, the label on the second, the type on the third: output ports sit on the right.
      var room = Math.max(6, Math.floor((n.w - 16) / 7.6));
      var label = n.name.length > room ? n.name.slice(0, room - 1) + "…" : n.name;
      g.appendChild(svg("text", { "class": "name", x: n.x + 8, y: n.y + 41 }, label));
      var typeRoom = Math.max(6, Math.floor((n.w - 60) / 6));
      if (n.h >= 60) { g.appendChild(svg("text", { "class": "type", x: n.x + 8, y: n.y + 57 }, n.type.length > typeRoom ? n.type.slice(0, typeRoom - 1) + "…" : n.type)); }
      n.ports.forEach(function (p) {
        var key = n.id + "\u0000" + lower(p[0]);
        var pc = "port" + (p[4] ? " input" : "") + (!p[4] && taken[key] ? " taken" : "") + (!p[4] && !taken[key] && neverTaken[key] ? " never" : "");
        var pg = svg("g", { "class": pc, "data-port": p[0] });
        pg.appendChild(svg("circle", { cx: p[2], cy: p[3], r: 4 }));
        if (!p[4]) { pg.appendChild(svg("text", { x: p[2] - 8, y: p[3] + 4, "text-anchor": "end" }, p[1].length > 18 ? p[1].slice(0, 17) + "…" : p[1])); }
        g.appendChild(pg);
      });
      if (visited) {
        var shown = orders[n.id].slice(0, 4).join(",") + (orders[n.id].length > 4 ? ",…" : "");
        var width = Math.max(20, shown.length * 7 + 10);
        var og = svg("g", { "class": "order" });
        og.appendChild(svg("rect", { x: n.x + n.w - width + 6, y: n.y - 10, width: width, height: 20, rx: 10, fill: "var(--visited)" }));
        og.appendChild(svg("text", { x: n.x + n.w - width / 2 + 6, y: n.y + 4, "text-anchor": "middle" }, shown));
        g.appendChild(og);
      }
      if (r.globalError && r.globalError.id === n.id) {
        var mg = svg("g", { "class": "marker" });
        mg.appendChild(svg("text", { x: n.x, y: n.y + n.h + 16, fill: "var(--error)" }, "\u26A0 global error: " + r.globalError.kind));
        g.appendChild(mg);
      } else if (endStep && endStep.id === n.id && tabOf(endStep) === state.tab) {
        var eg = svg("g", { "class": "marker" });
        eg.appendChild(svg("text", { x: n.x, y: n.y + n.h + 16, fill: "var(--end)" }, "\u25A0 call ended here (" + r.outcome + ")"));
        g.appendChild(eg);
      }
      g.addEventListener("click", function (ev) { ev.stopPropagation(); select(n.id); });
      g.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { select(n.id); } });
      nodes.appendChild(g);
    });
    host.appendChild(root);
    var view = state.views[viewKey()];
    if (!view) { view = state.views[viewKey()] = initialView(canvas, host, r); }
    applyView(root, view);
  }

  function bounds(canvas, only) {
    var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    canvas.nodes.forEach(function (n) {
      if (only && !only[n.id]) { return; }
      minX = Math.min(minX, n.x); minY = Math.min(minY, n.y - 12); maxX = Math.max(maxX, n.x + n.w); maxY = Math.max(maxY, n.y + n.h + 20);
    });
    if (!only) {
      canvas.edges.forEach(function (e) { for (var i = 0; i < e.pts.length; i += 2) { minX = Math.min(minX, e.pts[i]); maxX = Math.max(maxX, e.pts[i]); minY = Math.min(minY, e.pts[i + 1]); maxY = Math.max(maxY, e.pts[i + 1]); } });
    }
    if (minX === Infinity) { return only ? bounds(canvas) : { x: 0, y: 0, w: 100, h: 100 }; }
    var pad = only ? 80 : 30;
    return { x: minX - pad, y: minY - pad, w: maxX - minX + 2 * pad, h: maxY - minY + 2 * pad };
  }
  // The first view of a canvas frames the run's path (readable on a large flow); Fit shows the whole canvas.
  function pathView(canvas, host, r) {
    var only = null;
    stepsOn(r, state.tab).forEach(function (s) { (only = only || {})[s.id] = true; });
    var all = fitView(canvas, host);
    var view = only && all.scale < 0.8 ? fitView(canvas, host, only) : all;
    view.auto = true;
    return view;
  }
  function initialView(canvas, host, r) { return state.zoom ? startView(canvas, host, r, state.zoom) : pathView(canvas, host, r); }
  // #zoom=S: that scale, the first step's activity at the left, halfway down.
  function startView(canvas, host, r, scale) {
    var first = stepsOn(r, state.tab)[0];
    var node = first ? canvas.nodes.filter(function (n) { return n.id === first.id; })[0] : null;
    if (!node) { return pathView(canvas, host, r); }
    return { scale: scale, x: 40 - node.x * scale, y: (host.clientHeight || 600) / 2 - (node.y + node.h / 2) * scale, auto: true };
  }
  function fitView(canvas, host, only) {
    var b = bounds(canvas, only), w = host.clientWidth || 1000, h = host.clientHeight || 600;
    var scale = Math.min(w / b.w, h / b.h, 1.3);
    return { scale: scale, x: (w - b.w * scale) / 2 - b.x * scale, y: (h - b.h * scale) / 2 - b.y * scale };
  }
  function applyView(root, view) {
    root.querySelector("g.viewport").setAttribute("transform", "translate(" + view.x.toFixed(1) + " " + view.y.toFixed(1) + ") scale(" + view.scale.toFixed(4) + ")");
  }
  function viewKey() { return state.tab + "@" + state.run; }
  function currentView() { return state.views[viewKey()]; }
  function zoom(factor, cx, cy) {
    var host = document.getElementById("canvas-host"), root = host.querySelector("svg"), view = currentView();
    if (!root || !view) { return; }
    var scale = Math.max(0.05, Math.min(6, view.scale * factor));
    var px = cx === undefined ? host.clientWidth / 2 : cx, py = cy === undefined ? host.clientHeight / 2 : cy;
    view.x = px - (px - view.x) * (scale / view.scale);
    view.y = py - (py - view.y) * (scale / view.scale);
    view.scale = scale;
    view.auto = false;
    applyView(root, view);
  }
  function wirePanZoom() {
    var host = document.getElementById("canvas-host"), drag = null;
    host.addEventListener("wheel", function (ev) {
      ev.preventDefault();
      var rect = host.getBoundingClientRect();
      zoom(ev.deltaY < 0 ? 1.15 : 1 / 1.15, ev.clientX - rect.left, ev.clientY - rect.top);
    }, { passive: false });
    host.addEventListener("pointerdown", function (ev) {
      if (ev.target.closest && (ev.target.closest(".node") || ev.target.closest(".zoom-bar"))) { return; }
      var view = currentView();
      if (!view) { return; }
      drag = { x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y };
      host.classList.add("dragging");
      if (host.setPointerCapture) { host.setPointerCapture(ev.pointerId); }
    });
    host.addEventListener("pointermove", function (ev) {
      if (!drag) { return; }
      var view = currentView();
      view.auto = false;
      view.x = drag.vx + ev.clientX - drag.x;
      view.y = drag.vy + ev.clientY - drag.y;
      applyView(host.querySelector("svg"), view);
    });
    function stop() { drag = null; host.classList.remove("dragging"); }
    host.addEventListener("pointerup", stop);
    host.addEventListener("pointercancel", stop);
    host.querySelector(".zoom-bar").addEventListener("click", function (ev) {
      var action = ev.target.getAttribute && ev.target.getAttribute("data-zoom");
      if (action === "in") { zoom(1.25); }
      else if (action === "out") { zoom(0.8); }
      else if (action === "fit") {
        state.views[viewKey()] = fitView(tabCanvas(run(), state.tab), host);
        applyView(host.querySelector("svg"), currentView());
      }
    });
    window.addEventListener("resize", function () {
      var view = currentView();
      if (!state.tab || !view || !view.auto) { return; } // the reader moved it: leave it where they put it
      state.views[viewKey()] = initialView(tabCanvas(run(), state.tab), host, run());
      applyView(host.querySelector("svg"), currentView());
    });
  }

  function select(id) {
    state.selected = id;
    var r = run();
    var nodes = document.querySelectorAll("#canvas-host .node");
    Array.prototype.forEach.call(nodes, function (n) { n.classList.toggle("selected", n.getAttribute("data-activity-id") === id); });
    renderDetails(r);
  }

  function table(rows) {
    var t = el("table");
    rows.forEach(function (row) {
      var tr = el("tr");
      tr.appendChild(el("td", null, row[0]));
      tr.appendChild(el("td", { "class": "mono-cell" }, row[1]));
      t.appendChild(tr);
    });
    return t;
  }

  // What the simulator evaluated during the step, as it recorded it: [expression, value, 1 when it failed].
  function expressions(rows) {
    var t = el("table", { "class": "expressions" });
    rows.forEach(function (row) {
      var tr = el("tr", { "class": "expression" + (row[2] ? " failed" : "") });
      tr.appendChild(el("td", { "class": "mono-cell" }, row[0]));
      tr.appendChild(el("td", { "class": "mono-cell value" }, row[1]));
      t.appendChild(tr);
    });
    return t;
  }

  function renderDetails(r) {
    var host = document.getElementById("details");
    host.textContent = "";
    var canvas = tabCanvas(r, state.tab);
    var node = canvas && state.selected ? canvas.nodes.filter(function (n) { return n.id === state.selected; })[0] : null;
    if (!node) {
      host.appendChild(el("p", { "class": "hint" }, "Click an activity to see its steps: virtual time, port, changed variables, prompts, HTTP and expressions."));
      host.appendChild(el("p", { "class": "legend" }, "Green: visited (numbers are step order). Blue frame: where the call ended. Red: global error" + (data.coverageMode ? "; dashed red: never taken by any run (coverage)." : ".") + " Grey: not visited."));
      return;
    }
    host.appendChild(el("h3", null, node.name));
    host.appendChild(el("div", { "class": "hint" }, node.type + (node.id !== node.name ? " · " + node.id : "")));
    var steps = stepsOn(r, state.tab).filter(function (s) { return s.id === node.id; });
    if (!steps.length) { host.appendChild(el("p", { "class": "hint" }, "This run never reached this activity.")); }
    steps.forEach(function (s) {
      var box = el("div", { "class": "step-detail", "data-index": String(s.i) });
      box.appendChild(el("div", null, "Step " + (s.i + 1) + " at " + clock(s.at) + " → port " + (s.port === null || s.port === undefined ? "(none: the path ended)" : s.port) + (s.ok ? "" : " · FAILED")));
      if (s.msg) { box.appendChild(el("div", { "class": "mono prompt" }, s.msg)); }
      if (s.vars && s.vars.length) { box.appendChild(el("b", null, "Changed variables")); box.appendChild(table(s.vars)); }
      if (s.expr && s.expr.length) { box.appendChild(el("b", null, "Expressions evaluated")); box.appendChild(expressions(s.expr)); }
      if (s.http) {
        var h = s.http;
        box.appendChild(el("b", null, "HTTP request"));
        box.appendChild(el("pre", null, h.method + " " + h.url + (h.auth ? "\n(connector: authenticated)" : "") + (h.request ? "\n\n" + h.request : "")));
        box.appendChild(el("b", null, "HTTP response"));
        var resp = h.status !== undefined ? "HTTP " + h.status : "no response" + (h.error ? ": " + h.error : "");
        if (h.headers && h.headers.length) { resp += "\n" + h.headers.map(function (x) { return x[0] + ": " + x[1]; }).join("\n"); }
        if (h.response) { resp += "\n\n" + h.response; }
        if (h.attempts > 1) { resp += "\n(" + h.attempts + " attempts)"; }
        box.appendChild(el("pre", null, resp));
      }
      host.appendChild(box);
    });
  }

  function renderTimeline(r) {
    var host = document.getElementById("timeline");
    host.textContent = "";
    var total = Math.max(r.durationMs, r.steps.length ? r.steps[r.steps.length - 1].at : 0, 1);
    var lastLabel = -100, row = 0;
    r.steps.forEach(function (s) {
      var at = s.at / total * 100;
      var tick = el("div", { "class": "tick" + (s.ok ? "" : " failed"), "data-index": String(s.i), title: (s.i + 1) + ". " + s.name + " @" + clock(s.at) + " → " + (s.port || "(end)") });
      tick.style.left = at.toFixed(2) + "%";
      // Steps at nearly the same moment stack up to three labels, then go unlabelled (their tooltip still says it all).
      if (at - lastLabel >= 2.5) { lastLabel = at; row = 0; }
      tick.style.height = (14 + Math.min(row, 2) * 14) + "px";
      if (row < 3) { tick.appendChild(el("span", null, String(s.i + 1))); }
      row++;
      tick.addEventListener("click", function () { focusStep(s); });
      host.appendChild(tick);
    });
    var lastEvent = -100, eventRow = 0;
    r.events.forEach(function (e) {
      var at = e[1] / total * 100;
      eventRow = at - lastEvent < 12 ? eventRow + 1 : 0;
      lastEvent = at;
      var mark = el("div", { "class": "event" }, e[0] + " " + clock(e[1]));
      mark.style.left = at.toFixed(2) + "%";
      mark.style.bottom = (-18 - (eventRow % 2) * 14) + "px";
      mark.style.transform = at < 10 ? "none" : at > 90 ? "translateX(-100%)" : "translateX(-50%)";
      host.appendChild(mark);
    });
    var end = el("div", { "class": "axis" }, clock(total));
    end.style.right = "0";
    host.appendChild(end);
  }

  function focusStep(s) {
    var r = run();
    if (state.tab !== tabOf(s)) { state.tab = tabOf(s); renderTabs(r); renderCanvas(r); }
    select(s.id);
  }

  function renderSteps(r) {
    var body = document.querySelector("#steps tbody");
    body.textContent = "";
    r.steps.forEach(function (s) {
      var tr = el("tr", { "class": "step" + (s.ok ? "" : " failed"), "data-index": String(s.i), "data-activity": s.name, "data-port": s.port === null || s.port === undefined ? "" : s.port, "data-flow": s.flow, "data-at": String(s.at) });
      [String(s.i + 1), clock(s.at), s.flow, s.name, s.type, s.port === null || s.port === undefined ? "(end)" : s.port, s.ok ? "ok" : "error", s.msg || ""].forEach(function (v) { tr.appendChild(el("td", null, v)); });
      tr.addEventListener("click", function () { focusStep(s); });
      body.appendChild(tr);
    });
  }

  function renderRun() {
    var r = run();
    document.body.setAttribute("data-run", String(state.run));
    renderSummary(r);
    renderTabs(r);
    renderCanvas(r);
    renderDetails(r);
    renderTimeline(r);
    renderSteps(r);
  }

  var started = performance.now();
  // #run=N (1-based) opens that run: links into a report, and tests of the selector.
  var wanted = /(?:^#|&)run=(\d+)/.exec(location.hash || "");
  if (wanted && Number(wanted[1]) >= 1 && Number(wanted[1]) <= data.runs.length) { state.run = Number(wanted[1]) - 1; }
  var wantedZoom = /(?:^#|&)zoom=([0-9.]+)/.exec(location.hash || "");
  if (wantedZoom && Number(wantedZoom[1]) > 0) { state.zoom = Math.min(6, Number(wantedZoom[1])); }
  // #canvas=KEY opens that tab (e.g. #run=2&canvas=events:MyFlow:OnGlobalError, or main:Sub#2 for a subflow's second run).
  var wantedCanvas = /(?:^#|&)canvas=([^&]+)/.exec(location.hash || "");
  if (wantedCanvas) { state.tab = decodeURIComponent(wantedCanvas[1]); }
  renderHeader();
  wirePanZoom();
  if (data.runs.length) { renderRun(); }
  // #select=Label opens an activity's details, as a click would.
  var wantedActivity = /(?:^#|&)select=([^&]+)/.exec(location.hash || "");
  if (wantedActivity && data.runs.length && tabCanvas(run(), state.tab)) {
    var name = decodeURIComponent(wantedActivity[1]);
    var hit = tabCanvas(run(), state.tab).nodes.filter(function (n) { return n.name === name || n.id === name; })[0];
    if (hit) { select(hit.id); }
  }
  document.body.setAttribute("data-render-ms", (performance.now() - started).toFixed(1));
  document.body.setAttribute("data-ready", "true");
  // From navigation start to the load event: what "opens in" means in docs/benchmarks.md.
  window.addEventListener("load", function () { document.body.setAttribute("data-load-ms", performance.now().toFixed(1)); });
}());
