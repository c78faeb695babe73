#!/usr/bin/env bash
# Vendor the dashboard's JavaScript libraries from the npm registry into the package.
#
# The copied files are committed, so `pip install .` needs neither npm nor a network;
# run this only to upgrade a library (edit web/package.json, then `bash scripts/build_web.sh`).
# Install scripts stay off (--ignore-scripts): nothing from the registry runs here.
set -euo pipefail
cd "$(dirname "$0")/.."

web=web
vendor=src/marsad/web/static/vendor
modules=$web/node_modules

if [ -f "$web/package-lock.json" ]; then
  npm --prefix "$web" ci --ignore-scripts --no-audit --no-fund
else
  npm --prefix "$web" install --ignore-scripts --no-audit --no-fund
fi

rm -rf "$vendor"
mkdir -p "$vendor/leaflet/images" "$vendor/swagger-ui"

# Leaflet (BSD-2-Clause): the minified build, its stylesheet and the control images it references.
cp "$modules/leaflet/dist/leaflet.js" "$modules/leaflet/dist/leaflet.css" "$vendor/leaflet/"
cp "$modules/leaflet/dist/images/"*.png "$vendor/leaflet/images/"
cp "$modules/leaflet/LICENSE" "$vendor/leaflet/LICENSE"

# Swagger UI (Apache-2.0) for /docs: the bundle, its stylesheet, licence and notices.
for file in swagger-ui-bundle.js swagger-ui-bundle.js.LICENSE.txt swagger-ui.css LICENSE NOTICE; do
  cp "$modules/swagger-ui-dist/$file" "$vendor/swagger-ui/"
done

# Source-map comments point at files we do not ship; drop them so browsers do not ask.
sed -i '/^\/\/# sourceMappingURL=/d' "$vendor/leaflet/leaflet.js" "$vendor/swagger-ui/swagger-ui-bundle.js"
sed -i 's#/\*\# sourceMappingURL=[^*]*\*/##' "$vendor/swagger-ui/swagger-ui.css"

version() { node -p "require('./$modules/$1/package.json').version"; }
cat > "$vendor/LICENSES" <<TXT
Third-party files in this folder (copied from the npm registry by scripts/build_web.sh):

leaflet/          Leaflet $(version leaflet), BSD-2-Clause, (c) Volodymyr Agafonkin, CloudMade and contributors.
                  Full text: leaflet/LICENSE
swagger-ui/       swagger-ui-dist $(version swagger-ui-dist), Apache-2.0, (c) SmartBear Software Inc.
                  Full text: swagger-ui/LICENSE, notices: swagger-ui/NOTICE and
                  swagger-ui/swagger-ui-bundle.js.LICENSE.txt (licences of the bundled modules).
TXT
echo "vendored into $vendor:" >&2
find "$vendor" -type f | sort >&2
