// The cache of CGAL's answers (exact_cache.h).
#include "exact_cache.h"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace mos::kernel::cgaltest {

void TreeHash::Bytes(const void* data, std::size_t n) {
  const auto* p = static_cast<const unsigned char*>(data);
  for (std::size_t i = 0; i < n; ++i) {
    h_ ^= p[i];
    h_ *= 1099511628211ull;
  }
}

std::string TreeHash::Hex() const {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h_));
  return buf;
}

ExactCache::ExactCache(const std::vector<std::string>& readPaths, std::string writePath)
    : writePath_(std::move(writePath)) {
  for (const std::string& path : readPaths) {
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::istringstream fields(line);
      std::string key, volume;
      ExactAnswer a;
      int nef = 0, manifold = 0;
      if (!(fields >> key >> volume >> nef >> manifold >> a.components >> a.euler >> a.inside)) continue;
      a.volume = std::strtod(volume.c_str(), nullptr);
      a.usedNef = nef != 0;
      a.manifold = manifold != 0;
      entries_[key] = a;
    }
  }
}

const ExactAnswer* ExactCache::Find(const std::string& key) const {
  const auto it = entries_.find(key);
  return it == entries_.end() ? nullptr : &it->second;
}

void ExactCache::Store(const std::string& key, const ExactAnswer& a) {
  entries_[key] = a;
  if (writePath_.empty()) return;
  std::ofstream out(writePath_, std::ios::app);
  char volume[40];
  std::snprintf(volume, sizeof volume, "%.17g", a.volume);
  out << key << ' ' << volume << ' ' << (a.usedNef ? 1 : 0) << ' ' << (a.manifold ? 1 : 0) << ' ' << a.components
      << ' ' << a.euler << ' ' << (a.inside.empty() ? "-" : a.inside) << '\n';
}

}  // namespace mos::kernel::cgaltest
