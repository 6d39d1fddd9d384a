// DigestOf reads the key eight bytes at a time with one load: the digest
// must be what the byte-by-byte assembly of each little-endian word gave
// (the reference below), for every length and tail.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>

#include "geom/node_key.h"

namespace mos::geom {
namespace {

uint64_t ReferenceMix(uint64_t h) {
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h;
}

NodeDigest ReferenceDigest(const std::string& bytes) {
  uint64_t a = 0x9e3779b97f4a7c15ULL ^ bytes.size();
  uint64_t b = 0xc2b2ae3d27d4eb4fULL + bytes.size() * 0x165667b19e3779f9ULL;
  const size_t n = bytes.size();
  size_t i = 0;
  auto word = [&](size_t at, size_t len) {
    uint64_t w = 0;
    for (size_t k = 0; k < len; ++k)
      w |= static_cast<uint64_t>(static_cast<unsigned char>(bytes[at + k])) << (8 * k);
    return w;
  };
  for (; i + 8 <= n; i += 8) {
    const uint64_t w = word(i, 8);
    a = (a ^ w) * 0xff51afd7ed558ccdULL;
    a ^= a >> 32;
    b = (b + w) * 0xc4ceb9fe1a85ec53ULL;
    b = (b << 29) | (b >> 35);
  }
  const uint64_t tail = word(i, n - i) ^ (static_cast<uint64_t>(n - i) << 56);
  a = (a ^ tail) * 0xff51afd7ed558ccdULL;
  b = (b + tail) * 0xc4ceb9fe1a85ec53ULL;
  return {ReferenceMix(a ^ ReferenceMix(b)), ReferenceMix(b + 0x9e3779b97f4a7c15ULL)};
}

TEST(NodeDigest, SameAsByteByByteWords) {
  std::mt19937_64 rng(7);
  for (size_t len = 0; len < 600; ++len)
    for (int rep = 0; rep < 20; ++rep) {
      std::string s(len, '\0');
      for (char& c : s) c = static_cast<char>(rng() & 0xff);
      const NodeDigest got = DigestOf(s), want = ReferenceDigest(s);
      ASSERT_EQ(got.hi, want.hi) << len;
      ASSERT_EQ(got.lo, want.lo) << len;
    }
}

}  // namespace
}  // namespace mos::geom
