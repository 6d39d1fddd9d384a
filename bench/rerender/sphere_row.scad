// rerender: last_hole 3 4
// A row of hollowed spheres, each with its own bore; the last bore changes.
last_hole = 3;
module ball(hole) {
  difference() {
    sphere(10, $fn = 40);
    sphere(8, $fn = 40);
    rotate([0, 90, 0]) cylinder(r = hole, h = 30, center = true, $fn = 24);
  }
}
for (i = [0:6]) translate([i * 25, 0, 0]) ball(i == 6 ? last_hole : 2 + i / 4);
