#include "importer/xml_numbers.h"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <string>

namespace mos::importer {
namespace {
std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}
}  // namespace

bool ParseXmlDouble(std::string_view text, double& value) {
  text = Trim(text);
  if (text.empty() || text.size() > 64) return false;
  std::string t(text);
  char* end = nullptr;
  value = std::strtod(t.c_str(), &end);
  return end == t.c_str() + t.size() && std::isfinite(value);
}

bool ParseXmlIndex(std::string_view text, long long& value) {
  text = Trim(text);
  if (text.empty() || text.size() > 18) return false;
  value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  return true;
}

}  // namespace mos::importer
