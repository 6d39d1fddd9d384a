// Re-render benchmark (never run in CI, never asserted on).
//
//   mos_bench_rerender [--repeats N] [--stages] [--drag] MODEL...   (bench/rerender/*.scad:
//       the first line says "// rerender: NAME VALUE NEW_VALUE [THIRD FOURTH]")
//   mos_bench_rerender --list bench/rerender/examples.txt
//       (lines "PATH NAME VALUE NEW_VALUE [THIRD FOURTH]"; '#' starts a
//       comment; a value in double quotes may hold spaces, \" a quote:
//       "\"Happy Birthday!\"" is the OpenSCAD string "Happy Birthday!")
//   mos_bench_rerender --cancel MODEL [--delays 50,100,200]
//   --threads N: RenderRequest::threads (default 0: all cores; 1: serial)
//   valgrind --tool=callgrind mos_bench_rerender --callgrind MODEL...
//       (one repeat, no uncached render; the cold and the warm render of each
//       model are dumped as separate callgrind parts: "cold NAME", "warm NAME")
//
// Re-render mode, per model: a fresh Engine renders with NAME=VALUE (cold),
// then the same Engine renders with NAME=NEW_VALUE (the one-parameter
// re-render with a warm cache). Medians over the repeats of wall and CPU
// time, the ratio warm/cold per model and its median; "nocache" is the CPU
// time of the cold render on an Engine without a geometry cache (the
// cache's own cost); hits/misses are the warm render's.
// --drag: then the same Engine renders with NAME=THIRD and NAME=FOURTH (a
// slider being dragged: the same parameter changes again; THIRD and FOURTH
// default to VALUE + 2 and + 3 steps of NEW_VALUE - VALUE); printed are
// the CPU time of the fourth render and its ratio to the cold one (the
// callgrind parts "drag3 NAME" and "drag4 NAME"); "ok" then also needs the
// fourth render to be the solid a cold render of FOURTH gives (volume and
// area to 1e-9, components, genus).
// Cancel mode: the model renders on a thread; after each delay the cancel
// flag is set, and the time from setting it to Render() returning is the
// cancellation latency.
#include <algorithm>
#include <cmath>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>
#include <time.h>
#include <vector>

#include "mos/engine.h"

#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define MOS_DUMP_CALLGRIND(what) CALLGRIND_DUMP_STATS_AT(what)
#define MOS_ZERO_CALLGRIND() CALLGRIND_ZERO_STATS
#else
#define MOS_DUMP_CALLGRIND(what) ((void)(what))
#define MOS_ZERO_CALLGRIND() ((void)0)
#endif

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

// CPU time of the process: renders run on the calling thread, so this is
// their CPU time, which a loaded machine disturbs far less than wall time.
double CpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

struct Case {
  std::string path, name, value, newValue, third, fourth;
};

// THIRD and FOURTH: VALUE + 2 and 3 steps when not given.
void FillDrag(Case& c) {
  if (!c.third.empty() && !c.fourth.empty()) return;
  const double a = std::atof(c.value.c_str()), b = std::atof(c.newValue.c_str());
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", a + 2 * (b - a));
  c.third = buf;
  std::snprintf(buf, sizeof buf, "%.17g", a + 3 * (b - a));
  c.fourth = buf;
}

int g_threads = 0;  // --threads

mos::RenderRequest Request(const Case& c, const std::string& value) {
  mos::RenderRequest r;
  r.threads = g_threads;
  r.file = c.path;
  r.defines = {{c.name, value}};
  r.wantGeometry = true;
  return r;
}

bool CaseFromHeader(const std::string& path, Case& c) {
  std::ifstream in(path);
  std::string line;
  if (!std::getline(in, line)) return false;
  const std::string tag = "// rerender:";
  if (line.rfind(tag, 0) != 0) return false;
  std::istringstream words(line.substr(tag.size()));
  c.path = path;
  if (!(words >> c.name >> c.value >> c.newValue)) return false;
  words >> c.third >> c.fourth;
  FillDrag(c);
  return true;
}

std::vector<Case> CasesFromList(const std::string& path) {
  std::vector<Case> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    Case c;
    if (words >> c.path >> c.name >> std::quoted(c.value) >> std::quoted(c.newValue)) {
      words >> std::quoted(c.third) >> std::quoted(c.fourth);
      FillDrag(c);
      out.push_back(c);
    }
  }
  return out;
}

std::string ShortName(const Case& c) {
  const size_t slash = c.path.find_last_of('/');
  return (slash == std::string::npos ? c.path : c.path.substr(slash + 1)) + " " + c.name;
}

// The font library (FreeType, HarfBuzz, fontconfig) starts once per
// process, on the first text() render. Started here, before any case, so
// that no case's cold render pays it and the figures do not depend on the
// order of the cases (a notebook kernel pays it once, for its first text).
void StartFontLibrary(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    std::ifstream in(c.path);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (text.find("text(") == std::string::npos) continue;
    mos::Engine engine;
    mos::RenderRequest r;
    r.source = "text(\"a\");";
    r.wantGeometry = true;
    engine.Render(r);
    return;
  }
}

int RunRerender(const std::vector<Case>& cases, int repeats, bool verbose, bool callgrind, bool drag) {
  StartFontLibrary(cases);
  std::vector<double> ratios, cpuRatios, dragRatios;
  std::printf("%-36s %9s %9s %7s %9s %9s %7s %9s %5s %6s %3s", "model parameter", "cold_ms",
              "warm_ms", "ratio", "cold_cpu", "warm_cpu", "ratio", "nocache", "hits", "misses",
              "ok");
  if (drag) std::printf(" %9s %7s %4s", "drag4_cpu", "ratio", "sib");
  std::printf("\n");
  for (const Case& c : cases) {
    std::vector<double> cold, warm, coldCpu, warmCpu, uncachedCpu, dragCpu;
    uint64_t siblingHits = 0;
    uint64_t hits = 0, misses = 0;
    bool ok = true;
    for (int r = 0; r < repeats; ++r) {
      mos::Engine engine;
      if (callgrind) MOS_ZERO_CALLGRIND();
      const double c0 = CpuSeconds();
      auto t0 = Clock::now();
      mos::RenderResult a = engine.Render(Request(c, c.value));
      auto t1 = Clock::now();
      const double c1 = CpuSeconds();
      const std::string coldPart = "cold " + ShortName(c), warmPart = "warm " + ShortName(c);
      if (callgrind) MOS_DUMP_CALLGRIND(coldPart.c_str());
      mos::RenderResult b = engine.Render(Request(c, c.newValue));
      auto t2 = Clock::now();
      const double c2 = CpuSeconds();
      if (callgrind) MOS_DUMP_CALLGRIND(warmPart.c_str());
      coldCpu.push_back(c1 - c0);
      warmCpu.push_back(c2 - c1);
      if (drag) {
        const std::string dragPart3 = "drag3 " + ShortName(c), dragPart4 = "drag4 " + ShortName(c);
        mos::RenderResult third = engine.Render(Request(c, c.third));
        if (callgrind) MOS_DUMP_CALLGRIND(dragPart3.c_str());
        const double c3 = CpuSeconds();
        mos::RenderResult fourth = engine.Render(Request(c, c.fourth));
        dragCpu.push_back(CpuSeconds() - c3);
        if (callgrind) MOS_DUMP_CALLGRIND(dragPart4.c_str());
        siblingHits = fourth.stats.geometrySiblingHits;
        ok = ok && third.ok && fourth.ok && fourth.summary.kind != mos::GeometryKind::Empty;
        if (!callgrind) {
          // The drag's result is the solid a cold render of that value gives.
          mos::Engine fresh;
          const mos::RenderResult ref = fresh.Render(Request(c, c.fourth));
          const mos::GeometrySummary& x = fourth.summary;
          const mos::GeometrySummary& y = ref.summary;
          ok = ok && std::fabs(x.volume - y.volume) <= 1e-9 * std::fabs(y.volume) &&
               std::fabs(x.area - y.area) <= 1e-9 * y.area && x.components == y.components &&
               x.genus == y.genus;
        }
      }
      if (!callgrind) {
        // The same cold render without a geometry cache: the cache's overhead.
        mos::EngineOptions noCache;
        noCache.geometryCacheBytes = 0;
        mos::Engine plain(noCache);
        const double c3 = CpuSeconds();
        plain.Render(Request(c, c.value));
        uncachedCpu.push_back(CpuSeconds() - c3);
      }
      ok = ok && a.ok && b.ok && b.summary.kind != mos::GeometryKind::Empty;
      cold.push_back(Seconds(t0, t1));
      warm.push_back(Seconds(t1, t2));
      hits = b.stats.geometryCacheHits;
      misses = b.stats.geometryCacheMisses;
      if (verbose) {
        for (const mos::RenderResult* x : {&a, &b}) {
          const mos::RenderStats& s = x->stats;
          std::printf("    %s: parse %.2f eval %.2f geometry %.2f (tree %.2f keys %.2f cache %.2f output %.2f) ms\n",
                      x == &a ? "cold" : "warm", s.parseSeconds * 1e3, s.evalSeconds * 1e3,
                      s.geometrySeconds * 1e3, s.geometryEvalSeconds * 1e3,
                      s.geometryKeySeconds * 1e3, s.geometryCacheSeconds * 1e3,
                      s.geometryOutputSeconds * 1e3);
          std::printf("      by kind (ms, nodes):");
          for (const auto& k : s.geometrySecondsByKind)
            if (k.seconds >= 0.05e-3) std::printf(" %s %.2f (%llu)", k.kind.c_str(), k.seconds * 1e3,
                                                  static_cast<unsigned long long>(k.nodes));
          std::printf("; hits %llu misses %llu prefix hits %llu\n",
                      static_cast<unsigned long long>(s.geometryCacheHits),
                      static_cast<unsigned long long>(s.geometryCacheMisses),
                      static_cast<unsigned long long>(s.geometryPrefixHits));
        }
      }
    }
    const double ratio = Median(warm) / Median(cold);
    const double cpuRatio = Median(warmCpu) / Median(coldCpu);
    ratios.push_back(ratio);
    cpuRatios.push_back(cpuRatio);
    std::printf("%-36s %9.2f %9.2f %6.1f%% %9.2f %9.2f %6.1f%% %9.2f %5llu %6llu %3s",
                ShortName(c).c_str(), Median(cold) * 1e3, Median(warm) * 1e3, ratio * 100,
                Median(coldCpu) * 1e3, Median(warmCpu) * 1e3, cpuRatio * 100,
                Median(uncachedCpu) * 1e3,
                static_cast<unsigned long long>(hits), static_cast<unsigned long long>(misses),
                ok ? "yes" : "NO");
    if (drag) {
      const double dragRatio = Median(dragCpu) / Median(coldCpu);
      dragRatios.push_back(dragRatio);
      std::printf(" %9.2f %6.1f%% %4llu", Median(dragCpu) * 1e3, dragRatio * 100,
                  static_cast<unsigned long long>(siblingHits));
    }
    std::printf("\n");
  }
  std::printf("median warm/cold ratio: %.1f%% wall, %.1f%% cpu, over %zu models\n",
              Median(ratios) * 100, Median(cpuRatios) * 100, ratios.size());
  if (drag)
    std::printf("median drag4/cold cpu ratio: %.1f%% over %zu models\n", Median(dragRatios) * 100,
                dragRatios.size());
  return 0;
}

int RunCancel(const std::string& path, const std::vector<int>& delaysMs) {
  mos::RenderRequest request;
  request.file = path;
  request.wantGeometry = true;
  request.threads = g_threads;
  {
    mos::Engine engine;
    mos::EngineOptions o;
    auto t0 = Clock::now();
    mos::RenderResult r = engine.Render(request);
    std::printf("%s: full render %.1f ms (ok=%d)\n", path.c_str(), Seconds(t0, Clock::now()) * 1e3,
                r.ok ? 1 : 0);
  }
  std::vector<double> latencies;
  for (int delay : delaysMs) {
    mos::EngineOptions options;
    options.geometryCacheBytes = 0;  // every run does the full work
    mos::Engine engine(options);
    std::atomic<bool> cancel{false};
    request.cancel = &cancel;
    Clock::time_point cancelledAt{}, returnedAt{};
    mos::RenderResult result;
    std::thread worker([&] {
      result = engine.Render(request);
      returnedAt = Clock::now();
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    cancelledAt = Clock::now();
    cancel = true;
    worker.join();
    const double latency = std::max(0.0, Seconds(cancelledAt, returnedAt));
    bool reported = false;
    for (const auto& d : result.diagnostics)
      if (d.message.find("cancel") != std::string::npos) reported = true;
    if (returnedAt < cancelledAt) {
      std::printf("  cancel after %4d ms: render had already finished\n", delay);
      continue;
    }
    latencies.push_back(latency);
    std::printf("  cancel after %4d ms: returned %.2f ms later, reported: %s\n", delay,
                latency * 1e3, reported ? "yes" : "NO");
  }
  if (!latencies.empty())
    std::printf("cancel latency: median %.2f ms, max %.2f ms over %zu cancels\n",
                Median(latencies) * 1e3, *std::max_element(latencies.begin(), latencies.end()) * 1e3,
                latencies.size());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  int repeats = 3;
  bool verbose = false;
  bool callgrind = false;
  bool drag = false;
  std::vector<Case> cases;
  std::string cancelModel;
  std::vector<int> delays = {20, 50, 100, 200, 300, 500, 800};
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--drag") {
      drag = true;
    } else if (a == "--stages") {
      verbose = true;
    } else if (a == "--callgrind") {
      callgrind = true;
      repeats = 1;
    } else if (a == "--threads" && i + 1 < argc) {
      g_threads = std::atoi(argv[++i]);
    } else if (a == "--repeats" && i + 1 < argc) {
      repeats = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--list" && i + 1 < argc) {
      for (const Case& c : CasesFromList(argv[++i])) cases.push_back(c);
    } else if (a == "--cancel" && i + 1 < argc) {
      cancelModel = argv[++i];
    } else if (a == "--delays" && i + 1 < argc) {
      delays.clear();
      std::istringstream in(argv[++i]);
      std::string d;
      while (std::getline(in, d, ',')) delays.push_back(std::atoi(d.c_str()));
    } else {
      Case c;
      if (CaseFromHeader(a, c)) cases.push_back(c);
      else std::fprintf(stderr, "%s: no '// rerender: NAME VALUE NEW_VALUE' first line\n", a.c_str());
    }
  }
  if (!cancelModel.empty()) return RunCancel(cancelModel, delays);
  return RunRerender(cases, callgrind ? 1 : repeats, verbose, callgrind, drag);
}
