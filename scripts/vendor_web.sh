#!/usr/bin/env bash
# Vendor the dashboard's front-end libraries from the npm registry into the package, so the
# dashboard needs no CDN at run time. Re-run to update; versions are pinned here.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$root/src/rasd/web/static/vendor"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
npm init -y >/dev/null
npm install --no-audit --no-fund echarts@5.6.0 world-atlas@2.0.2 topojson-client@3.1.0 >/dev/null
mkdir -p "$dest"
cp node_modules/echarts/dist/echarts.min.js "$dest/echarts.min.js"
cp node_modules/echarts/LICENSE "$dest/echarts.LICENSE"
cp node_modules/topojson-client/dist/topojson-client.min.js "$dest/topojson-client.min.js"
cp node_modules/topojson-client/LICENSE "$dest/topojson-client.LICENSE"
cp node_modules/world-atlas/countries-110m.json "$dest/countries-110m.json"
cp node_modules/world-atlas/LICENSE "$dest/world-atlas.LICENSE"
echo "vendored into $dest"
