// FreeType and HarfBuzz (and fontconfig natively) behind one table of
// function pointers, so the same provider code runs in both builds:
//  - natively they are opened with dlopen the first time text() needs them.
//    Linking them into `mos` made every start-up map and relocate 13 more
//    shared libraries (~0.5 ms of each run, most runs never draw text); now
//    only the runs that shape text pay for them.
//  - in WASM (MOS_FONT_LIBS_STATIC) FreeType and HarfBuzz are linked
//    statically (bindings/wasm/build_font_libs.sh) and there is no
//    fontconfig (font_file_matcher.cpp matches names instead).
#pragma once

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H
#include FT_SFNT_NAMES_H
#include FT_TRUETYPE_TABLES_H
#include <hb-ft.h>
#include <hb.h>
#ifndef MOS_FONT_LIBS_STATIC
#include <fontconfig/fontconfig.h>
#endif

namespace mos::geom {

// Every FreeType / HarfBuzz function the font code calls (X(name)).
#define MOS_FREETYPE_FUNCTIONS(X)                                                             \
  X(FT_Init_FreeType) X(FT_New_Face) X(FT_Done_Face) X(FT_Select_Charmap) X(FT_Set_Char_Size) \
  X(FT_Load_Glyph) X(FT_Outline_Decompose) X(FT_Get_Sfnt_Name_Count) X(FT_Get_Sfnt_Name)      \
  X(FT_Get_Sfnt_Table) X(FT_Done_FreeType)                                                                    \
  X(hb_ft_font_create) X(hb_font_destroy) X(hb_buffer_create) X(hb_buffer_destroy)            \
  X(hb_buffer_set_direction) X(hb_buffer_set_script) X(hb_buffer_set_language)                \
  X(hb_script_from_string) X(hb_language_from_string) X(hb_buffer_add_utf8) X(hb_shape)       \
  X(hb_buffer_get_glyph_infos) X(hb_buffer_get_glyph_positions)

// fontconfig's (native builds only).
#define MOS_FONTCONFIG_FUNCTIONS(X)                                                   \
  X(FcInit) X(FcConfigAppFontAddFile) X(FcConfigAppFontAddDir) X(FcNameParse)          \
  X(FcConfigSubstitute) X(FcDefaultSubstitute) X(FcFontMatch) X(FcPatternGetString)    \
  X(FcPatternGetInteger) X(FcPatternDestroy)

#ifdef MOS_FONT_LIBS_STATIC
#define MOS_FONT_LIBRARY_FUNCTIONS(X) MOS_FREETYPE_FUNCTIONS(X)
#else
#define MOS_FONT_LIBRARY_FUNCTIONS(X) MOS_FREETYPE_FUNCTIONS(X) MOS_FONTCONFIG_FUNCTIONS(X)
#endif

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
