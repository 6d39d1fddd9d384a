// `mos`: evaluate an OpenSCAD model and write .echo / .csg / .ast and geometry
// outputs (stl, off, obj, amf, 3mf, svg, dxf); --info prints the measures.
#include <fstream>
#if defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#endif
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <iostream>
#include <string>
#include <vector>

#include "arguments.h"
#include "engine/library_paths.h"
#include "geom/text_font.h"
#include "lang/parser.h"
#include "mos/engine.h"
#include "output_writer.h"
#include "lang/parameters_json.h"
#include "parameter_sets.h"
#include "serve/serve_command.h"
#include "small_blocks.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;  // what 2021.01 returns for an unparsable model
constexpr int kExitUsage = 2;

mos::RenderRequest MakeRequest(const mos::cli::Arguments& args) {
  mos::RenderRequest request;
  request.file = args.input;
  request.defines = args.defines;
  request.libraryPaths = args.libraryPaths;
  request.threads = args.threads;
  request.wantGeometry = args.info;
  request.wantMeshAndSummary = args.info;  // exporters read the geometry itself
  for (const auto& out : args.outputs) {
    auto kind = mos::cli::OutputKindOf(out, args.exportFormat);
    if (kind == mos::cli::OutputKind::Csg) request.wantCsg = true;
    if (kind == mos::cli::OutputKind::Ast) request.wantAst = true;
    if (kind == mos::cli::OutputKind::Geometry) request.wantGeometry = true;
  }
  return request;
}

// `-p file -P name` (both needed, as in 2021.01): the set's values as -D
// overrides after the command line's own, so the set wins as in 2021.01.
// Returns the lines 2021.01 puts at the top of the .echo output.
// The main file parsed once more (for the customizer parameters), lazily.
const mos::lang::File* MainFile(const mos::cli::Arguments& args) {
  static mos::lang::ParseResult parsed;
  static bool done = false;
  if (!done) {
    done = true;
    mos::lang::ParseOptions options;
    options.libraryPaths = mos::engine::LibrarySearchPath(args.libraryPaths);
    parsed = mos::lang::ParseFile(args.input, options);
  }
  return parsed.file.get();
}

std::string AddParameterSet(const mos::cli::Arguments& args, mos::RenderRequest& request) {
  if (args.parameterFile.empty() || args.parameterSet.empty()) return "";
  std::ifstream in(args.parameterFile, std::ios::binary);
  if (!in) {
    std::string line = "ERROR: Cannot open Parameter Set '" + args.parameterFile + "': " +
                       args.parameterFile + ": cannot open file\n";  // 2021.01's words
    std::cerr << line;
    return line;
  }
  std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const mos::lang::File* file = MainFile(args);
  if (!file) return "";  // the render reports the syntax error
  auto set = mos::cli::ParameterSetDefines(json, args.parameterFile, args.parameterSet, *file);
  for (const auto& m : set.messages) std::cerr << m << '\n';
  std::string echo;
  for (const auto& line : set.echoLines) {
    std::cerr << line << '\n';
    echo += line + "\n";
  }
  request.defines.insert(request.defines.end(), set.defines.begin(), set.defines.end());
  return echo;
}

// Warnings and errors go to stderr as file:line:col; ECHO lines only when no
// .echo file receives them (as 2021.01 prints them to the console).
void PrintDiagnostics(const mos::RenderResult& result, bool echoGoesToFile) {
  for (const auto& d : result.diagnostics) {
    if (d.severity == mos::Severity::Echo && echoGoesToFile) continue;
    std::cerr << mos::FormatDiagnostic(d) << '\n';
  }
}

}  // namespace

#if defined(__GLIBC__)
// Lets the heap beyond its first megabyte or so be backed by 2 MB pages
// (transparent huge pages, where the system has them in "madvise" mode):
// a fresh 4 kB page costs a page fault when first touched, ~2.2 us in this
// VM, so a model whose meshes take 6-12 MB of heap spent 15-25 % of its
// CPU time in page faults (bench/PROFILE.md, "Examples speed, session 6");
// one 2 MB page costs ~0.15 ms to clear, as much as ~70 small faults, so
// the first megabyte (all a small model uses) keeps small pages. The heap
// is grown once by a 256 MB top pad (address space only; pages are
// touched as malloc hands them out) so one advice covers it; growth beyond
// it is as before (glibc's default pad, small pages). No result depends on
// this. One-shot runs only: the top is not trimmed below the pad's size,
// so up to 256 MB of freed heap stays with the process.
static void AdviseHugeHeap() {
  constexpr size_t kPad = size_t{256} << 20, kHuge = size_t{2} << 20, kSmall = size_t{1} << 20;
  // A trim would hand the advised range back (and regrow it unadvised).
  mallopt(M_TRIM_THRESHOLD, static_cast<int>(kPad + (size_t{64} << 20)));
  mallopt(M_TOP_PAD, static_cast<int>(kPad));
  void* probe = malloc(256 << 10);  // more than the top chunk has: malloc grows the heap by the pad
  // glibc's default pad again: under a tight address-space limit the
  // padded growth fails (probe null) and later growth must not ask for it.
  mallopt(M_TOP_PAD, 128 << 10);
  if (!probe) {
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    return;
  }
  const uintptr_t from = (reinterpret_cast<uintptr_t>(probe) + kSmall + kHuge - 1) & ~(kHuge - 1);
  free(probe);
  const uintptr_t to = reinterpret_cast<uintptr_t>(sbrk(0)) & ~(kHuge - 1);
  if (to > from) madvise(reinterpret_cast<void*>(from), to - from, MADV_HUGEPAGE);
}
#endif

// A one-shot process: freed memory stays with malloc for the next
// allocation instead of going back to the kernel (by default glibc returns
// the top of the heap past 128 kB and unmaps blocks of 128 kB and more on
// free, until its adaptive threshold has grown), where every page handed
// back costs a page fault when it is touched again. 32 MB is the most
// glibc's own adaptive threshold would reach; blocks above it are still
// mapped separately, so one huge freed mesh does not pin the heap.
static void KeepFreedMemory() {
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
}

// Sanitizer builds keep the normal exit: their leak check runs at exit.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define MOS_CLI_NORMAL_EXIT 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer) || \
    __has_feature(thread_sanitizer)
#define MOS_CLI_NORMAL_EXIT 1
#endif
#endif

// The end of a one-shot render: the process exits without tearing its
// state down. The engine's caches, the result's meshes, the interned
// names, the builtin and colour tables and the per-thread free lists
// would otherwise be freed block by block just before the process ends
// (~0.1 M instructions on a small model, a few percent of it). Every
// output file is closed by now (each writer's stream is local to it);
// the standard streams are flushed here.
static int ExitWithoutTeardown(int exitCode) {
#if defined(MOS_CLI_NORMAL_EXIT)
  return exitCode;
#else
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  std::_Exit(exitCode);
#endif
}

int main(int argc, char** argv) {
  KeepFreedMemory();
  std::vector<std::string> rawArgs(argv + 1, argv + argc);
  if (!rawArgs.empty() && rawArgs[0] == "serve")  // `mos serve model.scad`: serve/serve_command.h
    return mos::serve::RunServe(std::vector<std::string>(rawArgs.begin() + 1, rawArgs.end()));
#if defined(__GLIBC__)
  // Not for `mos serve`: a long-running server would keep up to the pad's
  // 256 MB of freed heap resident.
  AdviseHugeHeap();
  // Render threads (--threads) allocate from this one advised heap too:
  // a second glibc arena starts empty, and its first-touch page faults
  // (~1,800 for candleStand.scad, perf stat) cost more CPU than a one-shot
  // render's threads save; the threads' small blocks come from their
  // per-thread caches without the arena lock.
  mallopt(M_ARENA_MAX, 1);
#endif
  // Before any render thread starts (small_blocks.h).
  mos::cli::EnableSmallBlocks();
  auto parsed = mos::cli::ParseArguments(rawArgs);
  const auto& args = parsed.arguments;
  if (args.help) {
    std::cout << mos::cli::UsageText();
    return kExitOk;
  }
  if (args.version) {
    std::cout << mos::cli::VersionText();
    return kExitOk;
  }
  if (!parsed.error.empty()) {
    std::cerr << "mos: " << parsed.error << "\n\n" << mos::cli::UsageText();
    return kExitUsage;
  }

  if (!args.exportFormat.empty() &&
      mos::cli::OutputKindOf("", args.exportFormat) == mos::cli::OutputKind::Unknown) {
    // 2021.01's words (two spaces included).
    std::cerr << "Unknown --export-format option '" << args.exportFormat
              << "'.  Use -h to list available options.\n";
    return kExitFailure;
  }

  // Refuse unsupported outputs before spending time on the model.
  int exitCode = kExitOk;
  std::vector<std::string> outputs;
  for (const auto& out : args.outputs) {
    const std::string format = mos::cli::OutputFormat(out, args.exportFormat);
    auto kind = mos::cli::OutputKindOfFormat(format);
    if (kind == mos::cli::OutputKind::NotAvailable || kind == mos::cli::OutputKind::Unknown) {
      std::cerr << "mos: " << mos::cli::WriteOutput(out, format, mos::RenderResult{}) << '\n';
      exitCode = kExitFailure;
    } else {
      outputs.push_back(out);
    }
  }
  if (exitCode != kExitOk && outputs.empty() && !args.info) return exitCode;

  // Only whether it opens for reading (an fopen: a stream would cost its
  // buffer and locale set-up, ~5 k instructions, for this test alone).
  std::FILE* input = std::fopen(args.input.c_str(), "rb");
  if (input) std::fclose(input);
  if (!input) {
    std::cerr << "Can't open input file '" << args.input << "'!\n";  // 2021.01's words
    return kExitFailure;
  }

  mos::Engine engine;
  for (const auto& path : args.fontPaths)
    if (!mos::geom::AddFontPath(path))
      std::cerr << "WARNING: Can't add font path '" << path << "'\n";
  mos::RenderRequest request = MakeRequest(args);
  const std::string setEcho = AddParameterSet(args, request);
  mos::RenderResult result = engine.Render(request);
  result.echo.insert(0, setEcho);

  bool echoToFile = false;
  for (const auto& out : outputs) {
    if (mos::cli::OutputKindOf(out, args.exportFormat) == mos::cli::OutputKind::Echo) {
      echoToFile = true;
    }
  }
  PrintDiagnostics(result, echoToFile);
  if (!result.parsed) exitCode = kExitFailure;
  for (const auto& out : outputs) {
    const std::string format = mos::cli::OutputFormat(out, args.exportFormat);
    std::string error;
    if (mos::cli::OutputKindOfFormat(format) == mos::cli::OutputKind::Param && MainFile(args)) {
      std::ofstream file(out, std::ios::binary);
      file << mos::lang::ParametersJson(*MainFile(args));
      if (!file) error = "can't write '" + out + "'";
    } else {
      error = mos::cli::WriteOutput(out, format, result);
    }
    if (!error.empty()) {
      std::cerr << "mos: " << error << '\n';
      exitCode = kExitFailure;
    }
  }
  if (args.info && result.parsed) std::cout << mos::cli::InfoText(result.summary);
  return ExitWithoutTeardown(exitCode);
}
