// stb_image (Debian's libstb-dev) compiled into the including file as static
// functions: PNG and its zlib decoder only, from memory, no float/HDR paths,
// its warnings silenced. Include it from exactly one .cpp per library that
// needs it (surface()'s PNG reader, the ZIP reader's inflate); being static,
// the copies do not clash. Does nothing without MOS_HAVE_STB_IMAGE.
#pragma once

#ifdef MOS_HAVE_STB_IMAGE
#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_STATIC
#define STBI_ONLY_PNG
#define STBI_NO_STDIO
#define STBI_NO_LINEAR
#define STBI_NO_HDR
#define STBI_NO_FAILURE_STRINGS
#define STBI_NO_THREAD_LOCALS
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wall"
#pragma GCC diagnostic ignored "-Wextra"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#endif
#include <stb_image.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
#endif  // MOS_HAVE_STB_IMAGE
