#include "io/overwrite_file.h"

#include <filesystem>
#include <system_error>

namespace mos::io {

bool OpenOverwriting(const std::string& path, std::ofstream& file) {
  // in|out is fopen's "r+": no O_CREAT, no O_TRUNC.
  file.open(path, std::ios::in | std::ios::out | std::ios::binary);
  if (file) return true;
  file.clear();
  file.open(path, std::ios::out | std::ios::binary | std::ios::trunc);
  return static_cast<bool>(file);
}

bool FinishOverwriting(std::ofstream& file, const std::string& path) {
  file.flush();
  const std::streamoff written = file.tellp();
  file.close();
  if (!file || written < 0) return false;
  // Only a regular file has a length to cut (not /dev/stdout or a pipe).
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return true;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return false;
  if (size == static_cast<std::uintmax_t>(written)) return true;
  std::filesystem::resize_file(path, static_cast<std::uintmax_t>(written), ec);
  return !ec;
}

}  // namespace mos::io
