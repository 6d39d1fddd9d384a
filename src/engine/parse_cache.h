// Parsed programs kept between renders, so a re-render after a parameter
// change (-D overrides, customizer values) does not parse the model and its
// includes again. An entry is reused only while the main file and every file
// it included still have the content they had when it was parsed.
// `use`d libraries are kept here too (RunPipeline's ParseUsedCached).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "lang/parser.h"

namespace mos::engine {

// Fingerprint of a file's bytes (FNV-1a 64 + length); "missing" files get a
// fingerprint of their own.
struct ContentFingerprint {
  uint64_t hash = 0;
  uint64_t size = 0;
  bool exists = false;
  bool operator==(const ContentFingerprint& o) const {
    return hash == o.hash && size == o.size && exists == o.exists;
  }
};
ContentFingerprint FingerprintOfText(const std::string& text);
ContentFingerprint FingerprintOfFile(const std::string& path);

class ParseCache {
 public:
  explicit ParseCache(size_t maxEntries = 16) : maxEntries_(maxEntries) {}

  // The cached result for `key` if all its files are unchanged, else null.
  const lang::ParseResult* Find(const std::string& key);
  // Stores a successful parse. `mainFile` is "" for inline source (whose
  // text is part of the key); `mainBefore` is its fingerprint taken before
  // parsing, so an edit during the parse is not mistaken for the parsed text. Results with diagnostics are not stored: a
  // missing include may appear later, and its absence is not fingerprinted.
  void Store(const std::string& key, const std::string& mainFile,
             const ContentFingerprint& mainBefore, const lang::ParseResult& result);
  size_t Size() const { return entries_.size(); }

 private:
  struct Entry {
    lang::ParseResult result;
    std::vector<std::pair<std::string, ContentFingerprint>> files;
    uint64_t lastUse = 0;
  };
  std::map<std::string, Entry> entries_;
  size_t maxEntries_;
  uint64_t clock_ = 0;
};

}  // namespace mos::engine
