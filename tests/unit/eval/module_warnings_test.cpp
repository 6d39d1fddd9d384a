// Warnings and echo output of builtin modules, worded as openscad 2021.01
// words them (expected strings produced by `openscad -o t.echo`).
#include <gtest/gtest.h>

#include "evaluator_test_util.h"

namespace mos::eval {
namespace {

TEST(ModuleWarnings, BadSizes) {
  EXPECT_EQ(testing::Echo(R"MOS(cube("x"); cube([1,2]); square([1,2,3]); cube([1,2,"a"]);
)MOS"),
            R"MOS(WARNING: Unable to convert cube(size="x", ...) parameter to a number or a vec3 of numbers in file t.scad, line 1
WARNING: Unable to convert cube(size=[1, 2], ...) parameter to a number or a vec3 of numbers in file t.scad, line 1
WARNING: Unable to convert square(size=[1, 2, 3], ...) parameter to a number or a vec2 of numbers in file t.scad, line 1
WARNING: Unable to convert cube(size=[1, 2, "a"], ...) parameter to a number or a vec3 of numbers in file t.scad, line 1
)MOS");
}

TEST(ModuleWarnings, RadiusAndDiameter) {
  EXPECT_EQ(testing::Echo(R"MOS(sphere(r=2, d=6); cylinder(h=1, r=2, d=6); cylinder(h=5, r=5, r1=0);
)MOS"),
            R"MOS(WARNING: Ignoring radius variable 'r' as diameter 'd' is defined too. in file t.scad, line 1
WARNING: Ignoring radius variable 'r' as diameter 'd' is defined too. in file t.scad, line 1
WARNING: Cylinder parameters ambiguous in file t.scad, line 1
)MOS");
}

TEST(ModuleWarnings, FragmentClamping) {
  EXPECT_EQ(testing::Echo(R"MOS(sphere($fa=0, $fs=0, $fn=-1);
)MOS"),
            R"MOS(WARNING: $fs too small - clamping to 0.010000 in file t.scad, line 1
WARNING: $fa too small - clamping to 0.010000 in file t.scad, line 1
)MOS");
}

TEST(ModuleWarnings, ArgumentCounts) {
  EXPECT_EQ(testing::Echo(R"MOS(sphere(1, 2, 3); cube(1, foo=2); resize(-5,0,0,auto=3) cube();
)MOS"),
            R"MOS(WARNING: Too many unnamed arguments supplied in file t.scad, line 1
WARNING: variable foo not specified as parameter in file t.scad, line 1
WARNING: argument auto supplied more than once in file t.scad, line 1
)MOS");
}

TEST(ModuleWarnings, TransformArguments) {
  EXPECT_EQ(testing::Echo(R"MOS(translate("a") cube(); translate() cube(); scale([2,3,4,5]) cube(); mirror() cube();
rotate(a=[10], v=[1,0,0]) cube(); rotate("a","v") cube(); rotate(45,[1]) cube(); rotate([1,"a",3]) cube();
)MOS"),
            R"MOS(WARNING: Unable to convert translate("a") parameter to a vec3 or vec2 of numbers in file t.scad, line 1
WARNING: Unable to convert translate(undef) parameter to a vec3 or vec2 of numbers in file t.scad, line 1
WARNING: Unable to convert scale([2, 3, 4, 5]) parameter to a number, a vec3 or vec2 of numbers or a number in file t.scad, line 1
WARNING: Unable to convert mirror(undef) parameter to a vec3 or vec2 of numbers in file t.scad, line 1
WARNING: When parameter a is supplied as vector, v is ignored rotate(a=[10], v=[1, 0, 0]) in file t.scad, line 2
WARNING: Problem converting rotate(a="a", v="v") parameter in file t.scad, line 2
WARNING: Problem converting rotate(..., v=[1]) parameter in file t.scad, line 2
WARNING: Problem converting rotate(a=[1, "a", 3]) parameter in file t.scad, line 2
)MOS");
}

TEST(ModuleWarnings, ColorWarnings) {
  EXPECT_EQ(testing::Echo(R"MOS(color("nosuch") cube(); color("#12") cube(); color([2, -1, 0.5, 3]) cube();
)MOS"),
            R"MOS(WARNING: Unable to parse color "nosuch" in file t.scad, line 1
Please see https://en.wikipedia.org/wiki/Web_colors
WARNING: Unable to parse color "#12" in file t.scad, line 1
Please see https://en.wikipedia.org/wiki/Web_colors
WARNING: color() expects numbers between 0.0 and 1.0. Value of 2.0 is out of range in file t.scad, line 1
WARNING: color() expects numbers between 0.0 and 1.0. Value of -1.0 is out of range in file t.scad, line 1
WARNING: color() expects numbers between 0.0 and 1.0. Value of 3.0 is out of range in file t.scad, line 1
)MOS");
}

TEST(ModuleWarnings, ChildrenWarnings) {
  EXPECT_EQ(testing::Echo(R"MOS(module n() { echo($children); children(5); children(-1); children("x"); }
n() { cube(); *sphere(); if (true) cylinder(); }
)MOS"),
            R"MOS(ECHO: 2
WARNING: Children index (5) out of bounds (2 children)
WARNING: Negative children index (-1) not allowed
WARNING: Bad parameter type ("x") for children, only accept: empty, number, vector, range in file t.scad, line 1
)MOS");
}

TEST(ModuleWarnings, PrimitiveWithChildren) {
  EXPECT_EQ(testing::Echo(R"MOS(cube() sphere();
)MOS"),
            R"MOS(WARNING: module cube() does not support child modules in file t.scad, line 1
)MOS");
}

TEST(ModuleWarnings, EchoFormatting) {
  EXPECT_EQ(testing::Echo(R"MOS(echo(a=1, 2, "s", [1,[2,"x"]], undef, true, 1/0, -1/0, 1e20, 0.000012345, 123456789);
echo();
echo(f = function(x, y=2) x*y);
)MOS"),
            R"MOS(ECHO: a = 1, 2, "s", [1, [2, "x"]], undef, true, inf, -inf, 1e+20, 0.000012345, 1.23457e+8
ECHO: 
ECHO: f = function(x, y = 2) (x * y)
)MOS");
}

TEST(ModuleWarnings, UnknownNames) {
  EXPECT_EQ(testing::Echo(R"MOS(x = foo(3);
bar();
echo(y);
)MOS"),
            R"MOS(WARNING: Ignoring unknown function 'foo' in file t.scad, line 1
WARNING: Ignoring unknown module 'bar' in file t.scad, line 2
WARNING: Ignoring unknown variable 'y' in file t.scad, line 3
ECHO: undef
)MOS");
}

TEST(ModuleWarnings, ListComprehensions) {
  EXPECT_EQ(testing::Echo(R"MOS(echo([for (i=[0:3]) each [i, i]], [for (i=0; i<3; i=i+1) if (i%2==0) i else -i], [for (a=[1,2], b=[3,4]) a*b], [each [1:3]], [let(q=2) q, 1]);
echo([ for (i=1,n=1;i<=4;i=i+1,n=(n+i)*i) [i,n] ]);
echo([each "ab", each 5, each undef, each for (i=[0:1]) [i,i]]);
)MOS"),
            R"MOS(ECHO: [0, 0, 1, 1, 2, 2, 3, 3], [0, -1, 2], [3, 4, 6, 8], [1, 2, 3], [2, 1]
ECHO: [[1, 1], [2, 6], [3, 27], [4, 124]]
ECHO: ["a", "b", 5, 0, 0, 1, 1]
)MOS");
}

TEST(ModuleWarnings, AssertModule) {
  EXPECT_EQ(testing::Echo(R"MOS(assert(true) cube();
assert(1 < 0, "message");
)MOS"),
            R"MOS(ERROR: Assertion '(1 < 0)' failed: "message" in file t.scad, line 2
TRACE: called by 'assert' in file t.scad, line 2
)MOS");
}

TEST(ModuleWarnings, AssertWithoutCondition) {
  EXPECT_EQ(testing::Echo(R"MOS(assert();
)MOS"),
            R"MOS(WARNING: Ignoring unknown variable 'condition' in file t.scad, line 1
ERROR: Assertion failed in file t.scad, line 1
TRACE: called by 'assert' in file t.scad, line 1
)MOS");
}

TEST(ModuleWarnings, RangeWarnings) {
  EXPECT_EQ(testing::Echo(R"MOS(echo([3:1], [for(i=[1:-1:3]) i]);
for (i=[1:0:3]) echo(i);
)MOS"),
            R"MOS(DEPRECATED: Using ranges of the form [begin:end] with begin value greater than the end value is deprecated in file t.scad, line 1
WARNING: begin is smaller than the end, but step is negative in file t.scad, line 1
ECHO: [1 : 1 : 3], []
WARNING: Bad range parameter in for statement: too many elements (4294967295) in file t.scad, line 2
)MOS");
}

TEST(ModuleWarnings, ParameterOverwrittenWithLiteral) {
  EXPECT_EQ(testing::Echo(R"MOS(module mymodule(b=6) { b = 7; echo(b); }
mymodule();
)MOS"),
            R"MOS(WARNING: Module mymodule: Parameter b is overwritten with a literal in file t.scad, line 1
ECHO: 7
)MOS");
}

TEST(ModuleWarnings, MoreThanOneRoot) {
  EXPECT_EQ(testing::Echo(R"MOS(!sphere();
!cube();
)MOS"),
            R"MOS(WARNING: More than one Root Modifier (!) in file t.scad, line 2
)MOS");
}

TEST(ModuleWarnings, OperatorWarnings) {
  EXPECT_EQ(testing::Echo(R"MOS(echo(undef+1, "a"+1, [1,2]*[1,2,3], -"a");
)MOS"),
            R"MOS(WARNING: undefined operation (undefined + number) in file t.scad, line 1
WARNING: undefined operation (string + number) in file t.scad, line 1
WARNING: vector*vector requires matching lengths (2 != 3) in file t.scad, line 1
WARNING: undefined operation (-string) in file t.scad, line 1
ECHO: undef, undef, undef, undef
)MOS");
}

TEST(ModuleWarnings, IsUndefDoesNotWarn) {
  EXPECT_EQ(testing::Echo(R"MOS(echo(is_undef(a), is_undef(undef), is_undef(1));
)MOS"),
            R"MOS(ECHO: true, true, false
)MOS");
}

}  // namespace
}  // namespace mos::eval
