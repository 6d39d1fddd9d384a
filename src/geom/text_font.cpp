#include "geom/text_font.h"

namespace mos::geom {

#ifdef MOS_WITH_FREETYPE
const FontProvider* NativeFontProvider();  // freetype/freetype_font_provider.cpp
const FontProvider* DefaultFontProvider() { return NativeFontProvider(); }
#else
const FontProvider* DefaultFontProvider() { return nullptr; }
#endif

}  // namespace mos::geom
