// The .csg dump of every builtin module, byte for byte as openscad 2021.01
// writes it (expected strings produced by `openscad -o t.csg` on the same
// source).
#include <gtest/gtest.h>

#include "evaluator_test_util.h"

namespace mos::eval {
namespace {

TEST(CsgDump, Primitives3D) {
  EXPECT_EQ(testing::Csg(R"MOS(cube(); cube([1,2,3], center=true); cube(2);
sphere(2); sphere(d=3, $fn=8);
cylinder(h=2, r1=1, d2=3, center=true); cylinder(r=2);
)MOS"),
            R"MOS(cube(size = [1, 1, 1], center = false);
cube(size = [1, 2, 3], center = true);
cube(size = [2, 2, 2], center = false);
sphere($fn = 0, $fa = 12, $fs = 2, r = 2);
sphere($fn = 8, $fa = 12, $fs = 2, r = 1.5);
cylinder($fn = 0, $fa = 12, $fs = 2, h = 2, r1 = 1, r2 = 1.5, center = true);
cylinder($fn = 0, $fa = 12, $fs = 2, h = 1, r1 = 2, r2 = 2, center = false);

)MOS");
}

TEST(CsgDump, Primitives2D) {
  EXPECT_EQ(testing::Csg(R"MOS(square(); square([2,3], center=true); circle(d=3); circle(r=1, $fa=5, $fs=0.5);
polygon([[0,0],[1,0],[0,1]]); polygon(points=[[0,0],[1,0],[0,1],[0,2]], paths=[[0,1,2]], convexity=3);
)MOS"),
            R"MOS(square(size = [1, 1], center = false);
square(size = [2, 3], center = true);
circle($fn = 0, $fa = 12, $fs = 2, r = 1.5);
circle($fn = 0, $fa = 5, $fs = 0.5, r = 1);
polygon(points = [[0, 0], [1, 0], [0, 1]], paths = undef, convexity = 1);
polygon(points = [[0, 0], [1, 0], [0, 1], [0, 2]], paths = [[0, 1, 2]], convexity = 3);

)MOS");
}

TEST(CsgDump, Polyhedron) {
  EXPECT_EQ(testing::Csg(R"MOS(polyhedron([[0,0,0],[1,0,0],[0,1,0],[0,0,1]],[[0,1,2],[0,1,3],[1,2,3],[0,2,3]], convexity=2);
)MOS"),
            R"MOS(polyhedron(points = [[0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1]], faces = [[0, 1, 2], [0, 1, 3], [1, 2, 3], [0, 2, 3]], convexity = 2);

)MOS");
}

TEST(CsgDump, Transforms) {
  EXPECT_EQ(testing::Csg(R"MOS(translate([1,2,3]) rotate(45) scale(2) mirror([1,0,0]) cube();
rotate([10,20,30]) cube(); rotate(30,[1,1,0]) cube(); scale([1,2]) cube(); translate([1,2]) cube();
multmatrix([[1,2,3,4],[5,6,7,8]]) cube(); mirror([0,1,1]) cube(); rotate(90) cube();
)MOS"),
            R"MOS(multmatrix([[1, 0, 0, 1], [0, 1, 0, 2], [0, 0, 1, 3], [0, 0, 0, 1]]) {
	multmatrix([[0.707107, -0.707107, 0, 0], [0.707107, 0.707107, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]) {
		multmatrix([[2, 0, 0, 0], [0, 2, 0, 0], [0, 0, 2, 0], [0, 0, 0, 1]]) {
			multmatrix([[-1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]) {
				cube(size = [1, 1, 1], center = false);
			}
		}
	}
}
multmatrix([[0.813798, -0.44097, 0.378522, 0], [0.469846, 0.882564, 0.0180283, 0], [-0.34202, 0.163176, 0.925417, 0], [0, 0, 0, 1]]) {
	cube(size = [1, 1, 1], center = false);
}
multmatrix([[0.933013, 0.0669873, 0.353553, 0], [0.0669873, 0.933013, -0.353553, 0], [-0.353553, 0.353553, 0.866025, 0], [0, 0, 0, 1]]) {
	cube(size = [1, 1, 1], center = false);
}
multmatrix([[1, 0, 0, 0], [0, 2, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]) {
	cube(size = [1, 1, 1], center = false);
}
multmatrix([[1, 0, 0, 1], [0, 1, 0, 2], [0, 0, 1, 0], [0, 0, 0, 1]]) {
	cube(size = [1, 1, 1], center = false);
}
multmatrix([[1, 2, 3, 4], [5, 6, 7, 8], [0, 0, 1, 0], [0, 0, 0, 1]]) {
	cube(size = [1, 1, 1], center = false);
}
multmatrix([[1, 0, 0, 0], [0, 0, -1, 0], [0, -1, 0, 0], [0, 0, 0, 1]]) {
	cube(size = [1, 1, 1], center = false);
}
multmatrix([[0, -1, 0, 0], [1, 0, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]) {
	cube(size = [1, 1, 1], center = false);
}

)MOS");
}

TEST(CsgDump, Colors) {
  EXPECT_EQ(testing::Csg(R"MOS(color("red") cube(); color("#abc") cube(); color([1,0,0],0.5) cube(); color("#11223344") cube(); color("pink") cube(); color("nosuchcolor") cube(); color("blue", 0.3) cube(); color([0.2,0.4,0.6,0.8]) cube();
)MOS"),
            R"MOS(color([1, 0, 0, 1]) {
	cube(size = [1, 1, 1], center = false);
}
color([0.666667, 0.733333, 0.8, 1]) {
	cube(size = [1, 1, 1], center = false);
}
color([1, 0, 0, 0.5]) {
	cube(size = [1, 1, 1], center = false);
}
color([0.0666667, 0.133333, 0.2, 0.266667]) {
	cube(size = [1, 1, 1], center = false);
}
color([1, 0.752941, 0.796078, 1]) {
	cube(size = [1, 1, 1], center = false);
}
color([-1, -1, -1, 1]) {
	cube(size = [1, 1, 1], center = false);
}
color([0, 0, 1, 0.3]) {
	cube(size = [1, 1, 1], center = false);
}
color([0.2, 0.4, 0.6, 0.8]) {
	cube(size = [1, 1, 1], center = false);
}

)MOS");
}

TEST(CsgDump, Extrusions) {
  EXPECT_EQ(testing::Csg(R"MOS(linear_extrude(10, twist=30, scale=[1,2]) square();
linear_extrude(height=5, slices=3, center=true, convexity=4) square();
linear_extrude(height=20, twist=45, slices=10) square();
rotate_extrude(angle=90) circle(); rotate_extrude($fn=4) circle();
)MOS"),
            R"MOS(linear_extrude(height = 10, center = false, convexity = 1, twist = 30, scale = [1, 2], $fn = 0, $fa = 12, $fs = 2) {
	square(size = [1, 1], center = false);
}
linear_extrude(height = 5, center = true, convexity = 4, slices = 3, scale = [1, 1]) {
	square(size = [1, 1], center = false);
}
linear_extrude(height = 20, center = false, convexity = 1, twist = 45, slices = 10, scale = [1, 1]) {
	square(size = [1, 1], center = false);
}
rotate_extrude(angle = 90, convexity = 2, $fn = 0, $fa = 12, $fs = 2) {
	circle($fn = 0, $fa = 12, $fs = 2, r = 1);
}
rotate_extrude(angle = 360, convexity = 2, $fn = 4, $fa = 12, $fs = 2) {
	circle($fn = 4, $fa = 12, $fs = 2, r = 1);
}

)MOS");
}

TEST(CsgDump, Operations) {
  EXPECT_EQ(testing::Csg(R"MOS(offset(r=1) square(); offset(delta=1, chamfer=true) square(); offset(delta=-2) square();
projection(cut=true) cube(); hull() cube(); minkowski(){cube();sphere();} render() cube(); render(convexity=3) cube();
resize([1,2,3], auto=true) cube(); resize(newsize=[1,0,0], auto=[true,false]) cube();
union(){} difference(){cube();sphere();} intersection(){cube();} group(){cube();}
)MOS"),
            R"MOS(offset(r = 1, $fn = 0, $fa = 12, $fs = 2) {
	square(size = [1, 1], center = false);
}
offset(delta = 1, chamfer = true, $fn = 0, $fa = 12, $fs = 2) {
	square(size = [1, 1], center = false);
}
offset(delta = -2, chamfer = false, $fn = 0, $fa = 12, $fs = 2) {
	square(size = [1, 1], center = false);
}
projection(cut = true, convexity = 0) {
	cube(size = [1, 1, 1], center = false);
}
hull() {
	cube(size = [1, 1, 1], center = false);
}
minkowski(convexity = 0) {
	cube(size = [1, 1, 1], center = false);
	sphere($fn = 0, $fa = 12, $fs = 2, r = 1);
}
render(convexity = 1) {
	cube(size = [1, 1, 1], center = false);
}
render(convexity = 3) {
	cube(size = [1, 1, 1], center = false);
}
resize(newsize = [1,2,3], auto = [1,1,1], convexity = 0) {
	cube(size = [1, 1, 1], center = false);
}
resize(newsize = [1,0,0], auto = [1,0,0], convexity = 0) {
	cube(size = [1, 1, 1], center = false);
}
union();
difference() {
	cube(size = [1, 1, 1], center = false);
	sphere($fn = 0, $fa = 12, $fs = 2, r = 1);
}
intersection() {
	cube(size = [1, 1, 1], center = false);
}
group() {
	cube(size = [1, 1, 1], center = false);
}

)MOS");
}

TEST(CsgDump, Text) {
  EXPECT_EQ(testing::Csg(R"MOS(text("abc"); text("0123", size=4, font="Liberation Sans", halign="center", valign="top", spacing=2, direction="ttb", language="de"); text("x", script="arabic");
)MOS"),
            R"MOS(text(text = "abc", size = 10, spacing = 1, font = "", direction = "ltr", language = "en", script = "Latn", halign = "left", valign = "baseline", $fn = 0, $fa = 12, $fs = 2);
text(text = "0123", size = 4, spacing = 2, font = "Liberation Sans", direction = "ttb", language = "de", halign = "center", valign = "top", $fn = 0, $fa = 12, $fs = 2);
text(text = "x", size = 10, spacing = 1, font = "", direction = "rtl", language = "en", script = "Arab", halign = "left", valign = "baseline", $fn = 0, $fa = 12, $fs = 2);

)MOS");
}

TEST(CsgDump, ControlModules) {
  EXPECT_EQ(testing::Csg(R"MOS(for(i=[0:1]) cube(i);
intersection_for(i=[0:1]) cube(i);
for (i=[1,2], j=[3]) cube([i,j,1]);
echo("hi") cube();
let(a=2) cube(a);
assert(true) cube();
if (true) cube(); else sphere();
if (false) cube();
if (false) cube(); else {}
echo("x");
)MOS"),
            R"MOS(group() {
	cube(size = [0, 0, 0], center = false);
	cube(size = [1, 1, 1], center = false);
}
intersection() {
	cube(size = [0, 0, 0], center = false);
	cube(size = [1, 1, 1], center = false);
}
group() {
	cube(size = [1, 3, 1], center = false);
	cube(size = [2, 3, 1], center = false);
}
group() {
	cube(size = [1, 1, 1], center = false);
}
group() {
	cube(size = [2, 2, 2], center = false);
}
group() {
	cube(size = [1, 1, 1], center = false);
}
group() {
	cube(size = [1, 1, 1], center = false);
}
group();

)MOS");
}

TEST(CsgDump, UserModulesAndChildren) {
  EXPECT_EQ(testing::Csg(R"MOS(module foo(){ cube(1); children(); }
foo() sphere(2);
module m(){children(0); children([0,1]); children([0:1]); children();}
m(){cube();sphere();cylinder();}
module e() children();
e();
)MOS"),
            R"MOS(group() {
	cube(size = [1, 1, 1], center = false);
	group() {
		sphere($fn = 0, $fa = 12, $fs = 2, r = 2);
	}
}
group() {
	cube(size = [1, 1, 1], center = false);
	group() {
		cube(size = [1, 1, 1], center = false);
		sphere($fn = 0, $fa = 12, $fs = 2, r = 1);
	}
	group() {
		cube(size = [1, 1, 1], center = false);
		sphere($fn = 0, $fa = 12, $fs = 2, r = 1);
	}
	group() {
		cube(size = [1, 1, 1], center = false);
		sphere($fn = 0, $fa = 12, $fs = 2, r = 1);
		cylinder($fn = 0, $fa = 12, $fs = 2, h = 1, r1 = 1, r2 = 1, center = false);
	}
}
group() {
	group();
}

)MOS");
}

TEST(CsgDump, Modifiers) {
  EXPECT_EQ(testing::Csg(R"MOS(%cube(); #sphere(); *cylinder();
%translate([1,0,0]) #cube();
difference() { cube(); %#cylinder(); %#if (true) sphere(); }
)MOS"),
            R"MOS(%cube(size = [1, 1, 1], center = false);
#sphere($fn = 0, $fa = 12, $fs = 2, r = 1);
%multmatrix([[1, 0, 0, 1], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]) {
#	cube(size = [1, 1, 1], center = false);
}
difference() {
	cube(size = [1, 1, 1], center = false);
%#	cylinder($fn = 0, $fa = 12, $fs = 2, h = 1, r1 = 1, r2 = 1, center = false);
%#	group() {
		sphere($fn = 0, $fa = 12, $fs = 2, r = 1);
	}
}

)MOS");
}

TEST(CsgDump, RootModifier) {
  EXPECT_EQ(testing::Csg(R"MOS(translate([1,0,0]) !cube(); sphere();
)MOS"),
            R"MOS(cube(size = [1, 1, 1], center = false);

)MOS");
}

TEST(CsgDump, SpecialVariables) {
  EXPECT_EQ(testing::Csg(R"MOS($fn=3; sphere(); circle($fn=5); sphere(r=1,$fa=1,$fs=0.1);
translate([0,0,0], $fn=5) sphere();
module m() { $fn = 7; children(); }
m() circle();
)MOS"),
            R"MOS(sphere($fn = 3, $fa = 12, $fs = 2, r = 1);
circle($fn = 5, $fa = 12, $fs = 2, r = 1);
sphere($fn = 3, $fa = 1, $fs = 0.1, r = 1);
multmatrix([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]) {
	sphere($fn = 5, $fa = 12, $fs = 2, r = 1);
}
group() {
	group() {
		circle($fn = 7, $fa = 12, $fs = 2, r = 1);
	}
}

)MOS");
}

TEST(CsgDump, EmptyProgram) {
  EXPECT_EQ(testing::Csg(R"MOS()MOS"),
            R"MOS(
)MOS");
}

TEST(CsgDump, ImportAndSurface) {
  EXPECT_EQ(testing::Csg(R"MOS(import("nonexistent.stl"); surface("nonexistent.dat"); import(file="x.dxf", layer="l", origin=[1,2], scale=2);
)MOS"),
            R"MOS(import(file = "nonexistent.stl", layer = "", origin = [0, 0], scale = 1, convexity = 1, $fn = 0, $fa = 12, $fs = 2, timestamp = 0);
surface(file = "nonexistent.dat", center = false, invert = false, timestamp = 0);
import(file = "x.dxf", layer = "l", origin = [1, 2], scale = 2, convexity = 1, $fn = 0, $fa = 12, $fs = 2, timestamp = 0);

)MOS");
}

TEST(CsgDump, Deprecated) {
  EXPECT_EQ(testing::Csg(R"MOS(assign(a=1) cube(a); import_stl("x.stl"); polyhedron(points=[[0,0,0],[1,0,0],[0,1,0]], triangles=[[0,1,2]]);
module m() child(0); m() cube();
)MOS"),
            R"MOS(group() {
	cube(size = [1, 1, 1], center = false);
}
import(file = "x.stl", layer = "", origin = [0, 0], scale = 1, convexity = 1, $fn = 0, $fa = 12, $fs = 2, timestamp = 0);
polyhedron(points = [[0, 0, 0], [1, 0, 0], [0, 1, 0]], faces = [[0, 1, 2]], convexity = 1);
group() {
	cube(size = [1, 1, 1], center = false);
}

)MOS");
}

// surface() names its file by any value's string form (openscad 2021.01).
TEST(CsgDump, SurfaceFileOfAnyValue) {
  EXPECT_EQ(testing::Csg(R"MOS(surface(file=123); surface(file=true, center=true, invert=true); surface(file=[1,2]); surface();
)MOS"),
            R"MOS(surface(file = "123", center = false, invert = false, timestamp = 0);
surface(file = "true", center = true, invert = true, timestamp = 0);
surface(file = "[1, 2]", center = false, invert = false, timestamp = 0);
surface(file = "", center = false, invert = false, timestamp = 0);

)MOS");
}

}  // namespace
}  // namespace mos::eval
