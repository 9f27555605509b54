#!/bin/sh
# Makes assets/fonts/: the report's five DejaVu faces reduced to the characters a Swedish or
# European report can need (src/report/fonts.rs, `REDUCED`, lists the same ranges; a test checks
# that every character of those ranges the full face has is in the reduced face, with the same
# advance). The report embeds a subset of these instead of parsing the full 700 KB faces on every
# run; text with a character outside the ranges falls back to the full face of the `dejavu` crate.
# The sources are that crate's fonts (DejaVu 2.37); the glyphs, their order and the hinting are
# kept as they are, the layout tables (GSUB, GPOS, GDEF, MATH) are left out because the report
# does not shape text. Needs fontTools (pip install fonttools); run from anywhere:
#   scripts/reduce-fonts.sh
set -eu
cd "$(dirname "$0")/.."
CRATE="$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/dejavu-2.37.0 | head -n 1)"
TTF="$CRATE/assets/dejavu-fonts-ttf-2.37/ttf"
OUT=assets/fonts
RANGES="U+0020-007E,U+00A0-024F,U+02B0-02FF,U+2000-206F,U+2070-209F,U+20A0-20CF,U+2100-214F,U+2190-21FF,U+2200-22FF,U+25A0-25FF,U+FFFD"
mkdir -p "$OUT"
for face in DejaVuSerifCondensed DejaVuSerifCondensed-Bold DejaVuSerifCondensed-Italic \
  DejaVuSansCondensed DejaVuSansCondensed-Bold; do
  pyftsubset "$TTF/$face.ttf" --unicodes="$RANGES" --layout-features='' \
    --drop-tables+=GDEF,GPOS,GSUB,MATH,FFTM --name-IDs='*' --name-languages='*' --name-legacy \
    --notdef-outline --output-file="$OUT/$face-reduced.ttf" 2>/dev/null
done
cp "$CRATE/assets/dejavu-fonts-ttf-2.37/LICENSE" "$OUT/LICENSE-DejaVu.txt"
ls -l "$OUT"
