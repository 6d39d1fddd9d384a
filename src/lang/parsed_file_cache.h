// A thread-safe cache of parsed files, so a re-render after a parameter
// change does not re-parse the model or the libraries it includes or uses.
//
// An entry is keyed by the file's normalised path (or, for source text, by
// its name and directory) together with everything that changes the parse:
// library paths, include depth limit and working directory (error messages
// name files relative to it). It is valid while the file's content and the
// content of every file it included are unchanged (compared by length and a
// 64-bit hash); files are re-read on each lookup, never re-parsed.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "lang/parser.h"

namespace mos::lang {

class ParsedFileCache {
 public:
  struct Stats {
    uint64_t hits = 0;
    uint64_t misses = 0;
  };

  // Like lang::ParseFile, from the cache when nothing changed.
  ParseResult ParseFile(const std::string& path, const ParseOptions& options);
  // Like lang::ParseSource, from the cache when the text and its includes
  // are unchanged.
  ParseResult ParseSource(const std::string& text, const std::string& name,
                          const std::string& dir, const ParseOptions& options);

  Stats GetStats() const;
  size_t Size() const;
  void Clear();

 private:
  struct Fingerprint {
    uint64_t size = 0;
    uint64_t hash = 0;
    bool operator==(const Fingerprint& o) const { return size == o.size && hash == o.hash; }
  };
  struct Entry {
    Fingerprint main;
    std::vector<std::pair<std::string, Fingerprint>> includes;
    ParseResult result;
  };

  static Fingerprint FingerprintOf(const std::string& content);
  static std::string OptionsKey(const ParseOptions& options);
  bool IncludesUnchanged(const Entry& entry) const;
  ParseResult Lookup(const std::string& key, const Fingerprint& main,
                     bool& hit);
  void Store(const std::string& key, const Fingerprint& main, const ParseResult& result);

  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const Entry>> entries_;
  Stats stats_;
};

}  // namespace mos::lang
