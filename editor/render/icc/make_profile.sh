#!/bin/sh
# Rebuilds FOGRA39L-coated.icc, the CMYK output profile the print PDF (PDF/X-4) embeds as its
# output intent. Input: FOGRA39L.ti3 from Debian's icc-profiles-free (Fogra's characterisation
# data for ISO 12647-2 coated offset, packaged by Kai-Uwe Behrmann under the zlib licence).
# Tool: colprof from Debian's argyll. Needs: apt-get install icc-profiles-free argyll
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp /usr/share/color/icc/FOGRA39L.ti3 "$work/"
cd "$work"
# medium quality tables, total ink limit 330 % (FOGRA39), black generation from the data
colprof -qm -l330 -kr \
  -D "FOGRA39L coated (gazette-editor build from icc-profiles-free)" \
  -C "Data: Fogra / K.-U. Behrmann, zlib licence; profile made with ArgyllCMS colprof" \
  -O FOGRA39L-coated.icc FOGRA39L
cp FOGRA39L-coated.icc "$here/"
