#include "geom/node_key.h"

#include <bit>
#include <cstring>
#include <type_traits>
#include <variant>

namespace mos::geom {
namespace {

// The key's fields are little-endian on every host: one 8-byte copy where
// the host is (x86, WASM), the byte loop elsewhere.
inline void StoreLittleEndian(uint64_t v, char* b) {
  if constexpr (std::endian::native == std::endian::little) {
    std::memcpy(b, &v, 8);
  } else {
    for (int i = 0; i < 8; ++i) b[i] = static_cast<char>((v >> (8 * i)) & 0xff);
  }
}

inline uint64_t LoadLittleEndian(const char* b) {
  uint64_t w;
  if constexpr (std::endian::native == std::endian::little) {
    std::memcpy(&w, b, 8);
  } else {
    w = 0;
    for (int k = 0; k < 8; ++k) w |= static_cast<uint64_t>(static_cast<unsigned char>(b[k])) << (8 * k);
  }
  return w;
}

// Appends fixed-width little-endian fields; numbers by their exact bits.
// Into a plain growable buffer: a field is a capacity test and one store
// (std::string's append checked, branched and called memcpy per field).
class KeyWriter {
 public:
  explicit KeyWriter(KeyBuffer& out) : out_(out) {}
  void U64(uint64_t v) {
    out_.Ensure(8);
    StoreLittleEndian(v, out_.data.get() + out_.size);
    out_.size += 8;
  }
  void I64(int64_t v) { U64(static_cast<uint64_t>(v)); }
  void F64(double v) {
    uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    U64(bits);
  }
  void Bool(bool v) {
    out_.Ensure(1);
    out_.data[out_.size++] = v ? '\1' : '\0';
  }
  void Str(const std::string& s) {
    U64(s.size());
    out_.Ensure(s.size());
    if (!s.empty()) std::memcpy(out_.data.get() + out_.size, s.data(), s.size());
    out_.size += s.size();
  }
  template <size_t N>
  void F64s(const std::array<double, N>& a) {
    for (double v : a) F64(v);
  }
  void Frag(const eval::Fragments& f) {
    F64(f.fn);
    F64(f.fa);
    F64(f.fs);
  }
  void File(const eval::ExtrudeFile& f) {
    Bool(f.present);
    if (!f.present) return;
    Str(f.file);
    Str(f.layer);
    F64s(f.origin);
    F64(f.scale);
    I64(f.timestamp);
  }

  void Params(const std::monostate&) {}
  void Params(const eval::CubeParams& p) {
    F64s(p.size);
    Bool(p.center);
  }
  void Params(const eval::SphereParams& p) {
    F64(p.r);
    Frag(p.fragments);
  }
  void Params(const eval::CylinderParams& p) {
    F64(p.h);
    F64(p.r1);
    F64(p.r2);
    Bool(p.center);
    Frag(p.fragments);
  }
  void Params(const eval::PolyhedronParams& p) {
    U64(p.points.size());
    for (const auto& q : p.points) F64s(q);
    U64(p.faces.size());
    for (const auto& f : p.faces) {
      U64(f.size());
      for (int i : f) I64(i);
    }
    I64(p.convexity);
  }
  void Params(const eval::SquareParams& p) {
    F64s(p.size);
    Bool(p.center);
  }
  void Params(const eval::CircleParams& p) {
    F64(p.r);
    Frag(p.fragments);
  }
  void Params(const eval::PolygonParams& p) {
    U64(p.points.size());
    for (const auto& q : p.points) F64s(q);
    U64(p.paths.size());
    for (const auto& path : p.paths) {
      U64(path.size());
      for (int i : path) I64(i);
    }
    I64(p.convexity);
  }
  void Params(const eval::TextParams& p) {
    Str(p.text);
    F64(p.size);
    F64(p.spacing);
    Str(p.font);
    Str(p.direction);
    Str(p.language);
    Str(p.script);
    Str(p.halign);
    Str(p.valign);
    Frag(p.fragments);
  }
  void Params(const eval::ImportParams& p) {
    Str(p.file);
    Str(p.layer);
    F64s(p.origin);
    F64(p.scale);
    I64(p.convexity);
    F64(p.width);
    F64(p.height);
    Bool(p.center);
    F64(p.dpi);
    Bool(p.isSvg);
    Frag(p.fragments);
    I64(p.timestamp);
  }
  void Params(const eval::SurfaceParams& p) {
    Str(p.file);
    Str(p.path);
    Bool(p.center);
    Bool(p.invert);
    I64(p.convexity);
    I64(p.timestamp);
  }
  void Params(const eval::TransformParams& p) {
    for (const auto& row : p.m) F64s(row);
  }
  void Params(const eval::ColorParams& p) { F64s(p.rgba); }
  void Params(const eval::OffsetParams& p) {
    I64(static_cast<int64_t>(p.mode));
    F64(p.value);
    Bool(p.chamfer);
    Frag(p.fragments);
  }
  void Params(const eval::LinearExtrudeParams& p) {
    File(p.file);
    F64(p.height);
    Bool(p.center);
    I64(p.convexity);
    F64(p.twist);
    Bool(p.hasTwist);
    I64(p.slices);
    Bool(p.hasSlices);
    F64s(p.scale);
    Frag(p.fragments);
  }
  void Params(const eval::RotateExtrudeParams& p) {
    File(p.file);
    F64(p.angle);
    I64(p.convexity);
    Frag(p.fragments);
  }
  void Params(const eval::ProjectionParams& p) {
    Bool(p.cut);
    I64(p.convexity);
  }
  void Params(const eval::ConvexityParams& p) { I64(p.convexity); }
  void Params(const eval::ResizeParams& p) {
    F64s(p.newSize);
    for (bool b : p.autoSize) Bool(b);
    I64(p.convexity);
  }

 private:
  KeyBuffer& out_;
};

uint64_t Mix(uint64_t h) {  // splitmix64's finaliser
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h;
}

}  // namespace

NodeDigest DigestOf(const std::string& bytes) {
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
    const uint64_t w = LoadLittleEndian(bytes.data() + i);
    a = (a ^ w) * 0xff51afd7ed558ccdULL;
    a ^= a >> 32;
    b = (b + w) * 0xc4ceb9fe1a85ec53ULL;
    b = (b << 29) | (b >> 35);
  }
  const uint64_t tail = word(i, n - i) ^ (static_cast<uint64_t>(n - i) << 56);
  a = (a ^ tail) * 0xff51afd7ed558ccdULL;
  b = (b + tail) * 0xc4ceb9fe1a85ec53ULL;
  return {Mix(a ^ Mix(b)), Mix(b + 0x9e3779b97f4a7c15ULL)};
}

void KeyBuffer::Grow(size_t need) {
  size_t cap = capacity < 256 ? 256 : capacity;
  while (cap < need) cap *= 2;
  std::unique_ptr<char[]> grown(new char[cap]);
  if (size > 0) std::memcpy(grown.get(), data.get(), size);
  data = std::move(grown);
  capacity = cap;
}

const NodeKey* NodeKeys::Compute(const eval::Node& node, int depth) {
  auto found = keys_.find(&node);
  if (found != keys_.end()) return &found->second;
  if (unkeyable_.count(&node) || depth > maxDepth_) return nullptr;
  NodeKey key;
  // The node's own fields go to a reused buffer first, then into a key of
  // the exact size with room for the children's digests: one allocation
  // instead of the string's doubling from its inline 15 bytes.
  scratch_.size = 0;
  KeyWriter own(scratch_);
  own.I64(static_cast<int64_t>(node.kind));
  own.I64(static_cast<int64_t>(node.params.index()));
  std::visit([&](const auto& p) { own.Params(p); }, node.params);
  key.bytes.reserve(scratch_.size + 2 * sizeof(uint64_t) * node.children.size());
  key.bytes.assign(scratch_.data.get(), scratch_.size);
  for (const auto& child : node.children) {
    if (!child || child->background) continue;
    const NodeKey* ck = Compute(*child, depth + 1);
    if (!ck) {
      unkeyable_[&node] = true;
      return nullptr;
    }
    char digest[2 * sizeof(uint64_t)];
    StoreLittleEndian(ck->digest.hi, digest);
    StoreLittleEndian(ck->digest.lo, digest + sizeof(uint64_t));
    key.bytes.append(digest, sizeof digest);
    if (ck->height + 1 > key.height) key.height = ck->height + 1;
  }
  key.digest = DigestOf(key.bytes);
  return &keys_.emplace(&node, std::move(key)).first->second;
}

}  // namespace mos::geom
