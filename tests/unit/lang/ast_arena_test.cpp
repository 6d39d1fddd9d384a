// The parser's nodes live in an arena (src/lang/ast_arena.h) that each
// node keeps alive: a node outlives its file, its parse result and the
// other nodes; the arena's chunks grow past the first one intact.
#include <gtest/gtest.h>

#include <memory>
#include <thread>

#include "lang/ast_arena.h"
#include "parse_test_util.h"

namespace mos::lang {
namespace {

TEST(AstArena, NodeOutlivesItsFile) {
  ExprPtr kept;
  {
    ParseResult r = test::Parse("x = [1, [2, \"three\"], -4];\ny = x + 1;\n");
    ASSERT_TRUE(r.file);
    const auto& v = test::As<VectorExpr>(r.file->body.assignments[0].value);
    kept = v.elements[1];  // [2, "three"]
  }
  const auto& inner = test::As<VectorExpr>(kept);
  ASSERT_EQ(inner.elements.size(), 2u);
  EXPECT_EQ(test::As<LiteralExpr>(inner.elements[0]).number, 2);
  EXPECT_EQ(test::As<LiteralExpr>(inner.elements[1]).string, "three");
  EXPECT_EQ(inner.span.line, 1);
  EXPECT_EQ(inner.span.column, 9);
}

TEST(AstArena, ManyChunksKeepTheirNodes) {
  std::string text = "x = [";
  for (int i = 0; i < 20000; ++i) text += std::to_string(i) + ", \"s" + std::to_string(i) + "\", ";
  text += "0];\n";
  ExprPtr last;
  {
    ParseResult r = test::Parse(text);
    ASSERT_TRUE(r.file);
    const auto& v = test::As<VectorExpr>(r.file->body.assignments[0].value);
    ASSERT_EQ(v.elements.size(), 40001u);
    for (int i = 0; i < 20000; ++i) {
      ASSERT_EQ(test::As<LiteralExpr>(v.elements[2 * i]).number, i);
      ASSERT_EQ(test::As<LiteralExpr>(v.elements[2 * i + 1]).string, "s" + std::to_string(i));
    }
    last = v.elements[39999];
  }
  EXPECT_EQ(test::As<LiteralExpr>(last).string, "s19999");
}

TEST(AstArena, AlignedBlocksAndReleaseOnAnotherThread) {
  auto* arena = detail::AstArena::Create();
  detail::ArenaAllocator<char> bytes(arena);
  detail::ArenaAllocator<double> doubles(bytes);
  for (int i = 0; i < 5000; ++i) {
    char* c = bytes.allocate(static_cast<size_t>(1 + i % 7));
    c[0] = 'x';
    double* d = doubles.allocate(static_cast<size_t>(1 + i % 3));
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(d) % alignof(double), 0u);
    d[0] = i;
  }
  auto node = std::allocate_shared<LiteralExpr>(detail::ArenaAllocator<LiteralExpr>(arena), SourceSpan{});
  detail::AstArena::Unref(arena);  // the creator's reference
  std::thread([n = std::move(node)]() mutable { n.reset(); }).join();
}

}  // namespace
}  // namespace mos::lang
