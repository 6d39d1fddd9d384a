#include "lang/parsed_file_cache.h"

#include "lang/path_resolver.h"

namespace mos::lang {
namespace {

constexpr size_t kMaxFileBytes = size_t(1) << 30;

}  // namespace

ParsedFileCache::Fingerprint ParsedFileCache::FingerprintOf(const std::string& content) {
  // FNV-1a, 64 bit.
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : content) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return {content.size(), h};
}

std::string ParsedFileCache::OptionsKey(const ParseOptions& options) {
  std::string key = std::to_string(options.maxIncludeDepth);
  key += '\0';
  key += std::to_string(options.maxNestingDepth);
  key += '\0';
  key += std::to_string(options.maxTokens);
  key += '\0';
  key += WorkingDirectory();
  key += '\0';
  key += options.usedFromMainFile;
  for (const std::string& assignment : options.commandLineAssignments) {
    key += '\1';
    key += assignment;
  }
  for (const std::string& dir : options.libraryPaths) {
    key += '\0';
    key += dir;
  }
  return key;
}

bool ParsedFileCache::IncludesUnchanged(const Entry& entry) const {
  std::string content;
  for (const auto& [path, fingerprint] : entry.includes) {
    if (!ReadWholeFile(path, content, kMaxFileBytes)) return false;
    if (!(FingerprintOf(content) == fingerprint)) return false;
  }
  return true;
}

ParseResult ParsedFileCache::Lookup(const std::string& key, const Fingerprint& main, bool& hit) {
  std::shared_ptr<const Entry> entry;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = entries_.find(key);
    if (it != entries_.end()) entry = it->second;
  }
  hit = entry && entry->main == main && IncludesUnchanged(*entry);
  std::lock_guard<std::mutex> lock(mutex_);
  if (hit) {
    ++stats_.hits;
    return entry->result;
  }
  ++stats_.misses;
  return {};
}

void ParsedFileCache::Store(const std::string& key, const Fingerprint& main,
                            const ParseResult& result) {
  auto entry = std::make_shared<Entry>();
  entry->main = main;
  entry->result = result;
  std::string content;
  if (result.file) {
    for (const std::string& path : result.file->includedFiles) {
      if (!ReadWholeFile(path, content, kMaxFileBytes)) return;  // vanished: do not cache
      entry->includes.emplace_back(path, FingerprintOf(content));
    }
  } else {
    return;  // failed parses are cheap to repeat and may depend on missing files
  }
  std::lock_guard<std::mutex> lock(mutex_);
  entries_[key] = std::move(entry);
}

ParseResult ParsedFileCache::ParseFile(const std::string& path, const ParseOptions& options) {
  std::string normalized = NormalizePath(path);
  std::string content;
  if (!ReadWholeFile(normalized, content, kMaxFileBytes)) return lang::ParseFile(path, options);
  // The name as given appears in "Can't parse file" lines, so it is part of the key.
  std::string key = std::string("F") + '\0' + normalized + '\0' + path + '\0' + OptionsKey(options);
  Fingerprint main = FingerprintOf(content);
  bool hit = false;
  ParseResult cached = Lookup(key, main, hit);
  if (hit) return cached;
  ParseResult result = lang::ParseFileContent(content, path, options);
  Store(key, main, result);
  return result;
}

ParseResult ParsedFileCache::ParseSource(const std::string& text, const std::string& name,
                                         const std::string& dir, const ParseOptions& options) {
  std::string key = std::string("S") + '\0' + name + '\0' + dir + '\0' + OptionsKey(options);
  Fingerprint main = FingerprintOf(text);
  bool hit = false;
  ParseResult cached = Lookup(key, main, hit);
  if (hit) return cached;
  ParseResult result = lang::ParseSource(text, name, dir, options);
  Store(key, main, result);
  return result;
}

ParsedFileCache::Stats ParsedFileCache::GetStats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return stats_;
}

size_t ParsedFileCache::Size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return entries_.size();
}

void ParsedFileCache::Clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  entries_.clear();
  stats_ = {};
}

}  // namespace mos::lang
