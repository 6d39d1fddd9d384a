#include "geom/freetype/font_library_api.h"

#ifndef MOS_FONT_LIBS_STATIC
#include <dlfcn.h>
#include <elf.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

// Set only by a statically linked `mos` (cli/static_glibc_identity.cmake
// generates it): {path of the libc.so.6 its libc.a belongs to, that file's
// GNU build-id in hex}. glibc's dlopen from a static program works only
// over the very glibc the program was linked with (the loaded libc.so.6
// shares the static one's loader state), so the font libraries are opened
// only while that file is still the same build. Weak: the Python extension
// and a dynamic `mos` do not define it (null) and need no such check.
extern "C" const char* const mos_static_glibc_identity[2] __attribute__((weak));
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

// The GNU build-id (hex) of the ELF file at `path`, "" if none is found.
std::string ElfBuildId(const char* path) {
  std::FILE* f = std::fopen(path, "rb");
  if (!f) return {};
  std::string id;
  Elf64_Ehdr eh{};
  if (std::fread(&eh, sizeof eh, 1, f) == 1 && std::memcmp(eh.e_ident, ELFMAG, SELFMAG) == 0 &&
      eh.e_ident[EI_CLASS] == ELFCLASS64 && eh.e_phentsize == sizeof(Elf64_Phdr) && eh.e_phnum < 64) {
    std::vector<Elf64_Phdr> ph(eh.e_phnum);
    if (std::fseek(f, static_cast<long>(eh.e_phoff), SEEK_SET) == 0 &&
        std::fread(ph.data(), sizeof(Elf64_Phdr), ph.size(), f) == ph.size()) {
      for (const Elf64_Phdr& p : ph) {
        if (p.p_type != PT_NOTE || p.p_filesz > 4096 || !id.empty()) continue;
        std::vector<unsigned char> note(p.p_filesz);
        if (std::fseek(f, static_cast<long>(p.p_offset), SEEK_SET) != 0 ||
            std::fread(note.data(), 1, note.size(), f) != note.size())
          continue;
        for (size_t at = 0; at + sizeof(Elf64_Nhdr) <= note.size();) {
          Elf64_Nhdr nh;
          std::memcpy(&nh, note.data() + at, sizeof nh);
          const size_t name = at + sizeof nh, desc = name + ((nh.n_namesz + 3) & ~3u);
          const size_t next = desc + ((nh.n_descsz + 3) & ~3u);
          if (next > note.size()) break;
          if (nh.n_type == NT_GNU_BUILD_ID && nh.n_namesz == 4 &&
              std::memcmp(note.data() + name, "GNU", 4) == 0) {
            static const char kHex[] = "0123456789abcdef";
            for (size_t i = 0; i < nh.n_descsz; ++i) {
              id += kHex[note[desc + i] >> 4];
              id += kHex[note[desc + i] & 15];
            }
            break;
          }
          at = next;
        }
      }
    }
  }
  std::fclose(f);
  return id;
}

// False (with one line on stderr) when this is a static `mos` whose glibc
// is no longer the system's: dlopen would then mix two glibc builds.
bool GlibcAllowsDlopen() {
  if (&mos_static_glibc_identity == nullptr) return true;
  const char* path = mos_static_glibc_identity[0];
  if (ElfBuildId(path) == mos_static_glibc_identity[1]) return true;
  std::fprintf(stderr,
               "mos: text() cannot load FreeType/HarfBuzz/fontconfig: this statically linked mos "
               "was built against another glibc than %s now is; rebuild it, or configure with "
               "-DMOS_STATIC_CLI=OFF\n",
               path);
  return false;
}

bool Load(FontLibraryApi& api) {
  if (!GlibcAllowsDlopen()) return false;
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
