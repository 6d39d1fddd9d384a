// Stress: a plate with 50 round holes (10 x 5 grid), one difference.
difference() {
  cube([105, 55, 4]);
  for (i = [0:9], j = [0:4])
    translate([7.5 + i * 10, 7.5 + j * 10, -1]) cylinder(r = 3, h = 6, $fn = 24);
}
