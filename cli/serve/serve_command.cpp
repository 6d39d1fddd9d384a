#include "serve_command.h"

#include <signal.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>

#include "http_server.h"
#include "model_watch.h"
#include "serve_paths.h"

namespace mos::serve {

namespace {

constexpr std::size_t kMaxFileBytes = std::size_t{256} << 20;
constexpr int kPingMs = 15000;  // a comment line keeps idle event streams open

std::string ContentType(const std::string& path) {
  const std::size_t dot = path.rfind('.');
  const std::string ext = dot == std::string::npos ? "" : path.substr(dot);
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".wasm") return "application/wasm";
  if (ext == ".json" || ext == ".map") return "application/json";
  if (ext == ".scad" || ext == ".txt" || ext == ".csv" || ext == ".dat") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

Response Error(int status, const std::string& message) {
  Response r;
  r.status = status;
  r.body = message + "\n";
  return r;
}

Response FileResponse(const ResolvedPath& resolved, const std::string& cacheControl) {
  if (resolved.status != 200) return Error(resolved.status, StatusText(resolved.status));
  std::ifstream in(resolved.file, std::ios::binary);
  if (!in) return Error(404, "Not Found");
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size < 0 || static_cast<std::size_t>(size) > kMaxFileBytes) return Error(403, "file too large to serve");
  in.seekg(0);
  Response r;
  r.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  r.contentType = ContentType(resolved.file);
  r.extraHeaders = "Cache-Control: " + cacheControl + "\r\n";
  return r;
}

std::string ExecutableDir() {
  char buf[PATH_MAX];
  const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return "";
  std::string path(buf, static_cast<std::size_t>(n));
  return path.substr(0, path.rfind('/'));
}

bool Exists(const std::string& path) { return !RealPath(path).empty(); }

// The event stream: the current version at once, then "reload" after every
// change; a write that fails (the page went away, even mid-reload) ends it.
void StreamEvents(Connection& connection, ModelWatch& watch) {
  std::string head = "HTTP/1.1 200 OK\r\n" + CommonHeaders() +
                     "Content-Type: text/event-stream\r\nCache-Control: no-store\r\n"
                     "Connection: close\r\n\r\n";
  long long seen = watch.Version();
  if (!connection.SendAll(head + "retry: 500\nevent: version\ndata: " + std::to_string(seen) + "\n\n")) return;
  for (;;) {
    const long long now = watch.WaitForChange(seen, kPingMs);
    const std::string message = now > seen ? "event: reload\ndata: " + std::to_string(now) + "\n\n" : ": ping\n\n";
    seen = now;
    if (!connection.SendAll(message)) return;
  }
}

}  // namespace

std::string ServeUsage() {
  return "Usage: mos serve model.scad [--port N] [-L dir]... [--assets dir]\n"
         "  Serves the model on http://127.0.0.1:N/ (default " + std::to_string(kDefaultPort) +
         "; 0: any free port) with the viewer,\n"
         "  its customizer and the WASM engine, and reloads the page when the model or a\n"
         "  file it includes or uses changes. -L adds a library path (also served).\n"
         "  --assets (or $MOS_SERVE_ASSETS): the page's files; default\n"
         "  <dir of mos>/../share/mos/serve (scripts/build_serve_assets.sh builds them).\n";
}

std::string ParseServeArguments(const std::vector<std::string>& args, ServeArguments& out) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& into) {
      if (i + 1 >= args.size()) return false;
      into = args[++i];
      return true;
    };
    if (a == "-h" || a == "--help") {
      out.help = true;
    } else if (a == "--port" || a.rfind("--port=", 0) == 0) {
      std::string text;
      if (a != "--port") text = a.substr(7);
      else if (!value(text)) return "--port needs a number";
      char* end = nullptr;
      const long port = std::strtol(text.c_str(), &end, 10);
      if (text.empty() || *end || port < 0 || port > 65535) return "--port: not a port number: " + text;
      out.port = static_cast<int>(port);
    } else if (a == "-L") {
      std::string dir;
      if (!value(dir)) return "-L needs a directory";
      out.libraryPaths.push_back(dir);
    } else if (a.rfind("-L", 0) == 0 && a.size() > 2) {
      out.libraryPaths.push_back(a.substr(2));
    } else if (a == "--assets") {
      if (!value(out.assets)) return "--assets needs a directory";
    } else if (!a.empty() && a[0] == '-') {
      return "unknown option: " + a;
    } else if (out.model.empty()) {
      out.model = a;
    } else {
      return "one model file only (got " + out.model + " and " + a + ")";
    }
  }
  if (!out.help && out.model.empty()) return "no model file given";
  return "";
}

const std::vector<std::string>& RequiredAssets() {
  static const std::vector<std::string> files = {
      "index.html",  "serve-page.js", "serve-page.css", "render-worker.js", "mos_wasm.mjs",
      "mos_wasm.wasm", "mos_data.mjs", "mos_fonts.data", "mos_libraries.data"};
  return files;
}

std::string FindAssets(const std::string& flag, std::string& error) {
  std::string dir = flag;
  std::string from = "--assets";
  if (dir.empty()) {
    if (const char* env = std::getenv("MOS_SERVE_ASSETS"); env && *env) {
      dir = env;
      from = "MOS_SERVE_ASSETS";
    }
  }
  if (dir.empty()) {
    dir = ExecutableDir() + "/../share/mos/serve";
    from = "the default next to the mos binary";
  }
  for (const std::string& f : RequiredAssets()) {
    if (!Exists(dir + "/" + f)) {
      error = "the page's files are missing: no " + f + " in " + dir + " (" + from +
              "). Build them with scripts/build_serve_assets.sh (viewer bundle and WASM engine), "
              "or point --assets or MOS_SERVE_ASSETS at a directory that has them.";
      return "";
    }
  }
  return RealPath(dir);
}

int RunServe(const std::vector<std::string>& rawArgs) {
  ServeArguments args;
  const std::string problem = ParseServeArguments(rawArgs, args);
  if (args.help) {
    std::cout << ServeUsage();
    return 0;
  }
  if (!problem.empty()) {
    std::cerr << "mos serve: " << problem << "\n\n" << ServeUsage();
    return 2;
  }
  std::ifstream probe(args.model);
  if (!probe) {
    std::cerr << "mos serve: cannot open " << args.model << "\n";
    return 1;
  }
  std::string assetError;
  const std::string assets = FindAssets(args.assets, assetError);
  if (assets.empty()) {
    std::cerr << "mos serve: " << assetError << "\n";
    return 1;
  }
  ::signal(SIGPIPE, SIG_IGN);  // a vanished client is a failed write, not the end

  ModelWatch watch(args.model, args.libraryPaths);
  ServerOptions options;
  options.port = args.port;
  HttpServer server(options);
  if (const std::string error = server.Listen(); !error.empty()) {
    std::cerr << "mos serve: " << error << "\n";
    return 1;
  }
  watch.Start();
  const ServeRoots& roots = watch.roots();
  const Handler handler = [&](const HttpRequest& request) -> Response {
    const std::string& path = request.path;
    if (path == "/" || path == "/index.html") return FileResponse(ResolveUnder(assets, "index.html"), "no-cache");
    if (path.rfind("/assets/", 0) == 0) return FileResponse(ResolveUnder(assets, path.substr(8)), "no-cache");
    if (path == "/api/model") {
      Response r;
      r.contentType = "application/json";
      r.body = watch.Json();
      r.extraHeaders = "Cache-Control: no-store\r\n";
      return r;
    }
    if (path == "/api/events") {
      Response r;
      if (request.method == "HEAD") return r;
      r.stream = [&watch](Connection& c) { StreamEvents(c, watch); };
      return r;
    }
    if (path.rfind("/files/", 0) == 0) {
      const std::size_t slash = path.find('/', 7);
      const std::string index = path.substr(7, slash == std::string::npos ? std::string::npos : slash - 7);
      if (slash == std::string::npos || index.empty() || index.size() > 3 ||
          index.find_first_not_of("0123456789") != std::string::npos)
        return Error(404, "Not Found");
      const std::size_t i = std::stoul(index);
      if (i >= roots.dirs.size()) return Error(404, "Not Found");
      return FileResponse(ResolveUnder(roots.dirs[i], path.substr(slash + 1)), "no-store");
    }
    return Error(404, "Not Found");
  };
  std::cout << "mos serve: http://127.0.0.1:" << server.port() << "/ serving " << args.model
            << " (Ctrl-C stops)" << std::endl;
  server.Run(handler);
  return 0;
}

}  // namespace mos::serve
