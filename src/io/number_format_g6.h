#pragma once
// A fast, exact replacement for printf("%g", v) (6 significant digits, the
// format 2021.01's exporters and a default std::ostream use) and for parsing
// that text back. Used by the exporters, which print millions of numbers: a
// std::ostringstream per number cost about half of a typical render.
#include <cstddef>

namespace mos::io {

// Longest text FormatG6 writes ("-1.23457e-308" and "-nan"), plus slack.
constexpr std::size_t kG6BufferSize = 32;

// Writes v as "%g" would into `out` (no terminating NUL); returns the length.
// `out` must have room for kG6BufferSize bytes: bytes past the returned
// length may be overwritten (scratch of the block copies).
// Exact: values too close to a rounding tie for double arithmetic to decide,
// and values outside 1e-17..1e22, are handed to snprintf. 1e-4 <= |v| < 1e6
// (fixed notation) takes a shorter path.
std::size_t FormatG6(double v, char* out);

// FormatG6, also giving `rounded`: the printed text parsed back (RoundG6).
std::size_t FormatG6Rounded(double v, char* out, double& rounded);

// "x y z": the three FormatG6 texts joined by single spaces (an ASCII STL
// normal); returns the length. `out` needs 3 * kG6BufferSize bytes. Zeros
// and numbers with 1e-4 <= |v| < 1e6 are printed inline (no calls).
std::size_t FormatG6Vec3(double x, double y, double z, char* out);

// FormatG6's text of v parsed back as strtod would (the double nearest to the
// printed decimal); `v` itself for non-finite values.
double RoundG6(double v);

}  // namespace mos::io
