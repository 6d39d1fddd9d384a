// A rough, cheap estimate of how much kernel work rendering a subtree
// takes, used only to decide whether sibling subtrees are worth running on
// separate threads (a thread hand-off costs tens of microseconds; a small
// subtree renders in less). It never changes what is rendered.
#pragma once

#include <mutex>
#include <unordered_map>

#include "eval/node.h"

namespace mos::geom {

class SubtreeWork {
 public:
  // About the number of facets the subtree's kernel operations (booleans,
  // hull, minkowski, extrusions, offsets) take in; 0 when it has none (only
  // primitives and transforms: cheap to render). Negative: the subtree must
  // stay on the render's own thread (text(): the font libraries are not
  // thread-safe). Thread-safe.
  double Of(const eval::Node& node);
  // The facets of the whole tree without remembering anything: a tree under
  // twice the threshold cannot hold two large siblings, and this is far
  // cheaper than Of's memo for the many small models.
  static double FacetsBelow(const eval::Node& root);

 private:
  struct Estimate {
    double facets = 0;  // facets of everything below
    bool work = false;  // some kernel operation below
    bool pinned = false;
  };
  static Estimate Compute(const eval::Node& node, int depth, SubtreeWork* memo);
  std::mutex mutex_;
  std::unordered_map<const eval::Node*, Estimate> known_;
};

}  // namespace mos::geom
