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
  // Without a memo (cheaper where no text() is anywhere in the tree, which
  // the memo is only needed for): whether Of(node) >= minFacets > 0, the
  // walk stopping as soon as it knows (the estimate only grows upwards).
  static bool AtLeast(const eval::Node& node, double minFacets);
  struct TreeFacts {
    double facets = 0;     // the whole tree's facets (work or not)
    bool hasText = false;  // some text() node
  };
  // One walk of the whole tree: a tree under twice the threshold cannot
  // hold two large siblings.
  static TreeFacts FactsOf(const eval::Node& root);

 private:
  struct Estimate {
    double facets = 0;  // facets of everything below
    bool work = false;  // some kernel operation below
    bool pinned = false;
  };
  // `stopAt`: return (a lower bound) once facets >= stopAt and work is known.
  static Estimate Compute(const eval::Node& node, int depth, SubtreeWork* memo, double stopAt);
  std::mutex mutex_;
  std::unordered_map<const eval::Node*, Estimate> known_;
};

}  // namespace mos::geom
