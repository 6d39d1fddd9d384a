// Copies share payloads; a very deep nested vector (buildable with a
// tail-recursive function) is destroyed without deep recursion, and
// operators on it stay bounded.
#include <gtest/gtest.h>

#include "value_test_helpers.h"

namespace mos::eval {
namespace {

using namespace testing;

TEST(ValueLifetime, CopiesSharePayload) {
  Value a = Nums({1, 2, 3});
  Value b = a;
  EXPECT_EQ(&a.AsVector(), &b.AsVector());
  Value s = S("abc");
  Value t = s;
  EXPECT_EQ(&s.AsString(), &t.AsString());
}

TEST(ValueLifetime, MillionDeepVectorIsDestroyedIteratively) {
  Value v = Nums({1});
  for (int i = 0; i < 1000000; ++i) v = V({v});
  // Operators refuse to recurse past kMaxValueNesting instead of
  // overflowing the stack.
  Value w = v;
  (void)(v == w);  // bounded: returns instead of recursing a million deep
  EXPECT_TRUE(Less(v, w).IsUndef() || Less(v, w).IsBool());
  Value negated = Negate(v);
  Value sum = Add(v, v);
  EXPECT_TRUE(negated.IsVector());
  EXPECT_TRUE(sum.IsVector());
  v = Value();  // the teardown must not recurse a million frames
  negated = Value();
  sum = Value();
  SUCCEED();
}

TEST(ValueLifetime, SharedInnerVectorSurvivesParentTeardown) {
  Value inner = Nums({7, 8});
  {
    Value outer = V({inner, V({inner})});
  }
  EXPECT_EQ(inner.ToEchoString(), "[7, 8]");
}

}  // namespace
}  // namespace mos::eval
