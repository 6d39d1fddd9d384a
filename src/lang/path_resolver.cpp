#include "lang/path_resolver.h"

#include <filesystem>
#include <fstream>
#include <system_error>

namespace fs = std::filesystem;

namespace mos::lang {

std::string NormalizePath(const std::string& path) {
  if (path.empty()) return path;
  std::error_code ec;
  fs::path p = fs::absolute(fs::path(path), ec);
  if (ec) p = fs::path(path);
  return p.lexically_normal().generic_string();
}

std::string DirectoryOf(const std::string& path) {
  return fs::path(path).parent_path().generic_string();
}

std::string RelativeTo(const std::string& path, const std::string& base) {
  if (base.empty() || path.empty()) return path;
  fs::path rel = fs::path(path).lexically_relative(fs::path(base));
  if (rel.empty()) return path;
  return rel.generic_string();
}

std::string WorkingDirectory() {
  std::error_code ec;
  fs::path p = fs::current_path(ec);
  return ec ? std::string() : p.generic_string();
}

namespace {

bool IsValidCandidate(const fs::path& p, const std::vector<std::string>* openFiles,
                      std::string& normalized, std::string* spelling) {
  if (p.empty() || !p.has_parent_path()) return false;
  std::error_code ec;
  if (!fs::exists(p, ec) || ec) return false;
  if (fs::is_directory(p, ec)) return false;
  std::string candidate = p.generic_string();
  if (openFiles) {
    for (const std::string& open : *openFiles)
      if (open == candidate) return false;
  }
  normalized = NormalizePath(candidate);
  if (spelling) *spelling = candidate;
  return true;
}

}  // namespace

std::string FindValidPath(const std::string& sourceDir, const std::string& localPath,
                          const std::vector<std::string>& libraryPaths,
                          const std::vector<std::string>* openFiles,
                          std::string* spelling) {
  std::string found;
  fs::path local(localPath);
  if (local.is_absolute())
    return IsValidCandidate(local, openFiles, found, spelling) ? found : "";
  if (IsValidCandidate(fs::path(sourceDir) / local, openFiles, found, spelling)) return found;
  for (const std::string& dir : libraryPaths) {
    if (dir.empty()) continue;
    if (IsValidCandidate(fs::path(dir) / local, openFiles, found, spelling)) return found;
  }
  return "";
}

bool ReadWholeFile(const std::string& path, std::string& out, size_t maxBytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  if (size < 0 || static_cast<unsigned long long>(size) > maxBytes) return false;
  in.seekg(0, std::ios::beg);
  out.resize(static_cast<size_t>(size));
  if (size > 0) in.read(out.data(), size);
  return static_cast<bool>(in) || in.eof();
}

}  // namespace mos::lang
