// Events explorer: table, timeline, actor network and map from /api/events. Data is written with
// textContent only (article text is untrusted), charts get plain values.
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
    items.slice(0, 500).forEach(function (ev) {
      const tr = document.createElement("tr");
      cell(tr, ev.date || "");
      cell(tr, ev.type + (ev.mode ? " · " + ev.mode : ""));
      cell(tr, names(ev.source));
      cell(tr, names(ev.target));
      cell(tr, ev.location ? ev.location.name || "" : "");
      cell(tr, ev.cameo || "");
      cell(tr, ev.quad_class);
      const td = cell(tr, "");
      const a = document.createElement("a");
      a.href = "/article/" + encodeURIComponent(ev.doc_id) + "#s-" + ev.sentence.start;
      a.textContent = "↗";
      td.appendChild(a);
      tbody.appendChild(tr);
    });
    document.getElementById("event-count").textContent = "(" + items.length + ")";
  }

  function timeline(items) {
    const byType = {};
    const dates = new Set();
    items.forEach(function (ev) {
      const d = (ev.date || "").slice(0, 10);
      if (!d) return;
      dates.add(d);
      byType[ev.type] = byType[ev.type] || {};
      byType[ev.type][d] = (byType[ev.type][d] || 0) + 1;
    });
    const xs = Array.from(dates).sort();
    chart("timeline").setOption({
      tooltip: { trigger: "axis" },
      legend: { type: "scroll", top: 0 },
      grid: { top: 40, left: 40, right: 20, bottom: 30 },
      xAxis: { type: "category", data: xs },
      yAxis: { type: "value", minInterval: 1 },
      series: Object.keys(byType).sort().map(function (t) {
        return { name: t, type: "bar", stack: "all", data: xs.map(function (d) { return byType[t][d] || 0; }) };
      }),
    }, true);
  }

  function network(items) {
    const nodes = {};
    const edges = {};
    items.forEach(function (ev) {
      (ev.source || []).forEach(function (s) {
        (ev.target || []).forEach(function (t) {
          if (!s.code || !t.code || s.code === t.code) return;
          nodes[s.code] = (nodes[s.code] || 0) + 1;
          nodes[t.code] = (nodes[t.code] || 0) + 1;
          const key = s.code + "→" + t.code;
          const e = edges[key] || (edges[key] = { source: s.code, target: t.code, value: 0, coop: 0, conf: 0 });
          e.value += 1;
          if (ev.quad_class === 3 || ev.quad_class === 4) e.conf += 1; else e.coop += 1;
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

  function map(items) {
    const points = {};
    items.forEach(function (ev) {
      const loc = ev.location;
      if (!loc || loc.lat == null || loc.lon == null) return;
      const key = loc.lat + "," + loc.lon;
      const p = points[key] || (points[key] = { name: loc.name || key, value: [loc.lon, loc.lat, 0], conf: 0 });
      p.value[2] += 1;
      if (ev.quad_class === 3 || ev.quad_class === 4) p.conf += 1;
    });
    return world().then(function () {
      chart("map").setOption({
        tooltip: { trigger: "item", formatter: function (p) { return p.name + ": " + (p.value ? p.value[2] : 0); } },
        geo: { map: "world", roam: true, center: [40, 28], zoom: 2.4, itemStyle: { areaColor: "#eef1f4", borderColor: "#aab4bf" } },
        series: [{
          type: "scatter", coordinateSystem: "geo",
          symbolSize: function (v) { return 6 + Math.min(24, 4 * Math.sqrt(v[2])); },
          itemStyle: { color: function (p) { return p.data.conf * 2 > p.data.value[2] ? "#c0392b" : "#2e8b57"; }, opacity: 0.8 },
          data: Object.values(points),
        }],
      }, true);
    });
  }

  function load() {
    const params = new URLSearchParams();
    new FormData(form).forEach(function (v, k) { if (v) params.set(k, v); });
    params.set("size", "1000");
    document.getElementById("export-csv").href = "/api/export/events?format=csv" + (params.get("type") ? "&type=" + encodeURIComponent(params.get("type")) : "");
    return fetch("/api/events?" + params.toString()).then(function (r) {
      if (!r.ok) return r.json().then(function (e) { throw new Error(e.detail || r.status); });
      return r.json();
    }).then(function (data) {
      fillTable(data.items);
      timeline(data.items);
      network(data.items);
      return map(data.items);
    }).then(function () {
      document.body.dataset.ready = "1";
    }).catch(function (err) {
      document.getElementById("event-count").textContent = String(err.message || err);
      document.body.dataset.ready = "error";
    });
  }

  form.addEventListener("submit", function (e) { e.preventDefault(); load(); });
  window.addEventListener("resize", function () { Object.values(charts).forEach(function (c) { c.resize(); }); });
  load();
})();
