// The ThreadSanitizer driver (scripts/tsan_check.sh): renders models
// through ONE Engine from several client threads at once, as a notebook
// kernel's cells or a server's requests would, each render itself on all
// cores (sibling subtrees and a large boolean's two intersection halves on
// the task pool), and re-renders each model with its parameter changed so
// the shared geometry cache is read and written by concurrent renders.
// Every render's mesh must equal the one a fresh serial Engine gives.
//
//   mos_tsan_render [--clients N] [--rounds N] --model PATH NAME VALUE VALUE... [--model ...]
//
// Prints one line per client and "tsan_render: N renders, 0 mismatches";
// exits 1 on a mismatch or a failed render (a race TSan sees ends the
// process earlier, with halt_on_error=1).
#include <atomic>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "mos/engine.h"

namespace {

struct Model {
  std::string path, name;
  std::vector<std::string> values;
};

mos::RenderRequest Request(const Model& m, const std::string& value, int threads) {
  mos::RenderRequest r;
  r.file = m.path;
  r.defines = {{m.name, value}};
  r.wantGeometry = true;
  r.threads = threads;
  return r;
}

bool SameMesh(const mos::Mesh& a, const mos::Mesh& b) {
  return a.positions == b.positions && a.indices == b.indices && a.partIds == b.partIds &&
         a.palette == b.palette && a.partNodes == b.partNodes;
}

int Usage() {
  std::fprintf(stderr,
               "usage: mos_tsan_render [--clients N] [--rounds N] --model PATH NAME VALUE VALUE... "
               "[--model ...]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  int clients = 2, rounds = 2;
  std::vector<Model> models;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--clients") && i + 1 < argc) {
      clients = std::atoi(argv[++i]);
    } else if (!std::strcmp(argv[i], "--rounds") && i + 1 < argc) {
      rounds = std::atoi(argv[++i]);
    } else if (!std::strcmp(argv[i], "--model") && i + 3 < argc) {
      Model m{argv[i + 1], argv[i + 2], {}};
      i += 3;
      for (; i < argc && std::strncmp(argv[i], "--", 2) != 0; ++i) m.values.push_back(argv[i]);
      --i;
      if (m.values.size() < 2) return Usage();
      models.push_back(std::move(m));
    } else {
      return Usage();
    }
  }
  if (models.empty() || clients < 1 || rounds < 1) return Usage();

  // The reference meshes: a fresh Engine per model, one thread, no sharing.
  std::vector<std::map<std::string, mos::Mesh>> expected(models.size());
  for (size_t m = 0; m < models.size(); ++m) {
    for (const std::string& v : models[m].values) {
      if (expected[m].count(v)) continue;
      mos::Engine fresh;
      mos::RenderResult r = fresh.Render(Request(models[m], v, 1));
      if (!r.ok) {
        std::fprintf(stderr, "tsan_render: %s %s=%s failed\n", models[m].path.c_str(),
                     models[m].name.c_str(), v.c_str());
        return 1;
      }
      expected[m][v] = std::move(r.mesh);
    }
  }

  // The shared Engine: each client walks every model from its own start,
  // through each model's values (cold, then warm re-renders), `rounds`
  // times, so clients render different and the same models at once.
  mos::Engine engine;
  std::atomic<int> renders{0}, mismatches{0};
  auto client = [&](int c) {
    for (int round = 0; round < rounds; ++round) {
      for (size_t k = 0; k < models.size(); ++k) {
        const size_t m = (k + static_cast<size_t>(c)) % models.size();
        for (const std::string& v : models[m].values) {
          mos::RenderResult r = engine.Render(Request(models[m], v, 0));
          ++renders;
          if (!r.ok || !SameMesh(r.mesh, expected[m].at(v))) {
            ++mismatches;
            std::fprintf(stderr, "tsan_render: client %d: %s %s=%s differs from the serial render\n", c,
                         models[m].path.c_str(), models[m].name.c_str(), v.c_str());
          }
        }
      }
    }
    std::printf("tsan_render: client %d done\n", c);
  };
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) threads.emplace_back(client, c);
  for (std::thread& t : threads) t.join();
  std::printf("tsan_render: %d renders, %d mismatches\n", renders.load(), mismatches.load());
  return mismatches.load() == 0 ? 0 : 1;
}
