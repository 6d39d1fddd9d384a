// libFuzzer target: importer::ParseDxf on arbitrary text, then what
// import(), dxf_dim() and dxf_cross() take from it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "importer/dxf_data.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  mos::importer::DxfOptions options;
  options.fragments = [](double r) { return r < 1e-6 ? 3 : (r > 1e3 ? 1000 : 36); };
  options.displayName = "fuzz.dxf";
  options.fullPath = "/fuzz.dxf";
  options.maxSegments = 20000;  // keeps executions fast; the bound itself is what is tested
  std::vector<std::string> warnings;
  auto d = mos::importer::ParseDxf(std::string_view(reinterpret_cast<const char*>(data), size),
                                   options, warnings);
  auto outlines = mos::importer::DxfOutlines(d);
  double v = 0, x = 0, y = 0;
  bool unsupported = false;
  mos::importer::DxfDimensionValue(d, "", v, unsupported);
  mos::importer::DxfCross(d, x, y);
  return 0;
}
