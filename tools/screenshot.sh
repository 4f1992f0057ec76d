#!/usr/bin/env bash
# Remake docs/report-seed.png, the README's picture of the seed report.
# Needs a headless Chromium (Debian: `apt-get install chromium`); run from the
# repository root with the dev venv: bash tools/screenshot.sh
set -euo pipefail
out=$(mktemp -d)
.venv/bin/geosleuth demo --out "$out/demo" > /dev/null
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --window-size=900,1050 --virtual-time-budget=5000 \
  --screenshot="$out/shot.png" "file://$out/demo/report.html" 2> /dev/null
.venv/bin/python - "$out/shot.png" <<'PY'
import sys
from PIL import Image
Image.open(sys.argv[1]).convert("RGB").quantize(colors=192).save(
    "docs/report-seed.png", optimize=True
)
PY
rm -rf "$out"
echo "wrote docs/report-seed.png"
