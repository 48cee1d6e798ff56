// Ingest page: sends pasted text (JSON) or an uploaded file (multipart) with the write token, then shows
// the counts in one line and a table with a row per record (stored, with a link, or failed, with its
// reason). Everything is written with textContent: sources and reasons are untrusted.
(function () {
  "use strict";
  const form = document.getElementById("ingest-form");
  const status = document.getElementById("ingest-status");
  const out = document.getElementById("ingest-result");
  const table = document.getElementById("ingest-records");
  const tbody = table.querySelector("tbody");
  const link = document.getElementById("ingest-link");
  const COUNTS = ["read", "new", "already", "exact", "near", "story", "failed"];

  function row(source, state, detail, href) {
    const tr = document.createElement("tr");
    [source, state].forEach(function (v) {
      const td = document.createElement("td");
      const bdi = document.createElement("bdi");
      bdi.textContent = v == null ? "" : String(v);
      td.appendChild(bdi);
      tr.appendChild(td);
    });
    const td = document.createElement("td");
    if (href) {
      const a = document.createElement("a");
      a.href = href;
      a.textContent = detail;
      td.appendChild(a);
    } else {
      td.textContent = detail || "";
    }
    tr.appendChild(td);
    tr.className = "record-" + state;
    tbody.appendChild(tr);
  }

  function show(ok, body) {
    status.textContent = "";
    if (!ok && !body.records) {
      out.textContent = String(body.detail || "error");
      (body.errors || []).forEach(function (e) { row("", "failed", e); });
      table.hidden = tbody.children.length === 0;
      return;
    }
    out.textContent = (body.detail ? body.detail + " — " : "") + COUNTS.filter(function (k) { return body[k] != null; })
      .map(function (k) { return k + " " + body[k]; }).join(" · ");
    const records = body.records || (body.ids || []).map(function (id) { return { status: "stored", id: id, source: "" }; });
    records.forEach(function (r) {
      if (r.status === "stored") row(r.source, "stored", r.id, "/article/" + encodeURIComponent(r.id));
      else row(r.source, "failed", r.reason);
    });
    if (!body.records) (body.errors || []).forEach(function (e) { row("", "failed", e); });
    table.hidden = tbody.children.length === 0;
    if (body.ids && body.ids.length) {
      link.href = "/article/" + encodeURIComponent(body.ids[0]);
      link.textContent = "→ " + body.ids[0];
      link.hidden = false;
    }
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    const token = document.getElementById("i-token").value;
    const file = document.getElementById("i-file").files[0];
    const headers = token ? { Authorization: "Bearer " + token } : {};
    let req;
    if (file) {
      const fd = new FormData();
      fd.append("file", file);
      req = fetch("/api/ingest/file", { method: "POST", headers: headers, body: fd });
    } else {
      headers["Content-Type"] = "application/json";
      const title = document.getElementById("i-title").value || null;
      req = fetch("/api/ingest", { method: "POST", headers: headers,
        body: JSON.stringify({ text: document.getElementById("i-text").value, title: title }) });
    }
    status.textContent = status.dataset.working + (file ? " " + file.name : "");
    out.textContent = "";
    tbody.textContent = "";
    table.hidden = true;
    link.hidden = true;
    req.then(function (r) { return r.json().then(function (body) { return { ok: r.ok || r.status === 207, body: body }; }); })
      .then(function (res) { show(res.ok, res.body); })
      .catch(function (err) { status.textContent = ""; out.textContent = String(err); });
  });
})();
