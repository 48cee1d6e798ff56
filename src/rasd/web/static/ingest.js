// Ingest page: sends pasted text (JSON) or an uploaded file (multipart) with the write token.
(function () {
  "use strict";
  const form = document.getElementById("ingest-form");
  const out = document.getElementById("ingest-result");
  const link = document.getElementById("ingest-link");
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
    out.textContent = "…";
    link.hidden = true;
    req.then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (res) {
        out.textContent = JSON.stringify(res.body, null, 2);
        if (res.ok && res.body.ids && res.body.ids.length) {
          link.href = "/article/" + encodeURIComponent(res.body.ids[0]);
          link.textContent = "→ " + res.body.ids[0];
          link.hidden = false;
        }
      })
      .catch(function (err) { out.textContent = String(err); });
  });
})();
