// dxf_dim() and dxf_cross(): values measured in a DXF drawing (read by
// importer::ParseDxf), with 2021.01's argument handling, warnings and
// result cache (a repeated call with the same file, layer, name, origin,
// scale and file time is answered from the cache without reading the
// file again, so the reader's warnings are not repeated either).
#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <mutex>

#include "eval/builtin_functions_internal.h"
#include "eval/script_files.h"
#include "importer/dxf_data.h"

namespace mos::eval::builtins {

namespace {

constexpr long long kMaxDxfBytes = 256LL << 20;
constexpr size_t kMaxCacheEntries = 4096;

struct DxfArgs {
  std::string file, layer, name;
  double originX = 0, originY = 0, scale = 1;
};

// Arguments by name, in order; anything else is "not supported".
DxfArgs ReadArgs(const BuiltinCall& call, bool withName) {
  DxfArgs a;
  for (const CallArgument& arg : call.args) {
    const Value& v = arg.value;
    if (arg.name == "file") {
      a.file = v.IsUndef() ? "" : v.ToStrString();
    } else if (arg.name == "layer") {
      a.layer = v.IsUndef() ? "" : v.ToStrString();
    } else if (arg.name == "name" && withName) {
      a.name = v.IsUndef() ? "" : v.ToStrString();
    } else if (arg.name == "origin") {
      double x, y;
      if (v.GetVec2(x, y) && std::isfinite(x) && std::isfinite(y)) {
        a.originX = x;
        a.originY = y;
      } else {
        Warn(call, std::string(call.name) + "(..., origin=" + v.ToEchoString() +
                       ") could not be converted");
      }
    } else if (arg.name == "scale") {
      if (v.IsNumber()) a.scale = v.AsNumber();
    } else {
      Warn(call, std::string(call.name) + "(..., " + arg.name + "=...) is not supported");
    }
  }
  return a;
}

// The drawing as import() finds it (beside the calling script, else in the
// document root, without import()'s deprecation line), absolute.
std::string ResolvePath(const BuiltinCall& call, const std::string& file) {
  std::string path = AbsolutePath(LocateScriptFile(file, call.span, call.log.MainDirectory()).path);
  call.log.NoteDataFile(path);
  return path;
}

std::mutex cacheMutex;
std::map<std::string, Value>& Cache() {
  static std::map<std::string, Value> cache;
  return cache;
}

std::string CacheKey(const char* fn, const std::string& path, const DxfArgs& a) {
  struct stat st {};
  long long mtime = 0, size = 0;
  if (stat(path.c_str(), &st) == 0) {
    mtime = static_cast<long long>(st.st_mtime);
    size = static_cast<long long>(st.st_size);
  }
  char numbers[128];
  std::snprintf(numbers, sizeof numbers, "%.17g|%.17g|%.17g|%lld|%lld", a.originX, a.originY,
                a.scale, mtime, size);
  return std::string(fn) + "|" + path + "|" + a.layer + "|" + a.name + "|" + numbers;
}

bool Cached(const std::string& key, Value& out) {
  std::lock_guard<std::mutex> lock(cacheMutex);
  auto it = Cache().find(key);
  if (it == Cache().end()) return false;
  out = it->second;
  return true;
}
void Remember(const std::string& key, const Value& v) {
  std::lock_guard<std::mutex> lock(cacheMutex);
  if (Cache().size() >= kMaxCacheEntries) Cache().clear();
  Cache()[key] = v;
}

// Reads and parses the drawing; false (with 2021.01's warning) when the
// file cannot be read.
bool Load(const BuiltinCall& call, const DxfArgs& a, const std::string& path,
          importer::DxfData& data) {
  std::string text;
  if (path.empty() || !importer::ReadTextFile(path, text, kMaxDxfBytes)) {
    Warn(call, "Can't open DXF file '" + a.file + "'!");
    return false;
  }
  importer::DxfOptions options;
  options.layer = a.layer;
  options.originX = a.originX;
  options.originY = a.originY;
  options.scale = a.scale;
  // 2021.01 reads the drawing with $fn = 36 here.
  options.fragments = [](double r) { return r < 1.0 / 1024 / 1024 ? 3 : 36; };
  options.displayName = a.file;
  options.fullPath = path;
  std::vector<std::string> warnings;
  data = importer::ParseDxf(text, options, warnings);
  for (const std::string& w : warnings) WarnNoLocation(call, w);
  return true;
}

Value DxfDim(const BuiltinCall& call) {
  const DxfArgs a = ReadArgs(call, true);
  const std::string path = ResolvePath(call, a.file);
  const std::string key = CacheKey("dim", path, a);
  Value cached;
  if (Cached(key, cached)) return cached;
  importer::DxfData data;
  if (!Load(call, a, path, data)) return Value();
  double value = 0;
  bool unsupportedType = false;
  if (importer::DxfDimensionValue(data, a.name, value, unsupportedType)) {
    Value v = Value::Number(value);
    Remember(key, v);
    return v;
  }
  if (unsupportedType)
    Warn(call, "Dimension '" + a.name + "' in '" + a.file + "', layer '" + a.layer +
                   "' has unsupported type!");
  else
    Warn(call, "Can't find dimension '" + a.name + "' in '" + a.file + "', layer '" + a.layer +
                   "'!");
  return Value();
}

Value DxfCross(const BuiltinCall& call) {
  const DxfArgs a = ReadArgs(call, false);
  const std::string path = ResolvePath(call, a.file);
  const std::string key = CacheKey("cross", path, a);
  Value cached;
  if (Cached(key, cached)) return cached;
  importer::DxfData data;
  if (!Load(call, a, path, data)) return Value();
  double x = 0, y = 0;
  if (importer::DxfCross(data, x, y)) {
    Value v = Value::Vector({Value::Number(x), Value::Number(y)});
    Remember(key, v);
    return v;
  }
  Warn(call, "Can't find cross in '" + a.file + "', layer '" + a.layer + "'!");
  return Value();
}

}  // namespace

void AddDxfFunctions(std::vector<BuiltinFunction>& out) {
  out.push_back({"dxf_dim", DxfDim, "dxf_dim(file, layer, name, origin, scale)"});
  out.push_back({"dxf_cross", DxfCross, "dxf_cross(file, layer, origin, scale)"});
}

}  // namespace mos::eval::builtins
