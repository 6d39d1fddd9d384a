// rerender: twist3 90 120
// Three twisted, hollow extrusions on a common base; the third's twist changes.
twist3 = 90;
module tower(tw) {
  difference() {
    linear_extrude(height = 40, twist = tw, slices = 40) square(12, center = true);
    translate([0, 0, -1]) cylinder(r = 3, h = 42, $fn = 24);
  }
}
cube([100, 30, 4]);
translate([20, 15, 4]) tower(45);
translate([50, 15, 4]) tower(60);
translate([80, 15, 4]) tower(twist3);
