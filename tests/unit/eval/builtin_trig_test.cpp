// Trigonometric builtins in degrees. The table holds the exact doubles
// openscad 2021.01 returns: every entry was checked against it with
// `sin(a) == v && 1/sin(a) == 1/v` (so the sign of zero counts too).
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>

#include "value_test_helpers.h"

namespace mos::eval {
namespace {

using namespace testing;

constexpr double kInf = std::numeric_limits<double>::infinity();

struct TrigRow {
  double angle, sin, cos, tan;
};

const TrigRow kRows[] = {
    {-720, 0.0, 0x1.0000000000000p+0, 0.0},
    {-405, -0x1.6a09e667f3bcdp-1, 0x1.6a09e667f3bcdp-1, -0x1.0000000000000p+0},
    {-270, 0x1.0000000000000p+0, 0.0, kInf},
    {-180, -0.0, -0x1.0000000000000p+0, -0.0},
    {-135, -0x1.6a09e667f3bcdp-1, -0x1.6a09e667f3bcdp-1, 0x1.0000000000000p+0},
    {-90, -0x1.0000000000000p+0, -0.0, -kInf},
    {-60, -0x1.bb67ae8584caap-1, 0x1.0000000000000p-1, -0x1.bb67ae8584caap+0},
    {-45, -0x1.6a09e667f3bcdp-1, 0x1.6a09e667f3bcdp-1, -0x1.0000000000000p+0},
    {-30, -0x1.0000000000000p-1, 0x1.bb67ae8584caap-1, -0x1.279a74590331cp-1},
    {-0.1, -0x1.c98701025f245p-10, 0x1.ffffcce4c8e64p-1, -0x1.c9872eada799ap-10},
    {0, 0.0, 0x1.0000000000000p+0, 0.0},
    {1e-300, 0x1.7f00f350a8dddp-1003, 0x1.0000000000000p+0, 0x1.7f00f350a8dddp-1003},
    {0.1, 0x1.c98701025eb1fp-10, 0x1.ffffcce4c8e64p-1, 0x1.c9872eada7b64p-10},
    {1, 0x1.1df0b2b89dd1ep-6, 0x1.ffec097f5af8ap-1, 0x1.1dfbd9410a422p-6},
    {15, 0x1.0907dc1930690p-2, 0x1.ee8dd4748bf15p-1, 0x1.126145e9ecd56p-2},
    {29, 0x1.f071eedefa0edp-2, 0x1.bfce277d339c6p-1, 0x1.1bce655fbb9bfp-1},
    {30, 0x1.0000000000000p-1, 0x1.bb67ae8584caap-1, 0x1.279a74590331cp-1},
    {31, 0x1.07b3120fddf13p-1, 0x1.b6dea1e76eadep-1, 0x1.33a400c85af9dp-1},
    {44.9999, 0x1.6a09bcfecfac8p-1, 0x1.6a0a0fd113108p-1, 0x1.ffff8adf862b6p-1},
    {45, 0x1.6a09e667f3bcdp-1, 0x1.6a09e667f3bcdp-1, 0x1.0000000000000p+0},
    {45.00001, 0x1.6a09ea8c10aefp-1, 0x1.6a09e243d6be8p-1, 0x1.000005db3a074p+0},
    {59, 0x1.b6dea1e76eadep-1, 0x1.07b3120fddf13p-1, 0x1.aa0e385c196acp+0},
    {60, 0x1.bb67ae8584caap-1, 0x1.0000000000000p-1, 0x1.bb67ae8584caap+0},
    {61, 0x1.bfce277d339c6p-1, 0x1.f071eedefa0edp-2, 0x1.cdd612dd501f3p+0},
    {89, 0x1.ffec097f5af8ap-1, 0x1.1df0b2b89dd1ep-6, 0x1.ca51d76749a49p+5},
    {89.99999, 0x1.fffffffffff77p-1, 0x1.76ce7d8921e00p-23, 0x1.5db4a7cb4681ap+22},
    {90, 0x1.0000000000000p+0, 0.0, kInf},
    {91, 0x1.ffec097f5af8ap-1, -0x1.1df0b2b89dd1ep-6, -0x1.ca51d76749a49p+5},
    {120, 0x1.bb67ae8584caap-1, -0x1.0000000000000p-1, -0x1.bb67ae8584caap+0},
    {135, 0x1.6a09e667f3bcdp-1, -0x1.6a09e667f3bcdp-1, -0x1.0000000000000p+0},
    {150, 0x1.0000000000000p-1, -0x1.bb67ae8584caap-1, -0x1.279a74590331cp-1},
    {179, 0x1.1df0b2b89dd1ep-6, -0x1.ffec097f5af8ap-1, -0x1.1dfbd9410a422p-6},
    {180, -0.0, -0x1.0000000000000p+0, -0.0},
    {181, -0x1.1df0b2b89dd1ep-6, -0x1.ffec097f5af8ap-1, 0x1.1dfbd9410a422p-6},
    {210, -0x1.0000000000000p-1, -0x1.bb67ae8584caap-1, 0x1.279a74590331cp-1},
    {225, -0x1.6a09e667f3bcdp-1, -0x1.6a09e667f3bcdp-1, 0x1.0000000000000p+0},
    {240, -0x1.bb67ae8584caap-1, -0x1.0000000000000p-1, 0x1.bb67ae8584caap+0},
    {269, -0x1.ffec097f5af8ap-1, -0x1.1df0b2b89dd1ep-6, 0x1.ca51d76749a49p+5},
    {270, -0x1.0000000000000p+0, -0.0, -kInf},
    {271, -0x1.ffec097f5af8ap-1, 0x1.1df0b2b89dd1ep-6, -0x1.ca51d76749a49p+5},
    {300, -0x1.bb67ae8584caap-1, 0x1.0000000000000p-1, -0x1.bb67ae8584caap+0},
    {315, -0x1.6a09e667f3bcdp-1, 0x1.6a09e667f3bcdp-1, -0x1.0000000000000p+0},
    {330, -0x1.0000000000000p-1, 0x1.bb67ae8584caap-1, -0x1.279a74590331cp-1},
    {359, -0x1.1df0b2b89dd1ep-6, 0x1.ffec097f5af8ap-1, -0x1.1dfbd9410a422p-6},
    {360, 0.0, 0x1.0000000000000p+0, 0.0},
    {361, 0x1.1df0b2b89dd1ep-6, 0x1.ffec097f5af8ap-1, 0x1.1dfbd9410a422p-6},
    {390, 0x1.0000000000000p-1, 0x1.bb67ae8584caap-1, 0x1.279a74590331cp-1},
    {405, 0x1.6a09e667f3bcdp-1, 0x1.6a09e667f3bcdp-1, 0x1.0000000000000p+0},
    {450, 0x1.0000000000000p+0, 0.0, kInf},
    {540, -0.0, -0x1.0000000000000p+0, -0.0},
    {630, -0x1.0000000000000p+0, -0.0, -kInf},
    {10000000000.0, -0x1.f838b8c811c17p-1, 0x1.63a1a7e0b7389p-3, -0x1.6af648056a133p+2},
    {-10000000000.0, 0x1.f838b8c811c17p-1, 0x1.63a1a7e0b7389p-3, 0x1.6af648056a133p+2},
    {12345.6, 0x1.ed23a4da41340p-1, -0x1.135fb7ab27b5cp-2, -0x1.ca71c9bd7b659p+1},
    {-95.241, -0x1.fddc069834ea2p-1, -0x1.76266192c4be4p-4, 0x1.5cdad915421bcp+3},
    {119.545, 0x1.bd6c88e187b57p-1, -0x1.f8f10985814f8p-2, -0x1.c3a682a56c6b4p+0},
    {848.421, 0x1.91226bf80d661p-1, -0x1.3e2cb9af5ed88p-1, -0x1.42bfa025cc282p+0},
    {-68.7, -0x1.dd06a1f0e669cp-1, 0x1.73f8216c73eb1p-2, -0x1.484d92ed03184p+1},
    {15.683, 0x1.14cd66fe9aab6p-2, 0x1.ecf0735d52d2ep-1, 0x1.1f816fe947f98p-2},
    {174.77, 0x1.755de8abad0a0p-4, -0x1.fdde526c67d1ep-1, -0x1.76ed7f954fb5cp-4},
    {-630.679, 0x1.fff6cbd10aeb0p-1, 0x1.845144a6d533cp-7, 0x1.5183ba79770d2p+6},
    {23.817, 0x1.9d822387b2a25p-2, 0x1.d465e4fd68bbfp-1, 0x1.c40033c8f2bb8p-2},
    {259.765, -0x1.f7da48b176a1ap-1, -0x1.6be6983a81809p-3, 0x1.62745e0eb5e09p+2},
    {585.954, -0x1.70042d149c08fp-1, -0x1.63f5edff3e611p-1, 0x1.08ab918ae324dp+0},
    {-811.753, -0x1.ffc2a834c7fbap-1, -0x1.f53351998203dp-6, 0x1.0564cb4550aabp+5},
    {-393.197, -0x1.185476ce97349p-1, 0x1.ac70213c0da82p-1, -0x1.4f014fe12ee76p-1},
    {-818.659, -0x1.fa2a0658810dep-1, -0x1.34555b57b0c29p-3, 0x1.a440bfea3bbfep+2},
    {619.289, -0x1.f714599818aeap-1, -0x1.7ca1aebe8fe61p-3, 0x1.525ab6f63c98dp+2},
    {386.877, 0x1.ceed3098b1906p-2, 0x1.c8b17b461c346p-1, 0x1.037e79eee835cp-1},
    {-916.239, 0x1.1e5b2da3bef34p-2, -0x1.eb92b19e0095cp-1, -0x1.2a41684c7d313p-2},
    {964.387, -0x1.cdb023d2b008dp-1, -0x1.baaa52c68e1a8p-2, 0x1.0b0049bad0772p+1},
    {929.516, -0x1.f87d973093d99p-2, -0x1.bd8d3bc95a9c3p-1, 0x1.21dd4bb64c4f1p-1},
    {307.845, -0x1.94501227e1f39p-1, 0x1.3a2045212ff6dp-1, -0x1.497f9f2a4aa9cp+0},
    {231.125, -0x1.8e99ca4111cc8p-1, -0x1.4157db8b4c9c8p-1, 0x1.3d8c35a78e976p+0},
    {-685.012, 0x1.2595526a7642bp-1, 0x1.a377a3d8245c7p-1, 0x1.6658b28f8397cp-1},
    {-969.999, 0x1.e11e9bd757e7ap-1, -0x1.5e3ed3ea21d34p-2, -0x1.5fa87386836a6p+1},
    {56.763, 0x1.ac3e008668861p-1, 0x1.18a1048c9d760p-1, 0x1.86a87dd25889dp+0},
    {-880.898, -0x1.4f1adb0ca563cp-2, -0x1.e3ced8bc86b9fp-1, 0x1.62a1bf2e03b98p-2},
    {-619.583, 0x1.f78fa75e89bddp-1, -0x1.724d056f14098p-3, -0x1.5c2075c57c586p+2},
    {-516.114, -0x1.9ea2df17d68e2p-2, -0x1.d42610f80ad4ep-1, 0x1.c5799b6472986p-2},
    {-939.835, 0x1.47f9f5107490ap-1, -0x1.89292ff5e0b04p-1, -0x1.ab1cca427299bp-1},
    {-72.131, -0x1.e74d29021fd55p-1, 0x1.3a34b6a2517e7p-2, -0x1.8d07ab604d9c9p+1},
    {-118.938, -0x1.c012d971e54c8p-1, -0x1.ef79c204fc2cdp-2, 0x1.cf0462ba96b67p+0},
    {684.854, -0x1.26bd28ba4fbf4p-1, 0x1.a2a7fa0484a61p-1, -0x1.68743e387046bp-1},
};

// Same double, bit for bit (distinguishes -0 from 0).
bool SameBits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

double Eval(Site& s, const char* name, double x) { return s.Call(name, {N(x)}).AsNumber(); }

TEST(BuiltinTrig, ExactValuesOf2021) {
  Site s;
  for (const TrigRow& r : kRows) {
    EXPECT_TRUE(SameBits(Eval(s, "sin", r.angle), r.sin)) << "sin(" << r.angle << ")";
    EXPECT_TRUE(SameBits(Eval(s, "cos", r.angle), r.cos)) << "cos(" << r.angle << ")";
    EXPECT_TRUE(SameBits(Eval(s, "tan", r.angle), r.tan)) << "tan(" << r.angle << ")";
  }
  EXPECT_EQ(s.Lines(), "");
}

TEST(BuiltinTrig, EchoedValues) {
  Site s;
  EXPECT_EQ(s.Echo("sin", {N(180)}), "0");
  EXPECT_EQ(s.Echo("sin", {N(30)}), "0.5");
  EXPECT_EQ(s.Echo("sin", {N(45)}), "0.707107");
  EXPECT_EQ(s.Echo("cos", {N(90)}), "0");
  EXPECT_EQ(s.Echo("tan", {N(45)}), "1");
  EXPECT_EQ(s.Echo("tan", {N(90)}), "inf");
  EXPECT_EQ(s.Echo("tan", {N(135)}), "-1");
  EXPECT_EQ(s.Echo("sin", {N(INFINITY)}), "nan");
  EXPECT_EQ(s.Echo("cos", {N(NAN)}), "nan");
}

TEST(BuiltinTrig, Inverse) {
  Site s;
  EXPECT_EQ(s.Call("asin", {N(0.5)}).AsNumber(), 30);
  EXPECT_EQ(s.Call("asin", {N(-0.5)}).AsNumber(), -30);
  EXPECT_EQ(s.Call("acos", {N(0.5)}).AsNumber(), 60);
  EXPECT_EQ(s.Call("acos", {N(-0.5)}).AsNumber(), 120);
  // Otherwise radians * (180 / pi), checked against 2021.01 for these.
  EXPECT_EQ(s.Call("asin", {N(0.3)}).AsNumber(), std::asin(0.3) * (180 / M_PI));
  EXPECT_EQ(s.Call("acos", {N(0.7)}).AsNumber(), std::acos(0.7) * (180 / M_PI));
  EXPECT_EQ(s.Echo("atan", {N(1)}), "45");
  EXPECT_EQ(s.Echo("atan", {N(-1)}), "-45");
  EXPECT_EQ(s.Echo("atan", {N(INFINITY)}), "90");
  EXPECT_EQ(s.Echo("asin", {N(2)}), "nan");
  EXPECT_EQ(s.Echo("acos", {N(-1)}), "180");
  EXPECT_EQ(s.Echo("asin", {N(1)}), "90");
  EXPECT_EQ(s.Echo("acos", {N(0)}), "90");
  EXPECT_EQ(s.Echo("atan2", {N(1), N(1)}), "45");
  EXPECT_EQ(s.Echo("atan2", {N(0), N(-1)}), "180");
  EXPECT_EQ(s.Echo("atan2", {N(-0.0), N(-1)}), "-180");
  EXPECT_EQ(s.Echo("atan2", {N(-1), N(0)}), "-90");
  EXPECT_EQ(s.Echo("atan2", {N(0), N(0)}), "0");
  EXPECT_EQ(s.Call("atan2", {N(5), N(1e-3)}).AsNumber(), std::atan2(5, 1e-3) * (180 / M_PI));
  EXPECT_EQ(s.Lines(), "");
}

TEST(BuiltinTrig, Warnings) {
  Site s;
  EXPECT_EQ(s.Echo("sin", {S("a")}), "undef");
  EXPECT_EQ(s.Echo("sin", {}), "undef");
  EXPECT_EQ(s.Echo("sin", {N(1), N(2)}), "undef");
  EXPECT_EQ(s.Echo("atan2", {N(1)}), "undef");
  EXPECT_EQ(s.Echo("atan2", {S("a"), N(1)}), "undef");
  EXPECT_EQ(s.Echo("asin", {S("x")}), "undef");
  EXPECT_EQ(s.Lines(), W("sin() parameter could not be converted") + "\n" +
                           W("sin() number of parameters does not match") + "\n" +
                           W("sin() number of parameters does not match") + "\n" +
                           W("atan2() number of parameters does not match") + "\n" +
                           W("atan2() parameter could not be converted") + "\n" +
                           W("asin() parameter could not be converted"));
}

}  // namespace
}  // namespace mos::eval
