// CGAL's answers for property test (b), cached by a hash of the tree, so
// repeated long runs and CI need not run CGAL again. One line per tree:
//   <key> <volume> <usedNef> <manifold> <components> <euler> <inside>
// `inside` has one character per candidate sample point: '1' inside, '0'
// outside, '-' skipped (near a leaf's surface).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace mos::kernel::cgaltest {

struct ExactAnswer {
  double volume = 0;
  bool usedNef = false;   // Nef polyhedra computed some node of the tree
  bool manifold = false;  // the result is a 2-manifold mesh (topology compared)
  int components = 0;
  int euler = 0;
  std::string inside;
};

// 64-bit FNV-1a, fed field by field.
class TreeHash {
 public:
  void Bytes(const void* data, std::size_t n);
  void Int(int64_t v) { Bytes(&v, sizeof v); }
  void Double(double v) { Bytes(&v, sizeof v); }
  std::string Hex() const;

 private:
  uint64_t h_ = 1469598103934665603ull;
};

class ExactCache {
 public:
  // Reads every file of `readPaths` that exists (later ones win); new
  // answers are appended to `writePath` (empty: not written).
  ExactCache(const std::vector<std::string>& readPaths, std::string writePath);

  const ExactAnswer* Find(const std::string& key) const;
  void Store(const std::string& key, const ExactAnswer& answer);
  std::size_t Size() const { return entries_.size(); }

 private:
  std::map<std::string, ExactAnswer> entries_;
  std::string writePath_;
};

}  // namespace mos::kernel::cgaltest
