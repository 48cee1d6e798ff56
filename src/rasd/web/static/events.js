// Events explorer. The charts (timeline, actor network, map) and the total come from
// /api/events/summary: counts over every event that matches, computed by the store. The table pages
// through /api/events. The filters live in the URL (shareable, back button), and the CSV export
// carries all of them. Data is written with textContent only (article text is untrusted), and the
// charts get plain values.
(function () {
  "use strict";
  const QUAD_COLOR = { 0: "#7f8c8d", 1: "#52b788", 2: "#2e8b57", 3: "#e67e22", 4: "#c0392b" };
  const form = document.getElementById("event-filters");
  const tbody = document.querySelector("#events-table tbody");
  const charts = {};

  function chart(id) {
    if (!charts[id]) charts[id] = echarts.init(document.getElementById(id));
    return charts[id];
  }

  function names(side) {
    return (side || []).map(function (a) { return (a.code || "?") + " " + (a.name || ""); }).join("، ");
  }

  // bidi embeddings, overrides and isolates in untrusted text could reorder the row: removed, and each
  // cell's text isolated in <bdi>
  const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

  function cell(tr, text) {
    const td = document.createElement("td");
    const bdi = document.createElement("bdi");
    bdi.textContent = text == null ? "" : String(text).replace(BIDI_CONTROLS, "");
    td.appendChild(bdi);
    tr.appendChild(td);
    return td;
  }

  function fillTable(items) {
    tbody.textContent = "";
    items.forEach(function (ev) {
      const tr = document.createElement("tr");
      cell(tr, ev.date || "");
      cell(tr, ev.type + (ev.mode ? " · " + ev.mode : ""));
      cell(tr, names(ev.source));
      cell(tr, names(ev.target));
      cell(tr, ev.location ? ev.location.name || "" : "");
      cell(tr, ev.cameo || "");
      cell(tr, ev.quad_class);
      cell(tr, ev.reports || 1);
      const td = cell(tr, "");
      const a = document.createElement("a");
      a.href = "/article/" + encodeURIComponent(ev.doc_id) + "#s-" + ev.sentence.start;
      a.textContent = "↗";
      td.appendChild(a);
      tbody.appendChild(tr);
    });
  }

  function showCount(total, shown) {
    const el = document.getElementById("event-count");
    el.dataset.count = String(total);
    el.textContent = "(" + total.toLocaleString() + " " + el.dataset.total + " · " + el.dataset.showing + " "
      + (shown ? "1–" + shown : "0") + ")";
  }

  function timeline(rows) {
    const byType = {};
    const dates = new Set();
    rows.forEach(function (r) {
      dates.add(r.date);
      byType[r.type] = byType[r.type] || {};
      byType[r.type][r.date] = r.count;
    });
    const xs = Array.from(dates).sort();
    chart("timeline").setOption({
      tooltip: { trigger: "axis" },
      legend: { type: "scroll", top: 0 },
      grid: { top: 40, left: 40, right: 20, bottom: 60 },
      dataZoom: [{ type: "inside" }, { type: "slider", height: 18, bottom: 8,
                   startValue: Math.max(0, xs.length - 60) }],  // the latest 60 days first; drag for the rest
      xAxis: { type: "category", data: xs },
      yAxis: { type: "value", minInterval: 1 },
      series: Object.keys(byType).sort().map(function (t) {
        return { name: t, type: "bar", stack: "all", data: xs.map(function (d) { return byType[t][d] || 0; }) };
      }),
    }, true);
  }

  function network(pairs) {
    const nodes = {};
    const edges = {};
    pairs.forEach(function (p) {
      p.source.split(";").forEach(function (s) {
        p.target.split(";").forEach(function (t) {
          if (!s || !t || s === t) return;
          nodes[s] = (nodes[s] || 0) + p.count;
          nodes[t] = (nodes[t] || 0) + p.count;
          const key = s + "→" + t;
          const e = edges[key] || (edges[key] = { source: s, target: t, value: 0, coop: 0, conf: 0 });
          e.value += p.count;
          if (p.quad_class === 3 || p.quad_class === 4) e.conf += p.count; else e.coop += p.count;
        });
      });
    });
    chart("network").setOption({
      tooltip: {},
      series: [{
        type: "graph", layout: "force", roam: true, draggable: true,
        force: { repulsion: 160, edgeLength: 90 },
        label: { show: true, fontSize: 10 },
        edgeSymbol: ["none", "arrow"],
        data: Object.keys(nodes).map(function (c) { return { name: c, value: nodes[c], symbolSize: 8 + Math.min(30, 3 * Math.sqrt(nodes[c])) }; }),
        links: Object.values(edges).map(function (e) {
          return { source: e.source, target: e.target, value: e.value,
                   lineStyle: { width: Math.min(8, 1 + Math.log2(e.value)), color: e.conf > e.coop ? "#c0392b" : "#2e8b57", opacity: 0.7, curveness: 0.1 } };
        }),
      }],
    }, true);
  }

  let worldReady = null;
  function world() {
    if (!worldReady) {
      worldReady = fetch("/static/vendor/countries-110m.json").then(function (r) { return r.json(); }).then(function (topo) {
        echarts.registerMap("world", topojson.feature(topo, topo.objects.countries));
      });
    }
    return worldReady;
  }

  function map(places) {
    const points = places.map(function (p) {
      return { name: p.name || (p.lat + "," + p.lon), value: [p.lon, p.lat, p.count] };
    });
    return world().then(function () {
      chart("map").setOption({
        tooltip: { trigger: "item", formatter: function (p) { return p.name + ": " + (p.value ? p.value[2] : 0); } },
        geo: { map: "world", roam: true, center: [40, 28], zoom: 2.4, itemStyle: { areaColor: "#eef1f4", borderColor: "#aab4bf" } },
        series: [{
          type: "scatter", coordinateSystem: "geo",
          symbolSize: function (v) { return 6 + Math.min(24, 4 * Math.sqrt(v[2])); },
          itemStyle: { color: "#2e8b57", opacity: 0.8 },
          data: points,
        }],
      }, true);
    });
  }

  function filterParams() {
    const params = new URLSearchParams();
    new FormData(form).forEach(function (v, k) { if (v) params.set(k, v); });
    return params;
  }

  function fromUrl() {  // the URL's filters into the form (a shared link, the back button)
    const params = new URLSearchParams(window.location.search);
    Array.from(form.elements).forEach(function (el) {
      if (!el.name || el.name === "lang") return;
      if (el.type === "checkbox") el.checked = params.get(el.name) === el.value;
      else el.value = params.get(el.name) || "";
      // a value the list shows under its default (status=asserted is the blank first option)
      if (el.tagName === "SELECT" && el.selectedIndex < 0) el.value = "";
    });
  }

  function langLink() {  // the language switch keeps the filters now in the URL
    const link = document.getElementById("lang-toggle");
    const params = new URLSearchParams(window.location.search);
    params.set("lang", document.body.dataset.lang === "ar" ? "en" : "ar");
    if (link) link.href = "?" + params.toString();
  }

  function fail(r) {
    if (!r.ok) return r.json().then(function (e) { throw new Error(e.detail || r.status); });
    return r.json();
  }

  function load() {
    const params = filterParams();
    const query = params.toString();
    document.getElementById("export-csv").href = "/api/export/events?format=csv" + (query ? "&" + query : "");
    const page = new URLSearchParams(params);
    page.set("size", "100");
    return Promise.all([
      fetch("/api/events/summary?" + query).then(fail),
      fetch("/api/events?" + page.toString()).then(fail),
    ]).then(function (both) {
      const summary = both[0];
      fillTable(both[1].items);
      showCount(summary.total, both[1].items.length);
      timeline(summary.timeline);
      network(summary.pairs);
      return map(summary.places);
    }).then(function () {
      document.body.dataset.ready = "1";
    }).catch(function (err) {
      document.getElementById("event-count").textContent = String(err.message || err);
      document.body.dataset.ready = "error";
    });
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    const params = filterParams();
    const lang = new URLSearchParams(window.location.search).get("lang");
    if (lang) params.set("lang", lang);
    window.history.pushState(null, "", "?" + params.toString());
    langLink();
    load();
  });
  window.addEventListener("popstate", function () { fromUrl(); langLink(); load(); });
  window.addEventListener("resize", function () { Object.values(charts).forEach(function (c) { c.resize(); }); });
  fromUrl();
  load();
})();
