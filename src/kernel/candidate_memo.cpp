#include "kernel/candidate_memo.h"

#include "kernel/candidate_pairs.h"

namespace mos::kernel {

void RecordCandidatePairs(const BoolKernels& kernels, const BoolOperand& edgeMesh, const BoolOperand& triMesh,
                          bool forward, std::vector<std::pair<int, int>>& pairs, CandidateMemo& memo) {
  memo.flat.clear();
  memo.kept.clear();
  memo.complete = false;
  CandidatePairs<true>(kernels, edgeMesh, triMesh, forward, pairs, &memo);
}

void ReplayCandidatePairs(const BoolKernels& kernels, const BoolOperand& edgeMesh, const BoolOperand& triMesh,
                          bool forward, const CandidateMemo& memo, std::vector<std::pair<int, int>>& pairs) {
  const BoolMeshView ev = edgeMesh.View();
  const HorizontalRule rule{ev, triMesh, kernels.NormalP(), kernels.ExpandP(), forward};
  const std::vector<std::pair<int, int>>& kept = memo.kept;
  pairs.reserve(kept.size() + memo.flat.size());
  size_t j = 0;
  for (const CandidateMemo::Flat& f : memo.flat) {
    pairs.insert(pairs.end(), kept.begin() + static_cast<long>(j), kept.begin() + static_cast<long>(f.at));
    j = f.at;
    const Vec3& a = edgeMesh.pos[ev.Start(f.he)];
    const Vec3& b = edgeMesh.pos[ev.End(f.he)];
    const auto& tv = triMesh.tri[static_cast<size_t>(f.tri)];
    TriangleMissTest test;
    MakeTriangleMissTest(triMesh.pos[tv[0]], triMesh.pos[tv[1]], triMesh.pos[tv[2]], test);
    bool miss = rule.OneWay(f.he, f.tri, test, a, b);
    if (f.kept) {
      ++j;  // kept[j - 1] is this pair; its plane tests kept it
    } else if (!miss) {
      miss = PlaneTestsMiss(test, a, b, std::max(MaxAbs3(a), MaxAbs3(b)), MaxAbs3(b - a));
    }
    if (!miss) pairs.emplace_back(f.he, f.tri);
  }
  pairs.insert(pairs.end(), kept.begin() + static_cast<long>(j), kept.end());
}

}  // namespace mos::kernel
