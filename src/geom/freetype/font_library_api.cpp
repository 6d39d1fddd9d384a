#include "geom/freetype/font_library_api.h"

#ifndef MOS_FONT_LIBS_STATIC
#include <dlfcn.h>
#endif

namespace mos::geom {
namespace {

#ifdef MOS_FONT_LIBS_STATIC
bool Load(FontLibraryApi& api) {
#define MOS_FONT_LIBRARY_LOAD(name) api.name = &::name;
  MOS_FONT_LIBRARY_FUNCTIONS(MOS_FONT_LIBRARY_LOAD)
#undef MOS_FONT_LIBRARY_LOAD
  return true;
}
#else
// The sonames Debian ships (the ABI the headers describe).
const char* const kLibraries[] = {"libfreetype.so.6", "libfontconfig.so.1", "libharfbuzz.so.0"};

bool Load(FontLibraryApi& api) {
  void* handles[3] = {};
  for (int i = 0; i < 3; ++i) {
    handles[i] = dlopen(kLibraries[i], RTLD_NOW | RTLD_LOCAL);
    if (!handles[i]) return false;
  }
  auto find = [&](const char* name) -> void* {
    for (void* h : handles)
      if (void* sym = dlsym(h, name)) return sym;
    return nullptr;
  };
  bool ok = true;
#define MOS_FONT_LIBRARY_LOAD(name)                                \
  api.name = reinterpret_cast<decltype(api.name)>(find(#name)); \
  ok = ok && api.name != nullptr;
  MOS_FONT_LIBRARY_FUNCTIONS(MOS_FONT_LIBRARY_LOAD)
#undef MOS_FONT_LIBRARY_LOAD
  return ok;
}
#endif

}  // namespace

const FontLibraryApi* LoadFontLibraries() {
  static FontLibraryApi api;
  static const bool loaded = Load(api);  // magic static: loaded once
  return loaded ? &api : nullptr;
}

}  // namespace mos::geom
