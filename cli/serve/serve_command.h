// `mos serve model.scad [--port N] [-L dir]... [--assets dir]`: serves, on
// 127.0.0.1 only, a page with the viewer, the customizer panel and the WASM
// engine in a Web Worker, and reloads the page's model whenever the model
// file or a file it includes or uses changes on disk (Server-Sent Events).
//
// URLs: /                 the page (assets/index.html)
//       /assets/<file>    the page's bundles and the engine (see FindAssets)
//       /api/model        the model: files to load, customizer parameters
//       /api/events       Server-Sent Events: "reload" with the new version
//       /files/<i>/<path> file <path> under root i (0: the model's folder,
//                         then each library path); nothing outside them
#pragma once

#include <string>
#include <vector>

namespace mos::serve {

inline constexpr int kDefaultPort = 7377;

struct ServeArguments {
  std::string model;
  int port = kDefaultPort;  // 0: ephemeral
  std::vector<std::string> libraryPaths;
  std::string assets;       // --assets
  bool help = false;
};

// "" when the arguments are fine, else the problem.
std::string ParseServeArguments(const std::vector<std::string>& args, ServeArguments& out);

std::string ServeUsage();

// The files the page needs from the assets directory.
const std::vector<std::string>& RequiredAssets();

// Where the assets are: --assets, else $MOS_SERVE_ASSETS, else
// <dir of the mos binary>/../share/mos/serve (the install layout; in a build
// tree, scripts/build_serve_assets.sh writes build/share/mos/serve).
// Sets `error` (naming the missing file and how to get it) when absent.
std::string FindAssets(const std::string& flag, std::string& error);

// Runs the server until the process is stopped; returns the exit code.
int RunServe(const std::vector<std::string>& args);

}  // namespace mos::serve
