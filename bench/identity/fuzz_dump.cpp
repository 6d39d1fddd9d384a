// Replays boolean fuzz inputs and prints, per input, a hash of every mesh the
// fuzz body checks (operands and all boolean results): two kernels that give
// the same lines gave bit-identical meshes.
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <vector>

#include "kernel/boolean.h"
#include "kernel/hull3d.h"
#include "kernel/mesh.h"
#include "kernel/mesh_build.h"
#include "kernel/mesh_primitives.h"
#include "kernel/mesh_properties.h"
#include "kernel/mesh_transform.h"

static uint64_t g_hash;
static int g_meshes;
static void Mix(const void* p, size_t n) {
  const unsigned char* b = static_cast<const unsigned char*>(p);
  for (size_t i = 0; i < n; ++i) g_hash = (g_hash ^ b[i]) * 1099511628211ull;
}
static bool HashAndCheck(const mos::kernel::Mesh& m) {
  ++g_meshes;
  Mix(m.vertPos.data(), m.vertPos.size() * sizeof(m.vertPos[0]));
  Mix(m.triVerts.data(), m.triVerts.size() * sizeof(m.triVerts[0]));
  Mix(m.triProp.data(), m.triProp.size() * sizeof(m.triProp[0]));
  return mos::kernel::IsClosedManifold(m);
}
#define IsClosedManifold(m) HashAndCheck(m)
#include "boolean_fuzz.cpp"

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::ifstream f(argv[i], std::ios::binary);
    std::vector<uint8_t> data((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    g_hash = 1469598103934665603ull;
    g_meshes = 0;
    LLVMFuzzerTestOneInput(data.data(), data.size());
    std::printf("%s %d %016llx\n", argv[i], g_meshes, static_cast<unsigned long long>(g_hash));
  }
}
