# Sourced by the golden scripts: the corpus as "key<TAB>absolute path" lines,
# sorted. Keys are stable names for the reference files.
MOS_CORPUS_ROOT="${MOS_CORPUS_ROOT:-/usr/share/openscad}"
golden_corpus_list() {
  local root
  for pair in "testdata:$MOS_CORPUS_ROOT/testdata/scad" "examples:$MOS_CORPUS_ROOT/examples"; do
    local prefix="${pair%%:*}" root="${pair#*:}"
    [ -d "$root" ] || continue
    (cd "$root" && find . -name '*.scad' -type f | sed 's|^\./||' | LC_ALL=C sort) |
      while read -r rel; do printf '%s/%s\t%s/%s\n' "$prefix" "$rel" "$root" "$rel"; done
  done
}
