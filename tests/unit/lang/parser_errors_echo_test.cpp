// Syntax errors reported exactly as 2021.01 writes them into the .echo
// output. The expected text was produced by `openscad -o t.echo t.scad`
// (2021.01, run in the file's directory) on each source.
#include <gtest/gtest.h>

#include "parse_test_util.h"

namespace mos::lang {
namespace {

struct Case {
  const char* source;
  const char* echo;
};

const Case kCases[] = {
    {"cube(;",
     "ERROR: Parser error: syntax error in file t.scad, line 1\nCan't parse file 't.scad'!\n\n"},
    {"x = \"abc\n;\n",
     "ERROR: Parser error: Unterminated string in file t.scad, line 5\nERROR: Parser error: syntax error in file t.scad, line 5\nCan't parse file 't.scad'!\n\n"},
    {"cube();\n/* abc\n\n",
     "ERROR: Parser error: Unterminated comment in file t.scad, line 6\nERROR: Parser error: syntax error in file t.scad, line 6\nCan't parse file 't.scad'!\n\n"},
    {"x = 1 +",
     "ERROR: Parser error: syntax error in file t.scad, line 2\nCan't parse file 't.scad'!\n\n"},
    {"x = 1 +\n\n\n",
     "ERROR: Parser error: syntax error in file t.scad, line 5\nCan't parse file 't.scad'!\n\n"},
    {"\n\ny = = 2;\n",
     "ERROR: Parser error: syntax error in file t.scad, line 3\nCan't parse file 't.scad'!\n\n"},
    {"echo(\"ab\\",
     "ERROR: Parser error: Unterminated string in file t.scad, line 3\nERROR: Parser error: syntax error in file t.scad, line 3\nCan't parse file 't.scad'!\n\n"},
    {"use <x.scad",
     "ERROR: Parser error: Unterminated use statement in file t.scad, line 1\nERROR: Parser error: syntax error in file t.scad, line 1\nCan't parse file 't.scad'!\n\n"},
    {"include <x.scad",
     "ERROR: Parser error: Unterminated include statement in file t.scad, line 1\nERROR: Parser error: syntax error in file t.scad, line 1\nCan't parse file 't.scad'!\n\n"},
    {"x=1;\n{ use <a.scad> }\n",
     "WARNING: Can't open library 'a.scad'.\nERROR: Parser error: syntax error in file t.scad, line 2\nCan't parse file 't.scad'!\n\n"},
    {"echo(1 + let(a=1) a);",
     "ERROR: Parser error: syntax error in file t.scad, line 1\nCan't parse file 't.scad'!\n\n"},
    {"echo(f(1,));",
     "ERROR: Parser error: syntax error in file t.scad, line 1\nCan't parse file 't.scad'!\n\n"},
    {"echo([,1]);",
     "ERROR: Parser error: syntax error in file t.scad, line 1\nCan't parse file 't.scad'!\n\n"},
    {"echo([(for(i=[0:1]) i)]);",
     "ERROR: Parser error: syntax error in file t.scad, line 1\nCan't parse file 't.scad'!\n\n"},
    {"echo(-function(x) x);",
     "ERROR: Parser error: syntax error in file t.scad, line 1\nCan't parse file 't.scad'!\n\n"},
    {"echo(1,,);",
     "ERROR: Parser error: syntax error in file t.scad, line 1\nCan't parse file 't.scad'!\n\n"},
    {"echo([1:2:3:4]);",
     "ERROR: Parser error: syntax error in file t.scad, line 1\nCan't parse file 't.scad'!\n\n"},
    {"echo(each [1]);",
     "ERROR: Parser error: syntax error in file t.scad, line 1\nCan't parse file 't.scad'!\n\n"},
    {"module m() { module n() {} }\nm() { module k() {} }\n",
     "ERROR: Parser error: syntax error in file t.scad, line 2\nCan't parse file 't.scad'!\n\n"},
    {"x = 1; \xc3""\xa9"" = 2;",
     "ERROR: Parser error: syntax error in file t.scad, line 1\nCan't parse file 't.scad'!\n\n"},
    {"a\r\nb\r\nc = = 1;",
     "ERROR: Parser error: syntax error in file t.scad, line 2\nCan't parse file 't.scad'!\n\n"},
    {"function f() = ;",
     "ERROR: Parser error: syntax error in file t.scad, line 1\nCan't parse file 't.scad'!\n\n"},
    {"if (1) else cube();",
     "ERROR: Parser error: syntax error in file t.scad, line 1\nCan't parse file 't.scad'!\n\n"},
    {"x = [for (;;) 1];",
     "ERROR: Parser error: syntax error in file t.scad, line 1\nCan't parse file 't.scad'!\n\n"},
    {"x = 1\n// c\ny = 2;",
     "ERROR: Parser error: syntax error in file t.scad, line 3\nCan't parse file 't.scad'!\n\n"},
    {"0 = 1;",
     "ERROR: Parser error: syntax error in file t.scad, line 1\nCan't parse file 't.scad'!\n\n"},
    {"module m(a=) {}",
     "ERROR: Parser error: syntax error in file t.scad, line 1\nCan't parse file 't.scad'!\n\n"},
    {"x = a.1;",
     "ERROR: Parser error: syntax error in file t.scad, line 1\nCan't parse file 't.scad'!\n\n"},
    {"x = \"a\" \"b\";",
     "ERROR: Parser error: syntax error in file t.scad, line 1\nCan't parse file 't.scad'!\n\n"},
    {"{\n\n",
     "ERROR: Parser error: syntax error in file t.scad, line 5\nCan't parse file 't.scad'!\n\n"},
    {"cube() {\n\n",
     "ERROR: Parser error: syntax error in file t.scad, line 4\nCan't parse file 't.scad'!\n\n"},
    {"x = 1;\necho(a \"b\nc\nd\");\n",
     "ERROR: Parser error: syntax error in file t.scad, line 4\nCan't parse file 't.scad'!\n\n"},
    {"x = [\n\x03""\n",
     "ERROR: Parser error: syntax error in file t.scad, line 2\nCan't parse file 't.scad'!\n\n"},
    {"module m() {\n// c\n",
     "ERROR: Parser error: syntax error in file t.scad, line 5\nCan't parse file 't.scad'!\n\n"},
};

std::string Joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

TEST(ParserErrors, EchoOutputMatchesOpenScad2021) {
  for (const Case& c : kCases) {
    ParseResult r = ParseSource(c.source, "t.scad", std::filesystem::current_path().string(),
                                ParseOptions{});
    EXPECT_FALSE(r.file) << c.source;
    EXPECT_EQ(Joined(r.echoLines), c.echo) << c.source;
  }
}

}  // namespace
}  // namespace mos::lang
