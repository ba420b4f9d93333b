#!/usr/bin/env bash
# Build Insource's front-end assets into insource/core/static (the output is committed, so the
# product runs on a fresh machine without Node). Needs Node 20+ and the npm registry.
#   bash frontend/build.sh
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -d node_modules/govuk-frontend ] || [ ! -d node_modules/sass ] \
  || [ ! -d node_modules/accessible-autocomplete ]; then
  npm ci --no-audit --no-fund
fi

STATIC=../insource/core/static
GF=node_modules/govuk-frontend/dist/govuk
VERSION=$(node -p 'require("govuk-frontend/package.json").version')

AA=node_modules/accessible-autocomplete/dist
AA_VERSION=$(node -p 'require("accessible-autocomplete/package.json").version')

mkdir -p "$STATIC/insource" "$STATIC/govuk" "$STATIC/autocomplete"

# Our own CSS: GOV.UK Frontend compiled with Arial and our asset path (no GDS Transport).
npx sass --pkg-importer=node --style=compressed --no-source-map --quiet-deps \
  scss/insource.scss "$STATIC/insource/insource.css"
# The only image the CSS names is the GOV.UK crest (footer copyright logo, which we never use):
# point it at nothing, so no GOV.UK image ships and Django's manifest storage finds no dangling url().
sed -i -e 's|url("/static/govuk/assets/images/govuk-crest.svg")|none|g' "$STATIC/insource/insource.css"
if grep -q "@font-face" "$STATIC/insource/insource.css"; then
  echo "build.sh: the compiled CSS declares a web font; GDS Transport must not ship" >&2
  exit 1
fi
if grep -q "url(" "$STATIC/insource/insource.css"; then
  echo "build.sh: the compiled CSS refers to a file by url(); ship it or remove the reference" >&2
  exit 1
fi

# The JavaScript (an ES module). The source map is not shipped, so drop its comment: Django's
# ManifestStaticFilesStorage would otherwise fail on the missing .map file.
sed -e 's|//# sourceMappingURL=.*$||' "$GF/govuk-frontend.min.js" > "$STATIC/govuk/govuk-frontend.min.js"

# The accessible autocomplete (alphagov, MIT; ADR 0038): its UMD build sets
# window.accessibleAutocomplete when insource/authority-autocomplete.js imports it. Its CSS is
# compiled into insource.css (scss/insource.scss).
sed -e 's|//# sourceMappingURL=.*$||' "$AA/accessible-autocomplete.min.js" \
  > "$STATIC/autocomplete/accessible-autocomplete.min.js"
cat > "$STATIC/autocomplete/README.txt" <<TXT
accessible-autocomplete.min.js is from the npm package accessible-autocomplete $AA_VERSION
(https://github.com/alphagov/accessible-autocomplete), (c) Crown copyright, released under the
MIT licence. Copied by frontend/build.sh. Do not edit it by hand.
TXT

# No GOV.UK images, fonts, favicons or manifest are copied: they carry the GOV.UK brand.
# Insource's favicon and manifest live in $STATIC/insource/ and are written by hand.
cat > "$STATIC/govuk/README.txt" <<TXT
govuk-frontend.min.js is from the npm package govuk-frontend $VERSION
(https://github.com/alphagov/govuk-frontend), (c) Crown copyright, released under the MIT licence.
insource/insource.css is compiled from its Sass by frontend/build.sh. Do not edit these by hand.
TXT
echo "build.sh: built govuk-frontend $VERSION assets into $STATIC"
