// rerender: hole_x 22 27
// A mounting plate with a grid of holes and countersinks; one hole moves.
hole_x = 22;
module countersunk(d) {
  translate([0, 0, -1]) cylinder(d = d, h = 12, $fn = 32);
  translate([0, 0, 4]) cylinder(d1 = d, d2 = 2 * d, h = 2.01, $fn = 32);
}
difference() {
  cube([120, 80, 6]);
  for (i = [0:4], j = [0:3])
    if (!(i == 1 && j == 1)) translate([10 + i * 25, 10 + j * 20, 0]) countersunk(5);
  translate([hole_x, 30, 0]) countersunk(6);
}
