#!/usr/bin/env bash
# FreeType and HarfBuzz for the WASM engine: the same versions Debian 12
# installs natively (libfreetype6 2.12.1, libharfbuzz0b 6.0.0), built as
# static libraries with Debian's emscripten 3.1.6, so text() runs the same
# FreeType/HarfBuzz code (src/geom/freetype) in WASM as natively. Only the
# font matching differs: WASM has no fontconfig (src/geom/freetype/
# font_file_matcher.cpp stands in).
#
# Third-party sources, fetched from the Debian mirror once into
# ${MOS_WASM_DEPS_DIR:-build-wasm-deps}/src (git-ignored, never checked in)
# and checked against the sha256 below. Output: <deps>/prefix/{include,lib}
# (src/CMakeLists.txt finds it there, or through -DMOS_WASM_FONT_PREFIX).
# Rebuilt only when this script changes (a stamp holds its hash).
#
#   FreeType: its own single-file modules (the "minimal module list" of
#     docs/INSTALL.ANY): TrueType, CFF, SFNT, autofit and PostScript hinters,
#     the modules that load and hint outlines; no renderers, no bitmap
#     formats. Options as upstream's ftoption.h, which equals Debian's for
#     outlines (Debian adds PNG, Brotli, system zlib and subpixel rendering,
#     none of which touches a glyph outline).
#   HarfBuzz: the amalgamated src/harfbuzz.cc with hb-ft, without threads
#     (HB_NO_MT) and without the parts text() never calls (HB_NO_* below);
#     its built-in Unicode data (hb-ucd), the default of Debian's build too.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
deps="${MOS_WASM_DEPS_DIR:-$root/build-wasm-deps}"
jobs="${MOS_JOBS:-2}"
mirror="${MOS_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
ft_tar=freetype_2.12.1+dfsg.orig.tar.xz
ft_sha=7dedb6b9adf331559daea614a83b8de42a753e685ec8e1c4bdb4529eb880b0d1
hb_tar=harfbuzz_6.0.0+dfsg.orig.tar.xz
hb_sha=89266cb363e49b6aa999eda04ca25b0d234a69ad9304679631371f4697652368
command -v emcc >/dev/null || { echo "build_font_libs: emscripten missing (apt-get install emscripten)" >&2; exit 1; }
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"

prefix="$deps/prefix"
stamp="$prefix/.stamp"
want="$(sha256sum "$0" | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then exit 0; fi

fetch() {  # fetch <file> <pool path> <sha256>
  local file="$1" url="$mirror/pool/main/$2/$1" sha="$3"
  mkdir -p "$deps/src"
  if [ ! -f "$deps/src/$file" ] || ! echo "$sha  $deps/src/$file" | sha256sum -c --quiet - 2>/dev/null; then
    echo "build_font_libs: fetching $url" >&2
    curl -sSfL -o "$deps/src/$file.part" "$url"
    echo "$sha  $deps/src/$file.part" | sha256sum -c --quiet - ||
      { echo "build_font_libs: $file: sha256 mismatch" >&2; exit 1; }
    mv "$deps/src/$file.part" "$deps/src/$file"
  fi
}
fetch "$ft_tar" f/freetype "$ft_sha"
fetch "$hb_tar" h/harfbuzz "$hb_sha"

work="$deps/work"
rm -rf "$work" "$prefix"
mkdir -p "$work" "$prefix/lib" "$prefix/include"
tar -C "$work" -xf "$deps/src/$ft_tar"
tar -C "$work" -xf "$deps/src/$hb_tar"
ft="$work/freetype-2.12.1"
hb="$work/harfbuzz-6.0.0"
# Native and WASM must agree: same -O level makes no difference to results
# (FreeType is fixed-point, HarfBuzz integer), -O2 keeps it fast.
opt=(-O2)

# --- FreeType
cat > "$work/mos_ftmodule.h" <<'EOF'
FT_USE_MODULE( FT_Module_Class, autofit_module_class )
FT_USE_MODULE( FT_Driver_ClassRec, tt_driver_class )
FT_USE_MODULE( FT_Driver_ClassRec, cff_driver_class )
FT_USE_MODULE( FT_Module_Class, psaux_module_class )
FT_USE_MODULE( FT_Module_Class, psnames_module_class )
FT_USE_MODULE( FT_Module_Class, pshinter_module_class )
FT_USE_MODULE( FT_Module_Class, sfnt_module_class )
EOF
ft_sources=(base/ftsystem.c base/ftinit.c base/ftdebug.c base/ftbase.c base/ftbbox.c base/ftglyph.c
  base/ftmm.c base/ftbitmap.c base/ftsynth.c base/ftfstype.c base/ftgasp.c
  truetype/truetype.c cff/cff.c sfnt/sfnt.c autofit/autofit.c psaux/psaux.c
  psnames/psnames.c pshinter/pshinter.c gzip/ftgzip.c)
mkdir -p "$work/ft-obj"
printf '%s\n' "${ft_sources[@]}" | xargs -P "$jobs" -I{} sh -c \
  'ft="$0"; out="$1"; shift; emcc "$@" -c "$ft/src/{}" -o "$out/$(echo {} | tr / _).o"' "$ft" "$work/ft-obj" \
  "${opt[@]}" -DFT2_BUILD_LIBRARY "-DFT_CONFIG_MODULES_H=\"$work/mos_ftmodule.h\"" -I"$ft/include"
emar rcs "$prefix/lib/libfreetype.a" "$work"/ft-obj/*.o
mkdir -p "$prefix/include/freetype2"
cp -r "$ft/include/ft2build.h" "$ft/include/freetype" "$prefix/include/freetype2/"

# --- HarfBuzz
# HB_NO_*: only parts text() never reaches (no effect on shaping results):
# the buffer serializer, verifier and debug messages, the colour, bitmap,
# math, meta and name tables, getenv/setlocale.
hb_defs=(-DHAVE_FREETYPE -DHAVE_FT_GET_VAR_BLEND_COORDINATES -DHAVE_FT_SET_VAR_BLEND_COORDINATES
  -DHAVE_FT_DONE_MM_VAR -DHAVE_FT_GET_TRANSFORM -DHB_NO_MT
  -DHB_NO_BUFFER_SERIALIZE -DHB_NO_BUFFER_MESSAGE -DHB_NO_BUFFER_VERIFY -DHB_NO_COLOR -DHB_NO_BITMAP
  -DHB_NO_MATH -DHB_NO_META -DHB_NO_NAME -DHB_NO_ERRNO -DHB_NO_GETENV -DHB_NO_SETLOCALE)
emcc -x c++ -std=c++11 -fno-exceptions -fno-rtti "${opt[@]}" "${hb_defs[@]}" \
  -I"$prefix/include/freetype2" -c "$hb/src/harfbuzz.cc" -o "$work/harfbuzz.o"
emar rcs "$prefix/lib/libharfbuzz.a" "$work/harfbuzz.o"
mkdir -p "$prefix/include/harfbuzz"
cp "$hb"/src/hb.h "$hb"/src/hb-*.h "$prefix/include/harfbuzz/"
rm -rf "$work"
echo "$want" > "$stamp"
echo "build_font_libs: $prefix" >&2
