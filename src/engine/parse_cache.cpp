#include "engine/parse_cache.h"

#include <cstring>
#include <fstream>
#include <iterator>

namespace mos::engine {

ContentFingerprint FingerprintOfText(const std::string& text) {
  ContentFingerprint f;
  f.exists = true;
  f.size = text.size();
  // Eight bytes a step (byte-wise FNV-1a cost ~6 instructions a byte:
  // 139 k for MCAD fonts.scad on every run of example023): each step,
  // x -> (x ^ word) * odd, then x ^= x >> 29, is a bijection of the state,
  // so a text that differs from another in one word always hashes
  // differently; the tail bytes go in FNV-1a's way. Only compared for
  // equality within one process (with the size), never stored.
  const char* p = text.data();
  const size_t n = text.size();
  uint64_t h = 1469598103934665603ull;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t word;
    std::memcpy(&word, p + i, sizeof word);
    h = (h ^ word) * 0x9e3779b97f4a7c15ull;
    h ^= h >> 29;
  }
  for (; i < n; ++i) {
    h ^= static_cast<unsigned char>(p[i]);
    h *= 1099511628211ull;
  }
  f.hash = h;
  return f;
}

ContentFingerprint FingerprintOfFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return ContentFingerprint{};
  // The bytes up to the size the file has now in one read (the iterator
  // alone cost ~15 instructions a byte), then, as before, whatever the
  // stream still gives up to its end: the same text for a file that grew,
  // a pipe (which cannot seek) or a directory (whose "size" is no length).
  std::string text;
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  constexpr std::streamoff kMaxSizedRead = std::streamoff{1} << 26;
  if (size > 0 && size <= kMaxSizedRead && in.seekg(0, std::ios::beg)) {
    text.resize(static_cast<size_t>(size));
    in.read(text.data(), size);
    text.resize(static_cast<size_t>(in.gcount()));
  }
  in.clear();
  if (text.empty()) {  // nothing read yet: from the start again
    in.seekg(0, std::ios::beg);
    in.clear();
  }
  text.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return FingerprintOfText(text);
}

const lang::ParseResult* ParseCache::Find(const std::string& key) {
  auto it = entries_.find(key);
  if (it == entries_.end()) return nullptr;
  for (const auto& [path, fingerprint] : it->second.files) {
    if (!(FingerprintOfFile(path) == fingerprint)) {
      entries_.erase(it);
      return nullptr;
    }
  }
  it->second.lastUse = ++clock_;
  return &it->second.result;
}

void ParseCache::Store(const std::string& key, const std::string& mainFile,
                       const ContentFingerprint& mainBefore, const lang::ParseResult& result) {
  if (!result.file || !result.diagnostics.empty() || maxEntries_ == 0) return;
  Entry entry;
  entry.result = result;
  if (!mainFile.empty()) entry.files.emplace_back(mainFile, mainBefore);
  for (const auto& included : result.file->includedFiles) {
    entry.files.emplace_back(included, FingerprintOfFile(included));
  }
  entry.lastUse = ++clock_;
  if (entries_.size() >= maxEntries_ && entries_.find(key) == entries_.end()) {
    auto oldest = entries_.begin();
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (it->second.lastUse < oldest->second.lastUse) oldest = it;
    }
    entries_.erase(oldest);
  }
  entries_[key] = std::move(entry);
}

}  // namespace mos::engine
