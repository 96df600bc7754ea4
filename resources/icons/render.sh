#!/usr/bin/env bash
# Re-renders the committed PNGs from the SVG sources (needs rsvg-convert: librsvg2-bin).
#   16        pasarela-16.svg  (the pixel-grid design for menus)
#   22, 24    pasarela-24.svg  (the tray design; 22 is it without its one-pixel margin)
#   32..256   pasarela.svg     (drawn on a 32-unit grid)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
command -v rsvg-convert >/dev/null || { echo "render.sh: rsvg-convert is missing (apt-get install librsvg2-bin)" >&2; exit 1; }

rsvg-convert -w 16 -h 16 pasarela-16.svg -o pasarela-16.png
rsvg-convert -w 24 -h 24 pasarela-24.svg -o pasarela-24.png
sed 's/width="24" height="24" viewBox="0 0 24 24"/width="22" height="22" viewBox="1 1 22 22"/' pasarela-24.svg \
    | rsvg-convert -o pasarela-22.png
for size in 32 48 64 128 256; do
    rsvg-convert -w "$size" -h "$size" pasarela.svg -o "pasarela-$size.png"
done
echo "render.sh: rendered $(ls pasarela-*.png | wc -l) PNGs"
