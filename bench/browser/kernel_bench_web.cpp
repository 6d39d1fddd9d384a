// The kernel's stress models (bench/kernel_models.h) for the browser bench
// (run_browser_bench.mjs): an ES6 module for a page's worker, which times our
// kernel and npm manifold-3d side by side on exactly these operands.
//   modelNames() -> [name, ...]
//   modelOp(name) -> "union" | "difference" | "hull" | "minkowski"
//   modelOperands(name) -> [{vertices: Float64Array xyz, triangles: Uint32Array}, ...]
//   runModel(name) -> the result's triangle count (-1: no such model)
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <string>
#include <vector>

#include "../kernel_models.h"

namespace {

using emscripten::val;
using mos::bench::KernelModel;
using mos::bench::ModelOp;

const std::vector<KernelModel>& Models() {
  static const std::vector<KernelModel> models = mos::bench::AllKernelModels();
  return models;
}

const KernelModel* Find(const std::string& name) {
  for (const KernelModel& m : Models())
    if (m.name == name) return &m;
  return nullptr;
}

val ModelNames() {
  val out = val::array();
  for (const KernelModel& m : Models()) out.call<void>("push", m.name);
  return out;
}

std::string ModelOpName(const std::string& name) {
  const KernelModel* m = Find(name);
  if (!m) return "";
  switch (m->op) {
    case ModelOp::kUnion: return "union";
    case ModelOp::kDifference: return "difference";
    case ModelOp::kHull: return "hull";
    case ModelOp::kMinkowski: return "minkowski";
  }
  return "";
}

// Copies (new JS arrays), not heap views: the caller keeps them across runs.
val ModelOperands(const std::string& name) {
  val out = val::array();
  const KernelModel* m = Find(name);
  if (!m) return out;
  for (const mos::kernel::Mesh& o : m->operands) {
    std::vector<double> xyz;
    xyz.reserve(o.vertPos.size() * 3);
    for (const auto& p : o.vertPos) xyz.insert(xyz.end(), {p.x, p.y, p.z});
    std::vector<uint32_t> tris;
    tris.reserve(o.triVerts.size() * 3);
    for (const auto& t : o.triVerts)
      for (int k = 0; k < 3; ++k) tris.push_back(static_cast<uint32_t>(t[k]));
    val operand = val::object();
    operand.set("vertices", val::global("Float64Array").new_(emscripten::typed_memory_view(xyz.size(), xyz.data())));
    operand.set("triangles", val::global("Uint32Array").new_(emscripten::typed_memory_view(tris.size(), tris.data())));
    out.call<void>("push", operand);
  }
  return out;
}

int RunModel(const std::string& name) {
  const KernelModel* m = Find(name);
  return m ? mos::bench::RunKernelModel(*m) : -1;
}

}  // namespace

EMSCRIPTEN_BINDINGS(mos_kernel_bench) {
  emscripten::function("modelNames", &ModelNames);
  emscripten::function("modelOp", &ModelOpName);
  emscripten::function("modelOperands", &ModelOperands);
  emscripten::function("runModel", &RunModel);
}
