// Trigonometric builtins in degrees. The table holds the exact doubles
// openscad 2021.01 returns: every entry was checked against it with
// `sin(a) == v && 1/sin(a) == 1/v` (so the sign of zero counts too).
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <ios>
#include <limits>
#include <string>

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

// 300 of 14202 inverse-function cases (arguments from integer angles,
// perturbed by a few ulps, scaled atan2 pairs, random values) with the
// exact doubles openscad 2021.01 returns; all 14202 were compared when this
// was written.
struct InverseRow {
  const char* name;
  double x, y, expected;  // y only for atan2
};
const InverseRow kInverseRows[] = {
    {"atan2", 0x1.f0ca99f79ba25p-1, -0x1.ef74bf2e4b91dp-3, 0x1.a000000000000p+6},
    {"acos", 0x1.c0e45dabe05cbp-2, 0, 0x1.ffffffffffffep+5},
    {"acos", -0x1.dab7d7997cb57p-1, 0, 0x1.3c00000000000p+7},
    {"atan2", -0x1.14ef39ff38c27p+0, 0x1.c4e7eb2ff5de3p+1, -0x1.1000000000000p+4},
    {"asin", 0x1.cebdd3eb83d70p-4, 0, 0x1.9f2771470929bp+2},
    {"asin", 0x1.704d4e6a54d11p-1, 0, 0x1.6ffffffffffcdp+5},
    {"atan2", 0x1.0b4f40f5bd90ap+2, -0x1.c7e0d9c323e64p+1, 0x1.04e8d61a051c6p+7},
    {"asin", 0x1.901bd2298ffaap-2, 0, 0x1.6ffffffffffffp+4},
    {"asin", 0x1.c83201d3d2c6cp-1, 0, 0x1.f7ffffffffffep+5},
    {"atan2", 0x1.bfce277d339c9p-1, 0x1.f071eedefa0edp-2, 0x1.e800000000000p+5},
    {"atan2", -0x1.ccb3236cdc674p-3, -0x1.f2e0a214e870fp-1, -0x1.4e00000000000p+7},
    {"asin", -0x1.ed4cb29145854p-2, 0, -0x1.ccc892aebea08p+4},
    {"atan2", 0x1.0f5193eacdd2bp-1, 0x1.b2335c2cda945p-1, 0x1.0000000000000p+5},
    {"atan2", 0x1.f32d44c4f62fbp-4, -0x1.fc2f025a23e8bp-1, 0x1.5a00000000000p+7},
    {"atan2", -0x1.b3f37b32911f1p+1, 0x1.7219bc000b94bp+0, -0x1.0c00000000000p+6},
    {"atan2", 0x1.ad3a34c90cd81p+1, -0x1.904dd4179d34dp+0, 0x1.cc00000000009p+6},
    {"atan2", -0x1.063718c3aa762p-18, -0x1.34dec3cbc05dbp-17, -0x1.3a00000000000p+7},
    {"atan2", -0x1.e41b02bfeb4ccp-1, -0x1.4d61bd000cddcp-2, -0x1.b400000000000p+6},
    {"atan", 0x1.3c2238553dcf2p+0, 0, 0x1.9800000000003p+5},
    {"atan2", -0x1.001978ba623c2p-19, 0x1.4961220bfd53fp-17, -0x1.6000000000000p+3},
    {"asin", 0x1.16daed77076f5p-1, 0, 0x1.07fffffffffd5p+5},
    {"atan2", -0x1.371c7c9569e56p-17, 0x1.f6c9d86c9797fp-19, -0x1.1000000000000p+6},
    {"atan", -0x1.f6ecf19881d2fp-4, 0, -0x1.bffffffffffffp+2},
    {"atan2", 0x1.34dec3cbc05f5p-17, 0x1.063718c3aa764p-18, 0x1.0c00000000008p+6},
    {"atan2", -0x1.54ade888c1aa3p+1, -0x1.48fd7e069373cp+1, -0x1.0c00000000000p+7},
    {"atan", 0x1.9414813ba662cp+2, 0, 0x1.4400000000000p+6},
    {"atan2", -0x1.d74c6982c6647p-1, 0x1.901bd2298ffabp-2, -0x1.0bffffffffff9p+6},
    {"asin", -0x1.ac2609b3c576cp-4, 0, -0x1.8000000000000p+2},
    {"acos", -0x1.c83201d3d2c6ep-1, 0, 0x1.3200000000001p+7},
    {"atan", -0x1.c76237b025b0ep+2, 0, -0x1.4800000000003p+6},
    {"atan2", 0x1.8c0995c649dabp-2, 0x1.d7016d0329331p+1, 0x1.8000000000000p+2},
    {"atan2", -0x1.0bfa4497d13a2p-17, 0x1.93df08a108a8fp-18, -0x1.a800000000000p+5},
    {"atan2", -0x1.fb046a93094a2p-1, -0x1.1d06c968d9e19p-3, -0x1.8800000000000p+6},
    {"atan2", 0x1.86c6ddd76624fp-3, -0x1.f697d6938b6c2p-1, 0x1.5200000000000p+7},
    {"asin", -0x1.acbc748efc90bp-5, 0, -0x1.7fffffffffffep+1},
    {"asin", -0x1.e6f0e134454d7p-1, 0, -0x1.1ffffffffffc6p+6},
    {"acos", -0x1.f2e0a214e8710p-1, 0, 0x1.4e00000000002p+7},
    {"asin", 0x1.98b98512b3e28p-1, 0, 0x1.a7bcbca2a0cb4p+5},
    {"atan2", -0x1.f5f084d8c98dep+0, -0x1.91a2b54316fc7p+1, -0x1.2800000000008p+7},
    {"acos", -0x1.d0e2e2b44ddffp-2, 0, 0x1.d400000000000p+6},
    {"asin", 0x1.f697d6938b69ap-1, 0, 0x1.3bfffffffffa3p+6},
    {"atan2", 0x1.d0e60ce2142aap+1, -0x1.6977f39a71af0p-1, 0x1.9400000000000p+6},
    {"atan2", 0x1.f6c9d86c979b3p-19, 0x1.371c7c9569e55p-17, 0x1.6000000000021p+4},
    {"acos", -0x1.16daed77076f5p-1, 0, 0x1.ebfffffffffebp+6},
    {"atan", 0x1.bb67ae8584cabp+0, 0, 0x1.e000000000001p+5},
    {"asin", -0x0.0000000000028p-1022, 0, -0x0.00000000008f4p-1022},
    {"atan2", -0x1.76bb018dcac3dp-22, -0x1.4f5704b3336bep-17, -0x1.6400000000000p+7},
    {"atan2", -0x1.fe0d3b418159fp-1, 0x1.64fd6b8c28102p-4, -0x1.5400000000000p+6},
    {"asin", 0x1.1d06c968d9e41p-3, 0, 0x1.0000000000024p+3},
    {"asin", -0x1.fb046a930947bp-1, 0, -0x1.4800000000005p+6},
    {"acos", -0x1.0907dc193068dp-2, 0, 0x1.a400000000000p+6},
    {"atan2", -0x1.441c658d2dbfep-17, -0x1.5b618bf766873p-19, -0x1.a400000000005p+6},
    {"atan2", -0x1.82694b4a11c5fp-1, 0x1.4fe6f81384fd4p-1, -0x1.8800000000018p+5},
    {"asin", -0x1.342119455beb6p-1, 0, -0x1.2800000000000p+5},
    {"acos", 0x0.0000000000028p-1022, 0, 0x1.6800000000000p+6},
    {"atan2", 0x1.d0079302dd78fp-1, 0x1.b0c2d77379853p-2, 0x1.0400000000007p+6},
    {"atan2", 0x1.8de613515a328p-1, -0x1.4236484487abdp-1, 0x1.0200000000000p+7},
    {"acos", -0x1.0907dc1930691p-2, 0, 0x1.a400000000001p+6},
    {"atan2", -0x1.4f159fb4c0995p-17, 0x1.18f9fd94ad0efp-21, -0x1.5c00000000000p+6},
    {"atan", 0x1.c76237b025b0ep+2, 0, 0x1.4800000000003p+6},
    {"atan2", 0x1.704d4e6a54d11p-1, -0x1.63aa430e07310p-1, 0x1.0c00000000007p+7},
    {"atan2", -0x1.4f7e43562abe3p-17, -0x1.76c99e7a36a68p-23, -0x1.6c00000000000p+6},
    {"asin", -0x1.ac2609b3c5744p-4, 0, -0x1.7ffffffffffdcp+2},
    {"atan2", -0x1.63aa430e0730fp-1, 0x1.704d4e6a54d39p-1, -0x1.6000000000000p+5},
    {"acos", -0x1.f9b24942fe484p-1, 0, 0x1.560000000003ap+7},
    {"atan2", -0x1.71f44638bbefdp-19, 0x1.428bc03d8aab9p-17, -0x1.0000000000000p+4},
    {"asin", 0x1.4060b67a85376p-3, 0, 0x1.2000000000001p+3},
    {"atan2", -0x1.ee8dd4748bf12p-1, -0x1.0907dc1930690p-2, -0x1.a400000000000p+6},
    {"acos", -0x1.a07f921061ad2p-2, 0, 0x1.c800000000001p+6},
    {"asin", -0x1.bb67ae8584cabp-1, 0, -0x1.e000000000001p+5},
    {"acos", -0x1.bfce277d3399ep-1, 0, 0x1.2dfffffffffedp+7},
    {"atan2", -0x1.4559a896b7b3dp-18, 0x1.257942c1f470bp-17, -0x1.d000000000000p+4},
    {"atan2", -0x1.5d2ee398c9c2cp-1, 0x1.7673fe0c86982p-1, -0x1.5800000000000p+5},
    {"asin", -0x1.899e782f8c818p-1, 0, -0x1.91f5f7568e01cp+5},
    {"atan2", 0x1.fe0d3b41815a2p-1, -0x1.64fd6b8c28102p-4, 0x1.7c00000000000p+6},
    {"atan2", 0x1.d8f3714e4ae75p+1, 0x1.8c94b89ddcd2dp-3, 0x1.5c00000000000p+6},
    {"atan2", -0x1.1df0b2b89dd1bp-6, -0x1.ffec097f5af8ap-1, -0x1.6600000000000p+7},
    {"asin", 0x1.ffec097f5af62p-1, 0, 0x1.63ffffffffc05p+6},
    {"atan2", 0x1.04c4546c09a1dp-17, -0x1.a6546b80925eap-18, 0x1.0200000000000p+7},
    {"asin", 0x1.3b37fb1bdc961p-1, 0, 0x1.300000000002ep+5},
    {"atan", -0x1.f3702bf455cf4p-2, 0, -0x1.a000000000000p+4},
    {"atan2", -0x1.0000000000000p-1, -0x1.bb67ae8584caap-1, -0x1.2c00000000000p+7},
    {"asin", -0x1.4236484487abep-1, 0, -0x1.3800000000001p+5},
    {"asin", -0x1.3c6ef372fe94fp-2, 0, -0x1.2000000000000p+4},
    {"atan", -0x1.42d6db5becd00p-3, 0, -0x1.1ea96ee504fd8p+3},
    {"atan", -0x1.bd1326bb88d0ep-1, 0, -0x1.47ffffffffffep+5},
    {"atan2", 0x1.a6546b80925eap-18, 0x1.04c4546c09a1dp-17, 0x1.3800000000000p+5},
    {"atan", -0x1.dd729e0bf9cb4p-1, 0, -0x1.57fffffffffffp+5},
    {"atan2", -0x1.93df08a108ac4p-18, 0x1.0bfa4497d13a2p-17, -0x1.280000000001dp+5},
    {"atan2", -0x1.4db4c7c2bd8dcp-17, -0x1.189769ba37d89p-20, -0x1.8000000000000p+6},
    {"acos", 0x1.8de613515a327p-1, 0, 0x1.3800000000001p+5},
    {"atan2", 0x1.25abcf87c4977p-1, 0x1.a367e59158747p-1, 0x1.1800000000000p+5},
    {"atan2", 0x1.a6546b80925ecp-18, -0x1.04c4546c09a1dp-17, 0x1.1a00000000000p+7},
    {"acos", -0x1.63a1a7e0b7388p-3, 0, 0x1.9000000000000p+6},
    {"atan2", -0x1.1b9d43b73d0cep-18, -0x1.301b3f00f9fedp-17, -0x1.35ffffffffffcp+7},
    {"acos", 0x1.c0e45dabe05a0p-2, 0, 0x1.000000000000ap+6},
    {"atan2", -0x1.48f5881643146p-1, -0x1.d267aaec439fcp+1, -0x1.5400000000000p+7},
    {"asin", 0x1.4d61bd000cdb4p-2, 0, 0x1.2ffffffffffdbp+4},
    {"acos", 0x1.e9a0c6e7bdb1fp-1, 0, 0x1.1000000000000p+4},
    {"atan", 0x1.380c2ddc18960p+4, 0, 0x1.5c4253f1807c2p+6},
    {"asin", 0x1.1db8f6d6a5127p-4, 0, 0x1.ffffffffffffep+1},
    {"atan2", -0x1.07a6471a96570p-1, -0x1.d4fdaf619bc8bp+1, -0x1.5800000000000p+7},
    {"atan", 0x1.5fad570f872d8p+1, 0, 0x1.1800000000000p+6},
    {"atan2", 0x1.087ea5512b956p-4, -0x1.d98722629a8c6p+1, 0x1.6600000000000p+7},
    {"atan2", 0x1.d2221e7a57ee7p-20, 0x1.4a725782df276p-17, 0x1.3ffffffffffddp+3},
    {"atan2", -0x1.ef74bf2e4b945p-3, 0x1.f0ca99f79ba25p-1, -0x1.c000000000023p+3},
    {"atan", -0x1.445f0fbb1cf8ep-3, 0, -0x1.1fffffffffffdp+3},
    {"atan2", 0x1.4d0b10b2598fbp-17, 0x1.4723f99f791c9p-20, 0x1.4c00000000000p+6},
    {"atan", 0x1.c07856fe004c0p+3, 0, 0x1.57acb2e6a02d4p+6},
    {"asin", -0x1.1db8f6d6a5127p-4, 0, -0x1.ffffffffffffep+1},
    {"atan2", 0x1.9f39a3722f88cp+0, 0x1.a9ab3a6e2f488p+1, 0x1.a000000000000p+4},
    {"atan2", -0x1.e0fe4a342b30ep-19, -0x1.3941f2b01dd1ep-17, -0x1.3e00000000000p+7},
    {"acos", -0x1.9376253f463a9p-1, 0, 0x1.1bffffffffff2p+7},
    {"atan", 0x1.c76237b025ae5p+2, 0, 0x1.4800000000000p+6},
    {"atan2", 0x1.cb8834d1d65c8p+1, -0x1.ca4bfda46c4d5p-1, 0x1.a000000000000p+6},
    {"atan2", -0x1.4f7e43562abe6p-17, -0x1.76c99e7a36a68p-23, -0x1.6c00000000000p+6},
    {"atan", 0x1.605a90c73ab79p+0, 0, 0x1.b000000000000p+5},
    {"acos", -0x1.ec2a7e35e7b7dp-1, 0, 0x1.47ffffffffffep+7},
    {"atan2", -0x1.dab7d7997cb57p-1, 0x1.7f98deee59681p-2, -0x1.1000000000000p+6},
    {"atan", -0x1.184ab8bbe0c50p+4, 0, -0x1.5aee8011124f9p+6},
    {"acos", 0x1.bb67ae8584cd2p-1, 0, 0x1.dffffffffff72p+4},
    {"asin", -0x1.901bd2298ffabp-2, 0, -0x1.7000000000000p+4},
    {"atan2", 0x1.98e6c0ea27a17p-1, 0x1.342119455beb6p-1, 0x1.a800000000000p+5},
    {"atan", -0x1.60976af8c15ebp-2, 0, -0x1.2ffffffffffe0p+4},
    {"atan2", 0x1.1f9e1c480b962p-17, 0x1.59a2de159dc8cp-18, 0x1.d800000000000p+5},
    {"atan2", -0x1.b0a7b6845ef9ep+1, 0x1.8142cd825a59bp+0, -0x1.0800000000000p+6},
    {"atan2", 0x1.f32d44c4f62d6p-4, -0x1.fc2f025a23e8bp-1, 0x1.5a00000000000p+7},
    {"asin", 0x1.07b3120fddf13p-1, 0, 0x1.f000000000000p+4},
    {"atan", 0x1.267e8b3f5da82p+0, 0, 0x1.8800000000001p+5},
    {"atan2", 0x1.ffb0278bf058fp-1, 0x1.1de58c9f7dc27p-5, 0x1.6000000000000p+6},
    {"acos", -0x1.e41b02bfeb4cap-1, 0, 0x1.41fffffffffffp+7},
    {"acos", -0x1.fec0b7170fff6p-1, 0, 0x1.6000000000000p+7},
    {"acos", 0x1.ef0cbf135a7b8p-1, 0, 0x1.d917901476dc9p+3},
    {"atan2", -0x1.ccb3236cdc676p-3, 0x1.f2e0a214e870fp-1, -0x1.a000000000000p+3},
    {"acos", -0x1.99f27b21edf54p-1, 0, 0x1.1e63cab0f1405p+7},
    {"atan2", -0x1.704d4e6a54d61p-1, 0x1.63aa430e07310p-1, -0x1.7000000000019p+5},
    {"atan", 0x1.25a0951873b4ap-2, 0, 0x1.0000000000021p+4},
    {"atan", 0x1.391176b8feb5ap-2, 0, 0x1.1000000000000p+4},
    {"acos", -0x1.82694b4a11c34p-1, 0, 0x1.15fffffffffffp+7},
    {"atan2", -0x1.4e447914e49fbp-17, 0x1.d3e9f0d33b25ap-21, -0x1.5400000000000p+6},
    {"asin", -0x1.b0c2d77379854p-2, 0, -0x1.9000000000001p+4},
    {"atan2", 0x1.7a3bd8d897ddep+1, 0x1.1d05042cf5069p+1, 0x1.a800000000015p+5},
    {"atan2", 0x1.fb046a930947dp-1, -0x1.1d06c968d9e19p-3, 0x1.8800000000000p+6},
    {"atan2", -0x1.5b618bf766872p-19, 0x1.441c658d2dc18p-17, -0x1.e000000000000p+3},
    {"asin", -0x1.d74c6982c666cp-1, 0, -0x1.0bffffffffffdp+6},
    {"atan2", -0x1.262f96ed52bcap-18, 0x1.2d95d218fea3dp-17, -0x1.a000000000020p+4},
    {"atan", -0x1.6d9b1b96ce0ffp+0, 0, -0x1.b7fffffffffe8p+5},
    {"acos", -0x1.8836fa2cf503ap-1, 0, 0x1.1800000000001p+7},
    {"atan2", 0x1.b71d4107935b1p+1, 0x1.62d3ce3612b38p+0, 0x1.1000000000000p+6},
    {"atan2", -0x1.36b5a578749fdp+1, -0x1.656e3271506e6p+1, -0x1.15ffffffffff9p+7},
    {"atan2", -0x1.9d29d6092852cp-18, 0x1.08699bba624bfp-17, -0x1.3000000000000p+5},
    {"atan2", 0x1.5ff41152fdd66p+1, -0x1.3ce6771f77e28p+1, 0x1.07ffffffffffap+7},
    {"atan2", -0x1.16600641fc065p+1, 0x1.7f2683cb95be9p+1, -0x1.2000000000000p+5},
    {"atan2", -0x1.36b5a578749d5p+1, 0x1.656e3271506e6p+1, -0x1.4800000000000p+5},
    {"atan2", -0x1.4a725782df25cp-17, -0x1.d2221e7a57f1bp-20, -0x1.9000000000004p+6},
    {"atan2", -0x1.d512574949082p+1, -0x1.034d8ea03e3dcp+2, -0x1.13be01d6b6c3cp+7},
    {"atan2", -0x1.80ebae728c33ep-18, -0x1.12dc9ff3c64c8p-17, -0x1.2200000000000p+7},
    {"acos", -0x1.0907dc19306b8p-2, 0, 0x1.a40000000000ap+6},
    {"atan2", -0x1.34dec3cbc05c1p-17, -0x1.063718c3aa764p-18, -0x1.c400000000007p+6},
    {"atan2", 0x1.639f6fb657c34p-18, -0x1.1c8ec6da4d8c6p-17, 0x1.27ffffffffff9p+7},
    {"atan2", 0x1.704d4e6a54d3ap-1, -0x1.63aa430e07310p-1, 0x1.0c00000000000p+7},
    {"acos", 0x1.8de613515a328p-1, 0, 0x1.3800000000000p+5},
    {"acos", 0x1.8836fa2cf503cp-1, 0, 0x1.3fffffffffffcp+5},
    {"atan", 0x1.a2ab4c7136720p+1, 0, 0x1.2400000000000p+6},
    {"asin", 0x1.0f5193eacdd29p-1, 0, 0x1.ffffffffffffdp+4},
    {"atan2", -0x1.f6c9d86c9797fp-19, -0x1.371c7c9569e55p-17, -0x1.3c00000000000p+7},
    {"atan", 0x1.73fd61d9df51bp-1, 0, 0x1.1ffffffffffe9p+5},
    {"atan2", 0x1.4f159fb4c097ap-17, -0x1.18f9fd94ad0efp-21, 0x1.7400000000000p+6},
    {"asin", 0x1.c83201d3d2c6ep-1, 0, 0x1.f800000000004p+5},
    {"atan2", 0x1.64fd6b8c28102p-4, 0x1.fe0d3b41815a2p-1, 0x1.4000000000000p+2},
    {"acos", -0x1.f0ca99f79ba22p-1, 0, 0x1.4bffffffffffdp+7},
    {"atan2", -0x1.c26b9d1d26838p+1, 0x1.24b36dfd91e36p+0, -0x1.2000000000000p+6},
    {"atan2", 0x1.063718c3aa766p-18, -0x1.34dec3cbc05dbp-17, 0x1.3a00000000000p+7},
    {"atan2", 0x1.fffffffffffb0p-1, 0x0.0p+0, 0x1.6800000000000p+6},
    {"atan2", -0x1.a07f921061aa9p-2, 0x1.d3bc3aeff7f95p-1, -0x1.7ffffffffffdfp+4},
    {"atan", 0x1.2b95230aefa52p+5, 0, 0x1.61e1a2ae00fbfp+6},
    {"atan2", -0x1.3288f51048129p-17, 0x1.10f4d2bd7c397p-18, -0x1.0800000000000p+6},
    {"atan", 0x1.04e0850c1dd84p-1, 0, 0x1.b000000000039p+4},
    {"acos", -0x1.c0e45dabe05f0p-2, 0, 0x1.d00000000000ap+6},
    {"atan2", 0x1.170de9ba76d2ep-19, 0x1.48363d36b8fefp-17, 0x1.8000000000000p+3},
    {"atan2", -0x1.3288f51048129p-17, -0x1.10f4d2bd7c397p-18, -0x1.c800000000000p+6},
    {"atan", 0x1.dd7fc13699ab0p-2, 0, 0x1.8ffffffffffffp+4},
    {"atan2", 0x1.ba24c8ddfbd6bp+1, -0x1.53723509f5031p+0, 0x1.bc00000000000p+6},
    {"atan2", -0x1.ca4bfda46c4fap-1, -0x1.cb8834d1d65c9p+1, -0x1.4bffffffffffep+7},
    {"atan", 0x1.9fdc923b7f850p+4, 0, 0x1.5f2fca2556ca5p+6},
    {"atan2", 0x1.d22d6639df4e7p-18, 0x1.e2bda2fde5111p-18, 0x1.5ffffffffffe6p+5},
    {"acos", 0x1.c411b4f6d2707p-1, 0, 0x1.c000000000002p+4},
    {"asin", 0x1.521d2bd4edba0p-3, 0, 0x1.301669b5b0352p+3},
    {"asin", -0x1.fec0b7170fff3p-1, 0, -0x1.57fffffffffeap+6},
    {"atan2", -0x1.1f9e1c480b962p-17, -0x1.59a2de159dc8cp-18, -0x1.e400000000000p+6},
    {"atan2", 0x1.d0e2e2b44de03p-2, -0x1.c83201d3d2c6dp-1, 0x1.3200000000000p+7},
    {"atan", 0x1.1536e695dda96p+2, 0, 0x1.3400000000000p+6},
    {"atan2", -0x1.2297040738a26p-17, -0x1.4f8b588e368f1p-18, -0x1.e000000000000p+6},
    {"asin", 0x1.e9a0c6e7bdb22p-1, 0, 0x1.2400000000005p+6},
    {"atan", -0x1.1dfbd9410a421p-6, 0, -0x1.ffffffffffffep-1},
    {"acos", 0x1.fb046a93094a2p-1, 0, 0x1.ffffffffff7e0p+2},
    {"atan2", -0x1.7c7d7a833bebfp-1, -0x1.5698496e20bd8p-1, -0x1.0800000000000p+7},
    {"acos", -0x1.ef74bf2e4b945p-3, 0, 0x1.a000000000005p+6},
    {"atan2", 0x1.24b36dfd91e36p+0, 0x1.c26b9d1d26839p+1, 0x1.2000000000000p+4},
    {"acos", 0x1.f838b8c811c17p-1, 0, 0x1.4000000000000p+3},
    {"atan2", -0x1.34dec3cbc05f5p-17, -0x1.063718c3aa764p-18, -0x1.c3ffffffffff9p+6},
    {"atan2", -0x1.9f39a3722f868p+0, -0x1.a9ab3a6e2f488p+1, -0x1.3400000000004p+7},
    {"asin", 0x1.b06c65dc33b14p-2, 0, 0x1.8faa9e591ee63p+4},
    {"atan2", 0x1.6977f39a71b15p-1, 0x1.d0e60ce2142a7p+1, 0x1.6000000000024p+3},
    {"atan2", -0x1.54ade888c1aa3p+1, 0x1.48fd7e069373cp+1, -0x1.7000000000000p+5},
    {"atan2", -0x1.2d95d218fea3cp-17, -0x1.262f96ed52bafp-18, -0x1.d000000000000p+6},
    {"atan2", 0x1.c0e45dabe05cbp-2, 0x1.cc2ebbb5638cap-1, 0x1.a000000000000p+4},
    {"atan2", 0x1.cf402e1e40d1fp+1, -0x1.89de2f28a2be4p-1, 0x1.9800000000004p+6},
    {"atan2", -0x1.5590c71920774p+0, -0x1.ccd9d460f1b40p-2, -0x1.b28f0119985dbp+6},
    {"atan2", -0x1.f2e0a214e870fp-1, -0x1.ccb3236cdc675p-3, -0x1.9c00000000000p+6},
    {"asin", 0x1.b2335c2cda945p-1, 0, 0x1.d000000000000p+5},
    {"atan2", 0x1.c0e45dabe05f0p-2, 0x1.cc2ebbb5638cap-1, 0x1.a000000000020p+4},
    {"asin", 0x1.5698496e20bdbp-1, 0, 0x1.5000000000004p+5},
    {"atan2", 0x1.704d4e6a54d39p-1, -0x1.63aa430e07310p-1, 0x1.0c00000000000p+7},
    {"atan2", 0x1.bcaef783b30d9p+0, -0x1.a229fa9782a81p+1, 0x1.3000000000000p+7},
    {"acos", 0x1.9e3779b97f480p-1, 0, 0x1.200000000003dp+5},
    {"acos", 0x1.9376253f463d0p-1, 0, 0x1.3000000000002p+5},
    {"atan2", -0x1.162dc9048b370p-17, 0x1.77449bfb3f699p-18, -0x1.c000000000013p+5},
    {"atan", -0x1.1c511a0db83bbp+0, 0, -0x1.7ffffffffffe0p+5},
    {"atan2", 0x1.08d5713c3d6e6p+1, 0x1.88a1d77d5dcbep+1, 0x1.1000000000000p+5},
    {"atan2", 0x1.084b17868be45p-2, 0x1.d87242f55532ap+1, 0x1.0000000000000p+2},
    {"atan", 0x1.1f7e220cc419ap+1, 0, 0x1.080000000000cp+6},
    {"atan2", -0x1.700e6b780d084p+1, -0x1.2a0bcfa5ca4bcp+1, -0x1.0200000000000p+7},
    {"asin", -0x1.4060b67a8539dp-3, 0, -0x1.2000000000025p+3},
    {"asin", -0x1.ec48325b96fd8p-3, 0, -0x1.bd127266c42dbp+3},
    {"acos", 0x1.e0bd274245078p-2, 0, 0x1.f000000000000p+5},
    {"acos", -0x1.4060b67a8534dp-3, 0, 0x1.8bffffffffffbp+6},
    {"atan2", 0x1.c976648567d68p+1, -0x1.ea4e8a61ccc24p-1, 0x1.a400000000005p+6},
    {"atan2", 0x1.7673fe0c86985p-1, 0x1.5d2ee398c9c2bp-1, 0x1.7800000000000p+5},
    {"atan2", -0x1.262f96ed52bafp-18, 0x1.2d95d218fea3dp-17, -0x1.a000000000000p+4},
    {"acos", -0x1.1d06c968d9e19p-3, 0, 0x1.8800000000000p+6},
    {"atan2", -0x1.306c992779471p+1, -0x1.6acc743662a35p+1, -0x1.1800000000000p+7},
    {"acos", 0x1.704d4e6a54d3ap-1, 0, 0x1.5fffffffffffep+5},
    {"acos", 0x1.1e4e88411fd14p-1, 0, 0x1.bffffffffffffp+5},
    {"atan2", 0x1.0f7607d901193p-17, 0x1.8a74bcc7fee22p-18, 0x1.b000000000015p+5},
    {"asin", 0x1.1db8f6d6a512bp-4, 0, 0x1.0000000000003p+2},
    {"atan2", 0x1.3941f2b01dd38p-17, 0x1.e0fe4a342b30fp-19, 0x1.1400000000007p+6},
    {"acos", 0x1.4fe6f81384fd5p-1, 0, 0x1.87fffffffffffp+5},
    {"acos", 0x1.ec2a7e35e7ba8p-1, 0, 0x1.ffffffffffdf5p+3},
    {"atan2", -0x1.e0bd274245051p-2, -0x1.c411b4f6d2708p-1, -0x1.3000000000004p+7},
    {"asin", 0x1.1de58c9f7dc26p-5, 0, 0x1.ffffffffffffep+0},
    {"atan2", -0x1.63cc38448e9b0p+1, 0x1.16c99da5f7150p+0, -0x1.126c610d457f5p+6},
    {"atan2", 0x1.f32d44c4f62d4p-4, -0x1.fc2f025a23e8bp-1, 0x1.5a00000000000p+7},
    {"atan2", -0x1.9ec16e47973ffp-19, 0x1.3f1f21f77e718p-17, -0x1.2000000000000p+4},
    {"atan", -0x1.ee6ec253d243ap-1, 0, -0x1.5ffffffffffedp+5},
    {"atan", 0x1.314c55fbc4c80p+4, 0, 0x1.5c00000000001p+6},
    {"atan2", 0x1.1c8ec6da4d8e1p-17, -0x1.639f6fb657c00p-18, 0x1.e7ffffffffff7p+6},
    {"asin", -0x1.0907dc1930668p-2, 0, -0x1.dffffffffffb6p+3},
    {"atan2", 0x1.44b3bafa608c3p-19, -0x1.4593c4ab1ea4ep-17, 0x1.4c00000000000p+7},
    {"atan", -0x1.bd1326bb88d12p-1, 0, -0x1.4800000000001p+5},
    {"asin", -0x1.0907dc1930668p-2, 0, -0x1.dffffffffffb6p+3},
    {"atan", 0x1.be6398b3f2841p+1, 0, 0x1.27ffffffffffbp+6},
    {"atan", -0x1.9e9c0346ca835p-1, 0, -0x1.37fffffffffffp+5},
    {"atan2", 0x1.a8779cda8eeccp-1, -0x1.1e4e88411fd13p-1, 0x1.efffffffffff7p+6},
    {"atan2", -0x1.9376253f463d1p-1, 0x1.3b37fb1bdc939p-1, -0x1.a000000000000p+5},
    {"asin", -0x1.c891611d3fe7cp-1, 0, -0x1.f8bc5db4fe5e7p+5},
    {"atan", 0x1.bd1326bb88d10p-1, 0, 0x1.4800000000000p+5},
    {"atan2", -0x1.2297040738a0bp-17, 0x1.4f8b588e368f1p-18, -0x1.dffffffffffefp+5},
    {"atan2", 0x1.63a1a7e0b7361p-3, -0x1.f838b8c811c17p-1, 0x1.5400000000002p+7},
    {"acos", -0x1.6a09e667f3bcdp-1, 0, 0x1.0e00000000000p+7},
    {"atan2", 0x1.08d5713c3d6e4p+1, -0x1.88a1d77d5dcbep+1, 0x1.2400000000000p+7},
    {"asin", -0x1.704d4e6a54d39p-1, 0, -0x1.7000000000000p+5},
    {"acos", 0x1.d0079302dd767p-1, 0, 0x1.9000000000000p+4},
    {"atan2", 0x1.a9ab3a6e2f489p+1, -0x1.9f39a3722f88dp+0, 0x1.d000000000000p+6},
    {"asin", -0x1.f9b24942fe45dp-1, 0, -0x1.4400000000004p+6},
    {"atan2", 0x1.d7016d0329334p+1, 0x1.8c0995c649dabp-2, 0x1.5000000000000p+6},
    {"asin", 0x1.401be9c070140p-4, 0, 0x1.1ede7919a11bcp+2},
    {"atan2", -0x1.d3e9f0d33b259p-21, -0x1.4e447914e49fbp-17, -0x1.5e00000000000p+7},
    {"acos", 0x1.9e3779b97f4a9p-1, 0, 0x1.1fffffffffffep+5},
    {"atan2", 0x1.ba24c8ddfbd6cp+1, 0x1.53723509f5031p+0, 0x1.1400000000000p+6},
    {"atan", -0x1.1fd3df8664fbdp-3, 0, -0x1.fffffffffffbap+2},
    {"acos", 0x1.a07f921061ad0p-2, 0, 0x1.0800000000000p+6},
    {"atan2", -0x1.0f5193eacdd27p-1, 0x1.b2335c2cda945p-1, -0x1.0000000000000p+5},
    {"atan2", 0x1.7f2683cb95be9p+1, -0x1.16600641fc064p+1, 0x1.f800000000000p+6},
    {"asin", -0x1.a8779cda8eeccp-1, 0, -0x1.c00000000003fp+5},
    {"acos", 0x1.b6dea1e76eadep-1, 0, 0x1.f000000000000p+4},
    {"atan", -0x1.267e8b3f5da59p+0, 0, -0x1.87fffffffffe1p+5},
    {"asin", -0x1.a7233953dbf02p-1, 0, -0x1.bde0e96df4db4p+5},
    {"atan", 0x1.1c511a0db83e3p+0, 0, 0x1.8000000000000p+5},
    {"atan2", 0x1.d0079302dd768p-1, -0x1.b0c2d77379853p-2, 0x1.cc00000000000p+6},
    {"asin", 0x1.98e6c0ea27a15p-1, 0, 0x1.a800000000002p+5},
    {"asin", 0x1.5a61d32ed011cp-1, 0, 0x1.54954705464d2p+5},
    {"atan", -0x1.4cb7bfb4961abp-2, 0, -0x1.1fffffffffffdp+4},
    {"atan2", -0x1.7f98deee5967ep-2, 0x1.dab7d7997cb58p-1, -0x1.6000000000000p+4},
    {"atan2", -0x1.a8779cda8eeccp-1, 0x1.1e4e88411fd13p-1, -0x1.c000000000013p+5},
    {"atan", -0x1.2d8c9200b565ep+1, 0, -0x1.0bffffffffff6p+6},
    {"atan", -0x1.b2a986b66229cp-2, 0, -0x1.6fffffffffffep+4},
    {"atan", -0x1.c7ea074a90a0fp-2, 0, -0x1.8000000000001p+4},
    {"acos", 0x1.0dfe62fc6fcb2p-1, 0, 0x1.d165ba9130b75p+5},
    {"atan2", 0x1.ac2609b3c576dp-4, 0x1.fd31f94f867c6p-1, 0x1.8000000000000p+2},
    {"atan2", -0x1.6ef801fced339p-2, 0x1.ddfe40effb805p-1, -0x1.5000000000000p+4},
    {"acos", 0x1.d52f2211d0bc0p-5, 0, 0x1.5adde06230d3ap+6},
    {"acos", -0x1.a9cd9ac4258f3p-3, 0, 0x1.9800000000000p+6},
    {"acos", -0x1.5d2ee398c9c53p-1, 0, 0x1.0a0000000000cp+7},
    {"atan", 0x1.dd7fc13699ab1p-2, 0, 0x1.9000000000000p+4},
    {"atan", -0x1.fe9fae1181f54p-3, 0, -0x1.c000000000000p+3},
    {"atan2", -0x1.e0bd27424507ap-2, 0x1.c411b4f6d2708p-1, -0x1.c000000000000p+4},
    {"asin", 0x1.a8779cda8eea5p-1, 0, 0x1.c000000000001p+5},
    {"atan2", -0x1.a9ab3a6e2f485p+1, -0x1.9f39a3722f88dp+0, -0x1.d000000000000p+6},
    {"atan2", 0x1.bfce277d339c7p-1, 0x1.f071eedefa0edp-2, 0x1.e800000000000p+5},
};

TEST(BuiltinTrig, InverseFunctionsMatch2021) {
  Site s;
  for (const InverseRow& r : kInverseRows) {
    const std::string name = r.name;
    Value got = name == "atan2" ? s.Call(name, {N(r.x), N(r.y)}) : s.Call(name, {N(r.x)});
    EXPECT_TRUE(SameBits(got.AsNumber(), r.expected))
        << name << "(" << std::hexfloat << r.x << ", " << r.y << ") = " << got.AsNumber();
  }
}

TEST(BuiltinTrig, InverseGivesIntegerAnglesBack) {
  Site s;
  for (int a = -90; a <= 90; ++a) {
    EXPECT_EQ(s.Call("asin", {s.Call("sin", {N(a)})}).AsNumber(), a);
    EXPECT_EQ(s.Call("atan", {s.Call("tan", {N(a)})}).AsNumber(), a);
  }
  for (int a = 0; a <= 180; ++a) {
    EXPECT_EQ(s.Call("acos", {s.Call("cos", {N(a)})}).AsNumber(), a);
  }
  for (int a = -180; a < 180; ++a) {
    EXPECT_EQ(s.Call("atan2", {s.Call("sin", {N(a)}), s.Call("cos", {N(a)})}).AsNumber(), a);
  }
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
