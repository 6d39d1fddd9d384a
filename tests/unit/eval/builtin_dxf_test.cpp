// dxf_dim() and dxf_cross() on drawings written by the test: values,
// 2021.01's warnings, and the cache that keeps repeated calls quiet.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <string>

#include "value_test_helpers.h"

namespace mos::eval {
namespace {

struct DxfSite : mos::eval::testing::Site {
  std::string dir = ::testing::TempDir();
  DxfSite() {
    span.file = std::make_shared<const std::string>(dir + "/t.scad");
    log.SetMainDirectory(dir);
  }
  Value Named(const std::string& name, std::vector<CallArgument> args) {
    const BuiltinFunction* f = FindBuiltinFunction(name);
    BuiltinCall call{f->name, args, span, log};
    return f->impl(call);
  }
};

void Write(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

TEST(BuiltinDxf, DimensionAndCross) {
  DxfSite s;
  Write(s.dir + "/dims.dxf",
        "0\nSECTION\n2\nENTITIES\n"
        "0\nDIMENSION\n8\n0\n70\n1\n1\nw\n13\n0\n23\n0\n14\n3\n24\n4\n"
        "0\nLINE\n8\nc\n10\n0\n20\n0\n11\n10\n21\n10\n"
        "0\nLINE\n8\nc\n10\n0\n20\n10\n11\n10\n21\n0\n"
        "0\nLEADER\n8\n0\n0\nENDSEC\n0\nEOF\n");
  Value w = s.Named("dxf_dim", {{"file", Value::String("dims.dxf")}, {"name", Value::String("w")},
                                {"scale", Value::Number(2)}});
  EXPECT_EQ(w.ToEchoString(), "10");
  EXPECT_EQ(s.Lines(), "WARNING: Unsupported DXF Entity 'LEADER' (1) in \"dims.dxf\".");
  // The same call again comes from the cache: no second warning.
  s.Named("dxf_dim", {{"file", Value::String("dims.dxf")}, {"name", Value::String("w")},
                      {"scale", Value::Number(2)}});
  EXPECT_EQ(s.log.Lines().size(), 1u);
  Value c = s.Named("dxf_cross", {{"file", Value::String("dims.dxf")},
                                  {"layer", Value::String("c")},
                                  {"origin", Value::Vector({Value::Number(1), Value::Number(0)})}});
  EXPECT_EQ(c.ToEchoString(), "[4, 5]");
}

TEST(BuiltinDxf, WarningsAsIn2021) {
  DxfSite s;
  Value v = s.Named("dxf_cross", {{"file", Value::String("missing.dxf")},
                                  {"origin", Value::Vector({Value::Number(INFINITY)})},
                                  {"bogus", Value::Number(1)}});
  EXPECT_TRUE(v.IsUndef());
  EXPECT_EQ(s.Lines(),
            "WARNING: dxf_cross(..., origin=[inf]) could not be converted in file t.scad, line 2\n"
            "WARNING: dxf_cross(..., bogus=...) is not supported in file t.scad, line 2\n"
            "WARNING: Can't open DXF file 'missing.dxf'! in file t.scad, line 2");
  DxfSite t;
  Write(t.dir + "/empty.dxf", "0\nSECTION\n2\nENTITIES\n0\nENDSEC\n0\nEOF\n");
  t.Named("dxf_dim", {{"file", Value::String("empty.dxf")}, {"name", Value::String("x")}});
  EXPECT_EQ(t.Lines(),
            "WARNING: Can't find dimension 'x' in 'empty.dxf', layer ''! in file t.scad, line 2");
}

}  // namespace
}  // namespace mos::eval
