#!/usr/bin/env bash
# Installs the Debian packages the build and the tests need. Idempotent: when
# everything is installed already it does not touch apt at all.
#   scripts/install_deps.sh [main|all]
#   main: compilers and CMake, enough to build and run `mos`
#   all:  + GoogleTest, clang/libFuzzer, emscripten + Node, CGAL and Clipper
#         (test-only kernel oracles), and the corpus
#         (openscad provides the examples, openscad-testing-data the test
#         models; openscad itself is never run by the tests)
set -euo pipefail
what="${1:-all}"
packages=(cmake ninja-build g++ ccache python3 pkg-config openscad libstb-dev  # stb: surface() PNGs, 3MF inflate
          librapidxml-dev  # SVG/AMF/3MF XML
          libfreetype-dev libharfbuzz-dev libfontconfig-dev  # text() (native builds)
          fonts-liberation fonts-dejavu-core)                # 2021.01's default font and its tests
if [ "$what" = all ]; then
  packages+=(libgtest-dev clang libclang-rt-14-dev emscripten nodejs openscad-testing-data openscad-mcad
            fonts-hosny-amiri fonts-dejavu-extra  # fonts of the text test models (references made with them)
            libcgal-dev libgmp-dev libmpfr-dev libpolyclipping-dev)  # kernel test oracles
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# nodejs may come from another repository under the same name; any node works.
if [[ " ${missing[*]-} " == *" nodejs "* ]] && command -v node >/dev/null; then
  missing=("${missing[@]/nodejs}")
fi
# npm too: a Node from elsewhere brings its own (Debian's npm would conflict).
if [ "$what" = all ] && ! command -v npm >/dev/null; then
  missing+=(npm)
fi
missing=($(printf '%s\n' "${missing[@]-}" | grep -v '^$' || true))
if [ ${#missing[@]} -eq 0 ]; then
  echo "install_deps: all packages present"
  exit 0
fi
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "install_deps: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
