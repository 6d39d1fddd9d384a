// FreeType, fontconfig and HarfBuzz, opened with dlopen the first time
// text() needs them. Linking them into `mos` made every start-up map and
// relocate 13 more shared libraries (~0.5 ms of each run, most runs never
// draw text); now only the runs that shape text pay for them.
#pragma once

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H
#include <fontconfig/fontconfig.h>
#include <hb-ft.h>
#include <hb.h>

namespace mos::geom {

// Every library function the font provider calls (X(name)).
#define MOS_FONT_LIBRARY_FUNCTIONS(X)                                                        \
  X(FT_Init_FreeType) X(FT_New_Face) X(FT_Done_Face) X(FT_Select_Charmap) X(FT_Set_Char_Size) \
  X(FT_Load_Glyph) X(FT_Outline_Decompose)                                                    \
  X(FcInit) X(FcConfigAppFontAddFile) X(FcConfigAppFontAddDir) X(FcNameParse)                 \
  X(FcConfigSubstitute) X(FcDefaultSubstitute) X(FcFontMatch) X(FcPatternGetString)           \
  X(FcPatternGetInteger) X(FcPatternDestroy)                                                  \
  X(hb_ft_font_create) X(hb_font_destroy) X(hb_buffer_create) X(hb_buffer_destroy)            \
  X(hb_buffer_set_direction) X(hb_buffer_set_script) X(hb_buffer_set_language)                \
  X(hb_script_from_string) X(hb_language_from_string) X(hb_buffer_add_utf8) X(hb_shape)       \
  X(hb_buffer_get_glyph_infos) X(hb_buffer_get_glyph_positions)

// One pointer per function, named like it.
struct FontLibraryApi {
#define MOS_FONT_LIBRARY_POINTER(name) decltype(&::name) name = nullptr;
  MOS_FONT_LIBRARY_FUNCTIONS(MOS_FONT_LIBRARY_POINTER)
#undef MOS_FONT_LIBRARY_POINTER
};

// The libraries' functions, loaded once (thread-safe); nullptr when a
// library or one of its functions is missing (text() then warns).
const FontLibraryApi* LoadFontLibraries();

}  // namespace mos::geom
